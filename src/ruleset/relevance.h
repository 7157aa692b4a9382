#pragma once
// What the report makes of an evaluation's level, and which facts — and so
// which open questions — still matter. One definition serves the report
// (its level, `complete` and `unanswered`), the interview (what to ask
// next, and when to stop), `test` and `diff`.
//
// The level is the best value of the level fact that is certain. While a
// better one may still come (an open red flag), a level that gives the home
// routine is never reported: the report is undecided instead, so an
// unanswered red flag never yields self-care. A level without the routine
// is reported as it stands, with the open questions that could raise it.
#include <vector>

#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

struct LevelState {
  const Item* level = nullptr;   // a level, or &rules.undecided
  bool better_possible = false;  // a more urgent level may still come
};

LevelState reported_level(const RuleSet& rules, const engine::FactTable& facts);

// The facts the report shows, given what is certain so far: only the level
// while a level without the routine is certain; otherwise the level, the
// classification and every section.
void facts_that_matter(const RuleSet& rules, const engine::FactTable& facts,
                       std::vector<engine::FactId>& out);

// The open questions that could still change what the report shows, in
// asking order.
std::vector<engine::FactId> questions_that_matter(const RuleSet& rules,
                                                  const engine::Evaluation& evaluation);
// The same, into `out`: batch asks for every line and each rerun of a
// line, and reuses the storage.
void questions_that_matter(const RuleSet& rules, const engine::Evaluation& evaluation,
                           std::vector<engine::FactId>& out);

// What a report lists as unanswered: the questions that matter, less the
// follow-ups of one that is itself still open (injury_severe while
// spine_injury is unanswered), so it names what a person could be asked
// now. Never empty while questions_that_matter is not.
void questions_open_now(const RuleSet& rules, const engine::Evaluation& evaluation,
                        std::vector<engine::FactId>& out);

// The questions to ask at the next prompt, in asking order: the first
// question that matters, with the other questions of its checklist that
// matter too. Empty when nothing left can change the report.
std::vector<engine::FactId> next_prompt(const RuleSet& rules, const engine::Evaluation& evaluation);

}  // namespace backtriage::ruleset
