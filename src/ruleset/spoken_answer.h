#pragma once
// What a person types at a prompt, understood with the everyday words the
// rule file declares (interview.spoken, a choice's `says`, a number
// question's spoken_units and spoken_phrases): "yeah", "a bit sore",
// "5 days", "less than a week", "34 yrs". Flags and answer files never come
// here: they take the exact spellings of answer_domain.h.
//
// Nothing is guessed where a guess could hide a warning sign: a yes/no
// question takes only the listed yes, no and not-sure words (and the exact
// spellings); anything else is not understood and asked again. A choice
// named by words of two choices is ambiguous, and asked again naming both.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/value.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

// Lower case, curly quotes made straight, commas and a final . ! dropped,
// spaces collapsed: "Yes, I think so." -> "yes i think so". The rule file's
// words are kept in this form, so both sides compare alike.
std::string normalize_spoken(std::string_view text);

// `text` without any of `words` where they stand as whole words (the
// longest first, so "more than" goes before "more"), spaces collapsed:
// the fillers around a number, and between a checklist's numbers.
std::string without_words(std::string text, std::vector<std::string> words);

struct Understood {
  engine::Value value;
  // How an amount was read, to say back: "5 days: 0.7 weeks". Empty when
  // the typed text was the answer itself.
  std::string echo;
};
struct Ambiguous {
  std::vector<int> choices;  // indexes into the question's choices
};
struct NotUnderstood {};

using SpokenAnswer = std::variant<Understood, Ambiguous, NotUnderstood>;

SpokenAnswer understand(const RuleSet& rules, const Question& question, std::string_view typed);

// An amount said back to a person, to a tenth, with the question's unit:
// "0.7 weeks", "34 years".
std::string say_amount(const Question& question, double value);

// The words at a prompt that are not answers.
enum class PromptCommand { None, Why, Back, Skip, Quit };
PromptCommand command_in(const RuleSet& rules, std::string_view typed);

// "none", "nothing"... at a checklist.
bool says_none(const RuleSet& rules, std::string_view typed);

}  // namespace backtriage::ruleset
