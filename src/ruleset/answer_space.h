#pragma once
// The answers worth trying when a question must be settled for every
// possible answer (can two rules disagree? can this rule ever fire?).
//
// Rules compare numbers only with constants, so a number's answers fall into
// a few classes: each constant it is compared with, one step either side,
// and the range ends cover every outcome. Bool and choice questions take each
// of their values. Trying every combination of these is exhaustive.
#include <cstddef>
#include <functional>
#include <set>
#include <vector>

#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

class AnswerSpace {
 public:
  explicit AnswerSpace(const RuleSet& rules);

  // The questions that can influence `fact`, walking back through the rules
  // that assert it and the facts those rules read; sorted.
  std::vector<engine::FactId> influencing_questions(engine::FactId fact) const;

  // The answers worth trying for one question.
  std::vector<engine::Value> sample_answers(engine::FactId question) const;

  // How many combinations `for_each` would try, or `limit + 1` if more.
  std::size_t count(const std::vector<engine::FactId>& questions, std::size_t limit) const;

  // Calls `visit` with `answers` set to each combination of sample answers
  // for `questions` (other slots untouched) until it returns false. Returns
  // whether every combination was visited.
  bool for_each(const std::vector<engine::FactId>& questions, engine::Answers& answers,
                const std::function<bool(const engine::Answers&)>& visit) const;

 private:
  const RuleSet& rules_;
  std::vector<std::set<double>> constants_;  // per question: what it is compared with
};

}  // namespace backtriage::ruleset
