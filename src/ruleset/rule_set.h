#pragma once
// A loaded rule set: the engine's knowledge base plus everything a person
// reads — prompts, labels, exercise steps and doses, reasons, sources.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/knowledge_base.h"
#include "ruleset/diagnostic.h"

namespace backtriage::ruleset {

struct Range {
  int min = 0;
  int max = 0;
};

struct Dose {
  std::optional<Range> hold_seconds, hold_breaths, reps, sets;
  bool per_side = false;
  bool alternating = false;
  std::optional<int> per_week;
};

// Content attached to a value of a choice or set (an exercise, a red flag, a
// level) or to a piece of advice. Which fields matter depends on the fact.
struct Item {
  std::string id, name, label, care, region, kind, purpose, reason, text, advice, source;
  std::vector<std::string> equipment, steps;
  std::optional<Dose> dose;
  std::optional<int> per_week;
};

struct Question {
  std::string id;
  engine::FactType type = engine::FactType::Bool;
  std::string prompt, help, source, unit;
  double min = 0, max = 0;    // numbers
  std::vector<Item> choices;  // choices
  bool red_flag = false;
  Location where;
  std::string flag() const;  // --duration-weeks
};

struct DerivedFact {
  std::string id;
  engine::FactType type = engine::FactType::Choice;
  std::vector<Item> values;  // choice and set values with their content
  std::string undecided, undecided_label, undecided_advice;
  Location where;
};

struct Advice {
  std::optional<Item> frequency, expected_course;
  std::vector<Item> safe_activities;
};

class RuleSet {
 public:
  std::string id, version, title, disclaimer;
  std::string origin;  // the file it came from, or "<embedded>"
  // Questions hold fact ids 0..questions.size()-1, in asking order; derived
  // facts follow them.
  std::vector<Question> questions;
  std::vector<DerivedFact> derived;
  std::vector<Location> rule_locations;  // by rule index
  std::optional<engine::Condition> stop_when;
  Advice advice;

  const engine::KnowledgeBase& knowledge_base() const { return *kb_; }

  const Question* find_question(std::string_view id) const;
  std::optional<engine::FactId> find_fact(std::string_view id) const;
  bool is_question(engine::FactId fact) const {
    return fact < static_cast<engine::FactId>(questions.size());
  }
  const DerivedFact& derived_fact(engine::FactId fact) const {
    return derived[fact - questions.size()];
  }
  // The content of a choice or set value, if the rule set gives any.
  const Item* value_item(engine::FactId fact, engine::Value value) const;
  // How a value prints: "yes", "12", "electric".
  std::string format_value(engine::FactId fact, engine::Value value) const;

  std::vector<std::string> question_ids() const;

 private:
  friend class RuleSetBuilder;
  friend class CompactReader;  // compact_rule_set.cpp
  std::unique_ptr<engine::KnowledgeBase> kb_;
};

}  // namespace backtriage::ruleset
