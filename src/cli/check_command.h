#pragma once
#include "cli/io.h"
#include "cli/options.h"

namespace backtriage::cli {

// `backtriage check [FILE...]`: every problem of every file, as
// file:line:col; exit 0 valid, 65 invalid, 66 unreadable.
int run_check(const Options& options, const Io& io);

}  // namespace backtriage::cli
