#pragma once
// Working memory: what is known about every fact during an evaluation.
//
// Each fact keeps two growing lists: `certain` values, asserted by rules whose
// condition is true (or given as an answer), and `possible` values, which
// also include those a rule with an unknown condition would assert. An
// unanswered input is `open`: it may yet take any value; a declined input
// has no value and never will. Both lists only grow, which is what makes
// forward chaining terminate.
#include <optional>
#include <span>
#include <vector>

#include "engine/fact.h"
#include "engine/value.h"

namespace backtriage::engine {

class FactTable {
 public:
  explicit FactTable(const std::vector<FactDecl>& decls);

  // Forgets every value but keeps the storage, so batch runs reuse it.
  void reset();

  void answer(FactId fact, Value value);
  void set_open(FactId fact);
  void decline(FactId fact);

  // Each returns true when the fact's state changed.
  bool add_certain(FactId fact, Value value);
  bool add_possible(FactId fact, Value value);

  const FactDecl& decl(FactId fact) const { return (*decls_)[fact]; }
  std::size_t size() const { return states_.size(); }
  bool open(FactId fact) const { return states_[fact].open; }
  std::span<const Value> certain(FactId fact) const { return states_[fact].certain; }
  std::span<const Value> possible(FactId fact) const { return states_[fact].possible; }
  bool is_certain(FactId fact, Value value) const;

  // Ranked facts: the best (lowest-ranked) of the certain values, or none.
  std::optional<Value> best_certain(FactId fact) const;
  // Ranked facts: whether `value` still matters — no certain value is
  // already as good or better. For any other fact: whether it is not yet
  // certain and, for a single value, that no other value is.
  bool could_change(FactId fact, Value value) const;

  // True when nothing can give the fact a value any more.
  bool surely_absent(FactId fact) const {
    return !states_[fact].open && states_[fact].possible.empty();
  }

 private:
  struct State {
    bool open = false;
    std::vector<Value> certain;
    std::vector<Value> possible;  // a superset of certain
  };
  const std::vector<FactDecl>* decls_;
  std::vector<State> states_;
};

}  // namespace backtriage::engine
