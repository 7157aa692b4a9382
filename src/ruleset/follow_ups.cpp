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

// The questions that must be answered for `c` to hold. Only what is sure
// counts: under `not` and `at_least` nothing is (either side may decide).
Questions needed(const Condition& c, std::size_t question_count) {
  const auto is_question = [&](FactId f) { return f >= 0 && f < FactId(question_count); };
  switch (c.kind) {
    case Condition::Kind::Compare:
    case Condition::Kind::Present: return is_question(c.fact) ? Questions{c.fact} : Questions{};
    case Condition::Kind::All: {
      Questions out;
      for (const auto& child : c.children) out.merge(needed(child, question_count));
      return out;
    }
    case Condition::Kind::Any: {
      std::optional<Questions> out;
      for (const auto& child : c.children) {
        Questions each = needed(child, question_count);
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

// Every read of `question` in `c`, each with what the condition needs
// beside it: the needs of its siblings under each `all` on the way down,
// while no `not` lies above (below one, a sibling may just as well fail).
void reads_of(FactId question, const Condition& c, const Questions& beside, bool negated,
              std::size_t question_count, std::vector<Questions>& out) {
  if (c.kind == Condition::Kind::Compare || c.kind == Condition::Kind::Present ||
      c.kind == Condition::Kind::Absent) {
    if (c.fact == question) out.push_back(beside);
    return;
  }
  const bool under_not = negated || c.kind == Condition::Kind::Not;
  for (std::size_t i = 0; i < c.children.size(); ++i) {
    Questions more = beside;
    if (c.kind == Condition::Kind::All && !under_not)
      for (std::size_t j = 0; j < c.children.size(); ++j)
        if (j != i) more.merge(needed(c.children[j], question_count));
    reads_of(question, c.children[i], more, under_not, question_count, out);
  }
}

}  // namespace

std::vector<std::vector<FactId>> follow_up_triggers(const engine::KnowledgeBase& kb,
                                                    std::size_t question_count) {
  std::vector<std::vector<FactId>> triggers(question_count);
  for (FactId q = 0; q < FactId(question_count); ++q) {
    std::vector<Questions> reads;
    for (const auto& rule : kb.rules()) reads_of(q, rule.when, {}, false, question_count, reads);
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
