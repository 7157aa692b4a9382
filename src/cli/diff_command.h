#pragma once
// `backtriage diff`: its options and its run, what a change of rules does
// to patients, over every answer or over given cases.
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class OptionAdder;

// The options of `backtriage diff`, into `o`.
void add_diff(const OptionAdder& add, Options& o);

// `backtriage diff OLD NEW [--cases FILE]`: what the change from OLD to NEW
// does to patients (authoring/rule_diff.h). Exit 0: no case changes; 1:
// some change, none less urgent; 3: some case becomes less urgent.
int run_diff(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
