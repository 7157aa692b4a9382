#pragma once
// Bytes that tell states apart, for keys of what was worked out before: a
// rerun's (RerunKey), a batch trace entry's (report/render_json.cpp).
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

#include "engine/value.h"

namespace backtriage::engine {

// Appends to `key` through a buffer of its own, when it goes: a key is
// built for every optional question of every batch line, and a
// std::string::append for each few bytes cost more than the rerun it saves.
class KeyWriter {
 public:
  explicit KeyWriter(std::string& key) : key_(key) {}
  ~KeyWriter() { key_.append(buffer_, used_); }
  template <typename T>
  void raw(const T& value) {
    room(sizeof(T));
    std::memcpy(buffer_ + used_, &value, sizeof(T));
    used_ += sizeof(T);
  }
  // The `size` low bytes of `value`, lowest first, on any machine.
  void low_bytes(std::uint64_t value, std::size_t size) {
    room(sizeof value);
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(buffer_ + used_, &value, sizeof value);  // one move; the rest is not kept
    } else {
      for (std::size_t i = 0; i < size; ++i)
        buffer_[used_ + i] = static_cast<char>(value >> (8 * i));
    }
    used_ += size;
  }
  // A list of values, counted: lists of different lengths never agree.
  void values(std::span<const Value> values) {
    raw(static_cast<std::uint32_t>(values.size()));
    for (Value v : values) raw(v.as_number());
  }

 private:
  void room(std::size_t size) {
    if (used_ + size > sizeof buffer_) {
      key_.append(buffer_, used_);
      used_ = 0;
    }
  }
  std::string& key_;
  char buffer_[256];
  std::size_t used_ = 0;
};

}  // namespace backtriage::engine
