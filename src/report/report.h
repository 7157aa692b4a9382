#pragma once
// The triage report: what a person or a script is told, built once from an
// evaluation. It points into the rule set (levels, red flags, exercises...)
// and at the answers, evaluation and trace it came from, instead of copying
// them; every renderer (text, JSON, CDS Hooks, HTML, iCalendar) reads only
// this. Nothing here names a level or a fact: the rule set's roles say which
// fact is which.
#include <vector>

#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

inline constexpr int kSchemaVersion = 2;

struct RedFlagEntry {
  const ruleset::Item* item = nullptr;
  bool unsure = false;                   // answered "unsure" rather than "yes"
  const ruleset::Item* level = nullptr;  // the step it puts the person at
};

struct Report {
  const ruleset::RuleSet* rules = nullptr;
  // A level of the ladder, or rules->undecided when the level is not decided.
  const ruleset::Item* level = nullptr;
  // Nothing unanswered could change the report.
  bool complete = false;
  std::vector<RedFlagEntry> red_flags;  // in the rule set's order
  std::vector<const ruleset::Item*> reasons;
  // One per rules->roles.classification, null where undecided.
  std::vector<const ruleset::Item*> classification;
  // Only with a level that gives the routine.
  std::vector<const ruleset::Item*> routine, avoid, tips;
  // Questions, in asking order: open ones that could change the report, and
  // optional ones left unanswered whose assumption mattered.
  std::vector<engine::FactId> unanswered, assumed;

  const engine::Answers* answers = nullptr;
  const engine::Evaluation* evaluation = nullptr;
  const engine::Trace* trace = nullptr;  // may be null

  // The level comes with home care: a routine, what to avoid, tips.
  bool with_routine() const { return level && level->routine && level != &rules->undecided; }
  // ...and the answers chose the exercises (they depend on where the pain
  // is): only then is there a routine to do so often, and a plan of it.
  bool with_exercises() const { return with_routine() && !routine.empty(); }
  bool decided() const { return level && level != &rules->undecided; }
};

}  // namespace backtriage::report
