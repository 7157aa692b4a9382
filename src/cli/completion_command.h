#pragma once
// `backtriage completion bash|zsh|fish`: a completion script for the shell,
// written from the command line itself and from the rule set's questions, so
// `--sensation <TAB>` offers that rule set's choices and a bool offers yes/no.
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace CLI {
class App;
}  // namespace CLI

namespace backtriage::cli {

class OptionAdder;

// The options of `backtriage completion`, into `o`.
void add_completion(const OptionAdder& add, Options& o);

// The script for `shell` (bash, zsh or fish) completing every option and
// subcommand of `app`, whose answer flags come from `rules`.
std::string completion_script(const std::string& shell, const CLI::App& app,
                              const ruleset::RuleSet& rules);

int run_completion(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
