#pragma once
// Warnings for a rule set that loads but is probably not what its author
// meant: questions nothing reads, rules that can never fire, facts and values
// that no rule asserts, and rules that can disagree on a single-valued fact.
#include <vector>

#include "ruleset/diagnostic.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

std::vector<Diagnostic> lint(const RuleSet& rules);

}  // namespace backtriage::ruleset
