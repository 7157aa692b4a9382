#include "engine/condition_program.h"

#include <algorithm>

namespace backtriage::engine {

ConditionProgram::ConditionProgram(std::span<const Condition* const> conditions,
                                   const std::vector<FactDecl>& facts) {
  // Sized first: a single triage takes its memory from an arena that keeps
  // what a growing array leaves behind, and every page it touches costs.
  std::size_t parts = 0, operands = 0;
  for (const Condition* c : conditions)
    c->for_each_part([&](const Condition& part) {
      ++parts;
      operands += part.operands.size();
    });
  steps_.reserve(parts);
  operands_.reserve(operands);
  for (const Condition* c : conditions) add(*c, facts);
}

namespace {

bool holds(Condition::Op op, Value actual, std::span<const Value> operands) {
  const Value expected = operands.front();
  switch (op) {
    case Condition::Op::Eq: return actual == expected;
    case Condition::Op::Ne: return actual != expected;
    case Condition::Op::Lt: return actual < expected;
    case Condition::Op::Le: return actual <= expected;
    case Condition::Op::Gt: return actual > expected;
    case Condition::Op::Ge: return actual >= expected;
    case Condition::Op::In:
      return std::find(operands.begin(), operands.end(), actual) != operands.end();
  }
  return false;
}

// The symbols of `decl` (a fact with at most 64) that satisfy the
// comparison `op` with `operands`, as bits; 0 for a fact without symbols.
// Such a fact only ever holds its symbols' indices (the loader resolves
// every value written for it), so any comparison of it, `ne` and `lt` as
// much as `eq`, is a test of which of those bits it holds.
std::uint64_t matching_symbols(Condition::Op op, std::span<const Value> operands,
                               const FactDecl& decl) {
  if (!decl.has_symbols() || decl.symbols.size() > 64 || operands.empty()) return 0;
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < decl.symbols.size(); ++i)
    if (holds(op, Value::symbol(static_cast<int>(i)), operands)) bits |= std::uint64_t{1} << i;
  return bits;
}

Tri present(const FactTable& facts, FactId fact) {
  if (!facts.certain(fact).empty()) return Tri::True;
  return facts.surely_absent(fact) ? Tri::False : Tri::Unknown;
}

}  // namespace

// Appends `c` and its parts, each after the part it is in: the order of
// Condition::for_each_part, so a step's index is its part's number.
void ConditionProgram::add(const Condition& c, const std::vector<FactDecl>& facts) {
  const std::size_t at = steps_.size();
  steps_.emplace_back();
  Step s;
  s.op = c.op;
  s.fact = c.fact;
  s.count = c.count;
  if (c.fact >= 0) s.type = facts[c.fact].type;
  switch (c.kind) {
    case Condition::Kind::All: s.code = Code::All; break;
    case Condition::Kind::Any: s.code = Code::Any; break;
    case Condition::Kind::Not: s.code = Code::Not; break;
    case Condition::Kind::AtLeast: s.code = Code::AtLeast; break;
    case Condition::Kind::Present: s.code = Code::Present; break;
    case Condition::Kind::Absent: s.code = Code::Absent; break;
    case Condition::Kind::Compare: {
      // Nothing matching is left to `compare`: an open fact is unknown
      // there, where a mask of no bits would say false.
      if (const std::uint64_t bits = matching_symbols(c.op, c.operands, facts[c.fact])) {
        s.code = s.type == FactType::Ranked ? Code::RankedMask : Code::Mask;
        s.bits = bits;
        break;
      }
      // `eq` compares with its first operand, `in` with any; a ranked
      // fact's value is its best certain one, which this mask cannot tell.
      std::uint64_t bits = 0;
      if ((c.op == Condition::Op::Eq || c.op == Condition::Op::In) && !c.operands.empty() &&
          s.type != FactType::Ranked) {
        const std::size_t tested = c.op == Condition::Op::Eq ? 1 : c.operands.size();
        for (std::size_t i = 0; i < tested; ++i) {
          const std::uint64_t bit = small_bit(c.operands[i]);
          if (bit == 0) {
            bits = 0;
            break;
          }
          bits |= bit;
        }
      }
      if (bits != 0) {
        s.code = Code::Mask;
        s.bits = bits;
        break;
      }
      s.code = Code::Compare;
      s.bits = operands_.size();
      s.count = static_cast<std::int32_t>(c.operands.size());
      operands_.insert(operands_.end(), c.operands.begin(), c.operands.end());
      break;
    }
  }
  for (const Condition& child : c.children) add(child, facts);
  s.end = static_cast<std::int32_t>(steps_.size());
  steps_[at] = s;
}

// A comparison the masks do not answer. A value that is certain decides;
// failing that, a value that is only possible makes the result unknown, and
// a fact that nothing can assert compares false (even with `ne`: write
// `not: {fact: value}` to mean "differs or is absent").
Tri ConditionProgram::compare(const Step& s, const FactTable& facts) const {
  if (facts.open(s.fact)) return Tri::Unknown;
  const std::span<const Value> operands(operands_.data() + s.bits,
                                        static_cast<std::size_t>(s.count));
  auto matches = [&](Value v) { return holds(s.op, v, operands); };
  const auto certain = facts.certain(s.fact);
  const auto possible = facts.possible(s.fact);
  if (s.type == FactType::Ranked) {
    // The value is the best certain one, unless a better one that is only
    // possible still comes true: the candidates are those. Without a
    // certain value the fact may also stay absent, so it is never true.
    const auto best = facts.best_certain(s.fact);
    bool some_match = best && matches(*best), all_match = some_match;
    for (Value v : possible) {
      if (best && !(v < *best)) continue;
      if (matches(v))
        some_match = true;
      else
        all_match = false;
    }
    if (!some_match) return Tri::False;
    return all_match ? Tri::True : Tri::Unknown;
  }
  if (s.type == FactType::Set) {
    // A set "equals" a value when it contains it (and `in`: any of them).
    if (std::any_of(certain.begin(), certain.end(), matches)) return Tri::True;
    return std::any_of(possible.begin(), possible.end(), matches) ? Tri::Unknown : Tri::False;
  }
  if (!certain.empty()) return matches(certain.front()) ? Tri::True : Tri::False;
  return std::any_of(possible.begin(), possible.end(), matches) ? Tri::Unknown : Tri::False;
}

// A mask gives what `compare` gives (FactTable::ForMask says how; the
// tests hold the two to each other).
[[gnu::always_inline]] inline Tri ConditionProgram::leaf(const Step& s,
                                                         const FactTable& facts) const {
  switch (s.code) {
    case Code::Mask: return mask(s, facts);
    case Code::RankedMask: return ranked_mask(s, facts);
    case Code::Compare: return compare(s, facts);
    case Code::Present: return present(facts, s.fact);
    case Code::Absent: return tri_not(present(facts, s.fact));
    default: return Tri::Unknown;  // not a leaf
  }
}

Tri ConditionProgram::truth_of(int part, const FactTable& facts) const {
  const Step& s = steps_[part];
  // A child that is a comparison is tested here, without a call: most are.
  auto child_truth = [&](int child) {
    const Step& c = steps_[child];
    return c.code >= Code::Mask ? leaf(c, facts) : truth_of(child, facts);
  };
  switch (s.code) {
    case Code::All: {
      Tri result = Tri::True;
      for (int child = part + 1; child < s.end; child = steps_[child].end) {
        result = tri_and(result, child_truth(child));
        if (result == Tri::False) break;
      }
      return result;
    }
    case Code::Any: {
      Tri result = Tri::False;
      for (int child = part + 1; child < s.end; child = steps_[child].end) {
        result = tri_or(result, child_truth(child));
        if (result == Tri::True) break;
      }
      return result;
    }
    case Code::AtLeast: {
      int holding = 0, undecided = 0;
      for (int child = part + 1; child < s.end; child = steps_[child].end) {
        const Tri t = child_truth(child);
        holding += t == Tri::True;
        undecided += t == Tri::Unknown;
        if (holding >= s.count) return Tri::True;
      }
      return holding >= s.count               ? Tri::True  // at least none, of none
             : holding + undecided >= s.count ? Tri::Unknown
                                              : Tri::False;
    }
    case Code::Not: return tri_not(child_truth(part + 1));
    default: return leaf(s, facts);
  }
}

Tri ConditionProgram::truth_noting_unknown(int part, const FactTable& facts,
                                           std::vector<FactId>& unknown) const {
  const Step& s = steps_[part];
  if (s.code >= Code::Mask) {
    const Tri t = leaf(s, facts);
    if (t == Tri::Unknown) unknown.push_back(s.fact);
    return t;
  }
  // Every child is evaluated: each unknown leaf is wanted, not the first.
  const std::size_t mark = unknown.size();
  Tri t = Tri::Unknown;
  switch (s.code) {
    case Code::All:
      t = Tri::True;
      for (int child = part + 1; child < s.end; child = steps_[child].end)
        t = tri_and(t, truth_noting_unknown(child, facts, unknown));
      break;
    case Code::Any:
      t = Tri::False;
      for (int child = part + 1; child < s.end; child = steps_[child].end)
        t = tri_or(t, truth_noting_unknown(child, facts, unknown));
      break;
    case Code::AtLeast: {
      int holding = 0, undecided = 0;
      for (int child = part + 1; child < s.end; child = steps_[child].end) {
        const Tri child_t = truth_noting_unknown(child, facts, unknown);
        holding += child_t == Tri::True;
        undecided += child_t == Tri::Unknown;
      }
      t = holding >= s.count               ? Tri::True
          : holding + undecided >= s.count ? Tri::Unknown
                                           : Tri::False;
      break;
    }
    case Code::Not: t = tri_not(truth_noting_unknown(part + 1, facts, unknown)); break;
    default: break;
  }
  // A decided part no longer waits on anything below it.
  if (t != Tri::Unknown) unknown.resize(mark);
  return t;
}

}  // namespace backtriage::engine
