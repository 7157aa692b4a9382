#include "report/findings_by_key.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "report/key_hash.h"

using backtriage::engine::FactId;
using backtriage::report::FindingsByKey;
using backtriage::report::key_hash;

namespace {

std::vector<FactId> as_vector(std::span<const FactId> ids) {
  return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("findings by key: each key finds its own lists, as a map would", "[report]") {
  // Keys as RerunKey makes them: bytes of any value, of many lengths, many
  // sharing a start; thousands of them, so slots fill, collide and grow.
  std::mt19937 random(7);
  std::map<std::string, std::vector<FactId>> expected;
  FindingsByKey table;
  for (int n = 0; n < 5000; ++n) {
    std::string key(random() % 120, '\0');
    for (char& c : key) c = static_cast<char>(random() % 4);  // few byte values: near misses
    if (expected.contains(key)) continue;
    std::vector<FactId> matter(random() % 5);
    for (FactId& id : matter) id = static_cast<FactId>(random() % 40);
    const auto added = table.add(key, matter);
    CHECK(as_vector(added.matter) == matter);
    CHECK_FALSE(added.assumed);
    expected.emplace(key, matter);
  }
  REQUIRE(table.size() == expected.size());
  // Some of each other key's questions assumed: kept beside its own lists,
  // where they move neither those nor another key's.
  std::map<std::string, std::vector<FactId>> assumed;
  bool every_other = false;
  for (const auto& [key, matter] : expected)
    if ((every_other = !every_other)) {
      const std::vector<FactId> some(matter.begin(),
                                     matter.begin() + random() % (matter.size() + 1));
      table.set_assumed(key, some);
      assumed.emplace(key, some);
    }
  for (const auto& [key, matter] : expected) {
    const auto found = table.find(key);
    REQUIRE(found);
    CHECK(as_vector(found->matter) == matter);
    // Found as well by a hash worked out before, with its record prefetched.
    table.prefetch_slot(key_hash(key));
    table.prefetch_record(key_hash(key));
    REQUIRE(table.find(key, key_hash(key)));
    CHECK(as_vector(table.find(key, key_hash(key))->matter) == matter);
    if (assumed.contains(key)) {
      REQUIRE(found->assumed);
      CHECK(as_vector(*found->assumed) == assumed.at(key));
    } else {
      CHECK_FALSE(found->assumed);
    }
    // One byte more, or one less: another key, not this one's finding.
    if (!expected.contains(key + '\x03')) CHECK_FALSE(table.find(key + '\x03'));
    if (!key.empty() && !expected.contains(key.substr(1))) CHECK_FALSE(table.find(key.substr(1)));
  }
}

TEST_CASE("findings by key: what is assumed is kept beside what matters", "[report]") {
  FindingsByKey table;
  CHECK_FALSE(table.find(""));
  const std::vector<FactId> matter{3, 5, 8}, assumed{5};
  table.add("", {});
  table.add("set of three", matter);
  table.set_assumed("set of three", assumed);
  table.set_assumed("", {});
  auto found = table.find("set of three");
  REQUIRE(found);
  CHECK(as_vector(found->matter) == matter);
  REQUIRE(found->assumed);
  CHECK(as_vector(*found->assumed) == assumed);
  found = table.find("");
  REQUIRE(found);
  CHECK(found->matter.empty());
  REQUIRE(found->assumed);  // none assumed is a finding too
  CHECK(found->assumed->empty());
  // Kept again, fewer: the later list is the one found.
  table.set_assumed("set of three", std::vector<FactId>{3, 8});
  CHECK(as_vector(*table.find("set of three")->assumed) == std::vector<FactId>{3, 8});
  CHECK(as_vector(table.find("set of three")->matter) == matter);
  CHECK_THROWS(table.add("", {}));
  CHECK_THROWS(table.set_assumed("never added", {}));
  // No more assumed than matter: ReportBuilder assumes only questions that matter.
  CHECK_THROWS(table.set_assumed("", std::vector<FactId>{5}));
  table.clear();
  CHECK(table.size() == 0);
  CHECK_FALSE(table.find("set of three"));
  table.add("set of three", assumed);
  CHECK(as_vector(table.find("set of three")->matter) == assumed);
}
