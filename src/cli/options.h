#pragma once
// Everything the command line can say, filled in by the CLI11 app.
#include <optional>
#include <string>
#include <vector>

namespace backtriage::cli {

enum class Command { Triage, Batch, Questions, Check, Completion };

struct Options {
  Command command = Command::Triage;
  std::string rules_file;  // empty: the embedded rule set
  std::string format = "text";
  bool json = false;  // same as --format json
  bool brief = false;
  bool no_input = false;
  bool explain = false;
  std::string color = "auto";
  std::string answers_file;
  bool no_red_flags = false;
  // One slot per question of the rule set, in question order.
  std::vector<std::optional<std::string>> answer_flags;
  // batch
  std::string input_file = "-";
  bool summary = false;
  int jobs = 1;
  // check
  std::vector<std::string> check_files;
  // completion
  std::string completion_shell;  // bash | zsh | fish

  std::string output_format() const { return json ? "json" : format; }
};

}  // namespace backtriage::cli
