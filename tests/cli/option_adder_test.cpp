#include "cli/option_adder.h"

#include <catch2/catch.hpp>

#include "ruleset/loader.h"

using namespace backtriage;

TEST_CASE("the lean app adds an option only when argv names it, and every positional",
          "[cli][option_adder]") {
  const auto& rules = ruleset::embedded_rule_set();
  CLI::App app;
  const std::vector<std::string> named{"--json", "-o"};
  const cli::OptionAdder lean(app, rules, &named);
  CHECK(lean.adds("--json"));
  CHECK(lean.adds("--output,-o"));  // by any of its names
  CHECK_FALSE(lean.adds("--format"));
  CHECK_FALSE(lean.adds("--js"));  // a name is whole, not a prefix
  CHECK(lean.adds("files"));       // a positional: argv cannot name it
  CHECK_FALSE(lean.adds("files,--files"));

  bool json = false, pretty = false;
  CHECK(lean.flag("--json", json, ruleset::Word::HelpOptionJson) != nullptr);
  CHECK(lean.flag("--pretty", pretty, ruleset::Word::HelpOptionPretty) == nullptr);
  CHECK(app.get_option("--json")->get_description() == rules.word(ruleset::Word::HelpOptionJson));
  CHECK(app.get_option_no_throw("--pretty") == nullptr);

  // Without names, everything.
  CLI::App whole;
  const cli::OptionAdder all(whole, rules);
  CHECK(all.adds("--format"));
  CHECK(all.flag("--pretty", pretty, ruleset::Word::HelpOptionPretty) != nullptr);
}

TEST_CASE("option words: argv's words that start with a dash, before --, up to =",
          "[cli][option_adder]") {
  std::vector<const char*> argv{"backtriage", "--fever", "yes",      "--age=40", "-o",
                                "out.json",   "-",       "--region", "--",       "--json"};
  CHECK(cli::option_words(static_cast<int>(argv.size()), argv.data()) ==
        std::vector<std::string>{"--fever", "--age", "-o", "--region"});
}
