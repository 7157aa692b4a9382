#include "cli/pager.h"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace backtriage::cli {

namespace {

// True when the program a pager command runs is not there. Only a plain
// command (words and spaces) is looked up; anything else is the shell's to
// read. Looking first keeps the shell's own "not found" off stderr.
bool pager_missing(const std::string& command, const Io& io) {
  if (command.find_first_of("|&;<>()$`\\\"'*?[#~=%") != std::string::npos) return false;
  const std::string program = command.substr(0, command.find(' '));
  if (program.empty()) return false;
  if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) != 0;
  const char* path = io.getenv("PATH");
  std::string_view dirs = path ? path : "/usr/bin:/bin";
  while (true) {
    const auto colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) dir = ".";
    if (access((dir + "/" + program).c_str(), X_OK) == 0) return false;
    if (colon == std::string_view::npos) return true;
    dirs.remove_prefix(colon + 1);
  }
}

}  // namespace

bool show_in_pager(std::string_view text, const Io& io, bool allowed) {
  if (!allowed || !io.out_tty) return false;
  const int rows = screen_height(io);
  const auto lines = std::count(text.begin(), text.end(), '\n');
  if (rows <= 0 || lines < rows) return false;
  const char* pager = io.getenv("PAGER");
  std::string command = pager ? pager : "less";
  if (command.empty() || command == "cat") return false;
  if (pager_missing(command, io)) {
    // No `less` on a minimal system is normal; a PAGER that is not there is
    // worth a word.
    if (pager) fmt::print(io.err, "backtriage: pager '{}' not found; not paging\n", command);
    return false;
  }
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
  if (status == -1) return false;
  // A pager that fails (PAGER=false, or 127: the shell could not run it) may
  // have shown nothing; write the report rather than lose it. Quitting less
  // early exits 0, and a pager stopped by a signal was stopped by the user.
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    fmt::print(io.err, "backtriage: pager '{}' failed (exit status {}); not paging\n", command,
               WEXITSTATUS(status));
    return false;
  }
  return true;
}

}  // namespace backtriage::cli
