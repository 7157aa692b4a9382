#include "report/json_string.h"

#include <cstdint>
#include <cstring>

namespace backtriage::report {

namespace {

bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

void append_escaped_ascii(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (!needs_escape(c)) {
      out += ch;
      continue;
    }
    out += '\\';
    switch (c) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '\b': out += 'b'; break;
      case '\f': out += 'f'; break;
      case '\n': out += 'n'; break;
      case '\r': out += 'r'; break;
      case '\t': out += 't'; break;
      default:  // other control characters: \u00XX, lower-case hex as nlohmann
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
}

// Whether 8 bytes hold one that is >= 0x80, < 0x20, '"' or '\\': a word at a
// time, as reports are mostly long plain text.
bool word_needs_care(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const std::uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHighs;
  return ((w & kHighs) | below_space | has_zero(w ^ ('"' * kOnes)) |
          has_zero(w ^ ('\\' * kOnes))) != 0;
}

}  // namespace

bool append_ascii_json_string(std::string& out, std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    if (word_needs_care(w)) break;
  }
  bool plain = true;
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) return false;
    if (needs_escape(c)) plain = false;
  }
  out += '"';
  if (plain)
    out.append(text);
  else
    append_escaped_ascii(out, text);
  out += '"';
  return true;
}

void append_json_string(std::string& out, std::string_view text, JsonErrorHandler handler) {
  if (!append_ascii_json_string(out, text))
    out += nlohmann::ordered_json(std::string(text)).dump(-1, ' ', false, handler);
}

bool is_ascii(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    if (w & 0x8080808080808080) return false;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  return true;
}
}  // namespace backtriage::report
