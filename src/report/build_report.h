#pragma once
#include "engine/evaluator.h"
#include "report/report.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

// Reads the facts the contract names (level, red_flag, duration, pain_type,
// region, routine, avoid, tip) out of an evaluation. `trace` may be null.
Report build_report(const ruleset::RuleSet& rules, const engine::Answers& answers,
                    const engine::Evaluation& evaluation, const engine::Trace* trace);

// Only what to_brief_json reads, and cheaper to build: level, classification,
// and the red flags, routine and avoid items with nothing but their ids.
Report build_brief_report(const ruleset::RuleSet& rules, const engine::Evaluation& evaluation);

}  // namespace backtriage::report
