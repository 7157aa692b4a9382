#pragma once
// Finds, before anyone runs a triage, answers that make two rules assert
// different values for one single-valued fact: at run time that triage
// would fail, so `check` reports it as an error.
//
// For each such fact it tries every combination of the questions that can
// influence its writers: each bool and choice value, and for numbers every
// constant they are compared with, one step either side, and the range ends.
// That is exhaustive for the comparisons the rules make. Each pair of rules
// is reported once, with the fewest answers that show the clash: the others
// are left unanswered one by one while the clash remains.
#include <cstddef>
#include <vector>

#include "ruleset/diagnostic.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

std::vector<Diagnostic> find_conflicts(const RuleSet& rules,
                                       std::size_t max_combinations = 200'000);

}  // namespace backtriage::ruleset
