#include "report/text_wrap.h"

namespace backtriage::report {

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b) {  // skip "\x1b[...m"
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    n += (c & 0xC0) != 0x80;
  }
  return n;
}

namespace {

// Whether `c` ends a word: a space, a tab, a line break or a carriage return.
bool ends_word(char c) {
  return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

}  // namespace

std::string wrap(std::string_view text, int width, std::string_view first, std::size_t indent) {
  const std::size_t limit = static_cast<std::size_t>(width > 0 ? width : 80);
  std::string out;
  // Each line break adds its margin: room for one every 16 bytes, so that
  // a report's text is appended without growing the string again.
  out.reserve(first.size() + text.size() + 1 + (text.size() / 16 + 1) * indent);
  out += first;
  std::size_t column = display_width(first);
  bool line_empty = true;
  auto new_line = [&] {
    out += '\n';
    out.append(indent, ' ');
    column = indent;
    line_empty = true;
  };
  const char* p = text.data();
  const char* const stop = p + text.size();
  while (p < stop) {
    if (*p == '\n') {  // a paragraph break the text asks for
      new_line();
      ++p;
      continue;
    }
    if (ends_word(*p)) {
      ++p;
      continue;
    }
    // The word and its width in one pass; a colour code in it (rare) is
    // measured again without its escape.
    const char* end = p;
    std::size_t w = 0;
    bool escape = false;
    do {
      const auto c = static_cast<unsigned char>(*end);
      escape |= c == 0x1b;
      w += (c & 0xC0) != 0x80;
      ++end;
    } while (end < stop && !ends_word(*end));
    const std::string_view word(p, static_cast<std::size_t>(end - p));
    if (escape) w = display_width(word);
    if (!line_empty && column + 1 + w > limit) new_line();
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += w;
    line_empty = false;
    p = end;
  }
  out += '\n';
  return out;
}

}  // namespace backtriage::report
