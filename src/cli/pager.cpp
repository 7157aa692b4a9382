#include "cli/pager.h"

#include <sys/wait.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace backtriage::cli {

namespace {

int screen_rows(const Io& io) {
  if (const char* env = io.getenv("LINES")) {
    int rows = 0;
    std::string_view text(env);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), rows);
    if (ec == std::errc() && end == text.data() + text.size() && rows > 0) return rows;
  }
  return io.out_rows;
}

}  // namespace

bool show_in_pager(std::string_view text, const Io& io, bool allowed) {
  if (!allowed || !io.out_tty) return false;
  const int rows = screen_rows(io);
  const auto lines = std::count(text.begin(), text.end(), '\n');
  if (rows <= 0 || lines < rows) return false;
  const char* pager = io.getenv("PAGER");
  std::string command = pager ? pager : "less";
  if (command.empty() || command == "cat") return false;
  // less: quit if one screen (F), keep colours (R), leave the text on the
  // screen (X); what git sets too.
  if (!io.getenv("LESS")) setenv("LESS", "FRX", 1);
  std::fflush(io.out);
  std::FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) return false;
  // A pager that quits early closes the pipe; SIGPIPE is ignored, so the
  // write just fails, which is fine.
  std::fwrite(text.data(), 1, text.size(), pipe);
  const int status = pclose(pipe);
  // 127: the shell could not find the pager, so nothing was shown.
  return !(status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 127));
}

}  // namespace backtriage::cli
