#pragma once
// Working memory: what is known about every fact during an evaluation.
//
// Each fact keeps two growing lists: `certain` values, asserted by rules whose
// condition is true (or given as an answer), and `possible` values, which
// also include those a rule with an unknown condition would assert. An
// unanswered input is `open`: it may yet take any value; a declined input
// has no value and never will. Both lists only grow, which is what makes
// forward chaining terminate. Beside the lists, a bit mask of the values
// that are small whole numbers (a bool, a symbol's index) answers "is this
// value among them" with one test; and two more answer a comparison `eq` or
// `in` over such values at once (ForMask).
#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/fact.h"
#include "engine/value.h"

namespace backtriage::engine {

// The bit standing for a value that is a whole number from 0 to 63, or 0
// for any other value (which the lists alone hold).
constexpr std::uint64_t small_bit(Value value) {
  const double x = value.as_number();
  if (!(x >= 0.0 && x < 64.0)) return 0;
  const auto n = static_cast<unsigned>(x);
  return static_cast<double>(n) == x ? std::uint64_t{1} << n : 0;
}

class FactTable {
 public:
  // For a comparison `eq` / `in` whose operands are small whole numbers
  // with bits `b` (a fact not ranked): it is true when `holds & b`, else
  // unknown when `may_hold & b`, else false. For a set, `holds` is its
  // certain values and `may_hold` its possible ones; for a single value,
  // the same until one is certain, and then that one alone holds and
  // nothing more may; for an open input, any value may.
  struct ForMask {
    std::uint64_t holds = 0, may_hold = 0;
  };

  explicit FactTable(const std::vector<FactDecl>& decls);

  // Forgets every value of `facts` (declines them) but keeps the storage,
  // so batch runs reuse it.
  void forget(std::span<const FactId> facts) {
    for (FactId f : facts) empty(f, false);
  }
  // Takes what `other` (a table of the same facts) knows about `fact`.
  void copy_fact(const FactTable& other, FactId fact) {
    states_[fact] = other.states_[fact];
    masks_[fact] = other.masks_[fact];
  }

  void answer(FactId fact, Value value) {
    State& state = states_[fact];
    state.open = false;
    state.certain.clear();
    state.certain.push_back(value);
    state.possible.clear();
    state.possible.push_back(value);
    const std::uint64_t bit = small_bit(value);
    state.certain_bits = state.possible_bits = bit;
    masks_[fact] = {bit, state.single ? 0 : bit};
  }
  void set_open(FactId fact);
  void decline(FactId fact);

  // Each returns true when the fact's state changed.
  bool add_certain(FactId fact, Value value) { return add_certain(fact, value, small_bit(value)); }
  bool add_possible(FactId fact, Value value) {
    return add_possible(fact, value, small_bit(value));
  }
  // The same, with the value's small_bit worked out before (a rule's, once).
  bool add_certain(FactId fact, Value value, std::uint64_t bit);
  bool add_possible(FactId fact, Value value, std::uint64_t bit);

  const FactDecl& decl(FactId fact) const { return (*decls_)[fact]; }
  std::size_t size() const { return states_.size(); }
  bool open(FactId fact) const { return states_[fact].open; }
  std::span<const Value> certain(FactId fact) const { return states_[fact].certain; }
  std::span<const Value> possible(FactId fact) const { return states_[fact].possible; }
  bool is_certain(FactId fact, Value value) const {
    return contains(states_[fact].certain, states_[fact].certain_bits, value);
  }
  // The small-number values (see small_bit) that are certain / possible.
  std::uint64_t certain_bits(FactId fact) const { return states_[fact].certain_bits; }
  std::uint64_t possible_bits(FactId fact) const { return states_[fact].possible_bits; }
  const ForMask& for_mask(FactId fact) const { return masks_[fact]; }
  // What ForMask says, worked out from the fact's state; the changes keep
  // it so step by step (tests/engine/fact_table_test.cpp holds them to it).
  ForMask mask_from_state(FactId fact) const {
    const State& state = states_[fact];
    if (state.open) return {0, ~std::uint64_t{0}};
    if (!state.single) return {state.certain_bits, state.possible_bits};
    if (state.certain.empty()) return {0, state.possible_bits};
    // The value is the first certain one: what a second would clash with.
    return {small_bit(state.certain.front()), 0};
  }

  // Ranked facts: the best (lowest-ranked) of the certain values, or none.
  std::optional<Value> best_certain(FactId fact) const {
    const State& state = states_[fact];
    if (state.certain.empty()) return std::nullopt;
    // Every value small (a symbol's index): the lowest bit is the best.
    if (static_cast<std::size_t>(std::popcount(state.certain_bits)) == state.certain.size())
      return Value::number(std::countr_zero(state.certain_bits));
    return *std::min_element(state.certain.begin(), state.certain.end());
  }
  // Ranked facts: whether `value` still matters — no certain value is
  // already as good or better. For any other fact: whether it is not yet
  // certain and, for a single value, that no other value is.
  bool could_change(FactId fact, Value value) const {
    const State& state = states_[fact];
    switch (decl(fact).type) {
      case FactType::Ranked: return state.certain.empty() || value < *best_certain(fact);
      case FactType::Set: return !contains(state.certain, state.certain_bits, value);
      default: return state.certain.empty();  // decided: firing could only agree, or clash
    }
  }

  // True when nothing can give the fact a value any more.
  bool surely_absent(FactId fact) const {
    return !states_[fact].open && states_[fact].possible.empty();
  }

 private:
  // Whether `value` is in `values`, whose small-number members are `bits`.
  static bool contains(const std::vector<Value>& values, std::uint64_t bits, Value value) {
    if (std::uint64_t bit = small_bit(value)) return (bits & bit) != 0;
    return std::find(values.begin(), values.end(), value) != values.end();
  }

  struct State {
    bool open = false;
    bool single = false;  // two values would clash: neither a set nor ranked
    std::vector<Value> certain;
    std::vector<Value> possible;  // a superset of certain
    std::uint64_t certain_bits = 0, possible_bits = 0;
  };

  // No value, certain or possible; open or not.
  void empty(FactId fact, bool is_open) {
    State& state = states_[fact];
    state.open = is_open;
    state.certain.clear();
    state.possible.clear();
    state.certain_bits = state.possible_bits = 0;
    masks_[fact] = {0, is_open ? ~std::uint64_t{0} : 0};
  }
  const std::vector<FactDecl>* decls_;
  std::vector<State> states_;
  // By fact, apart from the rest: a condition's commonest test reads these
  // alone, and all of them fit in a few cache lines.
  std::vector<ForMask> masks_;
};

}  // namespace backtriage::engine
