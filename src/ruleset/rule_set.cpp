#include "ruleset/rule_set.h"

#include <fmt/format.h>

#include <algorithm>

#include "ruleset/answer_domain.h"
#include "ruleset/follow_ups.h"

namespace backtriage::ruleset {

std::string Question::flag() const {
  std::string out = "--" + id;
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

void RuleSet::finish(std::unique_ptr<engine::KnowledgeBase> kb,
                     std::optional<std::vector<std::vector<engine::FactId>>> triggers) {
  kb_ = std::move(kb);
  question_index_.clear();
  for (std::size_t q = 0; q < questions.size(); ++q)
    question_index_.emplace(questions[q].id, static_cast<engine::FactId>(q));
  triggers_ = triggers ? std::move(*triggers) : follow_up_triggers(*kb_, questions.size());
  watch_ranks_.clear();
  watch_replaces_.clear();
  if (roles.watch_for < 0) return;
  const auto& entries = items_of(roles.watch_for);
  for (const Item& entry : entries) {
    const auto& watch = entry.as<WatchFor>();
    watch_ranks_.push_back(level_rank(watch.level));
    auto& replaced = watch_replaces_.emplace_back();
    for (const std::string& id : watch.replaces)
      for (std::size_t other = 0; other < entries.size(); ++other)
        if (entries[other].id == id) replaced.push_back(other);
  }
}

void answer_red_flags_no(const RuleSet& rules, engine::Answers& answers) {
  for (std::size_t q = 0; q < rules.questions.size(); ++q)
    if (rules.questions[q].red_flag && !answers[q]) answers[q] = engine::Value::boolean(false);
}

const Question* RuleSet::find_question(std::string_view id) const {
  auto found = question_index_.find(id);
  return found == question_index_.end() ? nullptr : &questions[found->second];
}

std::optional<engine::FactId> RuleSet::find_fact(std::string_view id) const {
  if (auto found = question_index_.find(id); found != question_index_.end()) return found->second;
  return kb_->find_fact(std::string(id));
}

const std::vector<Item>& RuleSet::items_of(engine::FactId fact) const {
  return is_question(fact) ? questions[fact].choices : derived_fact(fact).values;
}

const std::string& RuleSet::classification_label(const std::string& id) const {
  for (engine::FactId f : roles.classification)
    for (const Item& item : items_of(f))
      if (item.id == id && !item.as<Named>().label.empty()) return item.as<Named>().label;
  return id;
}

const Item* RuleSet::value_item(engine::FactId fact, engine::Value value) const {
  if (!kb_->facts()[fact].has_symbols()) return nullptr;
  const auto& items = items_of(fact);
  auto index = static_cast<std::size_t>(value.as_symbol());
  return index < items.size() ? &items[index] : nullptr;
}

std::string RuleSet::format_value(engine::FactId fact, engine::Value value) const {
  if (is_question(fact) && questions[fact].type == engine::FactType::Bool) {
    if (is_unsure(questions[fact], value)) return "unsure";
    return value.as_bool() ? "yes" : "no";
  }
  const auto& decl = kb_->facts()[fact];
  switch (decl.type) {
    case engine::FactType::Bool: return value.as_bool() ? "yes" : "no";
    case engine::FactType::Number: return fmt::format("{}", value.as_number());
    case engine::FactType::Choice:
    case engine::FactType::Set:
    case engine::FactType::Ranked: return decl.symbols.at(value.as_symbol());
  }
  return "?";
}

const std::vector<Item>& RuleSet::levels() const {
  return derived_fact(roles.level).values;
}

const Item* RuleSet::find_level(std::string_view id) const {
  for (const auto& level : levels())
    if (level.id == id) return &level;
  return undecided.id == id ? &undecided : nullptr;
}

int RuleSet::level_rank(std::string_view id) const {
  const auto& all = levels();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].id == id) return static_cast<int>(i);
  return -1;
}

const Checklist* RuleSet::find_checklist(std::string_view id) const {
  for (const auto& c : checklists)
    if (c.id == id) return &c;
  return nullptr;
}

const Item* RuleSet::find_position(std::string_view id) const {
  for (const auto& p : positions)
    if (p.id == id) return &p;
  return nullptr;
}

const Item* RuleSet::find_view(std::string_view id) const {
  for (const auto& v : views)
    if (v.id == id) return &v;
  return nullptr;
}

std::vector<std::string> RuleSet::question_ids() const {
  std::vector<std::string> ids;
  for (const auto& q : questions) ids.push_back(q.id);
  return ids;
}

}  // namespace backtriage::ruleset
