// Parses argv in-process, as CLI11's own TApp tests do.
#include "cli/app.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "cli/exit_code.h"
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
  CHECK(p->options.output_format() == cli::Format::Json);
  CHECK(p->options.no_input);
  CHECK(p->options.explain);
  CHECK(p->options.no_red_flags);
  CHECK(p->options.color == "never");
  CHECK(parse({"batch", "--input", "x.jsonl", "--summary"})->options.command ==
        cli::Command::Batch);
  CHECK(parse({"questions", "--json"})->options.command == cli::Command::Questions);
  auto check = parse({"check", "a.yaml", "b.yaml"});
  CHECK(check->options.command == cli::Command::Check);
  CHECK(check->options.files == std::vector<std::string>{"a.yaml", "b.yaml"});
}

namespace {
// The one-line message a command line gets, as `backtriage` prints it after
// "backtriage: ", or "" when it parses.
std::string usage_error(std::vector<std::string> args,
                        const ruleset::RuleSet& rules = ruleset::embedded_rule_set()) {
  cli::Options options;
  auto app = cli::make_app(options, rules);
  std::vector<const char*> argv{"backtriage"};
  for (auto& a : args) argv.push_back(a.c_str());
  try {
    cli::parse_command_line(*app, options, rules, static_cast<int>(argv.size()), argv.data());
  } catch (const cli::CliError& e) {
    CHECK(e.code() == cli::kUsage);
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("every usage error is one plain message: what, the valid values, which help", "[cli]") {
  CHECK(usage_error({"--fevr", "yes"}) ==
        "unknown option '--fevr' (did you mean '--fever'?); run 'backtriage --help'");
  CHECK(usage_error({"chek", "x"}) ==
        "unknown command 'chek' (did you mean 'check'?); run 'backtriage --help'");
  CHECK(usage_error({"batch", "--fever", "yes"}) ==
        "unknown option '--fever'; run 'backtriage batch --help'");
  CHECK(usage_error({"--color"}) ==
        "option '--color' needs a value: auto, always or never; run 'backtriage --help'");
  CHECK(usage_error({"--color", "blue"}) ==
        "option '--color': 'blue' is not auto, always or never; run 'backtriage --help'");
  CHECK(usage_error({"--format", "xml"}) ==
        "option '--format': 'xml' is not a format: use text, json, cds-hooks, html or ics; run "
        "'backtriage --help'");
  CHECK(usage_error({"--format", "jsn"}) ==
        "option '--format': 'jsn' is not a format (did you mean 'json'?): use text, json, "
        "cds-hooks, html or ics; run 'backtriage --help'");
  CHECK(usage_error({"--brief"}) ==
        "--brief applies only to JSON output: add --json; run 'backtriage --help'");
  CHECK(usage_error({"--json", "--format", "html"}) ==
        "--json and --format html contradict each other; run 'backtriage --help'");
  CHECK(usage_error({"--json", "--pretty", "--compact"}) ==
        "--pretty and --compact contradict each other; run 'backtriage --help'");
  CHECK(usage_error({"batch", "--format", "html"}) ==
        "batch writes json or cds-hooks, not html; run 'backtriage batch --help'");
  CHECK(usage_error({"batch", "--jobs", "many"}) ==
        "option '--jobs': 'many' is not a whole number from 1 to 256; run 'backtriage batch "
        "--help'");
  CHECK(usage_error({"--start", "2026-12-01"}) ==
        "--start applies only to --format ics; run 'backtriage --help'");
  CHECK(usage_error({"--format", "ics", "--start", "2026-02-30"}) ==
        "option '--start': '2026-02-30' is not a date written YYYY-MM-DD; run 'backtriage "
        "--help'");
  CHECK(usage_error({"--format", "ics", "--time", "25:00"}) ==
        "option '--time': '25:00' is not a time written HH:MM (00:00 to 23:59); run "
        "'backtriage --help'");
  // Each option's value is checked where the option is declared (CLI11
  // validators), before the checks that weigh options together.
  CHECK(usage_error({"--format", "html", "--paper", "a5"}) ==
        "option '--paper': 'a5' is not a4 or letter (did you mean 'a4'?); run 'backtriage "
        "--help'");
  CHECK(usage_error({"--paper", "a5"}) ==
        "option '--paper': 'a5' is not a4 or letter (did you mean 'a4'?); run 'backtriage "
        "--help'");
  CHECK(usage_error({"--format", "ics", "--start", ""}) ==
        "option '--start': '' is not a date written YYYY-MM-DD; run 'backtriage --help'");
  CHECK(usage_error({"--format", "ics", "--alarm", "1441"}) ==
        "option '--alarm': '1441' is not a whole number of minutes from 0 to 1440, or none; run "
        "'backtriage --help'");
  CHECK(usage_error({"batch", "-j", "257"}) ==
        "option '--jobs': '257' is not a whole number from 1 to 256; run 'backtriage batch "
        "--help'");
  CHECK(usage_error({"batch", "-j", "256"}).empty());
  CHECK(usage_error({"test", "--min-coverage", "-1"}) ==
        "option '--min-coverage': '-1' is not a percentage from 0 to 100; run 'backtriage test "
        "--help'");
  // A missing argument is named by what its help says it is.
  CHECK(usage_error({"completion"}) ==
        "completion needs the shell to complete for: bash, zsh or fish; run 'backtriage "
        "completion --help'");
  CHECK(usage_error({"completion", "tcsh"}) ==
        "completion: 'tcsh' is not a shell it knows: use bash, zsh or fish; run 'backtriage "
        "completion --help'");
  CHECK(usage_error({"diff"}) ==
        "diff needs the rule file before the change; run 'backtriage diff --help'");
  CHECK(usage_error({"diff", "old.yaml"}) ==
        "diff needs the rule file after the change; run 'backtriage diff --help'");
  CHECK(usage_error({"--fever", "yes", "--fever", "no"}) ==
        "option '--fever' was given more than once; run 'backtriage --help'");
  CHECK(usage_error({"--no-input=maybe"}).find("--no-input") != std::string::npos);
  CHECK(usage_error({"hello"}) ==
        "unexpected argument 'hello': backtriage takes answers as flags such as "
        "--duration-weeks 2, and its commands are batch, questions, check, test, diff or "
        "completion; run 'backtriage --help'");
  // The argument named is the one that does not fit, whatever its shape.
  CHECK(usage_error({"--no-input", "-x"}) == "unknown option '-x'; run 'backtriage --help'");
  CHECK(usage_error({"batch", "-x"}) == "unknown option '-x'; run 'backtriage batch --help'");
  CHECK(usage_error({"-"}) == "unexpected argument '-'; run 'backtriage --help'");
  CHECK(usage_error({"diff", "a.yaml", "b.yaml", "c.yaml"}) ==
        "unexpected argument 'c.yaml'; run 'backtriage diff --help'");
  CHECK(usage_error({"completion", "bash", "zsh"}) ==
        "unexpected argument 'zsh'; run 'backtriage completion --help'");
  CHECK(usage_error({"batch", "--brief", "--explain"}) ==
        "--explain needs the full report: a brief one has no trace; run 'backtriage batch "
        "--help'");
  // Scripts pass the common options to every command alike.
  CHECK(usage_error({"batch", "--no-input", "--explain", "--color", "never"}).empty());
  CHECK(usage_error({"--json", "--format", "json", "--fever", "yes"}).empty());
  CHECK(usage_error({"check", "--rules", "x.yaml"}).empty());
  CHECK(usage_error({"test", "--rules", "x.yaml", "cases.yaml", "--min-coverage", "90"}).empty());
}

namespace {

// A rule set about a knee: no fever, no `example`, no words of its own, and
// its one question a warning sign.
const std::string kKnee = R"(id: knee
version: "1"
disclaimer: d
questions:
  - {id: locked, type: bool, red_flag: true, unsure: clinic, prompt: "Is your knee locked?", source: s}
report: {level: step, red_flags: sign}
facts:
  - {id: step, type: ranked, choices: [{id: clinic, label: Clinic, advice: Go., cds: warning, color: yellow}, {id: rest, label: Rest, advice: Rest., routine: true, cds: info, color: green}], undecided: {id: unknown, label: Unknown, advice: More., cds: warning, color: none}}
  - {id: sign, type: set, items: [{id: locked, label: Locked, level: clinic, why: w, source: s}]}
rules:
  - {id: r, when: {locked: {in: [yes, unsure]}}, then: {step: clinic, sign: locked}, source: s}
  - {id: f, when: {locked: false}, then: {step: rest}, source: s}
)";

}  // namespace

TEST_CASE("a stray argument is shown an answer flag of the rule set in use", "[cli]") {
  const std::string& knee = kKnee;
  auto loaded = ruleset::load_rule_set(knee, "knee.yaml");
  REQUIRE(loaded.rule_set);
  CHECK(usage_error({"hello"}, *loaded.rule_set) ==
        "unexpected argument 'hello': backtriage takes answers as flags such as --locked no, "
        "and its commands are batch, questions, check, test, diff or completion; run "
        "'backtriage --help'");
  // With an `example`, its first answer.
  auto with_example = ruleset::load_rule_set(knee + "example: {locked: unsure}\n", "knee.yaml");
  REQUIRE(with_example.rule_set);
  CHECK(usage_error({"hello"}, *with_example.rule_set).find("such as --locked unsure,") !=
        std::string::npos);
}

TEST_CASE("the rules option is found before the full parse", "[cli]") {
  std::vector<const char*> a{"backtriage", "--json", "--rules", "r.yaml", "--fever", "no"};
  CHECK(cli::find_rules_option(static_cast<int>(a.size()), a.data()) == "r.yaml");
  std::vector<const char*> b{"backtriage", "questions", "--rules=x.yaml"};
  CHECK(cli::find_rules_option(static_cast<int>(b.size()), b.data()) == "x.yaml");
  std::vector<const char*> c{"backtriage", "--", "--rules", "x"};
  CHECK(cli::find_rules_option(static_cast<int>(c.size()), c.data()).empty());
  std::vector<const char*> d{"backtriage", "test", "--rules", ""};
  CHECK_THROWS_WITH(cli::find_rules_option(static_cast<int>(d.size()), d.data()),
                    "option '--rules' needs a file name, not an empty one; run 'backtriage test "
                    "--help'");
}

TEST_CASE("a plain command line is parsed by an app of only what it names, unless it asks for help",
          "[cli]") {
  const auto& rules = ruleset::embedded_rule_set();
  auto lean = [&](std::vector<const char*> args) {
    args.insert(args.begin(), "backtriage");
    return cli::lean_command_line(rules, static_cast<int>(args.size()), args.data());
  };
  const auto some =
      lean({"--fever", "yes", "--duration-weeks=3", "--json", "-o", "r.json", "--", "--region"});
  REQUIRE(some);
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    INFO(rules.questions[q].id);
    CHECK(some->answers[q] == (q == index_of("fever") || q == index_of("duration_weeks")));
  }
  CHECK(some->options == std::vector<std::string>{"--fever", "--duration-weeks", "--json", "-o"});
  CHECK_FALSE(lean({"--fever", "yes", "--help"}));
  CHECK_FALSE(lean({"-h"}));
  CHECK_FALSE(lean({"--version"}));
  // Two commands' names: only the whole app says which is one and which a
  // file or value.
  CHECK(lean({"check", "rules.yaml"}));
  CHECK_FALSE(lean({"check", "test"}));

  // The app built with only those parses them as the whole app does.
  cli::Options options;
  auto app = cli::make_app(options, rules, 80, "", &*some);
  std::vector<const char*> argv{"backtriage", "--fever", "yes",   "--duration-weeks=3",
                                "--json",     "-o",      "r.json"};
  app->parse(static_cast<int>(argv.size()), argv.data());
  CHECK(options.answer_flags[index_of("fever")] == "yes");
  CHECK(options.answer_flags[index_of("duration_weeks")] == "3");
  CHECK(options.json);
  CHECK(options.output_file == "r.json");
  // Of the triage's own options only --json and --output, besides help and version.
  std::vector<std::string> names;
  for (const CLI::Option* option : app->get_options())
    if (!option->get_lnames().empty()) names.push_back(option->get_lnames().front());
  std::sort(names.begin(), names.end());
  CHECK(names ==
        std::vector<std::string>{"duration-weeks", "fever", "help", "json", "output", "version"});
  CHECK(app->get_subcommands({}).empty());  // nor any command

  // A command's lean app has that command alone, with its positionals.
  auto batch = cli::make_app(options, rules, 80, "batch", &*some);
  REQUIRE(batch->get_subcommands({}).size() == 1);
  CHECK(batch->get_subcommands({}).front()->get_name() == "batch");
  const auto check = lean({"check", "rules.yaml"});
  auto checker = cli::make_app(options, rules, 80, "check", &*check);
  CHECK(checker->get_subcommand("check")->get_option_no_throw("files") != nullptr);
  CHECK(checker->get_subcommand("check")->get_option_no_throw("--rules") == nullptr);
}

TEST_CASE("every text of --help is a word of the rule file", "[cli][app]") {
  // The knee rules (kKnee), their help words in other words:
  // CLI11's headings and marks, the answer flags' group, an option's text,
  // a command's summary and its footer.
  const std::string knee = kKnee + R"(words:
  help:
    usage: U
    options_mark: O-MARK
    subcommand_mark: C-MARK
    positionals: P
    options: O
    subcommands: C
    required: R-MARK
    answers: "A of {rules}"
    option_help: H-TEXT
    option_rules: RULES-TEXT
    command_diff: DIFF-TEXT
    diff_old: OLD-TEXT
    diff_footer: "D-FOOTER {{x}}"
)";
  auto loaded = ruleset::load_rule_set(knee, "knee.yaml");
  REQUIRE(loaded.rule_set);
  const auto& rules = *loaded.rule_set;
  cli::Options options;
  auto app = cli::make_app(options, rules);
  const std::string help = app->help();
  for (const char* text : {"U: backtriage [O-MARK] [C-MARK]\n", "\nO:\n", "\nC:\n",
                           "\nA of knee:\n", "H-TEXT", "RULES-TEXT", "DIFF-TEXT"})
    CHECK(help.find(text) != std::string::npos);
  for (const char* english : {"Usage", "OPTIONS", "SUBCOMMAND", "Options:", "Subcommands:",
                              "Answers (", "Print this help", "Rule file to use"})
    CHECK(help.find(english) == std::string::npos);
  const std::string diff = app->get_subcommand("diff")->help("backtriage");
  for (const char* text : {"\nP:\n", "OLD-TEXT", "R-MARK", "D-FOOTER {x}", "\nO:\n  -h,--help"})
    CHECK(diff.find(text) != std::string::npos);
  CHECK(diff.find("Options:") == std::string::npos);
  // An answer flag before a command is found whatever its group is called.
  CHECK(
      usage_error({"--locked", "no", "diff", "a", "b"}, rules)
          .starts_with("answers go with a triage, not with 'diff' (--locked was given before it)"));
}
