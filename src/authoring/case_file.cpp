#include "authoring/case_file.h"

#include <fmt/format.h>

#include <algorithm>

#include "ruleset/answer_domain.h"
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

// Reads a case file; with a rule set, its answers as values and its
// expectations checked against it, else the answers as written.
class Reader {
 public:
  Reader(const std::string& file, const ruleset::RuleSet* rules) : yaml_(file), rules_(rules) {}

  CaseFile read(std::string_view text) {
    CaseFile out;
    for (const YAML::Node& node : cases(text)) out.cases.push_back(test_case(node));
    out.diagnostics = yaml_.take_diagnostics();
    return out;
  }

  CaseAnswersFile read_answers(std::string_view text) {
    CaseAnswersFile out;
    for (const YAML::Node& node : cases(text)) {
      CaseAnswers c;
      if (read_head(node, c)) c.answers = answer_texts(node["answers"]);
      out.cases.push_back(std::move(c));
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
    return set(node, what, values_of(*rules_, fact));
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

  std::vector<YAML::Node> cases(std::string_view text) {
    std::vector<YAML::Node> out;
    auto root = yaml_.parse(text, kMaxCaseFileBytes);
    if (!root) return out;
    if (!root->IsSequence()) {
      yaml_.error(*root, "a case file is a list of cases (- name: ...)");
      return out;
    }
    for (const auto& node : *root) out.push_back(node);
    return out;
  }

  // The keys every case has, whoever reads it. False when it is not a case.
  template <typename Case>
  bool read_head(const YAML::Node& node, Case& c) {
    c.where = yaml_.at(node);
    if (!yaml_.check_map(node, "a case",
                         {"name", "story", "answers", "no_red_flags", "expect", "note"}))
      return false;
    yaml_.require(node, "name", "a case");
    yaml_.require(node, "expect", "a case");
    c.name = yaml_.scalar(node["name"], "name");
    c.no_red_flags = yaml_.boolean(node["no_red_flags"], "no_red_flags").value_or(false);
    return true;
  }

  // The answers as written: a map of question ids to single values.
  std::vector<AnswerText> answer_texts(const YAML::Node& node) {
    std::vector<AnswerText> out;
    if (!node || !yaml_.check_map(node, "answers", {})) return out;
    for (const auto& entry : node) {
      if (entry.second.IsNull()) continue;
      const std::string key = entry.first.Scalar();
      if (!entry.second.IsScalar()) {
        yaml_.error(entry.second, fmt::format("answer '{}' must be a single value", key));
        continue;
      }
      out.push_back({key, entry.second.Scalar(), yaml_.at(entry.first), yaml_.at(entry.second)});
    }
    return out;
  }

  void answers(const YAML::Node& node, TestCase& c) {
    for (const AnswerText& answer : answer_texts(node)) {
      const ruleset::Question* q = rules_->find_question(answer.question);
      if (!q) {
        yaml_.error(answer.key_where,
                    fmt::format("unknown question '{}'{}", answer.question,
                                ruleset::did_you_mean(answer.question, rules_->question_ids())));
        continue;
      }
      auto parsed = ruleset::parse_answer(*q, answer.text);
      if (auto* error = std::get_if<ruleset::AnswerError>(&parsed))
        yaml_.error(answer.value_where,
                    fmt::format("answer '{}': {}", answer.question, error->message));
      else
        c.answers[*rules_->find_fact(answer.question)] = std::get<engine::Value>(parsed);
    }
  }

  Expectation expectation(const YAML::Node& node) {
    Expectation e;
    std::vector<std::string> keys{"level", "complete", "classification", "positions", "asks"};
    for (const auto& spec : ruleset::role_specs())
      if (spec.expected_in_cases) keys.emplace_back(spec.report_key);
    if (!yaml_.check_map(node, "expect", keys)) return e;
    for (const auto& entry : node) e.where[entry.first.Scalar()] = yaml_.at(entry.first);
    if (node["level"]) {
      std::vector<std::string> levels;
      for (const auto& level : rules_->levels()) levels.push_back(level.id);
      levels.push_back(rules_->undecided.id);
      std::string level = yaml_.one_of(node["level"], "level", levels);
      if (!level.empty()) e.level = level;
    }
    if (node["complete"]) e.complete = yaml_.boolean(node["complete"], "complete");
    const auto& roles = rules_->roles;
    for (const auto& spec : ruleset::role_specs()) {
      if (!spec.expected_in_cases) continue;
      const std::string key(spec.report_key);
      if (auto expected = set(node[key], key, roles.*spec.fact)) e.sets[spec.role] = *expected;
    }
    std::vector<std::string> positions;
    for (const auto& p : rules_->positions) positions.push_back(p.id);
    e.positions = set(node["positions"], "positions", positions);
    if (const YAML::Node classification = node["classification"]) {
      std::vector<std::string> facts;
      for (engine::FactId f : roles.classification)
        facts.push_back(rules_->knowledge_base().facts()[f].id);
      if (yaml_.check_map(classification, "classification", facts))
        for (const auto& entry : classification) {
          const std::string fact = entry.first.Scalar();
          auto id = rules_->find_fact(fact);
          if (!id) continue;
          if (entry.second.IsNull()) {
            e.classification[fact] = "";
            continue;
          }
          std::string value = yaml_.one_of(entry.second, fact + " value", values_of(*rules_, *id));
          if (!value.empty()) e.classification[fact] = value;
        }
    }
    if (node["asks"]) e.asks = ids(node["asks"], "asks", rules_->question_ids());
    return e;
  }

  TestCase test_case(const YAML::Node& node) {
    TestCase c;
    c.answers.assign(rules_->knowledge_base().facts().size(), std::nullopt);
    if (!read_head(node, c)) return c;
    if (node["answers"]) answers(node["answers"], c);
    if (node["expect"]) c.expect = expectation(node["expect"]);
    return c;
  }

  YamlReader yaml_;
  const ruleset::RuleSet* rules_;  // null: answers as written
};

}  // namespace

namespace {

// A YAML error yaml-cpp throws past the reader (the parse itself reports its own).
template <typename File, typename Read>
File guarded(const std::string& file_name, Read read) {
  try {
    return read();
  } catch (const YAML::Exception& e) {
    File out;
    out.diagnostics.push_back({ruleset::Diagnostic::Severity::Error,
                               {file_name, e.mark.line + 1, e.mark.column + 1},
                               "YAML error: " + e.msg});
    return out;
  }
}

}  // namespace

CaseFile read_case_file(std::string_view text, const std::string& file_name,
                        const ruleset::RuleSet& rules) {
  return guarded<CaseFile>(file_name, [&] { return Reader(file_name, &rules).read(text); });
}

CaseAnswersFile read_case_answers(std::string_view text, const std::string& file_name) {
  return guarded<CaseAnswersFile>(file_name,
                                  [&] { return Reader(file_name, nullptr).read_answers(text); });
}

}  // namespace backtriage::authoring
