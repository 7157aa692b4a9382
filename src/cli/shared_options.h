#pragma once
// Options several commands take alike (--rules and --locale, --color, the
// JSON style, --output), each added by one function so that every command
// spells and explains them the same.
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace CLI {
class App;
}  // namespace CLI

namespace backtriage::cli {

// Their texts are words of `rules`, so that they follow --locale.
void add_rules(CLI::App& app, Options& o, const ruleset::RuleSet& rules);
void add_color(CLI::App& app, Options& o, const ruleset::RuleSet& rules);
void add_json_style(CLI::App& app, Options& o, const ruleset::RuleSet& rules);
void add_output(CLI::App& app, Options& o, const ruleset::RuleSet& rules);

}  // namespace backtriage::cli
