#include "cli/record_id.h"

#include <cmath>
#include <cstdlib>

#include "report/json_out.h"
#include "ruleset/utf8.h"

namespace backtriage::cli {

namespace {

// A scanner over the line: only the grammar the first member needs.
struct Scan {
  std::string_view s;
  std::size_t at = 0;
  void spaces() {
    while (at < s.size() && (s[at] == ' ' || s[at] == '\t' || s[at] == '\r' || s[at] == '\n')) ++at;
  }
  bool take(char c) {
    if (at < s.size() && s[at] == c) return ++at, true;
    return false;
  }
  bool digit() const { return at < s.size() && s[at] >= '0' && s[at] <= '9'; }
  bool hex() const {
    return at < s.size() && ((s[at] >= '0' && s[at] <= '9') || (s[at] >= 'a' && s[at] <= 'f') ||
                             (s[at] >= 'A' && s[at] <= 'F'));
  }
  // A JSON string from its opening quote; false when it is not well formed.
  bool string() {
    if (!take('"')) return false;
    while (at < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[at]);
      if (c == '"') return ++at, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        ++at;
        if (take('u')) {
          for (int i = 0; i < 4; ++i, ++at)
            if (!hex()) return false;
        } else if (at < s.size() &&
                   std::string_view("\"\\/bfnrt").find(s[at]) != std::string_view::npos) {
          ++at;
        } else {
          return false;
        }
      } else {
        ++at;
      }
    }
    return false;
  }
  bool number() {
    take('-');
    if (take('0')) {
    } else if (digit()) {
      while (digit()) ++at;
    } else {
      return false;
    }
    if (take('.')) {
      if (!digit()) return false;
      while (digit()) ++at;
    }
    if (take('e') || take('E')) {
      if (!take('+')) take('-');
      if (!digit()) return false;
      while (digit()) ++at;
    }
    return true;
  }
};

}  // namespace

std::string leading_record_id(std::string_view line) {
  Scan scan{line};
  if (line.substr(0, 3) == "\xEF\xBB\xBF") scan.at = 3;
  scan.spaces();
  if (!scan.take('{')) return "";
  scan.spaces();
  if (line.substr(scan.at, 4) != "\"id\"") return "";
  scan.at += 4;
  scan.spaces();
  if (!scan.take(':')) return "";
  scan.spaces();
  const std::size_t start = scan.at;
  if (scan.at < line.size() && line[scan.at] == '"') {
    if (!scan.string()) return "";
  } else {
    if (!scan.number()) return "";
    // A number too large for a double cannot be echoed as the same id.
    const std::string text(line.substr(start, scan.at - start));
    if (!std::isfinite(std::strtod(text.c_str(), nullptr))) return "";
  }
  const std::string_view value = line.substr(start, scan.at - start);
  if (ruleset::first_invalid_utf8(value)) return "";
  scan.spaces();
  if (!scan.take(',') && !scan.take('}')) return "";
  return std::string(value);
}

bool record_id_text(const FlatJsonValue& value, std::string& out) {
  report::JsonOut writer(out, -1);
  if (value.kind == FlatJsonValue::Kind::String)
    writer.string(value.text);
  else if (value.kind == FlatJsonValue::Kind::Number)
    writer.number(value.number);
  else
    return false;
  return true;
}

}  // namespace backtriage::cli
