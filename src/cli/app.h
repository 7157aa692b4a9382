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

// The answer flags come from `rules`, so a different rule set brings its own.
// Help is wrapped to `width` columns. With `only`, the name of the command
// about to run ("" for triage), the other subcommands are added without
// their options. With `answers` (by question), the app is the lean one that
// parses a command line answer_flags_named accepted: only those answer
// flags, and of the subcommands only `only`. Each option costs CLI11 a check
// against all the others, and each subcommand its own help flag: a third of
// a triage's start-up.
std::unique_ptr<CLI::App> make_app(Options& options, const ruleset::RuleSet& rules, int width = 80,
                                   std::optional<std::string> only = std::nullopt,
                                   const std::vector<bool>* answers = nullptr);

// An answer flag's help: the question (a red flag's short label), with
// each choice's meaning when `with_meanings` (the values are ids, the same in
// every language: "id: label; ..."), a number's range, and its marks.
std::string answer_help(const ruleset::RuleSet& rules, const ruleset::Question& q,
                        bool with_meanings = true);

// The answer flags argv names, by question; none when argv asks for help or
// the version (which list every flag and command), or names more than one
// command (which only the whole app tells apart).
std::optional<std::vector<bool>> answer_flags_named(const ruleset::RuleSet& rules, int argc,
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
