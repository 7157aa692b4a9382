#include "ruleset/answer_space.h"

#include <algorithm>
#include <cmath>

#include "ruleset/answer_domain.h"

namespace backtriage::ruleset {

using engine::Condition;
using engine::FactId;
using engine::FactType;
using engine::Value;

namespace {

void collect_constants(const Condition& c, std::vector<std::set<double>>& constants) {
  if (c.kind == Condition::Kind::Compare && c.fact < static_cast<FactId>(constants.size()))
    for (Value v : c.operands) constants[c.fact].insert(v.as_number());
  for (const auto& child : c.children) collect_constants(child, constants);
}

}  // namespace

AnswerSpace::AnswerSpace(const RuleSet& rules) : rules_(rules), constants_(rules.questions.size()) {
  for (const auto& rule : rules.knowledge_base().rules()) collect_constants(rule.when, constants_);
}

std::vector<FactId> AnswerSpace::influencing_questions(FactId fact) const {
  const auto& kb = rules_.knowledge_base();
  std::vector<bool> seen(kb.facts().size(), false);
  std::vector<FactId> work{fact}, out;
  while (!work.empty()) {
    FactId f = work.back();
    work.pop_back();
    if (seen[f]) continue;
    seen[f] = true;
    if (rules_.is_question(f)) {
      out.push_back(f);
      continue;
    }
    for (int writer : kb.writers(f))
      for (FactId read : kb.reads(writer)) work.push_back(read);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Value> AnswerSpace::sample_answers(FactId question) const {
  const Question& q = rules_.questions[question];
  std::vector<Value> out;
  switch (q.type) {
    case FactType::Bool:
      if (q.accepts_unsure()) return {Value::boolean(false), Value::boolean(true), unsure_answer()};
      return {Value::boolean(false), Value::boolean(true)};
    case FactType::Choice:
    case FactType::Set:
    case FactType::Ranked:
      for (std::size_t i = 0; i < q.choices.size(); ++i)
        out.push_back(Value::symbol(static_cast<int>(i)));
      return out;
    case FactType::Number: {
      std::set<double> points{q.min, q.max};
      for (double c : constants_[question])
        for (double x : {std::nextafter(c, -INFINITY), c, std::nextafter(c, INFINITY)})
          if (x >= q.min && x <= q.max) points.insert(x);
      for (double x : points) out.push_back(Value::number(x));
      return out;
    }
  }
  return out;
}

std::size_t AnswerSpace::count(const std::vector<FactId>& questions, std::size_t limit) const {
  std::size_t combinations = 1;
  for (FactId q : questions) {
    combinations *= std::max<std::size_t>(1, sample_answers(q).size());
    if (combinations > limit) return limit + 1;
  }
  return combinations;
}

bool AnswerSpace::for_each(const std::vector<FactId>& questions, engine::Answers& answers,
                           const std::function<bool(const engine::Answers&)>& visit) const {
  std::vector<std::vector<Value>> domains;
  for (FactId q : questions) {
    domains.push_back(sample_answers(q));
    if (domains.back().empty()) return true;  // a question with no answers: nothing to try
  }
  // An odometer over the domains.
  std::vector<std::size_t> digit(questions.size(), 0);
  for (;;) {
    for (std::size_t i = 0; i < questions.size(); ++i) answers[questions[i]] = domains[i][digit[i]];
    if (!visit(answers)) return false;
    std::size_t i = 0;
    while (i < questions.size() && ++digit[i] == domains[i].size()) digit[i++] = 0;
    if (i == questions.size()) return true;
  }
}

}  // namespace backtriage::ruleset
