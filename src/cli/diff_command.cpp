#include "cli/diff_command.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "authoring/rule_diff.h"
#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "cli/output.h"
#include "ruleset/loader.h"
#include "ruleset/yaml_reader.h"

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

// Cases: a test case file (YAML: a list of {name, answers}), or JSON Lines
// of answers objects. Answers are kept as text, for each rule set to read.
std::vector<authoring::NamedAnswers> read_cases(const std::string& path, const Io& io) {
  const std::string text = read_input(path, io.in);
  std::vector<authoring::NamedAnswers> cases;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') {
    std::size_t number = 0, start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      start = end + 1;
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json object;
      try {
        object = nlohmann::json::parse(line);
      } catch (const nlohmann::json::exception&) {
        throw CliError(kDataError,
                       fmt::format("{}:{}: not a JSON object of answers", path, number));
      }
      if (!object.is_object())
        throw CliError(kDataError,
                       fmt::format("{}:{}: not a JSON object of answers", path, number));
      authoring::NamedAnswers c{fmt::format("line {}", number), {}};
      for (const auto& [key, value] : object.items()) {
        if (key == "id") {
          c.name = value.is_string() ? value.get<std::string>() : value.dump();
          continue;
        }
        if (value.is_null()) continue;
        c.answers.emplace_back(key, value.is_string()    ? value.get<std::string>()
                                    : value.is_boolean() ? (value.get<bool>() ? "yes" : "no")
                                                         : value.dump());
      }
      cases.push_back(std::move(c));
    }
    return cases;
  }
  ruleset::YamlReader yaml(path);
  auto root = yaml.parse(text, kMaxInputBytes);
  if (!root) throw CliError(kDataError, ruleset::format_line(yaml.diagnostics().front()));
  if (!root->IsSequence())
    throw CliError(kDataError, fmt::format("{}: expected a list of cases, or JSON Lines", path));
  for (const auto& node : *root) {
    if (!node.IsMap() || !node["answers"] || !node["answers"].IsMap())
      throw CliError(kDataError, fmt::format("{}: a case needs 'answers'",
                                             ruleset::format_location(yaml.at(node))));
    authoring::NamedAnswers c{
        node["name"] ? node["name"].as<std::string>() : ruleset::format_location(yaml.at(node)),
        {}};
    for (const auto& entry : node["answers"])
      if (entry.second.IsScalar())
        c.answers.emplace_back(entry.first.Scalar(), entry.second.Scalar());
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string example_text(const authoring::Example& example) {
  if (example.empty()) return "with no answers at all";
  std::vector<std::string> parts;
  for (const auto& [id, value] : example) parts.push_back(id + "=" + value);
  return fmt::format("{}", fmt::join(parts, " "));
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
      by_cases ? authoring::diff_cases(*old_rules, *new_rules, read_cases(o.diff_cases, io))
               : authoring::diff_answer_space(*old_rules, *new_rules);

  std::string text = fmt::format("{} {} -> {} {}\n", old_rules->id, old_rules->version,
                                 new_rules->id, new_rules->version);
  if (by_cases)
    text += fmt::format("{} of {} cases change.\n", count_text(diff.changed, false),
                        count_text(diff.combinations, false));
  else
    text += fmt::format(
        "{} of {} answer combinations change ({}; every question answered each way it can be, "
        "or left unanswered).\n",
        count_text(diff.changed, diff.saturated), count_text(diff.combinations, diff.saturated),
        diff.exact ? "counted exactly" : "NOT exact: " + diff.note);
  auto group = [&](bool less_urgent) {
    std::string out;
    for (const auto& change : diff.levels)
      if (change.less_urgent == less_urgent)
        out += fmt::format("  {} -> {}: {}\n      for example {}\n", change.from, change.to,
                           count_text(change.count, diff.saturated), example_text(change.example));
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
      text += fmt::format("      for example {}\n", example_text(item.example));
    }
  }
  if (diff.changed == 0) text += "No change.\n";
  Output out(io.out);
  out.write(text);
  out.flush();
  if (diff.any_less_urgent()) return kLessUrgent;
  return diff.changed > 0 ? kTestFailed : kOk;
}

}  // namespace backtriage::cli
