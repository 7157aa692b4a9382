#include "ruleset/lint.h"

#include <fmt/format.h>

#include "engine/evaluator.h"

namespace backtriage::ruleset {

std::vector<Diagnostic> lint(const RuleSet& rules) {
  std::vector<Diagnostic> out;
  auto warn = [&](Location where, std::string message) {
    out.push_back({Diagnostic::Severity::Warning, std::move(where), std::move(message)});
  };
  const auto& kb = rules.knowledge_base();
  for (engine::FactId f = 0; f < static_cast<engine::FactId>(rules.questions.size()); ++f)
    if (kb.readers(f).empty())
      warn(rules.questions[f].where,
           fmt::format("question '{}' is read by no rule", rules.questions[f].id));

  // With every question open, a rule whose condition is still false cannot
  // be made true by any answers: it can never fire.
  engine::Evaluation open = engine::Evaluator(kb).run(engine::Answers(kb.facts().size()));
  for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r)
    if (open.rule_status(r) == engine::Tri::False)
      warn(rules.rule_locations[r],
           fmt::format("rule '{}' can never fire: no answers make its condition true",
                       kb.rules()[r].id));

  for (const auto& fact : rules.derived) {
    auto id = *rules.find_fact(fact.id);
    if (kb.writers(id).empty()) {
      warn(fact.where, fmt::format("fact '{}' is asserted by no rule", fact.id));
      continue;
    }
    if (fact.type != engine::FactType::Set) continue;
    for (std::size_t v = 0; v < fact.values.size(); ++v) {
      bool asserted = false;
      for (int r : kb.writers(id))
        for (const auto& a : kb.rules()[r].then)
          asserted |= a.fact == id && a.value == engine::Value::symbol(static_cast<int>(v));
      if (!asserted)
        warn(fact.where, fmt::format("'{}' value '{}' is asserted by no rule", fact.id,
                                     fact.values[v].id));
    }
  }
  return out;
}

}  // namespace backtriage::ruleset
