#pragma once
// One rule set's side of the diff (rule_diff.h): its evaluator and the
// answers the walk gives it, what of its report the diff compares (an
// Outcome), and which questions still to be chosen could change that.
#include <vector>

#include "authoring/diff_tally.h"
#include "engine/downstream.h"
#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::authoring {

struct DiffSide {
  const ruleset::RuleSet& rules;
  engine::Evaluator evaluator;
  engine::Answers answers;
  std::vector<bool> declined;
  // One evaluation per depth of the walk, each from the one above it by
  // rerunning only the rules the question answered in between can change
  // (`downstream`, by question); `depth` names the current one.
  std::vector<engine::Evaluation> evaluations;
  std::size_t depth = 0;
  std::vector<engine::Downstream> downstream;
  const engine::Evaluation& evaluation() const { return evaluations[depth]; }
  // Down one step, where `question` now has its answer (or is declined).
  // Throws engine::ConflictError as a run would, one step down all the same.
  void answered(engine::FactId question);
  // The rules whose conclusions reach the outcome (the level, routine or
  // avoid list), directly or through facts other such rules read. The
  // others (what to watch for, tips, cautions) cannot change what the walk
  // compares, so they neither keep a question alive nor split a state.
  std::vector<char> reaches_outcome;
  explicit DiffSide(const ruleset::RuleSet& r)
      : rules(r),
        evaluator(r.knowledge_base()),
        answers(r.knowledge_base().facts().size()),
        declined(r.knowledge_base().facts().size(), false),
        evaluations(1, engine::Evaluation(r.knowledge_base())),
        downstream(downstream_of_questions(r)),
        reaches_outcome(rules_reaching_outcome(r)) {}

  // The rules whose conclusions reach the outcome, by rule.
  static std::vector<char> rules_reaching_outcome(const ruleset::RuleSet& r);
  static std::vector<engine::Downstream> downstream_of_questions(const ruleset::RuleSet& r);
};

// What the side's report says that the diff compares, as evaluated.
Outcome outcome_of(const DiffSide& side);

// The open questions that could still change the side's outcome, given
// which questions are still to be chosen (`pending`). Which level values
// matter depends on the rest: only those more urgent than the most urgent
// certain one; and when a level stays possible whatever the pending
// questions say (an unanswered red flag), a level that gives the routine and
// is less urgent than it can never be stated, so only the others.
std::vector<engine::FactId> can_change_through(const DiffSide& side,
                                               const std::vector<char>& pending);

}  // namespace backtriage::authoring
