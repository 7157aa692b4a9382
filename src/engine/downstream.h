#pragma once
// What opening some declined inputs can change, worked out from the rules
// alone: the rules that read them, directly or through facts such rules
// assert (downstream: their conditions must be evaluated again), the facts
// those rules assert (to be filled again), and the other writers of those
// facts, whose conditions read nothing that changes (their status is
// replayed). An evaluator reruns just these strata (Evaluator::rerun).
//
// So what a rerun takes from its base is the truth of the parts of the
// conditions it evaluates that read no fact it fills again (`fixed`), and
// the status of the writers it replays: what a RerunKey is made of.
#include <cstddef>
#include <vector>

#include "engine/fact.h"

namespace backtriage::engine {

class KnowledgeBase;

struct Downstream {
  std::vector<FactId> facts;        // whose values may change: the inputs and what is asserted
  std::vector<std::size_t> strata;  // to run again, in evaluation order
  // When none of them is cyclic, their rules laid end to end: a rerun
  // runs each once, in this order. (False in a Downstream made by hand,
  // whose strata then run one by one.)
  bool acyclic = false;
  std::vector<int> rules;
  // By rule: reads a fact that may change (a byte each: read per rule per rerun).
  std::vector<char> evaluate;
  // What the rerun takes from its base: the largest parts of the conditions
  // it evaluates that read none of `facts` (whole conditions never: those
  // rules are replayed), by part number (KnowledgeBase::first_part); and
  // the rules of `strata` it does not evaluate but replays, in rule order
  // (the other writers of `facts`, and the other rules of their strata).
  std::vector<int> fixed;
  std::vector<int> replayed;
};

// What a Downstream is worked out for: a rerun alone (facts, strata,
// evaluate), or also the key of what it reads (fixed, replayed).
enum class Parts { ToRerun, ForKey };

// `inputs` are input facts.
Downstream downstream_of(const KnowledgeBase& kb, const std::vector<FactId>& inputs,
                         Parts parts = Parts::ForKey);

}  // namespace backtriage::engine
