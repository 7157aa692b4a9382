// The sanitizer and fuzzing builds: no run arena, the library's operator
// new, so that every block is checked.
#include "cli/run_arena.h"

namespace backtriage::cli {
void use_run_arena() {}
}  // namespace backtriage::cli
