#include "engine/downstream.h"

#include <algorithm>

#include "engine/knowledge_base.h"

namespace backtriage::engine {

namespace {

// Whether `c` reads a fact in `changes`; the numbers of its largest parts
// that read none go to `out` (the whole of `c` is its caller's to add).
// `part` is c's number, and becomes the number after its last part; `reads`
// is a stack of the children's answers, shared down the tree. One pass,
// bottom up: a start of a single triage pays for it.
bool reads_change(const Condition& c, const std::vector<char>& changes, int& part,
                  std::vector<int>& out, std::vector<std::pair<int, bool>>& reads) {
  ++part;
  if (c.children.empty()) return c.fact >= 0 && changes[c.fact];  // an empty all/any reads nothing
  const std::size_t mark = reads.size();
  bool any = false;
  for (const Condition& child : c.children) {
    const int number = part;
    const bool child_reads = reads_change(child, changes, part, out, reads);
    reads.emplace_back(number, child_reads);
    any = any || child_reads;
  }
  if (any)
    for (std::size_t i = mark; i < reads.size(); ++i)
      if (!reads[i].second) out.push_back(reads[i].first);
  reads.resize(mark);
  return any;
}

}  // namespace

Downstream downstream_of(const KnowledgeBase& kb, const std::vector<FactId>& inputs, Parts parts) {
  Downstream d;
  d.evaluate.assign(kb.rules().size(), false);
  std::vector<char> changes(kb.facts().size(), false);
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
  // Strata marked, then listed in order: no sort.
  std::vector<char> runs(kb.strata().size(), false);
  for (FactId f = 0; f < static_cast<FactId>(changes.size()); ++f) {
    if (!changes[f]) continue;
    d.facts.push_back(f);
    for (int writer : kb.writers(f)) runs[kb.stratum_of(writer)] = true;
  }
  for (std::size_t r = 0; r < d.evaluate.size(); ++r)
    if (d.evaluate[r]) runs[kb.stratum_of(static_cast<int>(r))] = true;
  for (std::size_t s = 0; s < runs.size(); ++s)
    if (runs[s]) d.strata.push_back(s);
  std::size_t rules = 0;
  d.acyclic = true;
  for (std::size_t s : d.strata) {
    d.acyclic = d.acyclic && !kb.stratum_is_cyclic(s);
    rules += kb.strata()[s].size();
  }
  if (d.acyclic) {
    d.rules.reserve(rules);
    for (std::size_t s : d.strata)
      for (int rule : kb.strata()[s]) d.rules.push_back(rule);
  }
  if (parts == Parts::ToRerun) return d;
  std::vector<std::pair<int, bool>> reads;
  for (std::size_t r = 0; r < d.evaluate.size(); ++r)
    if (d.evaluate[r]) {
      int part = kb.first_part(static_cast<int>(r));
      reads_change(kb.rules()[r].when, changes, part, d.fixed, reads);
    }
  for (std::size_t r = 0; r < d.evaluate.size(); ++r)
    if (!d.evaluate[r] && runs[kb.stratum_of(static_cast<int>(r))])
      d.replayed.push_back(static_cast<int>(r));
  return d;
}

}  // namespace backtriage::engine
