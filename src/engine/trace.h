#pragma once
// Records which rules fired and what they read, like ninja's `-d explain`:
// a small object the evaluator writes to only when someone asks for it.
#include <span>
#include <vector>

#include "engine/fact.h"

namespace backtriage::engine {

struct Firing {
  int rule = -1;
  // The facts its condition read: the knowledge base's list, which outlives
  // the trace (a copy per firing was ten allocations a batch line).
  std::span<const FactId> read;
};

class Trace {
 public:
  void clear() { firings_.clear(); }
  void record(int rule, std::span<const FactId> read) { firings_.push_back({rule, read}); }
  const std::vector<Firing>& firings() const { return firings_; }

 private:
  std::vector<Firing> firings_;
};

}  // namespace backtriage::engine
