#include "authoring/case_file.h"

#include <fmt/format.h>

#include <algorithm>

#include "ruleset/answer_parser.h"
#include "ruleset/spelling.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::authoring {

namespace {

using ruleset::YamlReader;

constexpr std::size_t kMaxCaseFileBytes = 16 * 1024 * 1024;

// Ids a set expectation may name: the values of the report's fact.
std::vector<std::string> values_of(const ruleset::RuleSet& rules, engine::FactId fact) {
  std::vector<std::string> ids;
  if (fact < 0) return ids;
  for (const auto& item : rules.items_of(fact)) ids.push_back(item.id);
  return ids;
}

class Reader {
 public:
  Reader(const std::string& file, const ruleset::RuleSet& rules) : yaml_(file), rules_(rules) {}

  CaseFile read(std::string_view text) {
    CaseFile out;
    auto root = yaml_.parse(text, kMaxCaseFileBytes);
    if (root) {
      if (!root->IsSequence())
        yaml_.error(*root, "a case file is a list of cases (- name: ...)");
      else
        for (const auto& node : *root) out.cases.push_back(test_case(node));
    }
    out.diagnostics = yaml_.take_diagnostics();
    return out;
  }

 private:
  std::vector<std::string> ids(const YAML::Node& node, const std::string& what,
                               const std::vector<std::string>& allowed) {
    std::vector<std::string> out;
    if (!node.IsSequence()) {
      yaml_.error(node, fmt::format("{} must be a list of ids", what));
      return out;
    }
    for (const auto& element : node) {
      std::string id = yaml_.one_of(element, what.substr(0, what.size() - 1), allowed);
      if (!id.empty()) out.push_back(id);
    }
    return out;
  }

  std::optional<SetExpectation> set(const YAML::Node& node, const std::string& what,
                                    engine::FactId fact) {
    return set(node, what, values_of(rules_, fact));
  }
  std::optional<SetExpectation> set(const YAML::Node& node, const std::string& what,
                                    const std::vector<std::string>& allowed) {
    if (!node) return std::nullopt;
    SetExpectation e;
    e.where = yaml_.at(node);
    if (node.IsSequence()) {
      e.exactly = ids(node, what, allowed);
      return e;
    }
    if (!yaml_.check_map(node, what, {"has", "lacks"})) return std::nullopt;
    if (node["has"]) e.has = ids(node["has"], what, allowed);
    if (node["lacks"]) e.lacks = ids(node["lacks"], what, allowed);
    return e;
  }

  void answers(const YAML::Node& node, TestCase& c) {
    if (!yaml_.check_map(node, "answers", {})) return;
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      const ruleset::Question* q = rules_.find_question(key);
      if (!q) {
        yaml_.error(entry.first, fmt::format("unknown question '{}'{}", key,
                                             ruleset::did_you_mean(key, rules_.question_ids())));
        continue;
      }
      if (entry.second.IsNull()) continue;
      if (!entry.second.IsScalar()) {
        yaml_.error(entry.second, fmt::format("answer '{}' must be a single value", key));
        continue;
      }
      auto parsed = ruleset::parse_answer(*q, entry.second.Scalar());
      if (auto* error = std::get_if<ruleset::AnswerError>(&parsed))
        yaml_.error(entry.second, fmt::format("answer '{}': {}", key, error->message));
      else
        c.answers[*rules_.find_fact(key)] = std::get<engine::Value>(parsed);
    }
  }

  Expectation expectation(const YAML::Node& node) {
    Expectation e;
    if (!yaml_.check_map(node, "expect",
                         {"level", "complete", "red_flags", "reasons", "classification", "routine",
                          "avoid", "watch_for", "positions", "asks"}))
      return e;
    for (const auto& entry : node) e.where[entry.first.Scalar()] = yaml_.at(entry.first);
    if (node["level"]) {
      std::vector<std::string> levels;
      for (const auto& level : rules_.levels()) levels.push_back(level.id);
      levels.push_back(rules_.undecided.id);
      std::string level = yaml_.one_of(node["level"], "level", levels);
      if (!level.empty()) e.level = level;
    }
    if (node["complete"]) e.complete = yaml_.boolean(node["complete"], "complete");
    const auto& roles = rules_.roles;
    e.red_flags = set(node["red_flags"], "red_flags", roles.red_flags);
    e.reasons = set(node["reasons"], "reasons", roles.reasons);
    e.routine = set(node["routine"], "routine", roles.routine);
    e.avoid = set(node["avoid"], "avoid", roles.avoid);
    e.watch_for = set(node["watch_for"], "watch_for", roles.watch_for);
    std::vector<std::string> positions;
    for (const auto& p : rules_.positions) positions.push_back(p.id);
    e.positions = set(node["positions"], "positions", positions);
    if (const YAML::Node classification = node["classification"]) {
      std::vector<std::string> facts;
      for (engine::FactId f : roles.classification)
        facts.push_back(rules_.knowledge_base().facts()[f].id);
      if (yaml_.check_map(classification, "classification", facts))
        for (const auto& entry : classification) {
          const std::string fact = entry.first.Scalar();
          auto id = rules_.find_fact(fact);
          if (!id) continue;
          if (entry.second.IsNull()) {
            e.classification[fact] = "";
            continue;
          }
          std::string value = yaml_.one_of(entry.second, fact + " value", values_of(rules_, *id));
          if (!value.empty()) e.classification[fact] = value;
        }
    }
    if (node["asks"]) e.asks = ids(node["asks"], "asks", rules_.question_ids());
    return e;
  }

  TestCase test_case(const YAML::Node& node) {
    TestCase c;
    c.where = yaml_.at(node);
    c.answers.assign(rules_.knowledge_base().facts().size(), std::nullopt);
    if (!yaml_.check_map(node, "a case",
                         {"name", "story", "answers", "no_red_flags", "expect", "note"}))
      return c;
    yaml_.require(node, "name", "a case");
    yaml_.require(node, "expect", "a case");
    c.name = yaml_.scalar(node["name"], "name");
    c.no_red_flags = yaml_.boolean(node["no_red_flags"], "no_red_flags").value_or(false);
    if (node["answers"]) answers(node["answers"], c);
    if (node["expect"]) c.expect = expectation(node["expect"]);
    return c;
  }

  YamlReader yaml_;
  const ruleset::RuleSet& rules_;
};

}  // namespace

CaseFile read_case_file(std::string_view text, const std::string& file_name,
                        const ruleset::RuleSet& rules) {
  try {
    return Reader(file_name, rules).read(text);
  } catch (const YAML::Exception& e) {
    CaseFile out;
    out.diagnostics.push_back({ruleset::Diagnostic::Severity::Error,
                               {file_name, e.mark.line + 1, e.mark.column + 1},
                               "YAML error: " + e.msg});
    return out;
  }
}

}  // namespace backtriage::authoring
