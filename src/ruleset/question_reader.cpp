#include <fmt/format.h>

#include <algorithm>

#include "ruleset/rule_set_builder.h"
#include "ruleset/spelling.h"
#include "ruleset/spoken_reader.h"

namespace backtriage::ruleset {

using engine::FactType;

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
        for (const auto& word : q.choices[i].as<Named>().says)
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

namespace {

// A level's keys but `routine`: the undecided level never gives the routine
// (too few answers to choose one).
std::vector<std::string> undecided_keys() {
  std::vector<std::string> keys = spec_of(Role::Level).keys;
  std::erase(keys, "routine");
  return keys;
}

}  // namespace

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
      rule_set_->undecided = item(undecided, Role::Level, undecided_keys());
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

void RuleSetBuilder::interview(const YAML::Node& node) {
  // A file without the section still gets the words a prompt understands:
  // read_spoken gives English for all a file leaves out, this included.
  if (!node) {
    rule_set_->spoken = read_spoken(yaml_, node);
    return;
  }
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

}  // namespace backtriage::ruleset
