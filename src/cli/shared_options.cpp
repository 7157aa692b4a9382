#include "cli/shared_options.h"

#include <CLI/CLI.hpp>

#include "cli/option_values.h"

namespace backtriage::cli {

void add_rules(CLI::App& app, Options& o) {
  app.add_option("--rules", o.rules_file, "Rule file to use instead of the embedded rules")
      ->type_name("FILE");
  app.add_option("--locale", o.locale,
                 "The language and country to answer and report in: en-GB, en-US, es, es-ES, "
                 "es-US... (default: from LC_ALL, LC_MESSAGES or LANG, else the rules' own)")
      ->type_name("TAG");
}

void add_color(CLI::App& app, Options& o) {
  app.add_option("--color", o.color,
                 "Colour: auto (on a terminal, unless NO_COLOR is set), "
                 "always or never")
      ->type_name("auto|always|never")
      ->check(one_of(kColorModes));
}

void add_json_style(CLI::App& app, Options& o) {
  app.add_flag("--pretty", o.pretty, "Indent JSON (the default on a terminal)");
  app.add_flag("--compact", o.compact, "JSON on one line (the default into a pipe or file)");
}

void add_output(CLI::App& app, Options& o) {
  app.add_option("--output,-o", o.output_file, "Write to FILE instead of standard output")
      ->type_name("FILE");
}

}  // namespace backtriage::cli
