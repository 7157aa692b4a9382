#include "ruleset/conflict_search.h"

#include <fmt/format.h>

#include <set>
#include <utility>

#include "engine/evaluator.h"
#include "ruleset/answer_space.h"

namespace backtriage::ruleset {

using engine::FactId;

namespace {

// The rule pair a set of answers makes clash, or (-1, -1).
std::pair<int, int> clash(const engine::Evaluator& evaluator, engine::Evaluation& evaluation,
                          const engine::Answers& answers) {
  try {
    evaluator.run(answers, evaluation);
  } catch (const engine::ConflictError& e) {
    return {e.first_rule, e.second_rule};
  }
  return {-1, -1};
}

}  // namespace

std::vector<Diagnostic> find_conflicts(const RuleSet& rules, std::size_t max_combinations) {
  const auto& kb = rules.knowledge_base();
  const AnswerSpace space(rules);

  std::vector<Diagnostic> out;
  const engine::Evaluator evaluator(kb);
  engine::Evaluation evaluation(kb);
  std::set<std::pair<int, int>> reported;
  for (FactId f = static_cast<FactId>(rules.questions.size());
       f < static_cast<FactId>(kb.facts().size()); ++f) {
    if (!kb.facts()[f].conflicts_on_disagreement()) continue;
    std::set<double> asserted;
    for (int writer : kb.writers(f))
      for (const auto& a : kb.rules()[writer].then)
        if (a.fact == f) asserted.insert(a.value.as_number());
    if (asserted.size() < 2) continue;  // one value: nothing to disagree on

    auto inputs = space.influencing_questions(f);
    if (space.count(inputs, max_combinations) > max_combinations) {
      out.push_back({Diagnostic::Severity::Warning, rules.derived_fact(f).where,
                     fmt::format("too many answer combinations to prove that the rules for '{}' "
                                 "never disagree; not checked",
                                 kb.facts()[f].id)});
      continue;
    }
    engine::Answers answers(kb.facts().size());
    space.for_each(inputs, answers, [&](const engine::Answers& tried) {
      auto pair = clash(evaluator, evaluation, tried);
      if (pair.second < 0 || !reported.insert(pair).second) return true;
      // The fewest answers that still make this pair clash.
      engine::Answers example = tried;
      for (FactId q : inputs) {
        auto kept = example[q];
        example[q].reset();
        if (clash(evaluator, evaluation, example) != pair) example[q] = kept;
      }
      std::string shown;
      for (FactId q : inputs)
        if (example[q])
          shown += fmt::format("{}{} {}", shown.empty() ? "" : ", ", rules.questions[q].flag(),
                               rules.format_value(q, *example[q]));
      const auto& first = kb.rules()[pair.first < 0 ? pair.second : pair.first];
      const auto& second = kb.rules()[pair.second];
      std::string values;
      for (const auto& rule : {&first, &second})
        for (const auto& a : rule->then)
          if (a.fact == f)
            values += fmt::format("{}'{}'", values.empty() ? "" : " and ",
                                  rules.format_value(f, a.value));
      out.push_back({Diagnostic::Severity::Error, rules.rule_locations[pair.second],
                     fmt::format("rules '{}' and '{}' both fire and give '{}' different values "
                                 "({}), for example with {}",
                                 first.id, second.id, kb.facts()[f].id, values,
                                 shown.empty() ? "no answers at all" : shown)});
      return true;
    });
  }
  return out;
}

}  // namespace backtriage::ruleset
