#include "cli/app.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <exception>

#include "cli/batch_command.h"
#include "cli/check_command.h"
#include "cli/completion_command.h"
#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "cli/output.h"
#include "cli/questions_command.h"
#include "cli/triage_command.h"
#include "ruleset/loader.h"
#include "ruleset/spelling.h"

namespace backtriage::cli {

namespace {

constexpr const char* kExamples = R"(Examples:
  backtriage                                   answer the questions in a terminal
  backtriage --no-red-flags --duration-weeks 2 --sensation dull \
             --spread one_spot --region lower  triage from flags, as text
  backtriage --json --answers answers.json | jq .level
  backtriage batch --input cases.jsonl > reports.jsonl
  backtriage questions --json                  the questions, for scripts
  backtriage check my-rules.yaml               validate a rule file
  backtriage --format cds-hooks --no-input --fever yes
  backtriage completion bash                   shell completion (zsh, fish too)

Exit status: 0 triage produced (any level), 2 usage error, 65 bad data,
66 unreadable input, 70 internal error, 74 output failed, 130 interrupted.
Not medical advice: in an emergency call your local emergency number.)";

std::string answer_type_name(const ruleset::Question& q) {
  switch (q.type) {
    case engine::FactType::Bool: return "YES|NO";
    case engine::FactType::Number: return q.unit.empty() ? "NUMBER" : "N";
    default: break;
  }
  std::string out;
  for (const auto& c : q.choices) out += (out.empty() ? "" : "|") + c.id;
  return out;
}

std::string answer_help(const ruleset::Question& q) {
  std::string help = q.prompt;
  if (q.type == engine::FactType::Number)
    help += fmt::format(" ({} to {}{})", q.min, q.max, q.unit.empty() ? "" : " " + q.unit);
  if (q.red_flag) help += " [red flag]";
  return help;
}

void add_rules_option(CLI::App& app, Options& o) {
  app.add_option("--rules", o.rules_file,
                 "Rule file to use instead of the embedded back-pain rules")
      ->type_name("FILE");
}

void add_color_option(CLI::App& app, Options& o) {
  app.add_option("--color", o.color, "Colour in text output (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("auto|always|never");
}

}  // namespace

std::unique_ptr<CLI::App> make_app(Options& o, const ruleset::RuleSet& rules) {
  auto app = std::make_unique<CLI::App>(
      "backtriage - rule-based back pain triage: red flags, pain type and a home routine",
      "backtriage");
  app->set_version_flag("--version", std::string("backtriage ") + BACKTRIAGE_VERSION);
  app->footer(kExamples);
  app->require_subcommand(0, 1);
  add_rules_option(*app, o);
  app->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "cds-hooks"}))
      ->type_name("text|json|cds-hooks");
  app->add_flag("--json", o.json, "Same as --format json");
  app->add_flag("--brief", o.brief,
                "JSON: only level, classification and the ids of red flags, routine, avoid");
  app->add_flag("--no-input", o.no_input, "Never ask questions, even on a terminal");
  app->add_flag("--explain", o.explain, "Show which rules fired and why");
  add_color_option(*app, o);
  app->add_option("--answers", o.answers_file, "Answers as a JSON or YAML object ('-': stdin)")
      ->type_name("FILE|-");
  app->add_flag("--no-red-flags", o.no_red_flags,
                "Answer every red-flag question no (an explicit flag wins)");

  o.answer_flags.assign(rules.questions.size(), std::nullopt);
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    const auto& q = rules.questions[i];
    app->add_option(q.flag(), o.answer_flags[i], answer_help(q))
        ->type_name(answer_type_name(q))
        ->group("Answers (" + rules.id + " rules)");
  }

  auto* batch = app->add_subcommand(
      "batch", "Triage JSON Lines: one answers object per line in, one report per line out");
  add_rules_option(*batch, o);
  batch->add_option("--input", o.input_file, "Read from FILE instead of stdin")->type_name("FILE");
  batch->add_flag("--json", o.json, "Accepted for symmetry: batch output is always JSON");
  batch->add_flag("--brief", o.brief, "Brief reports (level, classification, ids)");
  batch->add_flag("--no-red-flags", o.no_red_flags, "Unanswered red flags count as no");
  batch->add_flag("--summary", o.summary, "Print counts per level to stderr at the end");
  batch->add_option("--jobs,-j", o.jobs, "Evaluate on N threads; output keeps the input order")
      ->check(CLI::Range(1, 256))
      ->type_name("N");
  batch->footer(R"(Example:
  backtriage batch --input cases.jsonl --summary > reports.jsonl
Line n of the output answers line n of the input; a bad line gets
{"line": n, "error": "..."} and makes the exit status 65.)");
  batch->callback([&o] { o.command = Command::Batch; });

  auto* questions =
      app->add_subcommand("questions", "List the rule set's questions: id, flag, type, choices");
  add_rules_option(*questions, o);
  questions->add_flag("--json", o.json, "As JSON");
  questions->footer("Example:\n  backtriage questions --json | jq -r '.[].flag'");
  questions->callback([&o] { o.command = Command::Questions; });

  auto* check = app->add_subcommand(
      "check", "Validate rule files (default: the embedded set); every problem as file:line:col");
  check->add_option("files", o.check_files, "Rule files to check")->type_name("FILE...");
  add_color_option(*check, o);
  check->footer(R"(Example:
  backtriage check my-rules.yaml
Exit status: 0 valid (warnings allowed), 65 invalid, 66 unreadable file.)");
  check->callback([&o] { o.command = Command::Check; });

  auto* completion = app->add_subcommand(
      "completion", "Print a shell completion script (answer flags complete their values)");
  add_rules_option(*completion, o);
  completion->add_option("shell", o.completion_shell, "The shell to complete for")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}))
      ->type_name("bash|zsh|fish");
  completion->footer(R"(Examples:
  backtriage completion bash > ~/.local/share/bash-completion/completions/backtriage
  source <(backtriage completion zsh)                      in ~/.zshrc
  backtriage completion fish > ~/.config/fish/completions/backtriage.fish)");
  completion->callback([&o] { o.command = Command::Completion; });

  return app;
}

std::string find_rules_option(int argc, const char* const* argv) {
  std::string found;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--rules" && i + 1 < argc)
      found = argv[++i];
    else if (arg.substr(0, 8) == "--rules=")
      found = std::string(arg.substr(8));
  }
  return found;
}

namespace {

// "unknown option '--fevr' (did you mean '--fever'?)" for the first unknown
// long option in argv, or "". CLI11 lists stray arguments but not what was
// meant.
std::string unknown_flag_message(const CLI::App& app, int argc, const char* const* argv) {
  std::vector<std::string> known;
  auto collect = [&](const CLI::App& a) {
    for (const CLI::Option* option : a.get_options())
      for (const auto& name : option->get_lnames()) known.push_back("--" + name);
  };
  collect(app);
  for (const CLI::App* sub : app.get_subcommands({})) collect(*sub);
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.rfind("--", 0) != 0) continue;
    arg = arg.substr(0, arg.find('='));
    if (std::find(known.begin(), known.end(), arg) != known.end()) continue;
    return fmt::format("unknown option '{}'{}", arg, ruleset::did_you_mean(arg, known));
  }
  return "";
}

std::unique_ptr<const ruleset::RuleSet> load_rules_file(const std::string& path, const Io& io) {
  std::string text = read_input(path, io.in);
  auto result = ruleset::load_rule_set(text, path);
  if (!result.rule_set) {
    std::string message;
    int shown = 0;
    for (const auto& d : result.diagnostics) {
      if (d.severity != ruleset::Diagnostic::Severity::Error) continue;
      if (shown++ > 0) {
        message += fmt::format(" (and {} more; run: backtriage check {})",
                               result.diagnostics.size() - 1, path);
        break;
      }
      message += format_line(d);
    }
    throw CliError(kDataError, message);
  }
  return std::move(result.rule_set);
}

int dispatch(int argc, const char* const* argv, const Io& io) {
  std::unique_ptr<const ruleset::RuleSet> owned;
  const std::string rules_path = find_rules_option(argc, argv);
  // `check` validates files itself and must report a broken --rules as data.
  if (!rules_path.empty()) owned = load_rules_file(rules_path, io);
  const ruleset::RuleSet& rules = owned ? *owned : ruleset::embedded_rule_set();

  Options options;
  std::unique_ptr<CLI::App> app;
  try {
    app = make_app(options, rules);
  } catch (const CLI::OptionAlreadyAdded& e) {
    throw CliError(kDataError, fmt::format("{}: a question's flag clashes with a built-in "
                                           "option: {}",
                                           rules.origin, e.what()));
  }
  try {
    app->parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    Output out(io.out);
    out.write(app->help());
    out.flush();  // a full disk must fail here, not vanish at exit
    return kOk;
  } catch (const CLI::CallForAllHelp&) {
    Output out(io.out);
    out.write(app->help("", CLI::AppFormatMode::All));
    out.flush();
    return kOk;
  } catch (const CLI::CallForVersion&) {
    Output out(io.out);
    out.write(std::string("backtriage ") + BACKTRIAGE_VERSION + "\n");
    out.flush();
    return kOk;
  } catch (const CLI::ParseError& e) {
    std::string message = unknown_flag_message(*app, argc, argv);
    if (message.empty() || !dynamic_cast<const CLI::ExtrasError*>(&e)) message = e.what();
    throw CliError(kUsage, message + "; run 'backtriage --help' for usage");
  }
  switch (options.command) {
    case Command::Triage: return run_triage(options, rules, io);
    case Command::Batch: return run_batch(options, rules, io);
    case Command::Questions: return run_questions(options, rules, io);
    case Command::Check: return run_check(options, io);
    case Command::Completion: return run_completion(options, rules, io);
  }
  return kInternal;
}

}  // namespace

int run(int argc, const char* const* argv, const Io& io) {
  try {
    return dispatch(argc, argv, io);
  } catch (const ReaderGone&) {
    return kOk;  // stdout's reader left (`| head -1`): stop quietly
  } catch (const CliError& e) {
    fmt::print(io.err, "backtriage: {}\n", e.what());
    return e.code();
  } catch (const std::bad_alloc&) {
    fmt::print(io.err, "backtriage: out of memory\n");
    return kInternal;
  } catch (const std::exception& e) {
    fmt::print(io.err, "backtriage: internal error: {}\n", e.what());
    return kInternal;
  }
}

}  // namespace backtriage::cli
