#include "authoring/diff_space.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>

#include "ruleset/answer_domain.h"

namespace backtriage::authoring {

using engine::FactId;
using engine::Value;

namespace {

std::vector<double> thresholds(const ruleset::RuleSet& rules, FactId q) {
  std::vector<double> out;
  auto walk = [&](auto& self, const engine::Condition& c) -> void {
    if (c.kind == engine::Condition::Kind::Compare && c.fact == q)
      for (Value v : c.operands) out.push_back(v.as_number());
    for (const auto& child : c.children) self(self, child);
  };
  for (const auto& rule : rules.knowledge_base().rules()) walk(walk, rule.when);
  return out;
}

std::string number_text(double x) {
  return fmt::format("{}", x);
}

}  // namespace

std::vector<SpaceQuestion> answer_space(const ruleset::RuleSet& a, const ruleset::RuleSet& b) {
  std::vector<SpaceQuestion> out;
  std::vector<std::string> ids = a.question_ids();
  for (const auto& id : b.question_ids())
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  for (const auto& id : ids) {
    SpaceQuestion q;
    q.id = id;
    const ruleset::Question* qa = a.find_question(id);
    const ruleset::Question* qb = b.find_question(id);
    if (qa) q.in_old = *a.find_fact(id);
    if (qb) q.in_new = *b.find_fact(id);
    // The words either side accepts, each parsed by each side.
    std::vector<std::string> words;
    for (const auto* question : {qa, qb}) {
      if (!question || question->type == engine::FactType::Number) continue;
      for (const auto& w : ruleset::accepted_answers(*question).words)
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
    }
    if ((qa && qa->type == engine::FactType::Number) ||
        (qb && qb->type == engine::FactType::Number)) {
      // Points at every threshold, and one value inside each gap. A whole
      // number (age in years) takes only whole values: a threshold between
      // two gives both, and a gap gets a whole value inside it when it has
      // one (between 57 and 60, 58; 52.5 would read as no answer, and the
      // ages a change from `gt: 57` to `ge: 60` moves would go untried).
      std::set<double> points;
      double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
      bool whole = true;
      for (const auto* question : {qa, qb})
        if (question && question->type == engine::FactType::Number)
          whole = whole && question->whole;
      for (const auto& [rules, question] : {std::pair{&a, qa}, std::pair{&b, qb}}) {
        if (!question) continue;
        low = std::min(low, question->min), high = std::max(high, question->max);
        for (double t : thresholds(*rules, *rules->find_fact(id))) {
          points.insert(whole ? std::floor(t) : t);
          points.insert(whole ? std::ceil(t) : t);
        }
      }
      if (whole) low = std::ceil(low), high = std::floor(high);
      points.insert(low), points.insert(high);
      std::vector<double> sorted(points.begin(), points.end());
      std::erase_if(sorted, [&](double x) { return x < low || x > high; });
      for (std::size_t i = 0; i < sorted.size(); ++i) {
        words.push_back(number_text(sorted[i]));
        if (i + 1 == sorted.size()) continue;
        const double inside =
            whole ? std::floor((sorted[i] + sorted[i + 1]) / 2) : (sorted[i] + sorted[i + 1]) / 2;
        if (inside > sorted[i] && inside < sorted[i + 1]) words.push_back(number_text(inside));
      }
    }
    for (const auto& w : words) {
      SpaceAnswer answer{w, {}, {}};
      for (const auto& [question, slot] :
           {std::pair{qa, &answer.in_old}, std::pair{qb, &answer.in_new}}) {
        if (!question) continue;
        auto parsed = ruleset::parse_answer(*question, w);
        if (auto* value = std::get_if<Value>(&parsed)) *slot = *value;
      }
      q.answers.push_back(std::move(answer));
    }
    q.answers.push_back(SpaceAnswer{"", {}, {}});  // unanswered
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace backtriage::authoring
