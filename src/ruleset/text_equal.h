#pragma once
// Whether two short texts are the same, without a call: batch compares
// some fifty keys and answers a line ("fever", "no"), and a call to memcmp
// cost more than the comparison. A few word loads of each side, the last
// overlapping the one before; any length is right, short ones are fast.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace backtriage::ruleset {

namespace text_equal_detail {
// The `Word`-sized bytes at x and at y are the same.
template <typename Word>
inline bool same_word(const char* x, const char* y) {
  Word u, v;
  std::memcpy(&u, x, sizeof u);
  std::memcpy(&v, y, sizeof v);
  return u == v;
}
}  // namespace text_equal_detail

inline bool text_equal(std::string_view a, std::string_view b) {
  using text_equal_detail::same_word;
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (n >= 8) {
    for (std::size_t at = 0; at + 8 < n; at += 8)
      if (!same_word<std::uint64_t>(x + at, y + at)) return false;
    return same_word<std::uint64_t>(x + n - 8, y + n - 8);
  }
  if (n >= 4)
    return same_word<std::uint32_t>(x, y) && same_word<std::uint32_t>(x + n - 4, y + n - 4);
  if (n >= 2)
    return same_word<std::uint16_t>(x, y) && same_word<std::uint16_t>(x + n - 2, y + n - 2);
  return n == 0 || *x == *y;
}

}  // namespace backtriage::ruleset
