#pragma once
// The default command, a triage: its options and its run, from flags,
// --answers or the interview to one report.
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace CLI {
class App;
}  // namespace CLI

namespace backtriage::cli {

// The options of `backtriage`, into `o`.
void add_triage(CLI::App& app, Options& o, const ruleset::RuleSet& rules);

// The default command: gather answers (flags, --answers, prompts), evaluate,
// and print one report.
int run_triage(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
