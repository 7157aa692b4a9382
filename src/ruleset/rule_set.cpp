#include "ruleset/rule_set.h"

#include <fmt/format.h>

#include <algorithm>

namespace backtriage::ruleset {

std::string Question::flag() const {
  std::string out = "--" + id;
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

const Question* RuleSet::find_question(std::string_view id) const {
  for (const auto& q : questions)
    if (q.id == id) return &q;
  return nullptr;
}

std::optional<engine::FactId> RuleSet::find_fact(std::string_view id) const {
  return kb_->find_fact(std::string(id));
}

const Item* RuleSet::value_item(engine::FactId fact, engine::Value value) const {
  const auto& decl = kb_->facts()[fact];
  if (decl.type != engine::FactType::Choice && decl.type != engine::FactType::Set) return nullptr;
  const auto& items = is_question(fact) ? questions[fact].choices : derived_fact(fact).values;
  auto index = static_cast<std::size_t>(value.as_symbol());
  return index < items.size() ? &items[index] : nullptr;
}

std::string RuleSet::format_value(engine::FactId fact, engine::Value value) const {
  const auto& decl = kb_->facts()[fact];
  switch (decl.type) {
    case engine::FactType::Bool: return value.as_bool() ? "yes" : "no";
    case engine::FactType::Number: return fmt::format("{}", value.as_number());
    case engine::FactType::Choice:
    case engine::FactType::Set: return decl.symbols.at(value.as_symbol());
  }
  return "?";
}

std::vector<std::string> RuleSet::question_ids() const {
  std::vector<std::string> ids;
  for (const auto& q : questions) ids.push_back(q.id);
  return ids;
}

}  // namespace backtriage::ruleset
