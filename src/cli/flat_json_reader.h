#pragma once
// A strict reader for the common batch line: one flat JSON object whose
// values are true, false, null, plain numbers or strings of printable ASCII
// without escapes. Anything else — escapes, nesting, exponents, odd bytes,
// trailing text — it declines, and the caller falls back to nlohmann, whose
// messages stay the only error messages. Repeated keys it leaves to the
// caller, which maps each key to a question and sees a repeat in one pass.
#include <string_view>
#include <vector>

namespace backtriage::cli {

struct FlatJsonValue {
  enum class Kind { Null, True, False, Number, String } kind = Kind::Null;
  double number = 0;      // Number: as nlohmann parses it (to double)
  std::string_view text;  // String: the characters between the quotes
};

struct FlatJsonMember {
  std::string_view key;
  FlatJsonValue value;
};

// Fills `members` (cleared first) and returns true if `text` is such an
// object; returns false, members unspecified, if not.
bool read_flat_json_object(std::string_view text, std::vector<FlatJsonMember>& members);

// Fills `value` and returns true if `text` is one such value and nothing
// else (no space around it); returns false, value unspecified, if not.
bool read_flat_json_value(std::string_view text, FlatJsonValue& value);

}  // namespace backtriage::cli
