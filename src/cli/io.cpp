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

int text_width(const Io& io, bool stream_is_tty, int stream_columns) {
  constexpr int kNarrowest = 40, kWidest = 100, kNotATerminal = 80;
  if (!stream_is_tty) return kNotATerminal;
  int columns = 0;
  if (const char* env = io.getenv("COLUMNS")) {
    std::string_view text(env);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), columns);
    if (ec != std::errc() || end != text.data() + text.size()) columns = 0;
  }
  if (columns <= 0) columns = stream_columns;
  if (columns <= 0) return kNotATerminal;
  return std::clamp(columns, kNarrowest, kWidest);
}

int screen_height(const Io& io) {
  if (const char* env = io.getenv("LINES")) {
    int rows = 0;
    std::string_view text(env);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), rows);
    if (ec == std::errc() && end == text.data() + text.size() && rows > 0) return rows;
  }
  return io.out_rows;
}

}  // namespace backtriage::cli
