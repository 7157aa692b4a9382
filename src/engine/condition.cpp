#include "engine/condition.h"

#include <algorithm>
#include <span>

#include "engine/fact_table.h"

namespace backtriage::engine {

Condition Condition::all(std::vector<Condition> children) {
  Condition c;
  c.kind = Kind::All;
  c.children = std::move(children);
  return c;
}

Condition Condition::any(std::vector<Condition> children) {
  Condition c;
  c.kind = Kind::Any;
  c.children = std::move(children);
  return c;
}

Condition Condition::negate(Condition child) {
  Condition c;
  c.kind = Kind::Not;
  c.children.push_back(std::move(child));
  return c;
}

Condition Condition::at_least(int count, std::vector<Condition> children) {
  Condition c;
  c.kind = Kind::AtLeast;
  c.count = count;
  c.children = std::move(children);
  return c;
}

Condition Condition::compare(FactId fact, Op op, std::vector<Value> operands) {
  Condition c;
  c.kind = Kind::Compare;
  c.fact = fact;
  c.op = op;
  c.operands = std::move(operands);
  c.compile();
  return c;
}

void Condition::compile() {
  for (auto& child : children) child.compile();
  operand_bits = 0;
  if (kind != Kind::Compare || (op != Op::Eq && op != Op::In) || operands.empty()) return;
  std::uint64_t bits = 0;
  const auto tested = op == Op::Eq ? 1 : operands.size();  // eq compares the first only
  for (Value v : std::span(operands).first(tested)) {
    const std::uint64_t bit = small_bit(v);
    if (bit == 0) return;
    bits |= bit;
  }
  operand_bits = bits;
}

Condition Condition::present(FactId fact) {
  Condition c;
  c.kind = Kind::Present;
  c.fact = fact;
  return c;
}

Condition Condition::absent(FactId fact) {
  Condition c;
  c.kind = Kind::Absent;
  c.fact = fact;
  return c;
}

namespace {

bool holds(Condition::Op op, Value actual, const std::vector<Value>& operands) {
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

// `eq` / `in` over small numbers of a fact that is not ranked, as masks:
// the same tests as compare_fact's below. Most parts of a rule set's
// conditions are these, and this is small enough to stay inside the loops
// over a condition's parts, where a call to evaluate costs more than the
// test (Condition::truth). False when `c` is any other kind of part.
inline bool mask_compare(const FactTable& facts, const Condition& c, Tri& out) {
  if (c.operand_bits == 0) return false;  // not a comparison, or not by mask
  if (facts.open(c.fact)) {
    out = Tri::Unknown;
    return true;
  }
  const FactType type = facts.decl(c.fact).type;
  if (type == FactType::Ranked) return false;
  const auto certain = facts.certain(c.fact);
  if (type == FactType::Set || certain.empty())
    out = (facts.certain_bits(c.fact) & c.operand_bits)    ? Tri::True
          : (facts.possible_bits(c.fact) & c.operand_bits) ? Tri::Unknown
                                                           : Tri::False;
  else
    out = (small_bit(certain.front()) & c.operand_bits) ? Tri::True : Tri::False;
  return true;
}

// A comparison over one fact. An open input may take any value, so the
// answer is unknown. Otherwise a value that is certain decides; failing
// that, a value that is only possible makes the result unknown, and a fact
// that nothing can assert compares false (even with `ne`: write
// `not: {fact: value}` to mean "differs or is absent").
Tri compare_fact(const FactTable& facts, const Condition& c) {
  if (Tri t; mask_compare(facts, c, t)) return t;
  if (facts.open(c.fact)) return Tri::Unknown;
  auto matches = [&](Value v) { return holds(c.op, v, c.operands); };
  auto certain = facts.certain(c.fact);
  auto possible = facts.possible(c.fact);
  if (facts.decl(c.fact).type == FactType::Ranked) {
    // The value is the best certain one, unless a better one that is only
    // possible still comes true: the candidates are those. Without a
    // certain value the fact may also stay absent, so it is never true.
    auto best = facts.best_certain(c.fact);
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
  if (facts.decl(c.fact).type == FactType::Set) {
    // A set "equals" a value when it contains it (and `in`: any of them).
    if (std::any_of(certain.begin(), certain.end(), matches)) return Tri::True;
    return std::any_of(possible.begin(), possible.end(), matches) ? Tri::Unknown : Tri::False;
  }
  if (!certain.empty()) return matches(certain.front()) ? Tri::True : Tri::False;
  return std::any_of(possible.begin(), possible.end(), matches) ? Tri::Unknown : Tri::False;
}

Tri fact_present(const FactTable& facts, FactId fact) {
  if (!facts.certain(fact).empty()) return Tri::True;
  return facts.surely_absent(fact) ? Tri::False : Tri::Unknown;
}

}  // namespace

Tri Condition::truth(const FactTable& facts) const {
  Tri t;
  return mask_compare(facts, *this, t) ? t : evaluate(facts);
}

Tri Condition::evaluate(const FactTable& facts) const {
  switch (kind) {
    case Kind::All: {
      Tri result = Tri::True;
      for (const auto& child : children) {
        result = tri_and(result, child.truth(facts));
        if (result == Tri::False) break;
      }
      return result;
    }
    case Kind::Any: {
      Tri result = Tri::False;
      for (const auto& child : children) {
        result = tri_or(result, child.truth(facts));
        if (result == Tri::True) break;
      }
      return result;
    }
    case Kind::AtLeast: {
      int holding = 0, undecided = 0;
      for (const auto& child : children) {
        Tri t = child.truth(facts);
        holding += t == Tri::True;
        undecided += t == Tri::Unknown;
        if (holding >= count) return Tri::True;
      }
      return holding + undecided >= count ? Tri::Unknown : Tri::False;
    }
    case Kind::Not: return tri_not(children.front().evaluate(facts));
    case Kind::Compare: return compare_fact(facts, *this);
    case Kind::Present: return fact_present(facts, fact);
    case Kind::Absent: return tri_not(fact_present(facts, fact));
  }
  return Tri::Unknown;
}

const char* to_string(Condition::Op op) {
  switch (op) {
    case Condition::Op::Eq: return "eq";
    case Condition::Op::Ne: return "ne";
    case Condition::Op::Lt: return "lt";
    case Condition::Op::Le: return "le";
    case Condition::Op::Gt: return "gt";
    case Condition::Op::Ge: return "ge";
    case Condition::Op::In: return "in";
  }
  return "?";
}

}  // namespace backtriage::engine
