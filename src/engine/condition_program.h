#pragma once
// What a condition means, compiled: every rule's condition as one flat
// array of steps, a step for each part, numbered as the parts are
// (KnowledgeBase::first_part: the order Condition::for_each_part visits
// them, each part before its own parts). A step knows where the steps
// below it end, so evaluation walks an array and jumps over what a short
// circuit need not see; and a comparison holds everything it tests — the
// fact's type, and as a bit mask the values that satisfy it, for a fact of
// symbols (any comparison: `ne`, `lt` on a ranked level) or `eq` / `in` over
// small whole numbers (a bool): most comparisons — so neither the tree nor
// the fact's declaration is visited. Condition is what the rule file says;
// this is the only place its truth is worked out.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/condition.h"
#include "engine/fact.h"
#include "engine/fact_table.h"
#include "engine/tri.h"
#include "engine/value.h"

namespace backtriage::engine {

class ConditionProgram {
 public:
  ConditionProgram() = default;
  // The steps of `conditions`, one after another: the first's parts are
  // numbered from 0, the next's from where the first's end, and so on.
  ConditionProgram(std::span<const Condition* const> conditions,
                   const std::vector<FactDecl>& facts);

  // The truth of part `part` (and so of the condition, for its first part)
  // with what `facts` knows. An open input may take any value; a fact that
  // nothing can assert any more is absent, and a comparison with it false.
  Tri truth(int part, const FactTable& facts) const {
    // A comparison by mask, the commonest part and a whole condition of
    // many rules, is tested here without a call.
    const Step& s = steps_[part];
    if (s.code == Code::Mask) return mask(s, facts);
    // Nor is an `all` whose first part, a mask, is false: most rules'
    // conditions, on most lines.
    if (s.code == Code::All && s.end > part + 1 && steps_[part + 1].code == Code::Mask &&
        mask(steps_[part + 1], facts) == Tri::False)
      return Tri::False;
    return truth_of(part, facts);
  }
  // The same, without short circuits, and appending to `unknown` the fact
  // of each comparison or presence test that is unknown while every part it
  // is in is unknown too: those whose answer can still change the whole.
  Tri truth_noting_unknown(int part, const FactTable& facts, std::vector<FactId>& unknown) const;

  int size() const { return static_cast<int>(steps_.size()); }

 private:
  enum class Code : std::uint8_t {
    All,
    Any,
    Not,
    AtLeast,
    Mask,        // any comparison of a symbol fact not ranked; eq / in over small numbers
    RankedMask,  // any comparison of a ranked fact
    Compare,     // any other comparison
    Present,
    Absent
  };
  // 24 bytes: a start compiles every rule, and each page it touches costs
  // more than the instructions.
  struct Step {
    // Mask, RankedMask: the bits (small_bit) of the values that satisfy
    // the comparison; Compare: where its operands start in operands_.
    std::uint64_t bits = 0;
    std::int32_t end = 0;  // the number after its last part
    FactId fact = -1;
    std::int32_t count = 0;  // AtLeast: how many must hold; Compare: how many operands
    Code code = Code::All;
    Condition::Op op = Condition::Op::Eq;
    FactType type = FactType::Bool;  // of `fact`
  };
  static_assert(sizeof(Step) == 24);
  void add(const Condition& c, const std::vector<FactDecl>& facts);
  static Tri mask(const Step& s, const FactTable& facts) {
    const FactTable::ForMask& m = facts.for_mask(s.fact);
    return (m.holds & s.bits) ? Tri::True : (m.may_hold & s.bits) ? Tri::Unknown : Tri::False;
  }
  // A ranked fact's value is its best (lowest) certain value, unless a
  // better one, only possible, comes true: with no certain value it may
  // also stay absent, so it is never true. For a ranked fact, ForMask holds
  // the certain values' bits and may_hold the possible ones'.
  static Tri ranked_mask(const Step& s, const FactTable& facts) {
    const FactTable::ForMask& m = facts.for_mask(s.fact);
    if (m.holds == 0) return (m.may_hold & s.bits) ? Tri::Unknown : Tri::False;
    const std::uint64_t best = m.holds & (~m.holds + 1);  // the lowest bit
    const std::uint64_t better = m.may_hold & (best - 1);
    if (((best | better) & s.bits) == 0) return Tri::False;
    return (best & s.bits) && (better & ~s.bits) == 0 ? Tri::True : Tri::Unknown;
  }
  Tri truth_of(int part, const FactTable& facts) const;
  Tri compare(const Step& s, const FactTable& facts) const;
  // A leaf: a comparison or presence test.
  Tri leaf(const Step& s, const FactTable& facts) const;

  std::vector<Step> steps_;
  std::vector<Value> operands_;
};

}  // namespace backtriage::engine
