#include "ruleset/follow_ups.h"

#include <algorithm>
#include <optional>
#include <set>

namespace backtriage::ruleset {

namespace {

using engine::Condition;
using engine::FactId;
using Questions = std::set<FactId>;

Questions intersect(const Questions& a, const Questions& b) {
  Questions out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

// The questions that must be answered for a condition to hold. Only what
// is sure counts: under `not` and `at_least` nothing is (either side may
// decide). A derived fact needs what every rule that asserts it needs
// (`pregnancy: later` needs `pregnant`), worked out once per fact.
class Needs {
 public:
  Needs(const engine::KnowledgeBase& kb, std::size_t question_count)
      : kb_(kb), question_count_(question_count), of_fact_(kb.facts().size()) {}

  Questions of(const Condition& c) {
    switch (c.kind) {
      case Condition::Kind::Compare:
      case Condition::Kind::Present: return of_fact(c.fact);
      case Condition::Kind::All: {
        Questions out;
        for (const auto& child : c.children) out.merge(of(child));
        return out;
      }
      case Condition::Kind::Any: {
        std::optional<Questions> out;
        for (const auto& child : c.children) {
          Questions each = of(child);
          out = out ? intersect(*out, each) : each;
        }
        return out.value_or(Questions{});
      }
      case Condition::Kind::Not:
      case Condition::Kind::AtLeast:
      case Condition::Kind::Absent: return {};
    }
    return {};
  }

 private:
  Questions of_fact(FactId f) {
    if (f < 0) return {};
    if (f < FactId(question_count_)) return {f};
    auto& cached = of_fact_[f];
    if (cached) return *cached;
    cached = Questions{};  // a cycle, were there one, needs nothing
    std::optional<Questions> out;
    for (int writer : kb_.writers(f)) {
      Questions each = of(kb_.rules()[writer].when);
      out = out ? intersect(*out, each) : each;
    }
    cached = out.value_or(Questions{});
    return *cached;
  }

  const engine::KnowledgeBase& kb_;
  std::size_t question_count_;
  std::vector<std::optional<Questions>> of_fact_;
};

// Every read of `question` in `c`, each with what the condition needs
// beside it: the needs of its siblings under each `all` on the way down,
// while no `not` lies above (below one, a sibling may just as well fail).
void reads_of(FactId question, const Condition& c, const Questions& beside, bool negated,
              Needs& needs, std::vector<Questions>& out) {
  if (c.kind == Condition::Kind::Compare || c.kind == Condition::Kind::Present ||
      c.kind == Condition::Kind::Absent) {
    if (c.fact == question) out.push_back(beside);
    return;
  }
  const bool under_not = negated || c.kind == Condition::Kind::Not;
  for (std::size_t i = 0; i < c.children.size(); ++i) {
    bool reads_question = false;  // else there is nothing to find below, and no needs to work out
    c.children[i].for_each_read([&](FactId f, bool) { reads_question |= f == question; });
    if (!reads_question) continue;
    Questions more = beside;
    if (c.kind == Condition::Kind::All && !under_not)
      for (std::size_t j = 0; j < c.children.size(); ++j)
        if (j != i) more.merge(needs.of(c.children[j]));
    reads_of(question, c.children[i], more, under_not, needs, out);
  }
}

}  // namespace

std::vector<std::vector<FactId>> follow_up_triggers(const engine::KnowledgeBase& kb,
                                                    std::size_t question_count) {
  std::vector<std::vector<FactId>> triggers(question_count);
  Needs needs(kb, question_count);
  for (FactId q = 0; q < FactId(question_count); ++q) {
    std::vector<Questions> reads;
    for (int reader : kb.readers(q)) reads_of(q, kb.rules()[reader].when, {}, false, needs, reads);
    if (reads.empty()) continue;
    Questions common = reads.front();
    for (const auto& each : reads) common = intersect(common, each);
    // Only earlier questions: the interview asks them first, so a trigger
    // is answered (or open) before its follow-up comes up.
    for (FactId t : common)
      if (t < q) triggers[q].push_back(t);
  }
  return triggers;
}

}  // namespace backtriage::ruleset
