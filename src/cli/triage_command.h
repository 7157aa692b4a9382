#pragma once
// The default command, a triage: its options and its run, from flags,
// --answers or the interview to one report.
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class OptionAdder;

// The options of `backtriage`, into `o`.
void add_triage(const OptionAdder& add, Options& o);

// The default command: gather answers (flags, --answers, prompts), evaluate,
// and print one report.
int run_triage(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
