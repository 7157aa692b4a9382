#pragma once
// An exercise's dose in words ("hold 15 to 30 seconds; 5 times on each
// side; 3 times a week"), for every renderer that shows one to a person.
#include <string>

#include "ruleset/rule_set.h"

namespace backtriage::report {

enum class Frequency { Shown, LeftOut };

// LeftOut drops "3 times a week", for a list that says it once (a calendar
// session).
// The words are the rule set's (`words: dose`).
std::string dose_text(const ruleset::RuleSet& rules, const ruleset::Dose& dose,
                      Frequency frequency = Frequency::Shown);

}  // namespace backtriage::report
