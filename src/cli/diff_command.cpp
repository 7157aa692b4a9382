#include "cli/diff_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "authoring/case_file.h"
#include "authoring/rule_diff.h"
#include "cli/answers_input.h"
#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "cli/option_adder.h"
#include "cli/output.h"
#include "report/text_wrap.h"
#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"
#include "ruleset/spelling.h"

namespace backtriage::cli {

namespace {

std::unique_ptr<const ruleset::RuleSet> load(const std::string& path, const Io& io) {
  const std::string text = read_input(path, io.in);
  auto loaded = ruleset::load_rule_set(text, path);
  if (!loaded.rule_set) {
    std::size_t errors = 0;
    for (const auto& d : loaded.diagnostics)
      errors += d.severity == ruleset::Diagnostic::Severity::Error;
    throw CliError(kDataError, fmt::format("{} ({} error{}; run: backtriage check {})",
                                           format_line(loaded.diagnostics.front()), errors,
                                           errors == 1 ? "" : "s", path));
  }
  return std::move(loaded.rule_set);
}

// A case as read, with where each answer was written, for messages.
struct CaseInput {
  authoring::NamedAnswers answers;
  // One per answer, "file:line" or "file:line:col": of its key, of its value.
  std::vector<std::string> key_where, where;
};

// Cases: a test case file (YAML: a list of {name, answers}), or JSON Lines
// of answers objects. Answers are kept as text, for each rule set to read.
std::vector<CaseInput> read_json_lines(const std::string& path, const std::string& text) {
  std::vector<CaseInput> cases;
  std::size_t number = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = fmt::format("{}:{}", path, number);
    nlohmann::json object;
    if (auto error = parse_answers_object(line, object))
      throw CliError(kDataError,
                     error->column ? fmt::format("{}:{}: {}", where, error->column, error->message)
                                   : fmt::format("{}: {}", where, error->message));
    CaseInput c{{fmt::format("line {}", number), {}, false}, {}, {}};
    for (const auto& [key, value] : object.items()) {
      if (key == "id") {
        c.answers.name = value.is_string() ? value.get<std::string>() : value.dump();
        continue;
      }
      if (value.is_null()) continue;
      if (value.is_object() || value.is_array())
        throw CliError(kDataError,
                       fmt::format("{}: answer '{}' is a nested value, not an answer", where, key));
      c.answers.answers.emplace_back(key, value.is_string()    ? value.get<std::string>()
                                          : value.is_boolean() ? (value.get<bool>() ? "yes" : "no")
                                                               : value.dump());
      c.key_where.push_back(where);
      c.where.push_back(where);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// A test case file, read by the reader `test` uses (authoring/case_file.h).
std::vector<CaseInput> read_case_file(const std::string& path, const std::string& text) {
  const auto file = authoring::read_case_answers(text, path);
  if (!file.diagnostics.empty())
    throw CliError(kDataError, ruleset::format_line(file.diagnostics.front()));
  std::vector<CaseInput> cases;
  for (const auto& read : file.cases) {
    CaseInput c{{read.name, {}, read.no_red_flags}, {}, {}};
    for (const auto& answer : read.answers) {
      c.answers.answers.emplace_back(answer.question, answer.text);
      c.key_where.push_back(ruleset::format_location(answer.key_where));
      c.where.push_back(ruleset::format_location(answer.value_where));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Every answer must mean something to the rule sets compared: a question of
// at least one of them (a question may be new, or gone), in a spelling each
// one that asks it accepts. A case that says nothing to them would be
// counted as unchanged, and hide a mistake.
void check_answers(const std::vector<CaseInput>& cases, const ruleset::RuleSet& old_rules,
                   const ruleset::RuleSet& new_rules) {
  for (const auto& c : cases)
    for (std::size_t i = 0; i < c.answers.answers.size(); ++i) {
      const auto& [id, text] = c.answers.answers[i];
      const ruleset::Question* in_old = old_rules.find_question(id);
      const ruleset::Question* in_new = new_rules.find_question(id);
      if (!in_old && !in_new) {
        auto ids = old_rules.question_ids();
        for (const auto& n : new_rules.question_ids()) ids.push_back(n);
        throw CliError(
            kDataError,
            fmt::format("{}: unknown answer key {}{}: neither rule set asks it", c.key_where[i],
                        ruleset::quote_input(id), ruleset::did_you_mean(id, ids)));
      }
      for (const ruleset::Question* q : {in_old, in_new}) {
        if (!q) continue;
        auto parsed = ruleset::parse_answer(*q, text);
        if (auto* error = std::get_if<ruleset::AnswerError>(&parsed))
          throw CliError(kDataError,
                         fmt::format("{}: answer '{}': {}", c.where[i], id, error->message));
      }
    }
}

std::vector<authoring::NamedAnswers> read_cases(const std::string& path,
                                                const ruleset::RuleSet& old_rules,
                                                const ruleset::RuleSet& new_rules, const Io& io) {
  const std::string text = read_input(path, io.in);
  const auto first = text.find_first_not_of(" \t\r\n");
  const bool json_lines = first != std::string::npos && text[first] == '{';
  const auto cases = json_lines ? read_json_lines(path, text) : read_case_file(path, text);
  check_answers(cases, old_rules, new_rules);
  std::vector<authoring::NamedAnswers> out;
  for (const auto& c : cases) out.push_back(c.answers);
  return out;
}

// "for example a=x b=y", wrapped to the width between answers (each
// answer is one word), under the line it illustrates.
std::string example_text(const authoring::Example& example, int width) {
  std::vector<std::string> parts;
  for (const auto& [id, value] : example) parts.push_back(id + "=" + value);
  const std::string answers =
      example.empty() ? "with no answers at all" : fmt::format("{}", fmt::join(parts, " "));
  return report::wrap("for example " + answers, width, "      ", 8);
}

std::string count_text(std::uint64_t n, bool saturated) {
  // Thousands separated, for counts that run to many digits.
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return saturated ? "at least " + out : out;
}

}  // namespace

int run_diff(const Options& o, const ruleset::RuleSet&, const Io& io) {
  const auto old_rules = load(o.diff_old, io);
  const auto new_rules = load(o.diff_new, io);
  const bool by_cases = !o.diff_cases.empty();
  const authoring::Diff diff =
      by_cases ? authoring::diff_cases(*old_rules, *new_rules,
                                       read_cases(o.diff_cases, *old_rules, *new_rules, io))
               : authoring::diff_answer_space(*old_rules, *new_rules);

  // Wrapped to the terminal (80 columns into a pipe or file), as the report is.
  const int width = text_width(io, io.out_tty, io.out_columns);
  std::string text = fmt::format("{} {} -> {} {}\n", old_rules->id, old_rules->version,
                                 new_rules->id, new_rules->version);
  if (by_cases)
    text += report::wrap(fmt::format("{} of {} cases change.", count_text(diff.changed, false),
                                     count_text(diff.combinations, false)),
                         width);
  else
    text += report::wrap(
        fmt::format("{} of {} answer combinations change ({}; every question answered each way "
                    "it can be, or left unanswered).",
                    count_text(diff.changed, diff.saturated),
                    count_text(diff.combinations, diff.saturated),
                    !diff.exact      ? "NOT exact: " + diff.note
                    : diff.saturated ? "counted exactly up to the largest number it can hold"
                                     : "counted exactly"),
        width);
  auto group = [&](bool less_urgent) {
    std::string out;
    for (const auto& change : diff.levels)
      if (change.less_urgent == less_urgent)
        out += fmt::format("  {} -> {}: {}\n{}", change.from, change.to,
                           count_text(change.count, diff.saturated),
                           example_text(change.example, width));
    return out;
  };
  if (const std::string less = group(true); !less.empty())
    text += "\nLESS URGENT than before:\n" + less;
  if (const std::string other = group(false); !other.empty())
    text += "\nOther changes of level (or of the routine at the same level):\n" + other;
  if (!diff.items.empty()) {
    text += "\nRoutine and avoid items:\n";
    for (const auto& item : diff.items) {
      if (item.appears)
        text += fmt::format("  + {} {}: appears in {}\n", item.section, item.id,
                            count_text(item.appears, diff.saturated));
      if (item.disappears)
        text += fmt::format("  - {} {}: disappears from {}\n", item.section, item.id,
                            count_text(item.disappears, diff.saturated));
      text += example_text(item.example, width);
    }
  }
  if (diff.changed == 0) text += "No change.\n";
  Output out(io.out);
  out.write(text);
  out.flush();
  if (diff.any_less_urgent()) return kLessUrgent;
  return diff.changed > 0 ? kTestFailed : kOk;
}

void add_diff(const OptionAdder& add, Options& o) {
  using ruleset::Word;
  if (auto* opt = add.option("old", o.diff_old, Word::HelpDiffOld))
    opt->type_name("OLD")->required();
  if (auto* opt = add.option("new", o.diff_new, Word::HelpDiffNew))
    opt->type_name("NEW")->required();
  if (auto* opt = add.option("--cases", o.diff_cases, Word::HelpDiffCases)) opt->type_name("FILE");
  add.app().footer(add.rules().format_word(Word::HelpDiffFooter));
}

}  // namespace backtriage::cli
