#pragma once
// Turns what a person typed (a flag value, a prompt answer, a string in an
// answers file) into a value for a question. One set of spellings for every
// way in, so `--fever yes`, `"fever": "yes"` and typing `y` agree.
#include <string>
#include <string_view>
#include <variant>

#include "engine/value.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

struct AnswerError {
  std::string message;  // e.g. "expected yes or no, got 'maybe'"
};

using ParsedAnswer = std::variant<engine::Value, AnswerError>;

ParsedAnswer parse_answer(const Question& question, std::string_view text);
// A number that arrived as a number (JSON): range-checked like text.
ParsedAnswer check_number(const Question& question, double value);

// What a question accepts, for prompts and messages: "yes/no", "0-520 weeks",
// "electric, sharp, dull, achy".
std::string accepted_answers(const Question& question);

// Quotes user text for a message, cut short and with control bytes escaped.
std::string quote_input(std::string_view text);

}  // namespace backtriage::ruleset
