#pragma once
// The command line: a CLI11 app built in a function, so tests can parse an
// argv in-process, and `run`, which is all of main(). The commands are one
// table (command_table.h), as ninja lists its tools.
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// What the lean app is made of (make_app): the answer flags a command line
// names, by question, and its words that may name an option
// (option_words).
struct LeanCommandLine {
  std::vector<bool> answers;
  std::vector<std::string> options;
};

// The answer flags come from `rules`, so a different rule set brings its own.
// Help is wrapped to `width` columns. With `only`, the name of the command
// about to run ("" for triage), the other subcommands are added without
// their options. With `lean`, the app is the lean one that parses a command
// line lean_command_line accepted: of the answer flags and options only
// those it names, and of the subcommands only `only`. Each option costs
// CLI11 a check against all the others, and each subcommand its own help
// flag: a third of a triage's start-up.
std::unique_ptr<CLI::App> make_app(Options& options, const ruleset::RuleSet& rules, int width = 80,
                                   std::optional<std::string> only = std::nullopt,
                                   const LeanCommandLine* lean = nullptr);

// An answer flag's help: the question (a red flag's short label), with
// each choice's meaning when `with_meanings` (the values are ids, the same in
// every language: "id: label; ..."), a number's range, and its marks.
std::string answer_help(const ruleset::RuleSet& rules, const ruleset::Question& q,
                        bool with_meanings = true);

// What argv names, for the lean app; none when argv asks for help or the
// version (which list every flag and command), or names more than one
// command (which only the whole app tells apart).
std::optional<LeanCommandLine> lean_command_line(const ruleset::RuleSet& rules, int argc,
                                                 const char* const* argv);

// Parses argv into `options`, checks what CLI11 leaves to us (values of
// enumerated options, options that contradict each other) and turns every
// parse error into one plain message: what is wrong, the valid values, and
// which --help to read; an example of an answer flag comes from `rules`, the
// rule set `app` was made from. Throws CliError(kUsage); CLI::CallForHelp
// and friends pass through.
void parse_command_line(CLI::App& app, Options& options, const ruleset::RuleSet& rules, int argc,
                        const char* const* argv);

// Finds `--rules FILE` / `--rules=FILE` before the full parse, because the
// rule set decides which other flags exist. Empty when absent; a usage error
// (CliError) when given empty.
std::string find_rules_option(int argc, const char* const* argv);

// Runs one invocation and returns its exit code; never throws.
int run(int argc, const char* const* argv, const Io& io);

}  // namespace backtriage::cli
