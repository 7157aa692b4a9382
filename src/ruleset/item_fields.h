#pragma once
// The keys of an item that hold text, or a list of texts, each with the
// member of Item that keeps it: the item reader reads the plain ones, and a
// report's JSON writes any in the shape its role's row names (roles.h,
// `json`), from this one table.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

struct ItemField {
  std::string_view key;
  std::string Item::*text = nullptr;               // one text, or
  std::vector<std::string> Item::*list = nullptr;  // a list of texts
  // Read by a reader of its own, against the rest of the file (a level's
  // id, a position): the others are read as they stand.
  bool checked = false;

  bool empty_in(const Item& item) const {
    return text ? (item.*text).empty() : (item.*list).empty();
  }
};

// The plain ones in the order the reader reads them, then the checked.
std::span<const ItemField> item_fields();
// The field of `key`; nullptr for a key that holds no text (a dose).
const ItemField* find_item_field(std::string_view key);

}  // namespace backtriage::ruleset
