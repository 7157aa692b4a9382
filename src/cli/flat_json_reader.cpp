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

// Walks the text by pointer: batch reads some twenty members a line, and
// the index and bounds checks of string_view::substr were a fifth of this
// reader's instructions.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool at_end() const { return p_ == end_; }
  char peek() const { return p_ == end_ ? '\0' : *p_; }
  bool take(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool take(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }
  // Batch lines are mostly written without spaces: one comparison tells a
  // byte that cannot be one.
  void skip_space() {
    while (p_ != end_ && static_cast<unsigned char>(*p_) <= ' ' &&
           (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r'))
      ++p_;
  }

  // A string of plain bytes (report/json_plain.h): no escape, which the
  // nlohmann path reads, and nothing outside printable ASCII.
  bool string(std::string_view& out) {
    if (!take('"')) return false;
    const char* start = p_;
    p_ += report::plain_json_run(std::string_view(p_, static_cast<std::size_t>(end_ - p_)));
    if (!take('"')) return false;  // the end, an escape or a byte outside printable ASCII
    out = std::string_view(start, static_cast<std::size_t>(p_ - 1 - start));
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?, short, and not a negative zero.
  bool number(double& out) {
    const char* start = p_;
    const bool negative = take('-');
    const char* whole_start = p_;
    const std::size_t whole = digits();
    if (whole == 0 || whole > kMaxDigits) return false;
    if (whole > 1 && *whole_start == '0') return false;
    const bool whole_only = !take('.');
    if (!whole_only) {
      const std::size_t fraction = digits();
      if (fraction == 0 || fraction > kMaxDigits) return false;
    }
    if (peek() == 'e' || peek() == 'E') return false;
    if (whole_only) {  // most answers: worked out here, as exactly as from_chars would
      std::uint64_t n = 0;
      for (const char* k = whole_start; k < p_; ++k)
        n = n * 10 + static_cast<std::uint64_t>(*k - '0');
      out = static_cast<double>(n);
      if (negative) out = -out;
      return !(negative && n == 0);
    }
    auto [end, error] = std::from_chars(start, p_, out);
    if (error != std::errc() || end != p_) return false;
    return !(negative && out == 0);
  }

 private:
  std::size_t digits() {
    const char* start = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return static_cast<std::size_t>(p_ - start);
  }

  const char* p_;
  const char* end_;
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
      FlatJsonMember& member = members.emplace_back();  // filled in place
      if (!in.string(member.key)) return false;
      in.skip_space();
      if (!in.take(':')) return false;
      in.skip_space();
      if (!read_value(in, member.value)) return false;
      in.skip_space();
    } while (in.take(','));
    if (!in.take('}')) return false;
  }
  in.skip_space();
  return in.at_end();
}

bool read_flat_json_value(std::string_view text, FlatJsonValue& value) {
  Cursor in(text);
  return read_value(in, value) && in.at_end();
}

}  // namespace backtriage::cli
