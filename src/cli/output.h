#pragma once
// Writing to stdout so that failure is never silent: a full disk is an error
// (exit 74), while a reader that went away (`| head -1`) ends the program
// quietly, as it does for other Unix filters.
#include <cstdio>
#include <string_view>

namespace backtriage::cli {

class Output {
 public:
  explicit Output(std::FILE* file) : file_(file) {}
  // Throws CliError(kIoError) on a write error; throws ReaderGone on EPIPE.
  void write(std::string_view text);
  void flush();

 private:
  void check(bool ok);
  std::FILE* file_;
};

// Thrown when stdout's reader has closed the pipe.
struct ReaderGone {};

}  // namespace backtriage::cli
