#include "ruleset/conflict_search.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "engine/evaluator.h"

namespace backtriage::ruleset {

using engine::Condition;
using engine::FactId;
using engine::FactType;
using engine::Value;

namespace {

// The questions that can influence `fact`, found by walking back through
// the rules that assert it and the facts those rules read.
std::vector<FactId> influencing_questions(const RuleSet& rules, FactId fact) {
  const auto& kb = rules.knowledge_base();
  std::vector<bool> seen(kb.facts().size(), false);
  std::vector<FactId> work{fact}, out;
  while (!work.empty()) {
    FactId f = work.back();
    work.pop_back();
    if (seen[f]) continue;
    seen[f] = true;
    if (rules.is_question(f)) {
      out.push_back(f);
      continue;
    }
    for (int writer : kb.writers(f))
      for (FactId read : kb.reads(writer)) work.push_back(read);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every constant a number question is compared with, anywhere.
void collect_constants(const Condition& c, std::vector<std::set<double>>& constants) {
  if (c.kind == Condition::Kind::Compare && c.fact < static_cast<FactId>(constants.size()))
    for (Value v : c.operands) constants[c.fact].insert(v.as_number());
  for (const auto& child : c.children) collect_constants(child, constants);
}

std::vector<Value> candidate_values(const Question& q, const std::set<double>& constants) {
  std::vector<Value> out;
  switch (q.type) {
    case FactType::Bool: return {Value::boolean(false), Value::boolean(true)};
    case FactType::Choice:
    case FactType::Set:
      for (std::size_t i = 0; i < q.choices.size(); ++i)
        out.push_back(Value::symbol(static_cast<int>(i)));
      return out;
    case FactType::Number: {
      std::set<double> points{q.min, q.max};
      for (double c : constants)
        for (double x : {std::nextafter(c, -INFINITY), c, std::nextafter(c, INFINITY)})
          if (x >= q.min && x <= q.max) points.insert(x);
      for (double x : points) out.push_back(Value::number(x));
      return out;
    }
  }
  return out;
}

}  // namespace

std::vector<Diagnostic> find_conflicts(const RuleSet& rules, std::size_t max_combinations) {
  const auto& kb = rules.knowledge_base();
  std::vector<std::set<double>> constants(rules.questions.size());
  for (const auto& rule : kb.rules()) collect_constants(rule.when, constants);

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

    auto inputs = influencing_questions(rules, f);
    std::vector<std::vector<Value>> domains;
    std::size_t combinations = 1;
    for (FactId q : inputs) {
      domains.push_back(candidate_values(rules.questions[q], constants[q]));
      combinations *= std::max<std::size_t>(1, domains.back().size());
      if (combinations > max_combinations) break;
    }
    if (combinations > max_combinations) continue;

    // Odometer over the domains.
    std::vector<std::size_t> digit(inputs.size(), 0);
    engine::Answers answers(kb.facts().size());
    for (bool done = false; !done;) {
      for (std::size_t i = 0; i < inputs.size(); ++i) answers[inputs[i]] = domains[i][digit[i]];
      try {
        evaluator.run(answers, evaluation);
      } catch (const engine::ConflictError& e) {
        std::string example;
        for (FactId q : inputs)
          example += fmt::format("{}{}={}", example.empty() ? "" : ", ", rules.questions[q].id,
                                 rules.format_value(q, *answers[q]));
        out.push_back({Diagnostic::Severity::Warning, rules.rule_locations[e.second_rule],
                       fmt::format("{} (for example when {})", e.what(), example)});
        break;
      }
      std::size_t i = 0;
      while (i < inputs.size() && ++digit[i] == domains[i].size()) digit[i++] = 0;
      done = i == inputs.size();
    }
  }
  return out;
}

}  // namespace backtriage::ruleset
