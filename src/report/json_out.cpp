#include "report/json_out.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "report/json_plain.h"
#include "ruleset/utf8.h"

namespace backtriage::report {

void append_json_string(std::string& out, std::string_view text) {
  std::size_t i = plain_json_run(text);
  if (i == text.size()) {  // nothing to escape, as for nearly every string: one append
    const std::size_t at = out.size();
    out.resize(at + text.size() + 2);
    char* to = out.data() + at;
    to[0] = '"';
    std::memcpy(to + 1, text.data(), text.size());
    to[text.size() + 1] = '"';
    return;
  }
  out += '"';
  out.append(text.data(), i);
  while (i < text.size()) {
    // Copy runs of plain ASCII at once.
    const std::size_t run = i + plain_json_run(text.substr(i));
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      if (std::size_t n = ruleset::utf8_sequence_length(text, i)) {
        out.append(text.data() + i, n);
        i += n;
      } else {
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        ++i;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", c);
    }
    ++i;
  }
  out += '"';
}

void JsonOut::newline() {
  out_ += '\n';
  out_.append(static_cast<std::size_t>(depth_) * static_cast<std::size_t>(indent_), ' ');
}

void JsonOut::open(char bracket) {
  before_value();
  if (depth_ == kDeepest) throw std::length_error("JSON nested more than 64 levels deep");
  out_ += bracket;
  empty_ = empty_ << 1 | 1;
  ++depth_;
}

void JsonOut::close(char bracket) {
  const bool was_empty = empty_ & 1;
  empty_ >>= 1;
  --depth_;
  if (!was_empty && !compact()) newline();
  out_ += bracket;
}

void JsonOut::key(const JsonKey& name) {
  before_value();
  out_ += name.quoted();
  if (!compact()) out_ += ' ';
  after_key_ = true;
}

void JsonOut::key_text(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += ':';
  if (!compact()) out_ += ' ';
  after_key_ = true;
}

void JsonOut::string(std::string_view text) {
  before_value();
  append_json_string(out_, text);
}

void JsonOut::integer(std::int64_t n) {
  before_value();
  char digits[24];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

void JsonOut::number(double x) {
  if (std::nearbyint(x) == x && std::fabs(x) < 9.0e15) return integer(static_cast<std::int64_t>(x));
  before_value();
  if (!std::isfinite(x)) {
    out_ += "null";  // JSON has no infinity; never reached with checked answers
    return;
  }
  char digits[32];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, x).ptr);
}

void JsonOut::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonOut::null() {
  before_value();
  out_ += "null";
}

void JsonOut::string_list(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& item : items) string(item);
  end_array();
}

}  // namespace backtriage::report
