#pragma once
// A value for each of some items of a rule set (their JSON, their quoted
// ids), found by the item's address. Filled once, read on every line: a
// full report looks up some forty, and a node map's division and pointer
// chase for each were 2.5% of its time (open_slots.h).
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "report/open_slots.h"
#include "ruleset/item.h"

namespace backtriage::report {

template <typename Value>
class ItemTable {
 public:
  // Keeps `value` for `item`, which has none yet.
  void add(const ruleset::Item* item, Value value) {
    if (find(item)) throw std::logic_error("item table: an item added twice");
    slots_.add(hash_of(item), static_cast<std::uint32_t>(items_.size()));
    items_.push_back(item);
    values_.push_back(std::move(value));
  }
  // The value kept for `item`, or null.
  const Value* find(const ruleset::Item* item) const {
    const std::uint32_t at =
        slots_.find(hash_of(item), [&](std::uint32_t entry) { return items_[entry] == item; });
    return at == OpenSlots::kNone ? nullptr : &values_[at];
  }

 private:
  static std::uint64_t hash_of(const ruleset::Item* item) {
    // Items lie in arrays, a few hundred bytes apart: a multiply spreads
    // the address's middle bits over the top ones, folded onto the low
    // ones that pick the slot.
    const std::uint64_t hash =
        static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(item)) * 0x9E3779B97F4A7C15u;
    return hash ^ (hash >> 32);
  }

  OpenSlots slots_;
  std::vector<const ruleset::Item*> items_;  // by entry
  std::vector<Value> values_;                // by entry
};

}  // namespace backtriage::report
