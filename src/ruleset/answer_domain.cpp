#include "ruleset/answer_domain.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "ruleset/spelling.h"
#include "ruleset/text_equal.h"
#include "ruleset/utf8.h"

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

// "one spot", "one-spot", "One  Spot" -> "one_spot"; also drops a trailing
// full stop, which people type out of habit.
std::string as_id(std::string_view text) {
  std::string out;
  for (char c : lower(text)) {
    if (c == ' ' || c == '-' || c == '_') {
      if (!out.empty() && out.back() != '_') out += '_';
    } else {
      out += c;
    }
  }
  while (!out.empty() && (out.back() == '_' || out.back() == '.')) out.pop_back();
  return out;
}

std::string number_text(double x) {
  return fmt::format("{}", x);
}

}  // namespace

std::string AcceptedAnswers::describe() const {
  switch (kind) {
    case Kind::YesNo: return list_or(words);
    case Kind::Number:
      return fmt::format("a {}number from {} to {}{}", whole ? "whole " : "", number_text(min),
                         number_text(max), unit.empty() ? "" : " (" + unit + ")");
    case Kind::Choice: {
      std::string out = "one of ";
      for (std::size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + words[i];
      return out;
    }
  }
  return "";
}

std::string AcceptedAnswers::brief() const {
  switch (kind) {
    case Kind::YesNo: return fmt::format("{}", fmt::join(words, "/"));
    case Kind::Number: return fmt::format("{}-{}", number_text(min), number_text(max));
    case Kind::Choice: return fmt::format("{}", fmt::join(words, "|"));
  }
  return "";
}

AcceptedAnswers accepted_answers(const Question& q) {
  AcceptedAnswers a;
  switch (q.type) {
    case engine::FactType::Number:
      a.kind = AcceptedAnswers::Kind::Number;
      a.min = q.min;
      a.max = q.max;
      a.unit = q.unit;
      a.whole = q.whole;
      break;
    case engine::FactType::Choice:
    case engine::FactType::Set:
    case engine::FactType::Ranked:
      a.kind = AcceptedAnswers::Kind::Choice;
      for (const auto& c : q.choices) {
        a.words.push_back(c.id);
        a.labels.push_back(c.as<Named>().label);
      }
      break;
    case engine::FactType::Bool:
      a.kind = AcceptedAnswers::Kind::YesNo;
      a.words = {"yes", "no"};
      if (q.accepts_unsure()) a.words.push_back("unsure");
      break;
  }
  return a;
}

std::string quote_input(std::string_view text) {
  constexpr std::size_t kLimit = 40;  // characters
  std::string out = "'";
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size(); ++shown) {
    if (shown == kLimit) {
      out += fmt::format("...' ({} bytes)", text.size());
      return out;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0 || c < 0x20 || c == 0x7f) {
      // A control character or a byte that is not UTF-8, shown as its value.
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    const std::string_view character = text.substr(i, n);
    // Characters that print as nothing would make "got 'yes'" look right.
    if (character == "\xEF\xBB\xBF")
      out += "\\uFEFF";
    else if (character == "\xC2\xA0")
      out += "\\u00A0";
    else if (n == 3 && c == 0xE2 && text[i + 1] == '\x80' &&
             static_cast<unsigned char>(text[i + 2]) >= 0x8B &&
             static_cast<unsigned char>(text[i + 2]) <= 0x8F)
      out += fmt::format("\\u{:04X}", 0x2000 + (static_cast<unsigned char>(text[i + 2]) - 0x80));
    else
      out += character;
    i += n;
  }
  return out + "'";
}

ParsedAnswer check_number(const Question& q, double value) {
  // What is accepted is worked out for a message only: batch checks a
  // number or two on every line.
  auto accepted = [&] { return accepted_answers(q).describe(); };
  if (!std::isfinite(value))
    return AnswerError{fmt::format("expected {}, got a non-finite value", accepted())};
  if (value < q.min || value > q.max)
    return AnswerError{
        fmt::format("{} is out of range: expected {}", number_text(value), accepted())};
  if (q.whole && value != std::floor(value))
    return AnswerError{fmt::format("expected {}, got {}", accepted(), number_text(value))};
  return engine::Value::number(value == 0 ? 0.0 : value);  // no "-0"
}

namespace {

// The spellings of yes and no that flags and files take (in any case, once
// parse_answer has folded it), and "unsure" for a question that takes it.
struct YesNoSpelling {
  std::string_view word;
  engine::Value value;
  bool unsure;
};
constexpr std::array<YesNoSpelling, 9> kYesNo{{
    {"no", engine::Value::boolean(false), false},
    {"n", engine::Value::boolean(false), false},
    {"false", engine::Value::boolean(false), false},
    {"0", engine::Value::boolean(false), false},
    {"yes", engine::Value::boolean(true), false},
    {"y", engine::Value::boolean(true), false},
    {"true", engine::Value::boolean(true), false},
    {"1", engine::Value::boolean(true), false},
    {"unsure", engine::Value::symbol(kUnsureValue), true},
}};
// Where each spelling is in kYesNo (plus one; 0: none), by its length and
// first byte, which tell them all apart: one place to look and one
// comparison, where comparing with each in turn mispredicted a branch on
// most of batch's answers, spelt every way.
constexpr std::size_t kLongestYesNo = 6;
constexpr auto kYesNoAt = [] {
  std::array<std::array<std::uint8_t, 128>, kLongestYesNo + 1> at{};
  for (std::size_t i = 0; i < kYesNo.size(); ++i) {
    auto& slot = at[kYesNo[i].word.size()][static_cast<unsigned char>(kYesNo[i].word[0])];
    if (slot != 0) throw "two spellings of yes and no share a length and a first byte";
    slot = static_cast<std::uint8_t>(i + 1);
  }
  return at;
}();

}  // namespace

std::optional<engine::Value> common_spelling(const Question& q, std::string_view text) {
  if (q.type == engine::FactType::Bool) {
    if (text.empty() || text.size() > kLongestYesNo) return std::nullopt;
    const auto first = static_cast<unsigned char>(text[0]);
    if (first >= 128) return std::nullopt;
    const std::size_t at = kYesNoAt[text.size()][first];
    if (at == 0 || !text_equal(kYesNo[at - 1].word, text)) return std::nullopt;
    const YesNoSpelling& spelling = kYesNo[at - 1];
    if (spelling.unsure && !q.accepts_unsure()) return std::nullopt;
    return spelling.value;
  }
  if (q.type == engine::FactType::Choice)
    for (std::size_t i = 0; i < q.choices.size(); ++i)
      if (text_equal(q.choices[i].id, text)) return engine::Value::symbol(static_cast<int>(i));
  return std::nullopt;
}

namespace {

ParsedAnswer parse_yes_no(const Question& q, std::string_view raw, std::string_view text) {
  if (auto value = common_spelling(q, lower(text))) return *value;
  return AnswerError{
      fmt::format("expected {}, got {}", accepted_answers(q).describe(), quote_input(raw))};
}

ParsedAnswer parse_number(const Question& q, std::string_view raw, std::string_view text) {
  double value = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (!text.empty() && *begin == '+') ++begin;  // from_chars rejects a leading '+'
  auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
  const AcceptedAnswers accepted = accepted_answers(q);
  if (text.empty() || ec == std::errc::invalid_argument || ptr != end ||
      (begin != end && *begin != '-' && !std::isdigit(static_cast<unsigned char>(*begin)) &&
       *begin != '.'))
    return AnswerError{fmt::format("expected {}, got {}", accepted.describe(), quote_input(raw))};
  if (ec == std::errc::result_out_of_range || !std::isfinite(value) || value < q.min ||
      value > q.max)
    return AnswerError{
        fmt::format("{} is out of range: expected {}", quote_input(raw), accepted.describe())};
  if (q.whole && value != std::floor(value))
    return AnswerError{fmt::format("expected {}, got {}", accepted.describe(), quote_input(raw))};
  return engine::Value::number(value == 0 ? 0.0 : value);  // no "-0"
}

ParsedAnswer parse_choice(const Question& q, std::string_view raw, std::string_view text) {
  const std::string word = lower(text);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    if (q.choices[i].id == word) return engine::Value::symbol(static_cast<int>(i));
    ids.push_back(q.choices[i].id);
  }
  // The id written with spaces or hyphens ("one-spot", as the flags are
  // written), in any spelling.
  const std::string id = as_id(word);
  for (std::size_t i = 0; i < ids.size() && !id.empty(); ++i)
    if (ids[i] == id) return engine::Value::symbol(static_cast<int>(i));
  return AnswerError{fmt::format("expected {}, got {}{}", accepted_answers(q).describe(),
                                 quote_input(raw), did_you_mean(word, ids))};
}

}  // namespace

ParsedAnswer parse_answer(const Question& q, std::string_view raw) {
  std::string_view text = trim(raw);
  switch (q.type) {
    case engine::FactType::Bool: return parse_yes_no(q, raw, text);
    case engine::FactType::Number: return parse_number(q, raw, text);
    case engine::FactType::Choice:
    case engine::FactType::Set:
    case engine::FactType::Ranked: return parse_choice(q, raw, text);
  }
  return AnswerError{"unsupported question type"};
}

}  // namespace backtriage::ruleset
