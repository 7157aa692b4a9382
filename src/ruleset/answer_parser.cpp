#include "ruleset/answer_parser.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "ruleset/spelling.h"

namespace backtriage::ruleset {

namespace {

std::string_view trim(std::string_view s) {
  const char* space = " \t\r\n";
  auto first = s.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(space) - first + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string range_text(const Question& q) {
  return fmt::format("{} to {}{}", q.min, q.max, q.unit.empty() ? "" : " " + q.unit);
}

}  // namespace

std::string quote_input(std::string_view text) {
  constexpr std::size_t kLimit = 40;
  std::string out = "'";
  std::size_t shown = 0;
  for (unsigned char c : text) {
    if (shown == kLimit) {
      out += fmt::format("...' ({} bytes)", text.size());
      return out;
    }
    if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);
    ++shown;
  }
  return out + "'";
}

std::string accepted_answers(const Question& q) {
  switch (q.type) {
    case engine::FactType::Bool: return "yes/no";
    case engine::FactType::Number: return range_text(q);
    case engine::FactType::Choice:
    case engine::FactType::Set: {
      std::string out;
      for (const auto& choice : q.choices) out += (out.empty() ? "" : ", ") + choice.id;
      return out;
    }
  }
  return "";
}

ParsedAnswer check_number(const Question& q, double value) {
  if (!std::isfinite(value))
    return AnswerError{
        fmt::format("expected a number from {}, got a non-finite value", range_text(q))};
  if (value < q.min || value > q.max)
    return AnswerError{fmt::format("{} is out of range ({})", value, range_text(q))};
  return engine::Value::number(value);
}

ParsedAnswer parse_answer(const Question& q, std::string_view raw) {
  std::string_view text = trim(raw);
  switch (q.type) {
    case engine::FactType::Bool: {
      static constexpr std::array yes{"yes", "y", "true", "1"};
      static constexpr std::array no{"no", "n", "false", "0"};
      std::string word = lower(text);
      for (const char* w : yes)
        if (word == w) return engine::Value::boolean(true);
      for (const char* w : no)
        if (word == w) return engine::Value::boolean(false);
      return AnswerError{
          fmt::format("expected yes or no (or y/n, true/false, 1/0), got {}", quote_input(raw))};
    }
    case engine::FactType::Number: {
      double value = 0;
      const char* begin = text.data();
      const char* end = begin + text.size();
      if (!text.empty() && *begin == '+') ++begin;  // from_chars rejects a leading '+'
      auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
      if (text.empty() || ec == std::errc::invalid_argument || ptr != end ||
          (begin != end && *begin != '-' && !std::isdigit(static_cast<unsigned char>(*begin)) &&
           *begin != '.'))
        return AnswerError{
            fmt::format("expected a number from {}, got {}", range_text(q), quote_input(raw))};
      if (ec == std::errc::result_out_of_range || !std::isfinite(value))
        return AnswerError{fmt::format("{} is out of range ({})", quote_input(raw), range_text(q))};
      if (value < q.min || value > q.max)
        return AnswerError{fmt::format("{} is out of range ({})", quote_input(raw), range_text(q))};
      return engine::Value::number(value == 0 ? 0.0 : value);  // no "-0"
    }
    case engine::FactType::Choice:
    case engine::FactType::Set: {
      std::string word = lower(text);
      std::vector<std::string> ids;
      for (std::size_t i = 0; i < q.choices.size(); ++i) {
        if (q.choices[i].id == word) return engine::Value::symbol(static_cast<int>(i));
        ids.push_back(q.choices[i].id);
      }
      return AnswerError{fmt::format("expected one of {}, got {}{}", accepted_answers(q),
                                     quote_input(raw), did_you_mean(word, ids))};
    }
  }
  return AnswerError{"unsupported question type"};
}

}  // namespace backtriage::ruleset
