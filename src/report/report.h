#pragma once
// The triage report: what a person or a script is told, built once from an
// evaluation. It points into the rule set (levels, red flags, exercises...)
// and at the answers, evaluation and trace it came from, instead of copying
// them; every renderer (text, JSON, CDS Hooks, HTML, iCalendar) reads only
// this. Nothing here names a level or a fact: the rule set's roles say which
// fact is which.
#include <string>
#include <vector>

#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

inline constexpr int kSchemaVersion = 2;

struct RedFlagEntry {
  const ruleset::Item* item = nullptr;
  bool unsure = false;                   // answered "unsure" rather than "yes"
  const ruleset::Item* level = nullptr;  // the step it puts the person at

  // Where the sign sends the person: its own place when it has one (the
  // maternity unit, not A&E), else its step.
  const std::string& sends_to() const {
    const auto& flag = item->as<ruleset::RedFlag>();
    return !flag.action.empty() ? flag.action
           : level              ? level->as<ruleset::Level>().label
                                : flag.level;
  }
};

// Watch-for entries in a row that say the same thing (their label: what to
// do and where), shown under that label once.
struct WatchGroup {
  const ruleset::Item* first = nullptr;  // its label and level are the group's
  std::vector<const ruleset::Item*> entries;
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
  // A red flag whose own action replaces the level's label and advice: set
  // when every red flag at the level stated names the same action.
  const ruleset::Item* action = nullptr;
  // Only with a level that gives the routine.
  std::vector<const ruleset::Item*> routine, avoid, tips;
  // What each routine item must be done with care for (cautions naming it),
  // in the rule set's order.
  std::vector<const ruleset::Item*> cautions;
  // The new signs that mean going up the ladder, most urgent first: those
  // above the level stated, or of the steps the level names, with tailored
  // entries in place of the ones they replace.
  std::vector<const ruleset::Item*> watch_for;
  // Questions, in asking order: open ones that could change the report, and
  // optional ones left unanswered whose assumption mattered.
  std::vector<engine::FactId> unanswered, assumed;

  const engine::Answers* answers = nullptr;
  const engine::Evaluation* evaluation = nullptr;
  const engine::Trace* trace = nullptr;  // may be null

  // The level comes with home care: a routine, what to avoid, tips.
  bool with_routine() const {
    return level && ruleset::gives_routine(*level) && level != &rules->undecided;
  }
  // ...and the answers chose the exercises (they depend on where the pain
  // is): only then is there a routine to do so often, and a plan of it.
  bool with_exercises() const { return with_routine() && !routine.empty(); }
  bool decided() const { return level && level != &rules->undecided; }
  // No exercises yet only because questions are still open (the routine
  // depends on where the pain is): then, and only then, the report says so.
  // A rule set without a routine, or answers that choose none, show nothing.
  bool routine_pending() const {
    return with_routine() && routine.empty() && rules->roles.routine >= 0 && !unanswered.empty();
  }
  // What the person should do: the level's label and advice, or the action
  // of the red flags that set it.
  const std::string& label() const {
    return action ? action->as<ruleset::RedFlag>().action : level->as<ruleset::Level>().label;
  }
  const std::string& advice() const {
    return action ? action->as<ruleset::RedFlag>().advice : level->as<ruleset::Level>().advice;
  }
  // What the report shows in a role (ruleset/roles.h), in order: the red
  // flags' items, the routine... (the level alone; the classification with
  // nulls where undecided). Case files compare these by id.
  std::vector<const ruleset::Item*> items_in(ruleset::Role role) const;
  // watch_for grouped as the text report and the handout show it.
  std::vector<WatchGroup> watch_groups() const;
  // The cautions for one exercise, joined into one text ("" for none).
  std::string caution_for(const ruleset::Item& exercise) const;
};

}  // namespace backtriage::report
