#pragma once
// Options several commands take alike (--rules and --locale, --color, the
// JSON style, --output), each added by one function so that every command
// spells and explains them the same.
#include "cli/options.h"

namespace CLI {
class App;
}  // namespace CLI

namespace backtriage::cli {

void add_rules(CLI::App& app, Options& o);
void add_color(CLI::App& app, Options& o);
void add_json_style(CLI::App& app, Options& o);
void add_output(CLI::App& app, Options& o);

}  // namespace backtriage::cli
