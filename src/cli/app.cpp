#include "cli/app.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

#include "cli/command_table.h"
#include "cli/exit_code.h"
#include "cli/help_formatter.h"
#include "cli/option_adder.h"
#include "cli/output.h"
#include "cli/parse_error_message.h"
#include "cli/rules_in_locale.h"
#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"
#include "ruleset/spelling.h"

namespace backtriage::cli {

namespace {

// By Format.
const std::vector<std::string> kFormats{"text", "json", "cds-hooks", "html", "ics", "fhir"};

// What each command can write.
std::vector<std::string> usable_formats(Command command) {
  switch (command) {
    case Command::Batch: return {"json", "cds-hooks"};
    case Command::Questions: return {"text", "json", "fhir"};
    default: return {"text", "json", "cds-hooks", "html", "ics"};
  }
}

std::string format_option_text(const std::string& text, Options& o) {
  auto found = std::find(kFormats.begin(), kFormats.end(), text);
  // Offer what the command can write: batch writes lines of JSON.
  const auto usable = usable_formats(o.command);
  if (found == kFormats.end())
    return fmt::format("option '--format': '{}' is not a format{}: use {}", text,
                       ruleset::did_you_mean(text, usable), ruleset::list_or(usable));
  if (std::find(usable.begin(), usable.end(), text) == usable.end()) {
    if (o.command == Command::Batch)
      return fmt::format("batch writes json or cds-hooks, not {}", text);
    if (text == "fhir")
      return "the triage writes no FHIR resource: backtriage questions --format fhir writes the "
             "Questionnaire, and --answers reads a QuestionnaireResponse";
    return fmt::format("option '--format': {} writes {}, not {}",
                       o.command == Command::Questions ? "questions" : "the triage",
                       ruleset::list_or(usable), text);
  }
  o.format = static_cast<Format>(found - kFormats.begin());
  return "";
}

// --- What CLI11 leaves to us ------------------------------------------------------------------

void check_options(Options& o, const std::string& command) {
  const std::string hint = help_hint(command);
  auto fail = [&](const std::string& message) {
    throw CliError(kUsage, fmt::format("{}; {}", message, hint));
  };
  if (!o.format_text.empty())
    if (auto error = format_option_text(o.format_text, o); !error.empty()) fail(error);
  if (o.json && o.format && *o.format != Format::Json)
    fail(fmt::format("--json and --format {} contradict each other", o.format_text));
  if (o.pretty && o.compact) fail("--pretty and --compact contradict each other");
  if (o.command == Command::Batch && !o.format && !o.json) o.format = Format::Json;
  const Format format = o.output_format();
  const bool json_like =
      format == Format::Json || format == Format::CdsHooks || format == Format::Fhir;
  if (o.brief && format != Format::Json) fail("--brief applies only to JSON output: add --json");
  if ((o.pretty || o.compact) && !json_like)
    fail(fmt::format("--{} applies only to JSON output: add --json",
                     o.pretty ? "pretty" : "compact"));
  if (o.command == Command::Batch && o.explain && o.brief)
    fail("--explain needs the full report: a brief one has no trace");
  if (o.command == Command::Batch && !json_like)
    fail(fmt::format("batch writes json or cds-hooks, not {}", o.format_text));
  for (const auto& [given, name] : {std::pair{&o.start_date, "start"},
                                    std::pair{&o.start_time, "time"}, std::pair{&o.alarm, "alarm"}})
    if (format != Format::Ics && !given->empty())
      fail(fmt::format("--{} applies only to --format ics", name));
  if (format != Format::Html && !o.paper.empty()) fail("--paper applies only to --format html");
  if (o.min_coverage) o.coverage = true;
  if (o.command == Command::Completion) {
    const std::vector<std::string> shells{"bash", "zsh", "fish"};
    if (std::find(shells.begin(), shells.end(), o.completion_shell) == shells.end())
      fail(fmt::format("completion: '{}' is not a shell it knows{}: use bash, zsh or fish",
                       o.completion_shell, ruleset::did_you_mean(o.completion_shell, shells)));
  }
  if (o.command == Command::Check && !o.rules_file.empty()) o.files.push_back(o.rules_file);
}

int dispatch(int argc, const char* const* argv, const Io& io) {
  std::unique_ptr<const ruleset::RuleSet> owned;
  const std::string rules_path = find_rules_option(argc, argv);
  // `check` reports a broken file itself, with every problem in it.
  const std::string command = command_in(argc, argv);
  const auto locale = wanted_locale(find_option(argc, argv, "--locale"), io);
  // Its --help still follows --locale: the embedded rules in the locale.
  const ruleset::RuleSet& rules =
      rules_in_locale(command == "check" ? "" : rules_path, locale, io, owned);

  Options options;
  std::unique_ptr<CLI::App> app;
  auto build_and_parse = [&](const LeanCommandLine* lean) {
    app.reset();
    options = Options{};
    try {
      app = make_app(options, rules, text_width(io, io.out_tty, io.out_columns), command, lean);
    } catch (const CLI::OptionAlreadyAdded& e) {
      throw CliError(kDataError, fmt::format("{}: a question's flag clashes with a built-in "
                                             "option: {}",
                                             rules.origin, e.what()));
    }
    parse_command_line(*app, options, rules, argc, argv);
  };
  try {
    // With only the answer flags, options and command given, which is most
    // of a triage's start-up saved; anything amiss is parsed again with them
    // all, so that every message is what the whole command line makes of it.
    const auto named = lean_command_line(rules, argc, argv);
    try {
      build_and_parse(named ? &*named : nullptr);
    } catch (const CliError&) {
      if (!named) throw;
      build_and_parse(nullptr);
    }
  } catch (const CLI::CallForHelp&) {
    Output out(io.out);
    out.write(command.empty() ? app->help() : app->get_subcommand(command)->help("backtriage"));
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
  }
  return spec_of(options.command).run(options, rules, io);
}

}  // namespace

// --- The answer flags ----------------------------------------------------------------------

std::string answer_help(const ruleset::RuleSet& rules, const ruleset::Question& q,
                        bool with_meanings) {
  // A red flag's short label reads better in --help than its full prompt.
  std::string text = q.prompt;
  if (rules.roles.red_flags >= 0)
    for (const auto& item : rules.derived_fact(rules.roles.red_flags).values)
      if (const auto& label = item.as<ruleset::RedFlag>().label; item.id == q.id && !label.empty())
        text = label;
  const auto accepted = ruleset::accepted_answers(q);
  // A choice's values are ids, the same in every locale: each with its
  // label, so a reader knows which to type ("id: label; ...").
  std::vector<std::string> meanings;
  if (with_meanings)
    for (const ruleset::Item& choice : q.choices)
      if (const auto& label = choice.as<ruleset::Named>().label; !label.empty())
        meanings.push_back(choice.id + ": " + label);
  if (!meanings.empty()) text += fmt::format(" ({})", fmt::join(meanings, "; "));
  // The marks are words of the rule file, so that a locale says them too.
  if (accepted.kind == ruleset::AcceptedAnswers::Kind::Number)
    text += " " + rules.format_word(ruleset::Word::HelpRange, fmt::arg("min", q.min),
                                    fmt::arg("max", q.max),
                                    fmt::arg("unit", q.unit.empty() ? "" : " " + q.unit));
  if (q.red_flag) text += " " + rules.word(ruleset::Word::HelpRedFlag);
  if (q.optional) text += " " + rules.word(ruleset::Word::HelpOptional);
  return text;
}

std::optional<LeanCommandLine> lean_command_line(const ruleset::RuleSet& rules, int argc,
                                                 const char* const* argv) {
  if (command_words(argc, argv).size() > 1) return std::nullopt;
  LeanCommandLine lean{std::vector<bool>(rules.questions.size(), false), option_words(argc, argv)};
  std::vector<std::string> flags;  // made once: each is a new string
  for (const std::string& word : lean.options) {
    if (word == "-h" || word == "--help" || word == "--help-all" || word == "--version")
      return std::nullopt;
    if (!word.starts_with("--")) continue;
    if (flags.empty())
      for (const auto& q : rules.questions) flags.push_back(q.flag());
    for (std::size_t q = 0; q < flags.size(); ++q)
      if (word == flags[q]) lean.answers[q] = true;
  }
  return lean;
}

namespace {

// An answer to `q` as a flag takes it: its least number, no, or its first
// choice.
std::string first_answer(const ruleset::Question& q) {
  const auto accepted = ruleset::accepted_answers(q);
  return q.type == engine::FactType::Number ? fmt::format("{}", accepted.min)
         : q.type == engine::FactType::Bool ? "no"
                                            : accepted.words.front();
}

// Answers as flags to some of the rule set's questions ("--duration-weeks",
// "2", ...): its `example`, or else the first three questions that are no
// warning sign, each with its first answer.
std::vector<std::string> example_answers(const ruleset::RuleSet& rules) {
  std::vector<std::string> words;
  auto add = [&](const ruleset::Question& q, const std::string& answer) {
    words.push_back(q.flag());
    words.push_back(answer);
  };
  for (const auto& [id, answer] : rules.example) add(*rules.find_question(id), answer);
  if (rules.example.empty())
    for (const auto& q : rules.questions) {
      if (q.red_flag || q.optional || words.size() >= 6) continue;
      add(q, first_answer(q));
    }
  return words;
}

// The example of --help: example_answers, after --no-red-flags when the
// rule set has any.
std::string flags_example(const ruleset::RuleSet& rules) {
  std::vector<std::string> words;
  const bool red_flags = std::any_of(rules.questions.begin(), rules.questions.end(),
                                     [](const ruleset::Question& q) { return q.red_flag; });
  if (red_flags) words.emplace_back("--no-red-flags");
  const auto answers = example_answers(rules);
  words.insert(words.end(), answers.begin(), answers.end());
  return fmt::format("{}", fmt::join(words, " "));
}

// One answer flag with its value, for a message ("--duration-weeks 2"): the
// first of example_answers, else the first question's; empty for a rule
// set without questions.
std::string answer_example(const ruleset::RuleSet& rules) {
  const auto answers = example_answers(rules);
  if (answers.size() >= 2) return answers[0] + " " + answers[1];
  if (rules.questions.empty()) return "";
  return rules.questions.front().flag() + " " + first_answer(rules.questions.front());
}

}  // namespace

std::unique_ptr<CLI::App> make_app(Options& o, const ruleset::RuleSet& rules, int width,
                                   std::optional<std::string> only, const LeanCommandLine* lean) {
  using ruleset::Word;
  auto app = std::make_unique<CLI::App>(
      rules.format_word(Word::HelpDescription,
                        fmt::arg("title", rules.title.empty() ? rules.id : rules.title)),
      "backtriage");
  // Every text of --help is a word of the rule file, CLI11's own too.
  auto formatter = std::make_shared<HelpFormatter>(width);
  for (const auto& [label, word] :
       {std::pair{"Usage", Word::HelpUsage}, std::pair{"OPTIONS", Word::HelpOptionsMark},
        std::pair{"SUBCOMMAND", Word::HelpSubcommandMark},
        std::pair{"Positionals", Word::HelpPositionals}, std::pair{"REQUIRED", Word::HelpRequired}})
    formatter->label(label, rules.word(word));
  app->formatter(formatter);
  // The group of the options, and the help flag made again in it; the
  // subcommands take both from the app.
  app->option_defaults()->group(rules.word(Word::HelpOptions));
  app->set_help_flag("-h,--help", rules.word(Word::HelpOptionHelp));
  app->set_version_flag("--version", std::string("backtriage ") + BACKTRIAGE_VERSION,
                        rules.word(Word::HelpOptionVersion));
  app->footer(rules.format_word(Word::HelpFooter, fmt::arg("flags", flags_example(rules))));
  app->require_subcommand(0, 1);
  for (const auto& spec : commands()) {
    CLI::App* target = app.get();
    if (*spec.name && lean && only != spec.name) continue;  // the lean app
    if (*spec.name) {
      target = app->add_subcommand(spec.name, rules.word(spec.summary));
      target->formatter(app->get_formatter());
      target->group(rules.word(Word::HelpSubcommands));
      // CLI11 made its help flag before it took the options' group.
      target->set_help_flag("-h,--help", rules.word(Word::HelpOptionHelp));
    }
    if (!only || !*spec.name || *only == spec.name)
      spec.add_options(OptionAdder(*target, rules, lean ? &lean->options : nullptr), o);
    if (*spec.name) {
      const Command command = spec.command;
      target->callback([&o, command] { o.command = command; });
    }
  }
  o.answer_flags.assign(rules.questions.size(), std::nullopt);
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    if (lean && !lean->answers[i]) continue;
    const auto& q = rules.questions[i];
    app->add_option(q.flag(), o.answer_flags[i], answer_help(rules, q))
        ->type_name(ruleset::accepted_answers(q).brief())
        ->group(rules.format_word(Word::HelpAnswers, fmt::arg("rules", rules.id)));
  }
  return app;
}

void parse_command_line(CLI::App& app, Options& options, const ruleset::RuleSet& rules, int argc,
                        const char* const* argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    throw;
  } catch (const CLI::CallForAllHelp&) {
    throw;
  } catch (const CLI::CallForVersion&) {
    throw;
  } catch (const CLI::ParseError& e) {
    throw CliError(kUsage, plain_message(e, app, rules, answer_example(rules), argc, argv));
  }
  const std::string command = command_in(argc, argv);
  // Answers written before a command's name parse as the triage's options,
  // and that command would quietly drop them: a fever lost is a safety
  // matter, so it is an error.
  if (!command.empty()) {
    // The answer flags given, by question: not by their group's heading,
    // which is the locale's.
    std::string given = options.answers_file.empty() ? "" : "--answers";
    for (std::size_t i = 0; i < options.answer_flags.size() && given.empty(); ++i)
      if (options.answer_flags[i]) given = rules.questions[i].flag();
    if (!given.empty())
      throw CliError(
          kUsage,
          fmt::format(
              "answers go with a triage, not with '{}' ({} was given before it){}; {}", command,
              given,
              command == "batch" ? ": batch reads each person's answers from their line" : "",
              help_hint(command)));
  }
  check_options(options, command);
}

std::string find_rules_option(int argc, const char* const* argv) {
  const auto found = find_option(argc, argv, "--rules");
  if (found && found->empty())  // not "the embedded rules"
    throw CliError(kUsage, fmt::format("option '--rules' needs a file name, not an empty one; {}",
                                       help_hint(command_in(argc, argv))));
  return found.value_or("");
}

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
