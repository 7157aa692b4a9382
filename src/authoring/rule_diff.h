#pragma once
// What changes for patients between two rule sets. Over the whole answer
// space, exactly: every question takes each of its answers — each choice,
// yes / no / unsure, each number class (the range split at every threshold
// either rule set compares the number with) — or stays unanswered, and
// every combination counts once. The space is walked depth first in asking
// order; a branch stops as soon as no question left can change either rule
// set's level, routine or avoid list (ruleset/relevance.h), and counts all
// the combinations below it at once. Questions no undecided rule reads are
// counted once and left out below, and the walk below a state is done once
// and reused for every branch that reaches the same state (which rules can
// still be decided, what they read, what stays possible for good). That is
// what makes it exact and fast.
//
// Or over a list of cases (answers objects), when given.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::authoring {

// One answer per question: "fever=yes", "duration_weeks=8".
using Example = std::vector<std::pair<std::string, std::string>>;

struct LevelChange {
  std::string from, to;  // level ids (equal when only the routine or avoid list changed)
  std::uint64_t count = 0;
  Example example;  // the fewest answers that show it
  bool less_urgent = false;
};

struct ItemChange {
  std::string section;  // routine | avoid
  std::string id;
  std::uint64_t appears = 0, disappears = 0;
  Example example;
};

struct Diff {
  std::uint64_t combinations = 0, changed = 0;
  bool saturated = false;           // more combinations than 2^64 - 1: counts are lower bounds
  std::vector<LevelChange> levels;  // by count, largest first
  std::vector<ItemChange> items;
  bool exact = true;
  std::string note;            // what was done instead, when not exact
  std::uint64_t branches = 0;  // how much walking it took
  bool any_less_urgent() const;
};

struct DiffLimits {
  std::uint64_t max_branches = 20'000'000;
};

Diff diff_answer_space(const ruleset::RuleSet& old_rules, const ruleset::RuleSet& new_rules,
                       DiffLimits limits = {});

// The same comparison over given cases: answers by question id, as text.
struct NamedAnswers {
  std::string name;
  std::vector<std::pair<std::string, std::string>> answers;
  bool no_red_flags = false;  // each rule set's red flags left unanswered are no
};
Diff diff_cases(const ruleset::RuleSet& old_rules, const ruleset::RuleSet& new_rules,
                const std::vector<NamedAnswers>& cases);

}  // namespace backtriage::authoring
