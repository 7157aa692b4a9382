#include "ruleset/lint.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/evaluator.h"
#include "ruleset/answer_domain.h"
#include "ruleset/answer_space.h"
#include "ruleset/conflict_search.h"

namespace backtriage::ruleset {

namespace {

using engine::FactId;
using engine::Tri;

// Beyond this many combinations a rule is tried with only the questions it
// reads itself answered; beyond it again, only with every question open.
constexpr std::size_t kMaxCombinationsPerRule = 4096;

// Whether some answers make rule `r` fire. Three-valued evaluation is sound:
// a condition false with some questions open stays false however they are
// answered. So the rule can never fire if it is false for every combination
// of the questions that influence it (exhaustive: then it is never even
// unknown); when there are too many of those, false for every combination
// of the questions it reads directly, the rest left open, is still proof.
bool can_fire(const RuleSet& rules, const AnswerSpace& space, const engine::Evaluation& open,
              int r) {
  if (open.rule_status(r) == Tri::False) return false;
  const auto& kb = rules.knowledge_base();
  std::vector<FactId> questions;
  for (FactId f : kb.reads(r)) {
    auto more = space.influencing_questions(f);
    questions.insert(questions.end(), more.begin(), more.end());
  }
  std::sort(questions.begin(), questions.end());
  questions.erase(std::unique(questions.begin(), questions.end()), questions.end());
  if (space.count(questions, kMaxCombinationsPerRule) > kMaxCombinationsPerRule) {
    questions.clear();
    for (FactId f : kb.reads(r))
      if (rules.is_question(f)) questions.push_back(f);
    if (space.count(questions, kMaxCombinationsPerRule) > kMaxCombinationsPerRule) return true;
  }
  const engine::Evaluator evaluator(kb);
  engine::Evaluation evaluation(kb);
  engine::Answers answers(kb.facts().size());
  bool fires = false;
  space.for_each(questions, answers, [&](const engine::Answers& tried) {
    try {
      evaluator.run(tried, evaluation);
    } catch (const engine::ConflictError&) {
      // The conflict is reported on its own. The evaluation stopped part way,
      // so it cannot show the rule never fires: claim nothing.
      fires = true;
      return false;
    }
    fires = evaluation.rule_status(r) != Tri::False;
    return !fires;
  });
  return fires;
}

// The safety contract, checked for any rule set: a red flag answered yes,
// whatever else is answered or not, lists itself and puts the level at its
// step or above; answered unsure, at its `unsure` step or above.
void check_red_flags(const RuleSet& rules, std::vector<Diagnostic>& out) {
  const auto& kb = rules.knowledge_base();
  const Roles& roles = rules.roles;
  if (roles.level < 0 || roles.red_flags < 0) return;
  const engine::Evaluator evaluator(kb);
  const auto& flags = rules.derived_fact(roles.red_flags).values;
  for (FactId q = 0; q < static_cast<FactId>(rules.questions.size()); ++q) {
    const Question& question = rules.questions[q];
    if (!question.red_flag) continue;
    auto item = std::find_if(flags.begin(), flags.end(),
                             [&](const Item& i) { return i.id == question.id; });
    if (item == flags.end()) continue;  // the loader's error
    std::vector<std::pair<engine::Value, std::string>> answers{
        {engine::Value::boolean(true), item->as<RedFlag>().level}};
    if (question.accepts_unsure()) answers.push_back({unsure_answer(), question.unsure});
    for (const auto& [answer, step] : answers) {
      const std::string said = rules.format_value(q, answer);
      engine::Answers given(kb.facts().size());
      given[q] = answer;
      try {
        const auto e = evaluator.run(given);
        const int want = rules.level_rank(step);
        auto best = e.facts().best_certain(roles.level);
        const auto flag_value = engine::Value::symbol(static_cast<int>(item - flags.begin()));
        if (!best || best->as_symbol() > want)
          out.push_back(
              {Diagnostic::Severity::Error, question.where,
               fmt::format("red flag '{}' answered {} does not by itself put the level at "
                           "'{}' or above, whatever else is answered",
                           question.id, said, step)});
        else if (!e.facts().is_certain(roles.red_flags, flag_value))
          out.push_back(
              {Diagnostic::Severity::Error, question.where,
               fmt::format("red flag '{}' answered {} does not by itself list '{}' in "
                           "'{}'",
                           question.id, said, question.id, kb.facts()[roles.red_flags].id)});
      } catch (const engine::ConflictError&) {
        // The clash itself is reported by find_conflicts.
      }
    }
  }
}

}  // namespace

std::vector<Diagnostic> lint(const RuleSet& rules) {
  std::vector<Diagnostic> out;
  auto warn = [&](Location where, std::string message) {
    out.push_back({Diagnostic::Severity::Warning, std::move(where), std::move(message)});
  };
  const auto& kb = rules.knowledge_base();
  for (FactId f = 0; f < static_cast<FactId>(rules.questions.size()); ++f)
    if (kb.readers(f).empty() && !rules.questions[f].red_flag)  // a red flag: the loader's error
      warn(rules.questions[f].where,
           fmt::format("question '{}' is read by no rule", rules.questions[f].id));
  check_red_flags(rules, out);

  const AnswerSpace space(rules);
  const engine::Evaluation open = engine::Evaluator(kb).run(engine::Answers(kb.facts().size()));
  for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r)
    if (!can_fire(rules, space, open, r))
      warn(rules.rule_locations[r],
           fmt::format("rule '{}' can never fire: no answers make its condition true",
                       kb.rules()[r].id));

  for (const auto& fact : rules.derived) {
    auto id = *rules.find_fact(fact.id);
    if (kb.writers(id).empty()) {
      warn(fact.where, fmt::format("fact '{}' is asserted by no rule", fact.id));
      continue;
    }
    if (!kb.facts()[id].has_symbols()) continue;
    for (std::size_t v = 0; v < fact.values.size(); ++v) {
      bool asserted = false;
      for (int r : kb.writers(id))
        for (const auto& a : kb.rules()[r].then)
          asserted |= a.fact == id && a.value == engine::Value::symbol(static_cast<int>(v));
      if (!asserted)
        warn(fact.where,
             fmt::format("'{}' value '{}' is asserted by no rule", fact.id, fact.values[v].id));
    }
  }

  auto conflicts = find_conflicts(rules);
  out.insert(out.end(), conflicts.begin(), conflicts.end());
  return out;
}

}  // namespace backtriage::ruleset
