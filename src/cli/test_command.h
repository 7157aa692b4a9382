#pragma once
// `backtriage test`: its options and its run, rule-set test cases with
// failures at file:line and coverage.
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class OptionAdder;

// The options of `backtriage test`, into `o`.
void add_test(const OptionAdder& add, Options& o);

// `backtriage test [FILE...] [--rules FILE] [--coverage] [--min-coverage N]`:
// runs case files (default: the cases shipped with the embedded rule set)
// and prints each failure as file:line, then "N passed, N failed"; exit 1 on
// a failure or coverage below the minimum.
int run_test(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
