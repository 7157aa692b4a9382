#pragma once
// The bytes a JSON string holds as they are, for the writer (json_out.h),
// which copies them, and batch's reader of flat answer lines
// (cli/flat_json_reader.h), which takes them without unescaping: printable
// ASCII, DEL included, but the quote and the backslash.
#include <array>
#include <bit>
#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// How many bytes at the start of `text` are plain. Sixteen bytes a step
// where sixteen are there (SSE2, which every x86-64 has): batch's strings
// are ids and short answers, most of them shorter, and a loop of a byte a
// step mispredicted its end once a string (eight bytes a step, in a word,
// measured no faster). The rest a byte a step.
inline std::size_t plain_json_run(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  while (i + 16 <= text.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Signed, a byte below 0x20 or from 0x80 up is below 0x20.
    const __m128i not_plain =
        _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                     _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                  _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
    if (const unsigned found = static_cast<unsigned>(_mm_movemask_epi8(not_plain)))
      return i + static_cast<std::size_t>(std::countr_zero(found));
    i += 16;
  }
#endif
  while (i < text.size() && kPlainJson[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

}  // namespace backtriage::report
