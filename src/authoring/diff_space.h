#pragma once
// The answer space the diff walks (rule_diff.h): the questions of both rule
// sets and, for each, every answer that can make a difference, as each set
// spells it: each word either accepts; for a number, each threshold either
// compares it with and one value inside each gap between them; and no
// answer at all.
#include <optional>
#include <string>
#include <vector>

#include "engine/value.h"
#include "ruleset/rule_set.h"

namespace backtriage::authoring {

// One answer a question can take, as each side spells it (nothing: the
// side does not have the question, or it is left unanswered).
struct SpaceAnswer {
  std::string text;  // for examples; "" for unanswered
  std::optional<engine::Value> in_old, in_new;
};

struct SpaceQuestion {
  std::string id;
  std::optional<engine::FactId> in_old, in_new;
  std::vector<SpaceAnswer> answers;
};

// The answer space: the questions of both sets, in the old set's asking
// order, then the new set's new questions.
std::vector<SpaceQuestion> answer_space(const ruleset::RuleSet& a, const ruleset::RuleSet& b);

}  // namespace backtriage::authoring
