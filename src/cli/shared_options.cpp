#include "cli/shared_options.h"

#include <CLI/CLI.hpp>

#include "cli/option_adder.h"
#include "cli/option_values.h"

namespace backtriage::cli {

using ruleset::Word;

void add_rules(const OptionAdder& add, Options& o) {
  if (auto* opt = add.option("--rules", o.rules_file, Word::HelpOptionRules))
    opt->type_name("FILE");
  if (auto* opt = add.option("--locale", o.locale, Word::HelpOptionLocale)) opt->type_name("TAG");
}

void add_color(const OptionAdder& add, Options& o, Word help) {
  if (auto* opt = add.option("--color", o.color, help))
    opt->type_name("auto|always|never")->check(one_of(kColorModes));
}

void add_json_style(const OptionAdder& add, Options& o) {
  add.flag("--pretty", o.pretty, Word::HelpOptionPretty);
  add.flag("--compact", o.compact, Word::HelpOptionCompact);
}

void add_output(const OptionAdder& add, Options& o) {
  if (auto* opt = add.option("--output,-o", o.output_file, Word::HelpOptionOutput))
    opt->type_name("FILE");
}

}  // namespace backtriage::cli
