#include "ruleset/relevance.h"

#include <algorithm>

namespace backtriage::ruleset {

LevelState reported_level(const RuleSet& rules, const engine::FactTable& facts) {
  const engine::FactId level = rules.roles.level;
  LevelState state;
  auto best = facts.best_certain(level);
  for (engine::Value v : facts.possible(level))
    if (!best || v < *best) state.better_possible = true;
  state.level = &rules.undecided;
  if (best) {
    const Item& item = rules.levels()[best->as_symbol()];
    if (!(state.better_possible && gives_routine(item))) state.level = &item;
  }
  return state;
}

void facts_that_matter(const RuleSet& rules, const engine::FactTable& facts,
                       std::vector<engine::FactId>& out) {
  const Roles& roles = rules.roles;
  out.clear();
  out.push_back(roles.level);
  auto best = facts.best_certain(roles.level);
  if (best && !gives_routine(rules.levels()[best->as_symbol()])) return;
  for (engine::FactId f : roles.classification) out.push_back(f);
  for (engine::FactId f : {roles.red_flags, roles.reasons, roles.routine, roles.avoid, roles.tips})
    if (f >= 0) out.push_back(f);
}

std::vector<engine::FactId> questions_that_matter(const RuleSet& rules,
                                                  const engine::Evaluation& evaluation) {
  std::vector<engine::FactId> out;
  questions_that_matter(rules, evaluation, out);
  return out;
}

void questions_that_matter(const RuleSet& rules, const engine::Evaluation& evaluation,
                           std::vector<engine::FactId>& out) {
  thread_local std::vector<engine::FactId> facts;  // kept from call to call: cleared, not freed
  facts_that_matter(rules, evaluation.facts(), facts);
  evaluation.open_questions_for(facts, out);
}

void questions_open_now(const RuleSet& rules, const engine::Evaluation& evaluation,
                        std::vector<engine::FactId>& out) {
  thread_local std::vector<engine::FactId> open;  // kept from call to call: cleared, not freed
  questions_that_matter(rules, evaluation, open);
  auto is_open = [&](engine::FactId q) {
    return std::find(open.begin(), open.end(), q) != open.end();
  };
  out.clear();
  for (engine::FactId q : open) {
    const auto& triggers = rules.triggers_of(q);
    if (std::none_of(triggers.begin(), triggers.end(), is_open)) out.push_back(q);
  }
}

std::vector<engine::FactId> next_prompt(const RuleSet& rules,
                                        const engine::Evaluation& evaluation) {
  const auto due = questions_that_matter(rules, evaluation);
  if (due.empty()) return {};
  std::vector<engine::FactId> prompt{due.front()};
  const std::string& checklist = rules.questions[due.front()].checklist;
  if (checklist.empty()) return prompt;
  for (std::size_t i = 1; i < due.size(); ++i)
    if (rules.questions[due[i]].checklist == checklist) prompt.push_back(due[i]);
  return prompt;
}

}  // namespace backtriage::ruleset
