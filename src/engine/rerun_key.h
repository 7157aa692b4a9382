#pragma once
// A key for what a rerun (Evaluator::rerun) takes from its base: two bases
// whose keys over one Downstream are equal rerun to the same values (as
// sets) of the facts it fills again and the same statuses of the rules it
// evaluates again, and so to the same open questions among those opened
// (a walk back from a fact it does not fill reaches none of them: nothing
// that fact's writers read changes). The rest is each base's own. What a
// caller found after one rerun then holds for every base with that key,
// and a batch need not rerun for each line.
//
// It holds little more than the rerun can tell: the truth of each part of
// the conditions it evaluates that reads nothing it fills again (two lines
// whose ages differ but are both "50 or more" give one key), and, for the
// writers it replays, what they add to each fact: the values they assert
// certainly or possibly (ten red flags that give "ambulance" are one key),
// or, for a value without a bit, the rule and its status. Not the order
// values came in: no condition sees it.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/downstream.h"
#include "engine/evaluator.h"
#include "engine/knowledge_base.h"

namespace backtriage::engine {

class RerunKey {
 public:
  // Keeps a pointer to `kb`'s program: `kb` stays where it is while this lives.
  explicit RerunKey(const KnowledgeBase& kb);

  // Appends the key of what a rerun over `downstream` takes from `base`.
  void append(const Evaluation& base, const Downstream& downstream, std::string& key);
  // Appends what conditions can tell of one fact as it stands: whether it
  // is open, and its certain and possible values.
  static void append_fact(const FactTable& facts, FactId fact, std::string& key);

 private:
  // By part number (KnowledgeBase::first_part): the part's truth in the
  // evaluation of run number `truth_run_`. The keys of one base over
  // different sets share most parts, and each is evaluated once.
  const ConditionProgram* program_;
  std::vector<Tri> truth_;
  std::vector<std::uint64_t> truth_run_;
  // By rule: what it asserts, as a fact and the value's bit (small_bit);
  // a bit of 0 for a value that has none (not a small whole number).
  struct Adds {
    FactId fact;
    std::uint64_t bit;
  };
  std::vector<std::vector<Adds>> adds_;
  // append's scratch, by fact: the values replayed writers assert; and the
  // replayed rules that assert a value without a bit, with their status.
  std::vector<std::uint64_t> replayed_certain_, replayed_possible_;
  std::vector<std::pair<int, Tri>> replayed_as_rules_;
  // By fact: the bytes that hold a bit for each value it can take (a bool's,
  // a symbol's); 8 for a number, whose asserted values may be any.
  std::vector<std::uint8_t> bit_bytes_;
};

}  // namespace backtriage::engine
