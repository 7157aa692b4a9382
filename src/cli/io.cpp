#include "cli/io.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

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

namespace {

// COLUMNS or LINES when it is a whole number above 0, or else 0.
int size_from_env(const Io& io, const char* name) {
  const char* env = io.getenv(name);
  if (!env) return 0;
  int n = 0;
  std::string_view text(env);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc() && end == text.data() + text.size() && n > 0 ? n : 0;
}

}  // namespace

int text_width(const Io& io, bool stream_is_tty, int stream_columns) {
  constexpr int kNarrowest = 40, kWidest = 100, kNotATerminal = 80;
  if (!stream_is_tty) return kNotATerminal;
  int columns = size_from_env(io, "COLUMNS");
  if (columns <= 0) columns = stream_columns;
  if (columns <= 0) return kNotATerminal;
  return std::clamp(columns, kNarrowest, kWidest);
}

int screen_height(const Io& io) {
  const int rows = size_from_env(io, "LINES");
  return rows > 0 ? rows : io.out_rows;
}

}  // namespace backtriage::cli
