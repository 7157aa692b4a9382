#pragma once
// `backtriage check`: its options and its run, every problem of a rule file
// and its overlays at file:line:col with a caret.
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class OptionAdder;

// The options of `backtriage check`, into `o`.
void add_check(const OptionAdder& add, Options& o);

// `backtriage check [FILE...]`: every problem of every file, as
// file:line:col; exit 0 valid, 65 invalid, 66 unreadable.
int run_check(const Options& options, const Io& io);

}  // namespace backtriage::cli
