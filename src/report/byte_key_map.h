#pragma once
// Values found by a key of bytes (report/key_hash.h): --brief's bodies by
// the items they name, what opening a set of questions reruns by the set.
// Batch looks one or two up on every line, and a node map of vector keys
// cost a bucket, a node and the key's own allocation each a trip to
// memory, and a division each step along a bucket. Here a slot holds the
// key's hash and where its bytes lie in one array; open addressing over a
// power of two of slots, at most half of them used.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/key_hash.h"

namespace backtriage::report {

template <typename Value>
class ByteKeyMap {
 public:
  // The value kept for `key`, or null; valid until the next add or clear.
  Value* find(std::string_view key) {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[slot_of(key, key_hash(key))];
    return s.used ? &values_[s.value] : nullptr;
  }
  const Value* find(std::string_view key) const { return const_cast<ByteKeyMap*>(this)->find(key); }
  // Keeps `value` for `key`, which has none yet.
  Value& add(std::string_view key, Value value) {
    if (2 * (values_.size() + 1) > slots_.size()) grow();
    const std::uint64_t hash = key_hash(key);
    Slot& s = slots_[slot_of(key, hash)];
    if (s.used) throw std::logic_error("byte key map: a key added twice");
    s = Slot{hash, keys_.size(), key.size(), values_.size(), true};
    keys_.append(key);
    return values_.emplace_back(std::move(value));
  }
  std::size_t size() const { return values_.size(); }
  void clear() {
    slots_.clear();
    keys_.clear();
    values_.clear();
  }
  // Every value kept, in the order added.
  std::vector<Value>& values() { return values_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t key_at = 0, key_size = 0, value = 0;
    bool used = false;
  };
  // The slot of `key`, or the empty slot where it would go.
  std::size_t slot_of(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used ||
          (s.hash == hash && std::string_view(keys_).substr(s.key_at, s.key_size) == key))
        return i;
    }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].used) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // a power of two of them, at most half used
  std::string keys_;         // the keys' bytes, one after another
  std::vector<Value> values_;
};

}  // namespace backtriage::report
