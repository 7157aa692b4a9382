#include "cli/flat_json_reader.h"

#include <charconv>
#include <cstdint>

#include "report/json_plain.h"

namespace backtriage::cli {

namespace {

// At most this many digits on either side of the point: integers this short
// are exact as doubles, so converting the text straight to double gives what
// nlohmann gives (it keeps integers as integers, then casts).
constexpr std::size_t kMaxDigits = 15;

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return i_ == text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[i_]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  bool take(std::string_view word) {
    if (text_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  void skip_space() {
    while (!at_end() &&
           (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\n' || text_[i_] == '\r'))
      ++i_;
  }

  // A string of plain bytes (report/json_plain.h): no escape, which the
  // nlohmann path reads, and nothing outside printable ASCII.
  bool string(std::string_view& out) {
    if (!take('"')) return false;
    const std::size_t start = i_;
    i_ += report::plain_json_run(text_.substr(i_));
    if (!take('"')) return false;  // the end, an escape or a byte outside printable ASCII
    out = text_.substr(start, i_ - 1 - start);
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?, short, and not a negative zero.
  bool number(double& out) {
    const std::size_t start = i_;
    const bool negative = take('-');
    const std::size_t whole = digits();
    if (whole == 0 || whole > kMaxDigits) return false;
    if (whole > 1 && text_[i_ - whole] == '0') return false;
    const bool whole_only = !take('.');
    if (!whole_only) {
      const std::size_t fraction = digits();
      if (fraction == 0 || fraction > kMaxDigits) return false;
    }
    if (peek() == 'e' || peek() == 'E') return false;
    if (whole_only) {  // most answers: worked out here, as exactly as from_chars would
      std::uint64_t n = 0;
      for (std::size_t k = i_ - whole; k < i_; ++k)
        n = n * 10 + static_cast<std::uint64_t>(text_[k] - '0');
      out = static_cast<double>(n);
      if (negative) out = -out;
      return !(negative && n == 0);
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + i_;
    auto [end, error] = std::from_chars(first, last, out);
    if (error != std::errc() || end != last) return false;
    return !(negative && out == 0);
  }

 private:
  std::size_t digits() {
    const std::size_t start = i_;
    while (!at_end() && text_[i_] >= '0' && text_[i_] <= '9') ++i_;
    return i_ - start;
  }

  std::string_view text_;
  std::size_t i_ = 0;
};

bool read_value(Cursor& in, FlatJsonValue& value) {
  using Kind = FlatJsonValue::Kind;
  switch (in.peek()) {
    case '"': value.kind = Kind::String; return in.string(value.text);
    case 't': value.kind = Kind::True; return in.take("true");
    case 'f': value.kind = Kind::False; return in.take("false");
    case 'n': value.kind = Kind::Null; return in.take("null");
    default: value.kind = Kind::Number; return in.number(value.number);
  }
}

}  // namespace

bool read_flat_json_object(std::string_view text, std::vector<FlatJsonMember>& members) {
  members.clear();
  Cursor in(text);
  in.skip_space();
  if (!in.take('{')) return false;
  in.skip_space();
  if (!in.take('}')) {
    do {
      in.skip_space();
      FlatJsonMember member;
      if (!in.string(member.key)) return false;
      in.skip_space();
      if (!in.take(':')) return false;
      in.skip_space();
      if (!read_value(in, member.value)) return false;
      members.push_back(member);
      in.skip_space();
    } while (in.take(','));
    if (!in.take('}')) return false;
  }
  in.skip_space();
  return in.at_end();
}

}  // namespace backtriage::cli
