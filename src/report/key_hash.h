#pragma once
// The hash of a key of bytes (a list of numbers as its bytes; a key that
// engine::KeyWriter made), for the open-addressed tables that batch looks
// up on every line (byte_key_map.h, findings_by_key.h): eight bytes a step,
// each step and the end mixed, so the low bits that choose a slot depend
// on every byte.
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace backtriage::report {

inline std::uint64_t key_hash(std::string_view key) {
  std::uint64_t hash = 0x9E3779B97F4A7C15u ^ key.size();
  std::size_t at = 0;
  for (; at + 8 <= key.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, key.data() + at, sizeof word);
    hash = (hash ^ word) * 0xBF58476D1CE4E5B9u;
    hash ^= hash >> 31;
  }
  std::uint64_t rest = 0;
  if (at < key.size()) std::memcpy(&rest, key.data() + at, key.size() - at);
  hash = (hash ^ rest) * 0x94D049BB133111EBu;
  return hash ^ (hash >> 29);
}

// The bytes of a list of numbers, as a key.
template <typename T>
std::string_view key_bytes(const std::vector<T>& values) {
  return {reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T)};
}

}  // namespace backtriage::report
