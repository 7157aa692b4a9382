#pragma once
// `backtriage batch`: its options and its run, one JSON Lines report per
// input line, in order (batch_worker.h does the work, on N threads).
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class OptionAdder;

// The options of `backtriage batch`, into `o`.
void add_batch(const OptionAdder& add, Options& o);

// `backtriage batch`: JSON Lines in, one report (or error object) per line out.
int run_batch(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
