#pragma once
// A value for each of some items of a rule set (their JSON, their quoted
// ids), found by the item's address. Filled once, read on every line: a
// full report looks up some forty, and a node map's division and pointer
// chase for each were 2.5% of its time. Open addressing over a power of
// two of slots, at most half of them used.
#include <bit>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "ruleset/item.h"

namespace backtriage::report {

template <typename Value>
class ItemTable {
 public:
  // Keeps `value` for `item`, which has none yet.
  void add(const ruleset::Item* item, Value value) {
    if (2 * (values_.size() + 1) > slots_.size()) grow();
    std::size_t i = first_slot(item);
    while (slots_[i].item) {
      if (slots_[i].item == item) throw std::logic_error("item table: an item added twice");
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = {item, values_.size()};
    values_.push_back(std::move(value));
  }
  // The value kept for `item`, or null.
  const Value* find(const ruleset::Item* item) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = first_slot(item);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].item == item) return &values_[slots_[i].value];
      if (!slots_[i].item) return nullptr;
    }
  }

 private:
  struct Slot {
    const ruleset::Item* item = nullptr;
    std::size_t value = 0;
  };
  std::size_t first_slot(const ruleset::Item* item) const {
    // Items lie in arrays, a few hundred bytes apart: a multiply spreads
    // the address's middle bits over the top ones, which pick the slot.
    const auto bits = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(item));
    return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15u) >> shift_);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    shift_ = 64 - std::countr_zero(slots_.size());
    for (const Slot& s : old) {
      if (!s.item) continue;
      std::size_t i = first_slot(s.item);
      while (slots_[i].item) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::vector<Value> values_;
  int shift_ = 64;
};

}  // namespace backtriage::report
