#include "ruleset/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

#include "ruleset/answer_domain.h"
#include "ruleset/condition_parser.h"
#include "ruleset/dose_reader.h"
#include "ruleset/figure_reader.h"
#include "ruleset/spelling.h"
#include "ruleset/spoken_answer.h"
#include "ruleset/spoken_reader.h"
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

namespace {

// Id shapes, checked by hand: std::regex is slow to build and to match.
enum class IdShape {
  Fact,  // [a-z][a-z0-9_]*
  Rule,  // [a-z0-9][a-z0-9_.-]*
};

bool has_shape(std::string_view id, IdShape shape) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty()) return false;
  if (shape == IdShape::Fact ? !(id[0] >= 'a' && id[0] <= 'z') : !lower_or_digit(id[0]))
    return false;
  for (char c : id.substr(1))
    if (!lower_or_digit(c) && c != '_' && !(shape == IdShape::Rule && (c == '.' || c == '-')))
      return false;
  return true;
}

// Where an enumerated value must come from, checked once every fact is
// known: a level id, or a value of a classification fact.
struct PendingReference {
  enum class Kind { Level, ClassificationValue, Position, Exercise, WatchFor } kind;
  YAML::Node node;
  std::string value, what;
};

}  // namespace

// Walks the YAML tree once, collecting diagnostics, and builds the rule set.
class RuleSetBuilder {
 public:
  explicit RuleSetBuilder(std::string file)
      : file_(file), yaml_(std::move(file)), conditions_(yaml_, facts_, rule_set_->questions) {}

  LoadResult build(std::string_view text, const LocaleRequest& locale);

 private:
  std::string id(const YAML::Node& node, std::string_view what, IdShape shape) {
    std::string value = yaml_.scalar(node, what);
    if (!value.empty() && !has_shape(value, shape))
      yaml_.error(node, fmt::format("{} '{}' must be lower case letters, digits and '_'{}", what,
                                    value, shape == IdShape::Rule ? " or '-'" : ""));
    return value;
  }
  void refer(PendingReference::Kind kind, const YAML::Node& node, std::string what) {
    if (node) pending_.push_back({kind, node, yaml_.scalar(node, what), std::move(what)});
  }

  void report_roles(const YAML::Node& node);
  Role role_of(const std::string& fact_id) const;
  Item item(const YAML::Node& node, Role role, const std::vector<std::string>& keys);
  std::vector<Item> items(const YAML::Node& node, Role role);
  void question(const YAML::Node& node);
  void derived_fact(const YAML::Node& node);
  void declare(const std::string& id, const YAML::Node& where);
  void rule(const YAML::Node& node);
  void advice(const YAML::Node& node);
  void interview(const YAML::Node& node);
  void views(const YAML::Node& node);
  void resolve_roles(const YAML::Node& root);
  void resolve_references();
  void check_questions();
  void example(const YAML::Node& node);

  std::string file_;
  YamlReader yaml_;
  std::unique_ptr<RuleSet> rule_set_ = std::make_unique<RuleSet>();
  std::vector<engine::FactDecl> facts_;
  ConditionParser conditions_;
  std::vector<engine::Rule> rules_;
  std::set<std::string> rule_ids_;
  std::map<std::string, Role> roles_;          // fact id -> role, from `report:`
  std::map<std::string, YAML::Node> role_at_;  // fact id -> where `report:` names it
  std::vector<PendingReference> pending_;
  std::string region_fact_;  // `report: region`: the classification exercises' regions are from
  YAML::Node role_at_region_;
};

// The figures' captions by view: each id a view name, once, with a label.
void RuleSetBuilder::views(const YAML::Node& node) {
  rule_set_->views = items(node, Role::Classification);
  if (!node || !node.IsSequence()) return;
  for (const YAML::Node& element : node) {
    if (element.IsScalar())
      yaml_.error(element, fmt::format("view '{}' needs a label, the caption: {{id: {}, label: "
                                       "...}}",
                                       element.Scalar(), element.Scalar()));
    else if (element.IsMap() && element["id"])
      yaml_.one_of(element["id"], "view", view_names());
  }
}

void RuleSetBuilder::report_roles(const YAML::Node& node) {
  std::vector<std::string> keys;
  for (const RoleSpec& spec : role_specs())
    if (spec.in_report()) keys.emplace_back(spec.report_key);
  keys.insert(keys.end(), {"classification", "region"});
  if (!yaml_.check_map(node, "report", keys)) return;
  yaml_.require(node, "level", "report");
  for (const RoleSpec& spec : role_specs()) {
    if (!spec.in_report()) continue;
    const YAML::Node named = node[std::string(spec.report_key)];
    if (!named) continue;
    std::string fact = yaml_.scalar(named, spec.report_key);
    if (fact.empty()) continue;
    roles_[fact] = spec.role;
    role_at_[fact] = named;
  }
  for (const auto& fact : yaml_.text_list(node["classification"], "classification"))
    if (!fact.empty()) roles_.emplace(fact, Role::Classification);
  region_fact_ = yaml_.scalar(node["region"], "region");
  if (node["region"]) role_at_region_.reset(node["region"]);
}

Role RuleSetBuilder::role_of(const std::string& fact_id) const {
  auto it = roles_.find(fact_id);
  return it == roles_.end() ? Role::Value : it->second;
}

Item RuleSetBuilder::item(const YAML::Node& node, Role role, const std::vector<std::string>& keys) {
  Item it;
  const std::string what(spec_of(role).word);
  if (node.IsScalar()) {  // a bare id
    it.id = id(node, what + " id", IdShape::Fact);
    return it;
  }
  if (!yaml_.check_map(node, with_article(what), keys)) return it;
  if (yaml_.require(node, "id", with_article(what)))
    it.id = id(node["id"], what + " id", IdShape::Fact);
  // Keys outside `keys` were reported by check_map; read only the allowed.
  auto has = [&](const char* key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  it.name = yaml_.scalar(node["name"], "name");
  it.label = yaml_.scalar(node["label"], "label");
  it.why = yaml_.scalar(node["why"], "why");
  it.purpose = yaml_.scalar(node["purpose"], "purpose");
  it.reason = yaml_.scalar(node["reason"], "reason");
  it.text = yaml_.scalar(node["text"], "text");
  it.advice = yaml_.scalar(node["advice"], "advice");
  it.source = yaml_.scalar(node["source"], "source");
  it.equipment = yaml_.text_list(node["equipment"], "equipment");
  it.steps = yaml_.text_list(node["steps"], "steps");
  it.dose = read_dose(yaml_, node["dose"]);
  if (has("kind")) it.kind = yaml_.one_of(node["kind"], "exercise kind", exercise_kinds());
  if (has("cds")) it.cds = yaml_.one_of(node["cds"], "CDS indicator", cds_indicators());
  if (has("color")) it.color = yaml_.one_of(node["color"], "colour", level_colors());
  if (has("routine")) it.routine = yaml_.boolean(node["routine"], "routine").value_or(false);
  if (has("level") && node["level"]) {
    it.level = yaml_.scalar(node["level"], "level");
    refer(PendingReference::Kind::Level, node["level"], "level");
  }
  if (has("region") && node["region"]) {
    it.region = yaml_.scalar(node["region"], "region");
    refer(PendingReference::Kind::ClassificationValue, node["region"], "region");
  }
  if (has("figure")) it.figure = read_figure(yaml_, node["figure"], rule_set_->views);
  auto referred = [&](const char* key, PendingReference::Kind kind, std::string& slot) {
    if (!has(key) || !node[key]) return;
    slot = yaml_.scalar(node[key], key);
    refer(kind, node[key], key);
  };
  referred("position", PendingReference::Kind::Position, it.position);
  referred("exercise", PendingReference::Kind::Exercise, it.exercise);
  it.signs = yaml_.text_list(node["signs"], "signs");
  if (has("says")) it.says = read_spoken_words(yaml_, node["says"], "says");
  it.action = yaml_.scalar(node["action"], "action");
  if (const YAML::Node levels = node["watch_for"]; role == Role::Level && levels) {
    it.watch_levels = yaml_.text_list(levels, "watch_for");
    if (levels.IsSequence())
      for (const YAML::Node& level : levels)
        if (level.IsScalar()) refer(PendingReference::Kind::Level, level, "level");
  }
  it.when = yaml_.scalar(node["when"], "when");
  if (has("replaces"))
    for (const YAML::Node& replaced : node["replaces"])
      if (replaced.IsScalar()) refer(PendingReference::Kind::WatchFor, replaced, "replaces");
  it.replaces = yaml_.text_list(node["replaces"], "replaces");
  // What each role cannot do without, and the two needs that depend on the
  // rest of the file.
  for (const std::string& key : spec_of(role).required)
    yaml_.require(node, key.c_str(), with_article(what));
  if (role == Role::RedFlags && (node["action"] || node["advice"])) {
    yaml_.require(node, "action", with_article(what));
    yaml_.require(node, "advice", with_article(what));
  }
  // A rule set that names positions places every exercise in one.
  if (role == Role::Routine && !rule_set_->positions.empty())
    yaml_.require(node, "position", with_article(what));
  return it;
}

std::vector<Item> RuleSetBuilder::items(const YAML::Node& node, Role role) {
  std::vector<Item> out;
  if (!node) return out;
  if (!node.IsSequence()) {
    yaml_.error(node, fmt::format("the {}s must be a list", spec_of(role).word));
    return out;
  }
  std::set<std::string> seen;
  for (const auto& element : node) {
    Item it = item(element, role, spec_of(role).keys);
    if (!it.id.empty() && !seen.insert(it.id).second)
      yaml_.error(element, fmt::format("duplicate {} '{}'", spec_of(role).word, it.id));
    out.push_back(std::move(it));
  }
  return out;
}

void RuleSetBuilder::declare(const std::string& fact_id, const YAML::Node& where) {
  const auto& keywords = condition_keywords();
  if (std::find(keywords.begin(), keywords.end(), fact_id) != keywords.end())
    yaml_.error(where, fmt::format("'{}' is a condition keyword and cannot name a fact", fact_id));
  if (fact_id == "id")
    yaml_.error(where, "'id' cannot name a fact: batch lines use it for the record id");
  for (const auto& existing : facts_)
    if (existing.id == fact_id) yaml_.error(where, fmt::format("duplicate fact id '{}'", fact_id));
}

void RuleSetBuilder::question(const YAML::Node& node) {
  if (!yaml_.check_map(node, "a question",
                       {"id",        "type",         "prompt",         "help",
                        "why",       "title",        "source",         "min",
                        "max",       "unit",         "whole",          "choices",
                        "red_flag",  "unsure",       "optional",       "assumed",
                        "checklist", "spoken_units", "spoken_phrases", "spoken_help"}))
    return;
  Question q;
  q.where = yaml_.at(node);
  bool ok = yaml_.require(node, "id", "a question");
  yaml_.require(node, "type", "a question");
  yaml_.require(node, "prompt", "a question");
  yaml_.require(node, "source", "a question");
  q.id = ok ? id(node["id"], "question id", IdShape::Fact) : "";
  q.prompt = yaml_.scalar(node["prompt"], "prompt");
  q.help = yaml_.scalar(node["help"], "help");
  q.why = yaml_.scalar(node["why"], "why");
  q.spoken_help = yaml_.scalar(node["spoken_help"], "spoken_help");
  q.title = yaml_.scalar(node["title"], "title");
  q.source = yaml_.scalar(node["source"], "source");
  q.unit = yaml_.scalar(node["unit"], "unit");
  q.whole = yaml_.boolean(node["whole"], "whole").value_or(false);
  q.red_flag = yaml_.boolean(node["red_flag"], "red_flag").value_or(false);
  q.optional = yaml_.boolean(node["optional"], "optional").value_or(false);
  q.assumed = yaml_.scalar(node["assumed"], "assumed");
  q.checklist = yaml_.scalar(node["checklist"], "checklist");
  if (node["unsure"]) {
    q.unsure = yaml_.scalar(node["unsure"], "unsure");
    refer(PendingReference::Kind::Level, node["unsure"], "level");
  }
  const std::string type =
      yaml_.one_of(node["type"], "question type", {"bool", "number", "choice"});
  auto wrong_for_type = [&](const char* key) {
    if (node[key])
      yaml_.error(node[key], fmt::format("'{}' does not apply to a {} question", key, type));
  };
  if (type == "bool") {
    q.type = FactType::Bool;
    for (const char* key :
         {"min", "max", "unit", "whole", "choices", "spoken_units", "spoken_phrases"})
      wrong_for_type(key);
  } else if (type == "number") {
    q.type = FactType::Number;
    for (const char* key : {"choices", "unsure"}) wrong_for_type(key);
    q.spoken_units = read_spoken_amounts(yaml_, node["spoken_units"], "spoken_units");
    q.spoken_phrases = read_spoken_amounts(yaml_, node["spoken_phrases"], "spoken_phrases");
    yaml_.require(node, "min", "a number question");
    yaml_.require(node, "max", "a number question");
    q.min = yaml_.number(node["min"], "min").value_or(0);
    q.max = yaml_.number(node["max"], "max").value_or(0);
    if (q.min > q.max)
      yaml_.error(node["max"], fmt::format("max {} is below min {}", q.max, q.min));
  } else if (type == "choice") {
    q.type = FactType::Choice;
    for (const char* key :
         {"min", "max", "unit", "whole", "unsure", "spoken_units", "spoken_phrases"})
      wrong_for_type(key);
    if (yaml_.require(node, "choices", "a choice question")) {
      q.choices = items(node["choices"], Role::Choice);
      if (q.choices.empty())
        yaml_.error(node["choices"], "a choice question needs at least one choice");
      // A word that names two choices could never pick one.
      std::map<std::string, std::string> said_by;
      for (std::size_t i = 0; i < q.choices.size(); ++i)
        for (const auto& word : q.choices[i].says)
          if (auto [at, fresh] = said_by.emplace(word, q.choices[i].id); !fresh)
            yaml_.error(node["choices"][i]["says"],
                        fmt::format("'{}' already says choice '{}'", word, at->second));
    }
  }
  if (q.red_flag && q.type == FactType::Bool && !node["unsure"])
    yaml_.error(node,
                "a red flag needs 'unsure': the level for a person who is not sure "
                "(red flags accept \"unsure\")");
  if (q.red_flag && q.optional)
    yaml_.error(node["optional"],
                "a red flag cannot be optional: unanswered, it must leave the report incomplete");
  if (q.optional && q.assumed.empty())
    yaml_.error(node, "an optional question needs 'assumed': what the report assumes without it");
  if (!q.optional && node["assumed"])
    yaml_.error(node["assumed"], "'assumed' applies only to an optional question");
  if (!q.checklist.empty() && q.type != FactType::Bool)
    yaml_.error(node["checklist"], "only yes/no questions can be in a checklist");
  if (q.id.empty()) return;
  declare(q.id, node["id"]);
  engine::FactDecl decl{q.id, q.type, {}, true, q.optional};
  if (q.accepts_unsure()) decl = {q.id, FactType::Choice, {"no", "yes", "unsure"}, true, false};
  for (const auto& c : q.choices) decl.symbols.push_back(c.id);
  facts_.push_back(std::move(decl));
  rule_set_->questions.push_back(std::move(q));
}

void RuleSetBuilder::derived_fact(const YAML::Node& node) {
  if (!yaml_.check_map(node, "a fact",
                       {"id", "type", "title", "choices", "items", "undecided", "source"}))
    return;
  DerivedFact f;
  f.where = yaml_.at(node);
  bool ok = yaml_.require(node, "id", "a fact");
  yaml_.require(node, "type", "a fact");
  f.id = ok ? id(node["id"], "fact id", IdShape::Fact) : "";
  f.title = yaml_.scalar(node["title"], "title");
  const Role role = role_of(f.id);
  const std::string type =
      yaml_.one_of(node["type"], "fact type", {"choice", "set", "ranked", "bool", "number"});
  if (type == "choice" || type == "ranked") {
    f.type = type == "choice" ? FactType::Choice : FactType::Ranked;
    if (node["items"])
      yaml_.error(node["items"], fmt::format("a {} fact lists 'choices', not 'items'", type));
    if (yaml_.require(node, "choices", with_article(type + " fact")))
      f.values = items(node["choices"], role);
  } else if (type == "set") {
    f.type = FactType::Set;
    if (node["choices"]) yaml_.error(node["choices"], "a set fact lists 'items', not 'choices'");
    if (yaml_.require(node, "items", "a set fact")) f.values = items(node["items"], role);
  } else if (type == "bool" || type == "number") {
    f.type = type == "bool" ? FactType::Bool : FactType::Number;
    if (node["choices"])
      yaml_.error(node["choices"], fmt::format("a {} fact has no choices", type));
    if (node["items"]) yaml_.error(node["items"], fmt::format("a {} fact has no items", type));
  }
  if (const YAML::Node undecided = node["undecided"]) {
    if (role != Role::Level)
      yaml_.error(undecided, "'undecided' applies only to the report's level fact");
    else
      rule_set_->undecided = item(undecided, Role::Level,
                                  {"id", "label", "advice", "cds", "color", "watch_for", "source"});
  } else if (role == Role::Level) {
    yaml_.error(node,
                "the level fact needs 'undecided': the level reported when it is not decided");
  }
  if (f.id.empty()) return;
  declare(f.id, node["id"]);
  engine::FactDecl decl{f.id, f.type, {}, false};
  for (const auto& v : f.values) decl.symbols.push_back(v.id);
  facts_.push_back(std::move(decl));
  rule_set_->derived.push_back(std::move(f));
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

void RuleSetBuilder::advice(const YAML::Node& node) {
  if (!yaml_.check_map(node, "advice", {"frequency", "expected_course", "safe_activities", "plan"}))
    return;
  auto single = [&](const char* key) -> std::optional<Item> {
    const YAML::Node n = node[key];
    if (!n) return std::nullopt;
    if (!yaml_.check_map(n, key, {"text", "per_week", "source"})) return std::nullopt;
    Item it;
    it.id = key;
    yaml_.require(n, "text", key);
    it.text = yaml_.scalar(n["text"], "text");
    it.source = yaml_.scalar(n["source"], "source");
    if (auto per_week = read_range(yaml_, n["per_week"], "per_week")) it.per_week = per_week->max;
    return it;
  };
  auto& advice = rule_set_->advice;
  advice.frequency = single("frequency");
  advice.expected_course = single("expected_course");
  advice.safe_activities = items(node["safe_activities"], Role::Tips);
  if (const YAML::Node plan = node["plan"]) {
    if (!yaml_.check_map(plan, "plan", {"weeks", "sessions_per_week", "check_ins", "source"}))
      return;
    Plan p;
    for (const char* key : {"weeks", "sessions_per_week", "check_ins", "source"})
      yaml_.require(plan, key, "plan");
    auto count = [&](const char* key, int most) {
      auto r = read_range(yaml_, plan[key], key);
      if (r && (r->min != r->max || r->max < 1 || r->max > most)) {
        yaml_.error(plan[key], fmt::format("{} must be a whole number from 1 to {}", key, most));
        return 0;
      }
      return r ? r->max : 0;
    };
    p.weeks = count("weeks", 52);
    p.sessions_per_week = count("sessions_per_week", 7);
    p.source = yaml_.scalar(plan["source"], "source");
    if (const YAML::Node check_ins = plan["check_ins"]; check_ins && check_ins.IsSequence()) {
      for (const auto& c : check_ins) {
        if (!yaml_.check_map(c, "a check-in", {"week", "text"})) continue;
        yaml_.require(c, "week", "a check-in");
        yaml_.require(c, "text", "a check-in");
        CheckIn in;
        auto week = read_range(yaml_, c["week"], "week");
        in.week = week ? week->max : 0;
        if (week && (in.week < 1 || in.week > p.weeks))
          yaml_.error(c["week"], fmt::format("week must be within the plan's {} weeks", p.weeks));
        in.text = yaml_.scalar(c["text"], "text");
        p.check_ins.push_back(std::move(in));
      }
    } else if (check_ins) {
      yaml_.error(check_ins, "check_ins must be a list");
    }
    advice.plan = std::move(p);
  }
}

void RuleSetBuilder::interview(const YAML::Node& node) {
  if (!yaml_.check_map(node, "interview", {"checklists", "spoken"})) return;
  rule_set_->spoken = read_spoken(yaml_, node["spoken"]);
  const YAML::Node lists = node["checklists"];
  if (!lists) return;
  if (!lists.IsSequence()) {
    yaml_.error(lists, "checklists must be a list");
    return;
  }
  for (const auto& c : lists) {
    if (!yaml_.check_map(c, "a checklist", {"id", "prompt", "help"})) continue;
    yaml_.require(c, "id", "a checklist");
    yaml_.require(c, "prompt", "a checklist");
    Checklist list{id(c["id"], "checklist id", IdShape::Fact), yaml_.scalar(c["prompt"], "prompt"),
                   yaml_.scalar(c["help"], "help")};
    if (rule_set_->find_checklist(list.id))
      yaml_.error(c["id"], fmt::format("duplicate checklist '{}'", list.id));
    rule_set_->checklists.push_back(std::move(list));
  }
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
    if (root["interview"]) interview(root["interview"]);
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
