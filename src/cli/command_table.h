#pragma once
// The commands, as one table, as ninja lists its tools: each one's name,
// its summary for --help (a word of the rule file), the options it adds to the app and what runs
// it. The app (app.h) is built from it, and the messages about a command line name a command and
// its --help from it.
#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.h"
#include "cli/option_adder.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

struct CommandSpec {
  const char* name;       // "" for the default command
  ruleset::Word summary;  // the default command's is the app's description
  Command command;
  // Its options, their texts in the rule set's words.
  void (*add_options)(const OptionAdder&, Options&);
  int (*run)(const Options&, const ruleset::RuleSet&, const Io&);
};

// Every command, the default (triage) first.
std::span<const CommandSpec> commands();
// The entry of `command`.
const CommandSpec& spec_of(Command command);
// The subcommands' names: "batch", "questions"...
std::vector<std::string> command_names();
// The words of argv (before "--") that are a subcommand's name, in order.
std::vector<std::string_view> command_words(int argc, const char* const* argv);
// The subcommand named in argv (the first of command_words), or "" (the
// default command).
std::string command_in(int argc, const char* const* argv);
// Where to read more: "run 'backtriage batch --help'".
std::string help_hint(const std::string& command);

}  // namespace backtriage::cli
