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

std::string wrap(std::string_view text, int width, std::string_view first, std::size_t indent) {
  const std::size_t limit = static_cast<std::size_t>(width > 0 ? width : 80);
  const std::string margin(indent, ' ');
  std::string out(first);
  std::size_t column = display_width(first);
  bool line_empty = true;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {  // a paragraph break the text asks for
      out += '\n';
      out += margin;
      column = indent;
      line_empty = true;
      ++i;
      continue;
    }
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' &&
           text[end] != '\r')
      ++end;
    const std::string_view word = text.substr(i, end - i);
    const std::size_t w = display_width(word);
    if (!line_empty && column + 1 + w > limit) {
      out += '\n';
      out += margin;
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += w;
    line_empty = false;
    i = end;
  }
  out += '\n';
  return out;
}

}  // namespace backtriage::report
