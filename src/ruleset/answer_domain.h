#pragma once
// The answer domain, in one place: what a question accepts, "unsure" as an
// answer of its own, and turning what a person typed (a flag value, an
// answers-file string) into a value. The
// parser, the prompter, --help, shell completion and `questions` all read
// `accepted_answers`, so `--fever yes`, `"fever": "yes"` and typing `y`
// agree, and every list of valid answers says the same.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/value.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

struct AcceptedAnswers {
  enum class Kind { YesNo, Number, Choice };
  Kind kind = Kind::YesNo;
  // The canonical words: "yes", "no" (and "unsure" for a red flag that
  // takes it), or the choice ids in order.
  std::vector<std::string> words;
  std::vector<std::string> labels;  // choices: what each id means, for people
  double min = 0, max = 0;          // numbers
  bool whole = false;               // numbers: whole ones only
  std::string unit;

  // "yes, no or unsure", "a number from 0 to 520 (weeks)", "one of electric,
  // sharp, dull, achy".
  std::string describe() const;
  // "yes/no/unsure", "0-520", "electric|sharp|dull|achy": for --help.
  std::string brief() const;
};

AcceptedAnswers accepted_answers(const Question& question);

struct AnswerError {
  std::string message;  // e.g. "expected yes or no, got 'maybe'"
};

using ParsedAnswer = std::variant<engine::Value, AnswerError>;

// Flags and answers files take the canonical words, y/n, true/false, 1/0
// and choice ids with hyphens or spaces for '_', in any case. What a person
// types at a prompt goes through spoken_answer.h first.
ParsedAnswer parse_answer(const Question& question, std::string_view text);
// The exact spellings data uses most ("yes", "false", "1", a choice id),
// without parse_answer's trimming, case folding and messages: batch's fast
// path. Nothing for anything else, which then goes through parse_answer.
std::optional<engine::Value> common_spelling(const Question& question, std::string_view text);
// A number that arrived as a number (JSON): range-checked like text.
ParsedAnswer check_number(const Question& question, double value);

// "unsure": the third answer of a yes/no question that takes it (a warning
// sign: `unsure` in the rule file). In the engine such a question is a choice
// of no, yes and unsure, in that order, so that no and yes are false and true
// as for any bool.
inline constexpr int kUnsureValue = 2;
inline engine::Value unsure_answer() {
  return engine::Value::symbol(kUnsureValue);
}
inline bool is_unsure(const Question& question, engine::Value value) {
  return question.accepts_unsure() && value == unsure_answer();
}

// Quotes user text for a message, cut short (40 characters), with control
// characters, bytes that are not UTF-8 and invisible spaces escaped (\x00,
// \uFEFF) so the reader sees what was typed.
std::string quote_input(std::string_view text);

}  // namespace backtriage::ruleset
