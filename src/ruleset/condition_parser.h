#pragma once
// A rule's `when` (and `then` values), from YAML to engine::Condition:
//   {fact: value}, {fact: {eq|ne|lt|le|gt|ge: value}}, {fact: {in: [...]}},
//   {all: [...]}, {any: [...]}, {not: C}, {present: fact}, {absent: fact},
//   {at_least: {count: N, of: [...]}}
// Values are spelt as the answers to the fact's question are ("yes",
// "unsure", a choice id, a number), so a rule and a flag read alike.
#include <optional>
#include <vector>

#include "engine/condition.h"
#include "engine/fact.h"
#include "ruleset/rule_set.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

class ConditionParser {
 public:
  // `facts` are those declared so far, questions first (fact id = index),
  // with `questions` giving the answer spellings of the first ones.
  ConditionParser(YamlReader& yaml, const std::vector<engine::FactDecl>& facts,
                  const std::vector<Question>& questions)
      : yaml_(yaml), facts_(facts), questions_(questions) {}

  std::optional<engine::Condition> condition(const YAML::Node& node, int depth = 1);
  std::optional<engine::FactId> fact_ref(const YAML::Node& node);
  std::optional<engine::Value> literal(engine::FactId fact, const YAML::Node& node);

 private:
  std::optional<engine::Condition> comparison(engine::FactId fact, const YAML::Node& node);
  std::optional<engine::Condition> at_least(const YAML::Node& node, int depth);

  YamlReader& yaml_;
  const std::vector<engine::FactDecl>& facts_;
  const std::vector<Question>& questions_;
  std::size_t nodes_ = 0;
};

// Words that cannot name a fact because they are condition keywords.
const std::vector<std::string>& condition_keywords();

}  // namespace backtriage::ruleset
