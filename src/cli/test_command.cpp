#include "cli/test_command.h"

#include <fmt/color.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "authoring/case_file.h"
#include "authoring/case_runner.h"
#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "cli/option_adder.h"
#include "cli/option_values.h"
#include "cli/output.h"
#include "cli/shared_options.h"

namespace backtriage::cli {

int run_test(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  std::vector<std::pair<std::string, std::string>> files;  // name, text
  if (o.files.empty()) {
    if (!o.rules_file.empty())
      throw CliError(kUsage,
                     "test --rules FILE needs case files to run; run 'backtriage test --help'");
    files.emplace_back("<embedded cases>", std::string(authoring::embedded_cases_text()));
  }
  for (const auto& path : o.files)
    files.emplace_back(path == "-" ? "<stdin>" : path, read_input(path, io.in));

  Output out(o.output_file, io);
  const bool color = use_color(o.color, io, io.out_tty);
  auto failed_word = [&](std::string_view text) {
    return color ? fmt::format("{}", fmt::styled(text, fmt::emphasis::bold |
                                                           fmt::fg(fmt::terminal_color::red)))
                 : std::string(text);
  };
  authoring::Coverage coverage(rules);
  std::size_t passed = 0, failed = 0;
  std::vector<int> prompts;  // per case without a red flag whose level gives the routine
  bool bad_file = false;
  for (const auto& [name, text] : files) {
    const auto file = authoring::read_case_file(text, name, rules);
    if (ruleset::has_errors(file.diagnostics)) {
      for (const auto& d : file.diagnostics)
        fmt::print(io.err, "{}\n", ruleset::format_with_context(d, text));
      bad_file = true;
      continue;
    }
    for (const auto& test : file.cases) {
      const auto result = authoring::run_case(rules, test, &coverage);
      if (result.failures.empty()) {
        ++passed;
      } else {
        ++failed;
        for (const auto& f : result.failures)
          out.write(fmt::format("{}: {} {}: {}\n", ruleset::format_location(f.where),
                                failed_word("FAIL"), test.name, f.message));
      }
      const auto* level = rules.find_level(result.level);
      if (!result.any_red_flag && level && ruleset::gives_routine(*level))
        prompts.push_back(result.prompts);
    }
  }
  if (bad_file) throw CliError(kDataError, "a case file has errors (above); no verdict");
  bool enough = true;
  if (o.coverage) {
    std::string text = "\nCoverage:\n";
    for (const auto& part : coverage.parts()) {
      text += fmt::format("  {:<20} {:>4}/{:<4} {:5.1f}%\n", part.name, part.covered, part.total,
                          part.percent());
      for (const auto& missing : part.missing) text += fmt::format("      never: {}\n", missing);
    }
    const double overall = coverage.overall_percent();
    text += fmt::format("  {:<20} {:>15.1f}%\n", "overall", overall);
    if (!prompts.empty()) {
      std::sort(prompts.begin(), prompts.end());
      const double median =
          prompts.size() % 2
              ? prompts[prompts.size() / 2]
              : (prompts[prompts.size() / 2 - 1] + prompts[prompts.size() / 2]) / 2.0;
      text += fmt::format(
          "  interview prompts, over the {} cases without a warning sign that get the "
          "routine: median {}, at most {}\n",
          prompts.size(), median, prompts.back());
    }
    if (o.min_coverage && overall < *o.min_coverage) {
      enough = false;
      text +=
          fmt::format("  coverage {:.1f}% is below the minimum of {}%\n", overall, *o.min_coverage);
    }
    out.write(text);
  }
  out.write(fmt::format("{} passed, {} failed\n", passed, failed));
  out.flush();
  return failed > 0 || !enough ? kTestFailed : kOk;
}

void add_test(const OptionAdder& add, Options& o) {
  using ruleset::Word;
  if (auto* opt = add.option("files", o.files, Word::HelpTestFiles)) opt->type_name("FILE");
  add_rules(add, o);
  add.flag("--coverage", o.coverage, Word::HelpTestCoverage);
  if (auto* opt = add.option("--min-coverage", o.min_coverage, Word::HelpTestMinCoverage))
    opt->type_name("N")->check(percentage());
  add_color(add, o);
  add.app().footer(add.rules().format_word(Word::HelpTestFooter));
}

}  // namespace backtriage::cli
