#include "cli/shared_options.h"

#include <CLI/CLI.hpp>

#include "cli/option_values.h"

namespace backtriage::cli {

void add_rules(CLI::App& app, Options& o, const ruleset::RuleSet& rules) {
  app.add_option("--rules", o.rules_file, rules.word(ruleset::Word::HelpOptionRules))
      ->type_name("FILE");
  app.add_option("--locale", o.locale, rules.word(ruleset::Word::HelpOptionLocale))
      ->type_name("TAG");
}

void add_color(CLI::App& app, Options& o, const ruleset::RuleSet& rules) {
  app.add_option("--color", o.color, rules.word(ruleset::Word::HelpOptionColor))
      ->type_name("auto|always|never")
      ->check(one_of(kColorModes));
}

void add_json_style(CLI::App& app, Options& o, const ruleset::RuleSet& rules) {
  app.add_flag("--pretty", o.pretty, rules.word(ruleset::Word::HelpOptionPretty));
  app.add_flag("--compact", o.compact, rules.word(ruleset::Word::HelpOptionCompact));
}

void add_output(CLI::App& app, Options& o, const ruleset::RuleSet& rules) {
  app.add_option("--output,-o", o.output_file, rules.word(ruleset::Word::HelpOptionOutput))
      ->type_name("FILE");
}

}  // namespace backtriage::cli
