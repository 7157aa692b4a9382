#include "engine/downstream.h"

#include <algorithm>

#include "engine/knowledge_base.h"

namespace backtriage::engine {

namespace {

// The numbers of the largest parts of `c` that read no fact in `changes`;
// `part` is c's number, and becomes the number after its last part.
void collect_fixed(const Condition& c, const std::vector<bool>& changes, int& part,
                   std::vector<int>& out) {
  bool reads_change = false;
  c.for_each_read([&](FactId f, bool) { reads_change = reads_change || changes[f]; });
  if (!reads_change) {
    out.push_back(part);
    c.for_each_part([&](const Condition&) { ++part; });
    return;
  }
  ++part;
  for (const Condition& child : c.children) collect_fixed(child, changes, part, out);
}

}  // namespace

Downstream downstream_of(const KnowledgeBase& kb, const std::vector<FactId>& inputs) {
  Downstream d;
  d.evaluate.assign(kb.rules().size(), false);
  std::vector<bool> changes(kb.facts().size(), false);
  for (FactId f : inputs) changes[f] = true;
  std::vector<FactId> pending = inputs;
  // A rule in a cycle that reads a changing fact makes every rule of the
  // cycle downstream: each reads what another asserts.
  while (!pending.empty()) {
    const FactId f = pending.back();
    pending.pop_back();
    for (int reader : kb.readers(f)) {
      if (d.evaluate[reader]) continue;
      d.evaluate[reader] = true;
      for (const Assertion& a : kb.rules()[reader].then)
        if (!changes[a.fact]) {
          changes[a.fact] = true;
          pending.push_back(a.fact);
        }
    }
  }
  for (FactId f = 0; f < static_cast<FactId>(changes.size()); ++f) {
    if (!changes[f]) continue;
    d.facts.push_back(f);
    for (int writer : kb.writers(f)) d.strata.push_back(kb.stratum_of(writer));
  }
  for (std::size_t r = 0; r < d.evaluate.size(); ++r)
    if (d.evaluate[r]) d.strata.push_back(kb.stratum_of(static_cast<int>(r)));
  std::sort(d.strata.begin(), d.strata.end());
  d.strata.erase(std::unique(d.strata.begin(), d.strata.end()), d.strata.end());
  for (std::size_t r = 0; r < d.evaluate.size(); ++r)
    if (d.evaluate[r]) {
      int part = kb.first_part(static_cast<int>(r));
      collect_fixed(kb.rules()[r].when, changes, part, d.fixed);
    }
  for (std::size_t s : d.strata)
    for (int rule : kb.strata()[s])
      if (!d.evaluate[rule]) d.replayed.push_back(rule);
  std::sort(d.replayed.begin(), d.replayed.end());
  return d;
}

}  // namespace backtriage::engine
