#include "report/item_table.h"

#include <catch2/catch.hpp>
#include <string>

#include "ruleset/loader.h"

using backtriage::report::ItemTable;
using backtriage::ruleset::Item;

TEST_CASE("an item table finds each item's own value, and none for another", "[report]") {
  const auto& rules = backtriage::ruleset::embedded_rule_set();
  const auto& facts = rules.knowledge_base().facts();
  // Every item of every fact but the last that has some: about a hundred, so the
  // table grows and its slots collide; the last fact's items are left out.
  std::vector<const Item*> added, left_out;
  for (std::size_t f = 0; f < facts.size(); ++f) {
    for (const Item& item : rules.items_of(static_cast<int>(f))) left_out.push_back(&item);
    if (!left_out.empty() && f + 1 < facts.size()) {
      added.insert(added.end(), left_out.begin(), left_out.end());
      left_out.clear();
    }
  }
  REQUIRE(added.size() > 64);  // the table grows to 256 slots
  ItemTable<std::string> table;
  for (const Item* item : added) table.add(item, item->id + "@" + std::to_string(added.size()));
  for (const Item* item : added) {
    const std::string* value = table.find(item);
    REQUIRE(value);
    CHECK(*value == item->id + "@" + std::to_string(added.size()));
  }
  for (const Item* item : left_out) CHECK(table.find(item) == nullptr);
  CHECK(table.find(&rules.undecided) == nullptr);
  CHECK_THROWS(table.add(added.front(), "again"));
  CHECK(ItemTable<int>().find(added.front()) == nullptr);
}
