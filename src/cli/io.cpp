#include "cli/io.h"

#include <cstring>

namespace backtriage::cli {

bool use_color(const std::string& mode, const Io& io, bool stream_is_tty) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = io.getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = io.getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return stream_is_tty;
}

}  // namespace backtriage::cli
