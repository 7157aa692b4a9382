#pragma once
// Writing output so that failure is never silent: a full disk is an error
// (exit 74), while a reader that went away (`| head -1`) ends the program
// quietly, as it does for other Unix filters. Output goes to stdout, or to
// the file `-o` names.
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "cli/io.h"

namespace backtriage::cli {

class Output {
 public:
  explicit Output(std::FILE* file) : file_(file) {}
  // stdout, or `path` when it is not empty (created or truncated; exit 74
  // when it cannot be).
  Output(const std::string& path, const Io& io);
  // Throws CliError(kIoError) on a write error; throws ReaderGone on EPIPE.
  void write(std::string_view text);
  void flush();
  // The last flush: and, when it went to a file while a person watches
  // stderr, one line saying where it went (nothing shows otherwise).
  void finish(const Io& io);
  // Whether the output is the terminal (not a file given by -o).
  bool to_terminal(const Io& io) const { return !owned_ && io.out_tty; }
  std::FILE* file() const { return file_; }

 private:
  void check(bool ok);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned_{nullptr, &std::fclose};
  std::FILE* file_;
  std::string name_ = "standard output";  // for messages
};

// Thrown when stdout's reader has closed the pipe.
struct ReaderGone {};

}  // namespace backtriage::cli
