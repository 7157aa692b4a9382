#pragma once
// What opening some declined inputs can change, worked out from the rules
// alone: the rules that read them, directly or through facts such rules
// assert (downstream: their conditions must be evaluated again), the facts
// those rules assert (to be filled again), and the other writers of those
// facts, whose conditions read nothing that changes (their status is
// replayed). An evaluator reruns just these strata (Evaluator::rerun).
#include <cstddef>
#include <vector>

#include "engine/fact.h"

namespace backtriage::engine {

class KnowledgeBase;

struct Downstream {
  std::vector<FactId> facts;        // whose values may change: the inputs and what is asserted
  std::vector<std::size_t> strata;  // to run again, in evaluation order
  // By rule: reads a fact that may change (a byte each: read per rule per rerun).
  std::vector<char> evaluate;
};

// `inputs` are input facts.
Downstream downstream_of(const KnowledgeBase& kb, const std::vector<FactId>& inputs);

}  // namespace backtriage::engine
