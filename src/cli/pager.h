#pragma once
// Shows a long report through a pager, as git does: only when stdout is a
// terminal, the text is taller than the screen and --no-pager was not given;
// $PAGER if set (empty or "cat": no pager), else `less` with LESS=FRX unless
// LESS is set. A pager that is missing or fails is not an error: a line on
// stderr says so and the text is written as usual.
#include <string_view>

#include "cli/io.h"

namespace backtriage::cli {

// True when the pager showed `text`; false when the caller should write it.
bool show_in_pager(std::string_view text, const Io& io, bool allowed);

}  // namespace backtriage::cli
