#pragma once
// Values found by a key of bytes (report/key_hash.h): --brief's bodies by
// the items they name, what opening a set of questions reruns by the set.
// Batch looks one or two up on every line: the keys' bytes lie in one
// array, found through open_slots.h, not each in an allocation of its own.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/key_hash.h"
#include "report/open_slots.h"

namespace backtriage::report {

template <typename Value>
class ByteKeyMap {
 public:
  // The value kept for `key`, or null; valid until the next add or clear.
  Value* find(std::string_view key) {
    const std::uint32_t at = find_entry(key, key_hash(key));
    return at == OpenSlots::kNone ? nullptr : &values_[at];
  }
  const Value* find(std::string_view key) const { return const_cast<ByteKeyMap*>(this)->find(key); }
  // Keeps `value` for `key`, which has none yet.
  Value& add(std::string_view key, Value value) {
    const std::uint64_t hash = key_hash(key);
    if (find_entry(key, hash) != OpenSlots::kNone)
      throw std::logic_error("byte key map: a key added twice");
    slots_.add(hash, static_cast<std::uint32_t>(values_.size()));
    keys_.push_back({keys_bytes_.size(), key.size()});
    keys_bytes_.append(key);
    return values_.emplace_back(std::move(value));
  }
  std::size_t size() const { return values_.size(); }
  void clear() {
    slots_.clear();
    keys_.clear();
    keys_bytes_.clear();
    values_.clear();
  }
  // Every value kept, in the order added.
  std::vector<Value>& values() { return values_; }

 private:
  std::uint32_t find_entry(std::string_view key, std::uint64_t hash) const {
    return slots_.find(hash, [&](std::uint32_t entry) {
      return std::string_view(keys_bytes_).substr(keys_[entry].first, keys_[entry].second) == key;
    });
  }

  OpenSlots slots_;
  std::vector<std::pair<std::size_t, std::size_t>> keys_;  // by entry: where its key is, how long
  std::string keys_bytes_;                                 // the keys, one after another
  std::vector<Value> values_;
};

}  // namespace backtriage::report
