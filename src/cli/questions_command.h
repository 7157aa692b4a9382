#pragma once
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// `backtriage questions [--json]`: every question with its flag, type,
// choices or range, prompt, priority and the rules that read it.
int run_questions(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
