// Parses argv in-process, as CLI11's own TApp tests do.
#include "cli/app.h"

#include <catch2/catch.hpp>

#include "ruleset/loader.h"

using namespace backtriage;

namespace {
struct Parsed {
  cli::Options options;
  std::unique_ptr<CLI::App> app;
};
std::unique_ptr<Parsed> parse(std::vector<std::string> args) {
  auto p = std::make_unique<Parsed>();
  p->app = cli::make_app(p->options, ruleset::embedded_rule_set());
  std::vector<const char*> argv{"backtriage"};
  for (auto& a : args) argv.push_back(a.c_str());
  p->app->parse(static_cast<int>(argv.size()), argv.data());
  return p;
}
std::size_t index_of(const char* id) {
  const auto& questions = ruleset::embedded_rule_set().questions;
  for (std::size_t i = 0; i < questions.size(); ++i)
    if (questions[i].id == id) return i;
  FAIL("no question " << id);
  return 0;
}
}  // namespace

TEST_CASE("every question of the rule set becomes a flag", "[cli]") {
  auto p = parse({"--duration-weeks", "3", "--sensation=dull", "--below-knee", "no"});
  CHECK(p->options.command == cli::Command::Triage);
  CHECK(p->options.answer_flags[index_of("duration_weeks")] == "3");
  CHECK(p->options.answer_flags[index_of("sensation")] == "dull");
  CHECK(p->options.answer_flags[index_of("below_knee")] == "no");
  CHECK_FALSE(p->options.answer_flags[index_of("fever")].has_value());
}

TEST_CASE("common options and subcommands parse", "[cli]") {
  auto p = parse({"--json", "--no-input", "--explain", "--no-red-flags", "--color", "never"});
  CHECK(p->options.output_format() == "json");
  CHECK(p->options.no_input);
  CHECK(p->options.explain);
  CHECK(p->options.no_red_flags);
  CHECK(p->options.color == "never");
  CHECK(parse({"batch", "--input", "x.jsonl", "--summary"})->options.command ==
        cli::Command::Batch);
  CHECK(parse({"questions", "--json"})->options.command == cli::Command::Questions);
  auto check = parse({"check", "a.yaml", "b.yaml"});
  CHECK(check->options.command == cli::Command::Check);
  CHECK(check->options.check_files == std::vector<std::string>{"a.yaml", "b.yaml"});
}

TEST_CASE("usage errors are CLI11 parse errors", "[cli]") {
  CHECK_THROWS_AS(parse({"--fevr", "yes"}), CLI::ParseError);
  CHECK_THROWS_AS(parse({"--format", "xml"}), CLI::ParseError);
  CHECK_THROWS_AS(parse({"batch", "--fever", "yes"}), CLI::ParseError);
}

TEST_CASE("the rules option is found before the full parse", "[cli]") {
  std::vector<const char*> a{"backtriage", "--json", "--rules", "r.yaml", "--fever", "no"};
  CHECK(cli::find_rules_option(static_cast<int>(a.size()), a.data()) == "r.yaml");
  std::vector<const char*> b{"backtriage", "questions", "--rules=x.yaml"};
  CHECK(cli::find_rules_option(static_cast<int>(b.size()), b.data()) == "x.yaml");
  std::vector<const char*> c{"backtriage", "--", "--rules", "x"};
  CHECK(cli::find_rules_option(static_cast<int>(c.size()), c.data()).empty());
}
