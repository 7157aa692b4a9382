#pragma once
// The contract's exit codes (sysexits.h numbering where one exists).
#include <stdexcept>
#include <string>

namespace backtriage::cli {

enum ExitCode : int {
  kOk = 0,
  kTestFailed = 1,  // test: a case failed; diff: some cases change
  kUsage = 2,       // unknown flag, bad flag value
  kLessUrgent = 3,  // diff: some case became less urgent
  kDataError = 65,  // bad answers file, JSON line, rule file
  kNoInput = 66,    // input file missing or unreadable
  kInternal = 70,
  kIoError = 74,      // output could not be written
  kInterrupted = 130  // Ctrl-C, or end of input at a prompt
};

// An error that ends the command: one line for stderr and its exit code.
class CliError : public std::runtime_error {
 public:
  CliError(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace backtriage::cli
