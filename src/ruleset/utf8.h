#pragma once
// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing
// above U+10FFFF. Everything we read (rule files, answers, flags) is UTF-8;
// a byte that is not gets a message naming where it is, never a silent
// U+FFFD in the rule set.
#include <cstddef>
#include <optional>
#include <string_view>

namespace backtriage::ruleset {

// The length of the valid UTF-8 sequence that starts at `text[i]` (1 for
// ASCII), or 0 if none does.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// The offset of the first byte that does not start a valid sequence.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace backtriage::ruleset
