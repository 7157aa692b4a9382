#include "ruleset/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

#include "ruleset/answer_domain.h"
#include "ruleset/condition_parser.h"
#include "ruleset/rule_set_builder.h"
#include "ruleset/spelling.h"
#include "ruleset/words_reader.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

using engine::FactId;
using engine::FactType;
using engine::Value;

const std::vector<std::string>& cds_indicators() {
  static const std::vector<std::string> values{"info", "warning", "critical"};
  return values;
}

const std::vector<std::string>& level_colors() {
  static const std::vector<std::string> values{"red",  "yellow",  "green", "blue",
                                               "cyan", "magenta", "none"};
  return values;
}

const std::vector<std::string>& exercise_kinds() {
  static const std::vector<std::string> values{"stretch", "strengthening"};
  return values;
}

void RuleSetBuilder::report_roles(const YAML::Node& node) {
  std::vector<std::string> keys;
  for (const RoleSpec& spec : role_specs())
    if (spec.in_report()) keys.emplace_back(spec.report_key);
  keys.insert(keys.end(), {"classification", "region"});
  if (!yaml_.check_map(node, "report", keys)) return;
  yaml_.require(node, "level", "report");
  // A fact's items are of its one role's kind (item.h), so a fact plays one
  // part: the red flags cannot also be the tips, nor the level a classification.
  auto claim = [&](const std::string& fact, Role role, const YAML::Node& named) {
    if (fact.empty()) return;
    auto [at, fresh] = roles_.emplace(fact, role);
    if (fresh) {
      role_at_[fact] = named;
    } else if (at->second != role) {
      yaml_.error(named, fmt::format("'{}' is already the report's {} ({}): a fact plays one part",
                                     fact, spec_of(at->second).report_key,
                                     format_location(yaml_.at(role_at_[fact]))));
    }
  };
  for (const RoleSpec& spec : role_specs()) {
    if (!spec.in_report()) continue;
    const YAML::Node named = node[std::string(spec.report_key)];
    if (named) claim(yaml_.scalar(named, spec.report_key), spec.role, named);
  }
  const YAML::Node listed = node["classification"];
  yaml_.text_list(listed, "classification");  // its errors: not a list, an entry not a text
  if (listed && listed.IsSequence())
    for (const YAML::Node& named : listed)
      if (named.IsScalar()) claim(named.Scalar(), Role::Classification, named);
  region_fact_ = yaml_.scalar(node["region"], "region");
  if (node["region"]) role_at_region_.reset(node["region"]);
}

Role RuleSetBuilder::role_of(const std::string& fact_id) const {
  auto it = roles_.find(fact_id);
  return it == roles_.end() ? Role::Value : it->second;
}

void RuleSetBuilder::rule(const YAML::Node& node) {
  if (!yaml_.check_map(node, "a rule", {"id", "when", "then", "source", "note"})) return;
  bool ok = yaml_.require(node, "id", "a rule");
  ok &= yaml_.require(node, "when", "a rule");
  ok &= yaml_.require(node, "then", "a rule");
  yaml_.require(node, "source", "a rule");
  engine::Rule r;
  r.id = node["id"] ? id(node["id"], "rule id", IdShape::Rule) : "";
  r.source = yaml_.scalar(node["source"], "source");
  if (!r.id.empty() && !rule_ids_.insert(r.id).second) {
    yaml_.error(node["id"], fmt::format("duplicate rule id '{}'", r.id));
    ok = false;
  }
  if (!ok) return;
  auto when = conditions_.condition(node["when"]);
  const YAML::Node then = node["then"];
  if (!then.IsMap() || then.size() == 0) {
    yaml_.error(then, "'then' must be a mapping of fact: value");
    return;
  }
  if (!yaml_.check_map(then, "'then'", {})) return;
  for (const auto& entry : then) {
    auto fact = conditions_.fact_ref(entry.first);
    if (!fact) continue;
    const auto& decl = facts_[*fact];
    if (decl.is_input) {
      yaml_.error(
          entry.first,
          fmt::format("'{}' is a question; a rule may assert only declared facts", decl.id));
      continue;
    }
    if (entry.second.IsSequence()) {
      if (decl.type != FactType::Set) {
        yaml_.error(entry.second,
                    fmt::format("'{}' holds one value; only a set takes a list", decl.id));
        continue;
      }
      for (const auto& element : entry.second)
        if (auto value = conditions_.literal(*fact, element)) r.then.push_back({*fact, *value});
    } else if (auto value = conditions_.literal(*fact, entry.second)) {
      r.then.push_back({*fact, *value});
    }
  }
  if (!when) return;
  r.when = std::move(*when);
  rule_set_->rule_locations.push_back(yaml_.at(node));
  rules_.push_back(std::move(r));
}

// The `report:` names resolved to facts of the right type.
void RuleSetBuilder::resolve_roles(const YAML::Node& root) {
  Roles& roles = rule_set_->roles;
  auto find = [&](const std::string& name) -> std::optional<FactId> {
    for (FactId f = 0; f < static_cast<FactId>(facts_.size()); ++f)
      if (facts_[f].id == name) return f;
    return std::nullopt;
  };
  auto names = [&] {
    std::vector<std::string> out;
    for (const auto& f : facts_) out.push_back(f.id);
    return out;
  };
  const YAML::Node report = root["report"];
  auto one = [&](const char* key, FactId& slot, FactType type) {
    if (!report || !report[key]) return;
    const std::string name = report[key].Scalar();
    auto fact = find(name);
    if (!fact) {
      yaml_.error(report[key],
                  fmt::format("unknown fact '{}'{}", name, did_you_mean(name, names())));
      return;
    }
    if (facts_[*fact].type != type || rule_set_->is_question(*fact)) {
      yaml_.error(
          report[key],
          fmt::format(
              "the report's {} must be a derived {} fact; '{}' is {}", key, engine::to_string(type),
              name,
              rule_set_->is_question(*fact)
                  ? "a question"
                  : with_article(std::string(engine::to_string(facts_[*fact].type)) + " fact")));
      return;
    }
    slot = *fact;
  };
  for (const RoleSpec& spec : role_specs())
    if (spec.in_report()) one(std::string(spec.report_key).c_str(), roles.*spec.fact, spec.type);
  if (report && report["classification"] && report["classification"].IsSequence()) {
    for (const auto& n : report["classification"]) {
      const std::string name = n.Scalar();
      auto fact = find(name);
      if (!fact) {
        yaml_.error(n, fmt::format("unknown fact '{}'{}", name, did_you_mean(name, names())));
      } else if (facts_[*fact].type != FactType::Choice && facts_[*fact].type != FactType::Ranked) {
        yaml_.error(n, fmt::format("a classification must be a choice; '{}' is a {} fact", name,
                                   engine::to_string(facts_[*fact].type)));
      } else {
        roles.classification.push_back(*fact);
      }
    }
  }
}

void RuleSetBuilder::resolve_references() {
  const RuleSet& rs = *rule_set_;
  if (!region_fact_.empty() &&
      std::none_of(rs.roles.classification.begin(), rs.roles.classification.end(),
                   [&](FactId f) { return facts_[f].id == region_fact_; }))
    yaml_.error(role_at_region_, fmt::format("the report's region '{}' must be one of its "
                                             "classification facts",
                                             region_fact_));
  std::vector<std::string> levels, values;
  if (rs.roles.level >= 0)
    for (const auto& l : rs.derived_fact(rs.roles.level).values) levels.push_back(l.id);
  // An exercise's region is a value of the fact `report: region` names, or
  // else of any classification fact.
  for (FactId f : rs.roles.classification)
    if (region_fact_.empty() || facts_[f].id == region_fact_)
      for (const auto& v : rs.items_of(f)) values.push_back(v.id);
  auto ids_of = [&](FactId fact) {
    std::vector<std::string> ids;
    if (fact >= 0)
      for (const auto& v : rs.derived_fact(fact).values) ids.push_back(v.id);
    return ids;
  };
  std::vector<std::string> positions;
  for (const auto& p : rs.positions) positions.push_back(p.id);
  const std::vector<std::string> exercises = ids_of(rs.roles.routine),
                                 watched = ids_of(rs.roles.watch_for);
  for (const auto& ref : pending_) {
    if (ref.value.empty()) continue;
    using Kind = PendingReference::Kind;
    const auto& allowed = ref.kind == Kind::Level      ? levels
                          : ref.kind == Kind::Position ? positions
                          : ref.kind == Kind::Exercise ? exercises
                          : ref.kind == Kind::WatchFor ? watched
                                                       : values;
    if (rs.roles.level < 0 && ref.kind == PendingReference::Kind::Level) continue;
    if (std::find(allowed.begin(), allowed.end(), ref.value) == allowed.end())
      yaml_.error(ref.node, fmt::format("unknown {} '{}'{} (expected {})", ref.what, ref.value,
                                        did_you_mean(ref.value, allowed), list_or(allowed)));
  }
}

// What only makes sense once everything is loaded: red flags reported and
// read, checklists contiguous.
void RuleSetBuilder::check_questions() {
  RuleSet& rs = *rule_set_;
  const auto& kb = rs.knowledge_base();
  std::set<std::string> finished_checklists;
  std::string current;
  for (FactId f = 0; f < static_cast<FactId>(rs.questions.size()); ++f) {
    const Question& q = rs.questions[f];
    if (q.red_flag && kb.readers(f).empty())
      yaml_.error(q.where, fmt::format("red flag '{}' is read by no rule, so it would never be "
                                       "asked and never change the level",
                                       q.id));
    if (q.red_flag && rs.roles.red_flags >= 0) {
      const auto& items = rs.derived_fact(rs.roles.red_flags).values;
      if (std::none_of(items.begin(), items.end(), [&](const Item& i) { return i.id == q.id; }))
        yaml_.error(q.where, fmt::format("red flag '{}' has no entry of the same id in '{}', "
                                         "which the report lists red flags from",
                                         q.id, kb.facts()[rs.roles.red_flags].id));
    }
    if (!q.checklist.empty() && !rs.find_checklist(q.checklist)) {
      std::vector<std::string> ids;
      for (const auto& c : rs.checklists) ids.push_back(c.id);
      yaml_.error(q.where, fmt::format("question '{}' names the unknown checklist '{}'{}", q.id,
                                       q.checklist, did_you_mean(q.checklist, ids)));
    }
    if (q.checklist != current) {
      if (!current.empty()) finished_checklists.insert(current);
      if (finished_checklists.count(q.checklist))
        yaml_.error(q.where, fmt::format("the questions of checklist '{}' must follow one "
                                         "another in the file",
                                         q.checklist));
      current = q.checklist;
    }
  }
  for (FactId f : rs.roles.classification)
    if (rs.is_question(f) && rs.questions[f].type != FactType::Choice)
      yaml_.error(rs.questions[f].where,
                  fmt::format("question '{}' is a classification, so it must be a choice",
                              rs.questions[f].id));
}

// `example: {question: answer}`: the answers --help shows as flags. Each
// is read as a flag value would be, so the example pastes.
void RuleSetBuilder::example(const YAML::Node& node) {
  auto& rs = *rule_set_;
  if (!yaml_.check_map(node, "example", rs.question_ids())) return;
  for (const auto& entry : node) {
    const std::string id = entry.first.Scalar();
    const auto q = std::find_if(rs.questions.begin(), rs.questions.end(),
                                [&](const Question& question) { return question.id == id; });
    if (q == rs.questions.end()) continue;  // check_map named it
    const std::string text = yaml_.scalar(entry.second, id);
    if (!entry.second.IsScalar()) continue;
    const ParsedAnswer parsed = parse_answer(*q, text);
    if (const auto* error = std::get_if<AnswerError>(&parsed))
      yaml_.error(entry.second, fmt::format("example {}: {}", id, error->message));
    else
      rs.example.emplace_back(id, text);
  }
}

LoadResult RuleSetBuilder::build(std::string_view text, const LocaleRequest& locale) {
  LoadResult result;
  auto parsed = yaml_.parse(text, kMaxRuleFileBytes);
  if (!parsed) {
    result.diagnostics = yaml_.take_diagnostics();
    return result;
  }
  const YAML::Node root = *parsed;
  if (!root || root.IsNull()) {
    yaml_.error(Location{file_, 1, 1}, "the rule file is empty");
  } else if (yaml_.check_map(root, "the rule file",
                             {"id", "version", "title", "disclaimer", "language", "locales",
                              "paper", "report", "interview", "questions", "facts", "rules",
                              "advice", "positions", "views", "words", "example"})) {
    RuleSet& rs = *rule_set_;
    rs.origin = file_;
    auto localized = localize(root, yaml_, locale);
    result.locales = localized.locales;
    result.overlay_files = std::move(localized.files);
    if (localized.unknown) {
      result.unknown_locale = true;
      return result;
    }
    rs.language = localized.language;
    rs.locale = localized.locale;
    rs.locales = localized.locales;
    rs.paper = localized.paper;
    for (const char* key : {"id", "version", "disclaimer", "report", "questions", "facts", "rules"})
      yaml_.require(root, key, "the rule file");
    rs.id = yaml_.scalar(root["id"], "id");
    rs.version = yaml_.scalar(root["version"], "version");
    rs.title = yaml_.scalar(root["title"], "title");
    rs.disclaimer = yaml_.scalar(root["disclaimer"], "disclaimer");
    if (root["report"]) report_roles(root["report"]);
    interview(root["interview"]);  // with or without one: it gives the spoken words
    // A position is a value's words (Named), as a classification value's are.
    rs.positions = items(root["positions"], Role::Classification);
    views(root["views"]);
    read_words(yaml_, root["words"], rs.words);
    auto each = [&](const char* key, auto&& read) {
      const YAML::Node list = root[key];
      if (!list) return;
      if (!list.IsSequence()) {
        yaml_.error(list, fmt::format("'{}' must be a list", key));
        return;
      }
      for (const auto& element : list) read(element);
    };
    each("questions", [&](const YAML::Node& n) { question(n); });
    each("facts", [&](const YAML::Node& n) { derived_fact(n); });
    resolve_roles(root);
    each("rules", [&](const YAML::Node& n) { rule(n); });
    if (root["advice"]) advice(root["advice"]);
    if (root["example"]) example(root["example"]);
    resolve_references();
  }
  if (!yaml_.has_errors()) {
    auto built = engine::KnowledgeBase::build(std::move(facts_), std::move(rules_));
    for (const auto& problem : built.problems)
      yaml_.error(rule_set_->rule_locations[problem.rule], problem.message);
    if (built.knowledge_base) {
      rule_set_->finish(std::make_unique<engine::KnowledgeBase>(std::move(*built.knowledge_base)));
      check_questions();
    }
  }
  if (!yaml_.has_errors()) result.rule_set = std::move(rule_set_);
  result.diagnostics = yaml_.take_diagnostics();
  return result;
}

LoadResult load_rule_set(std::string_view text, const std::string& file_name,
                         const LocaleRequest& locale) {
  try {
    return RuleSetBuilder(file_name).build(text, locale);
  } catch (const YAML::Exception& e) {
    // yaml-cpp throws from node access on malformed trees; never let that
    // escape as a crash.
    LoadResult result;
    result.diagnostics.push_back({Diagnostic::Severity::Error,
                                  {file_name, e.mark.is_null() ? 0 : e.mark.line + 1,
                                   e.mark.is_null() ? 0 : e.mark.column + 1},
                                  "YAML error: " + e.msg});
    return result;
  }
}

}  // namespace backtriage::ruleset
