#include "cli/command_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "cli/batch_command.h"
#include "cli/check_command.h"
#include "cli/completion_command.h"
#include "cli/diff_command.h"
#include "cli/questions_command.h"
#include "cli/test_command.h"
#include "cli/triage_command.h"

namespace backtriage::cli {

namespace {

// `check` reads the rule files it is given itself, with every problem in
// them, so it takes no rule set.
int run_check_command(const Options& o, const ruleset::RuleSet&, const Io& io) {
  return run_check(o, io);
}

const CommandSpec kCommands[] = {
    {"", ruleset::Word::HelpDescription, Command::Triage, add_triage, run_triage},
    {"batch", ruleset::Word::HelpCommandBatch, Command::Batch, add_batch, run_batch},
    {"questions", ruleset::Word::HelpCommandQuestions, Command::Questions, add_questions,
     run_questions},
    {"check", ruleset::Word::HelpCommandCheck, Command::Check, add_check, run_check_command},
    {"test", ruleset::Word::HelpCommandTest, Command::Test, add_test, run_test},
    {"diff", ruleset::Word::HelpCommandDiff, Command::Diff, add_diff, run_diff},
    {"completion", ruleset::Word::HelpCommandCompletion, Command::Completion, add_completion,
     run_completion},
};

}  // namespace

std::span<const CommandSpec> commands() {
  return kCommands;
}

const CommandSpec& spec_of(Command command) {
  for (const auto& spec : kCommands)
    if (spec.command == command) return spec;
  return kCommands[0];
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& spec : kCommands)
    if (*spec.name) names.push_back(spec.name);
  return names;
}

std::vector<std::string_view> command_words(int argc, const char* const* argv) {
  const auto names = command_names();
  std::vector<std::string_view> words;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (std::find(names.begin(), names.end(), arg) != names.end()) words.push_back(arg);
  }
  return words;
}

std::string command_in(int argc, const char* const* argv) {
  const auto words = command_words(argc, argv);
  return words.empty() ? "" : std::string(words.front());
}

std::string help_hint(const std::string& command) {
  return command.empty() ? "run 'backtriage --help'"
                         : fmt::format("run 'backtriage {} --help'", command);
}

}  // namespace backtriage::cli
