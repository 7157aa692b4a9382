#pragma once
// Where a table's entries are, by their hash: open addressing over a power
// of two of slots, at most half of them used, each slot an entry's number
// and its whole hash (so a probe compares an entry only when the hashes
// agree). The tables batch looks up on every line (byte_key_map.h,
// findings_by_key.h, item_table.h) keep their entries as suits each and
// find them through this: a node map cost a bucket, a node and a division
// for each step along a bucket.
#include <cstdint>
#include <limits>
#include <vector>

namespace backtriage::report {

class OpenSlots {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  // The number of the entry with hash `hash` for which `same(number)`
  // holds, or kNone.
  template <typename Same>
  std::uint32_t find(std::uint64_t hash, Same&& same) const {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.entry == kNone) return kNone;
      if (s.hash == hash && same(s.entry)) return s.entry;
    }
  }
  // The first entry filed under `hash`, which may or may not be the one
  // sought, or kNone: for a caller to prefetch what it will compare.
  std::uint32_t first_with(std::uint64_t hash) const {
    return find(hash, [](std::uint32_t) { return true; });
  }
  // Starts bringing the first slot `hash` probes into the cache.
  void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(slots_.data() + (hash & (slots_.size() - 1)));
  }
  // Files entry number `entry` under `hash`; the caller has found none the same.
  void add(std::uint64_t hash, std::uint32_t entry) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    place(Slot{hash, entry});
    ++used_;
  }
  void clear() {
    slots_.clear();
    used_ = 0;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t entry = kNone;
  };
  void place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots_[i].entry != kNone) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    for (const Slot& s : old)
      if (s.entry != kNone) place(s);
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace backtriage::report
