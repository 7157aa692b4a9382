#pragma once
// Where a command adds its options: to its app, each with its help a word of
// the rule set; or, for the lean app that parses a plain command line
// (make_app in app.h), only the options argv names. Each option costs CLI11
// the making of two Options and a check against every other: a tenth of a
// triage, which names two or three of the twenty it has.
#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule_set.h"

namespace backtriage::cli {

class OptionAdder {
 public:
  // With `named` (argv's words that start with '-', each up to any '='),
  // only the options those name, and every positional; without, all.
  OptionAdder(CLI::App& app, const ruleset::RuleSet& rules,
              const std::vector<std::string>* named = nullptr)
      : app_(app), rules_(rules), named_(named) {}

  CLI::App& app() const { return app_; }
  const ruleset::RuleSet& rules() const { return rules_; }

  // `names` as CLI11 takes them: "--output,-o", or a positional's ("files").
  // Null when the lean app leaves the option out.
  template <typename T>
  CLI::Option* option(const std::string& names, T& target, ruleset::Word help) const {
    return adds(names) ? app_.add_option(names, target, rules_.word(help)) : nullptr;
  }
  CLI::Option* flag(const std::string& names, bool& target, ruleset::Word help) const {
    return adds(names) ? app_.add_flag(names, target, rules_.word(help)) : nullptr;
  }

  // Whether an option of these names goes into the app.
  bool adds(std::string_view names) const;

 private:
  CLI::App& app_;
  const ruleset::RuleSet& rules_;
  const std::vector<std::string>* named_;
};

// argv's words that start with '-', up to "--" and each up to any '=': what
// OptionAdder's `named` takes.
std::vector<std::string> option_words(int argc, const char* const* argv);

}  // namespace backtriage::cli
