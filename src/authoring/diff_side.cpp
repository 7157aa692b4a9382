#include "authoring/diff_side.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ruleset/relevance.h"

namespace backtriage::authoring {

using engine::FactId;
using engine::Value;

std::vector<char> DiffSide::rules_reaching_outcome(const ruleset::RuleSet& r) {
  const auto& kb = r.knowledge_base();
  std::vector<char> fact_matters(kb.facts().size(), false), rule_matters(kb.rules().size(), false);
  for (FactId f : {r.roles.level, r.roles.routine, r.roles.avoid})
    if (f >= 0) fact_matters[f] = true;
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < kb.rules().size(); ++i) {
      if (rule_matters[i]) continue;
      const auto& then = kb.rules()[i].then;
      if (std::none_of(then.begin(), then.end(),
                       [&](const engine::Assertion& a) { return fact_matters[a.fact]; }))
        continue;
      rule_matters[i] = grew = true;
      for (FactId f : kb.reads(static_cast<int>(i))) fact_matters[f] = true;
    }
  }
  return rule_matters;
}

std::vector<engine::Downstream> DiffSide::downstream_of_questions(const ruleset::RuleSet& r) {
  std::vector<engine::Downstream> out;
  for (FactId q = 0; q < static_cast<FactId>(r.questions.size()); ++q)
    out.push_back(engine::downstream_of(r.knowledge_base(), {q}));
  return out;
}

void DiffSide::answered(FactId question) {
  ++depth;
  if (evaluations.size() <= depth) evaluations.emplace_back(rules.knowledge_base());
  evaluator.rerun(evaluations[depth - 1], downstream[question], answers, declined,
                  evaluations[depth]);
}

namespace {

std::vector<std::string> certain_ids(const ruleset::RuleSet& rules, const engine::FactTable& facts,
                                     FactId fact) {
  std::vector<std::string> out;
  if (fact < 0) return out;
  for (Value v : facts.certain(fact)) out.push_back(rules.items_of(fact)[v.as_symbol()].id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Outcome outcome_of(const DiffSide& side) {
  const auto& facts = side.evaluation().facts();
  Outcome o;
  o.level = ruleset::reported_level(side.rules, facts).level;
  if (o.level != &side.rules.undecided && ruleset::gives_routine(*o.level)) {
    o.routine = certain_ids(side.rules, facts, side.rules.roles.routine);
    o.avoid = certain_ids(side.rules, facts, side.rules.roles.avoid);
  }
  return o;
}

std::vector<FactId> can_change_through(const DiffSide& side, const std::vector<char>& pending) {
  const auto& rules = side.rules;
  const auto& facts = side.evaluation().facts();
  const FactId level = rules.roles.level;
  auto any_pending = [&](const std::vector<FactId>& questions) {
    return std::any_of(questions.begin(), questions.end(), [&](FactId q) { return pending[q]; });
  };
  const auto best = facts.best_certain(level);
  std::vector<Value> better;
  better.reserve(facts.possible(level).size());
  for (Value v : facts.possible(level))
    if (!best || v < *best) better.push_back(v);
  // The most urgent level that stays possible for good (values rank most
  // urgent first): no routine level less urgent than it can ever be stated.
  std::optional<Value> lasting;
  for (Value v : better) {
    if (lasting && !(v < *lasting)) continue;
    const auto deps = side.evaluation().open_questions_for_values(level, {&v, 1});
    if (!deps.empty() && !any_pending(deps)) lasting = v;
  }
  if (lasting)
    std::erase_if(better, [&](Value v) {
      return *lasting < v && ruleset::gives_routine(rules.levels()[v.as_symbol()]);
    });
  auto due = side.evaluation().open_questions_for_values(level, better);
  if (any_pending(due)) return due;
  const auto stated = ruleset::reported_level(rules, facts).level;
  if (stated != &rules.undecided && ruleset::gives_routine(*stated)) {
    std::vector<FactId> sections;
    for (FactId f : {rules.roles.routine, rules.roles.avoid})
      if (f >= 0) sections.push_back(f);
    for (FactId q : side.evaluation().open_questions_for(sections)) due.push_back(q);
  }
  return due;
}

}  // namespace backtriage::authoring
