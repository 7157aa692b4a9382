#include "ruleset/conflict_search.h"

#include <fmt/format.h>

#include <set>

#include "engine/evaluator.h"
#include "ruleset/answer_space.h"

namespace backtriage::ruleset {

using engine::FactId;

std::vector<Diagnostic> find_conflicts(const RuleSet& rules, std::size_t max_combinations) {
  const auto& kb = rules.knowledge_base();
  const AnswerSpace space(rules);

  std::vector<Diagnostic> out;
  engine::Evaluator evaluator(kb);
  engine::Evaluation evaluation(kb);
  for (FactId f = static_cast<FactId>(rules.questions.size());
       f < static_cast<FactId>(kb.facts().size()); ++f) {
    if (!kb.facts()[f].single_valued()) continue;
    std::set<double> asserted;
    for (int writer : kb.writers(f))
      for (const auto& a : kb.rules()[writer].then)
        if (a.fact == f) asserted.insert(a.value.as_number());
    if (asserted.size() < 2) continue;  // one value: nothing to disagree on

    auto inputs = space.influencing_questions(f);
    if (space.count(inputs, max_combinations) > max_combinations) continue;

    engine::Answers answers(kb.facts().size());
    space.for_each(inputs, answers, [&](const engine::Answers& tried) {
      try {
        evaluator.run(tried, evaluation);
      } catch (const engine::ConflictError& e) {
        std::string example;
        for (FactId q : inputs)
          example += fmt::format("{}{}={}", example.empty() ? "" : ", ", rules.questions[q].id,
                                 rules.format_value(q, *tried[q]));
        out.push_back({Diagnostic::Severity::Warning, rules.rule_locations[e.second_rule],
                       fmt::format("{} (for example when {})", e.what(), example)});
        return false;
      }
      return true;
    });
  }
  return out;
}

}  // namespace backtriage::ruleset
