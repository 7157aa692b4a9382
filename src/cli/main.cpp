// backtriage: rule-based back pain triage. main() only sets up the process;
// everything else is cli::run, which tests call in-process.
#include <sys/ioctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

#include "cli/app.h"
#include "cli/command_table.h"
#include "cli/run_arena.h"

namespace {
extern "C" void on_interrupt(int) {
  // Only async-signal-safe calls here.
  static const char message[] = "\nbacktriage: interrupted\n";
  ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
  (void)ignored;
  _exit(130);
}
}  // namespace

int main(int argc, char** argv) {
  // A closed stdout must surface as EPIPE from write, not kill us silently
  // mid-line; cli::run then stops quietly.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGINT, on_interrupt);
  // A triage (no command word) runs briefly on one thread: its blocks come
  // from the run arena (cli/run_arena.h).
  backtriage::cli::run_arena_on = backtriage::cli::command_in(argc, argv).empty();
  backtriage::cli::Io io;
  io.in_tty = isatty(STDIN_FILENO);
  io.out_tty = isatty(STDOUT_FILENO);
  io.err_tty = isatty(STDERR_FILENO);
  winsize size{};
  if (io.out_tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    io.out_columns = size.ws_col;
    io.out_rows = size.ws_row;
  }
  if (io.err_tty && ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0) io.err_columns = size.ws_col;
  io.getenv = [](const char* name) -> const char* { return std::getenv(name); };
  return backtriage::cli::run(argc, argv, io);
}
