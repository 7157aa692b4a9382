#pragma once
// What `check` finds beyond loading. Errors, for what would make a triage
// fail or lose a red flag at run time: rules that can disagree on a
// single-valued fact, and a red flag whose yes (or unsure) does not by
// itself put the level at its step and list it. Warnings, for what is
// probably not what the author meant: questions nothing reads, rules that
// can never fire, facts and values that no rule asserts.
#include <vector>

#include "ruleset/diagnostic.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

std::vector<Diagnostic> lint(const RuleSet& rules);

}  // namespace backtriage::ruleset
