#pragma once
// Options several commands take alike (--rules and --locale, --color, the
// JSON style, --output), each added by one function so that every command
// spells and explains them the same.
#include "cli/options.h"
#include "ruleset/words.h"

namespace backtriage::cli {

class OptionAdder;

// Their texts are words of the adder's rules, so that they follow --locale.
void add_rules(const OptionAdder& add, Options& o);
// `help`: batch says that it writes no colour.
void add_color(const OptionAdder& add, Options& o,
               ruleset::Word help = ruleset::Word::HelpOptionColor);
void add_json_style(const OptionAdder& add, Options& o);
void add_output(const OptionAdder& add, Options& o);

}  // namespace backtriage::cli
