#pragma once
// The bytes a JSON string holds as they are, for the writer (json_out.h),
// which copies them, and batch's reader of flat answer lines
// (cli/flat_json_reader.h), which takes them without unescaping: printable
// ASCII, DEL included, but the quote and the backslash.
#include <array>
#include <cstddef>
#include <string_view>

namespace backtriage::report {

// A table, one load a byte: batch reads and writes millions of strings.
inline constexpr std::array<bool, 256> kPlainJson = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

constexpr bool is_plain_json(unsigned char c) {
  return kPlainJson[c];
}

// How many bytes at the start of `text` are plain. A byte a step: batch's
// strings are ids and short answers, for which eight bytes a step measured
// slower.
inline std::size_t plain_json_run(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && kPlainJson[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

}  // namespace backtriage::report
