#include "engine/fact_table.h"

#include <algorithm>

namespace backtriage::engine {

FactTable::FactTable(const std::vector<FactDecl>& decls) : decls_(&decls), states_(decls.size()) {}

void FactTable::reset() {
  for (auto& state : states_) state.empty(false);
}

void FactTable::answer(FactId fact, Value value) {
  auto& state = states_[fact];
  state.open = false;
  state.certain.assign(1, value);
  state.possible.assign(1, value);
  state.certain_bits = state.possible_bits = small_bit(value);
}

void FactTable::set_open(FactId fact) {
  states_[fact].empty(true);
}

void FactTable::decline(FactId fact) {
  states_[fact].empty(false);
}

bool FactTable::add_certain(FactId fact, Value value) {
  auto& state = states_[fact];
  // A small value's bit answers "already there?" for both lists at once;
  // batch asserts some thirty values a line.
  if (const std::uint64_t bit = small_bit(value)) {
    if (state.certain_bits & bit) return false;
    state.certain.push_back(value);
    state.certain_bits |= bit;
    if (!(state.possible_bits & bit)) {
      state.possible.push_back(value);
      state.possible_bits |= bit;
    }
    return true;
  }
  if (contains(state.certain, 0, value)) return false;
  state.certain.push_back(value);
  if (!contains(state.possible, 0, value)) state.possible.push_back(value);
  return true;
}

bool FactTable::add_possible(FactId fact, Value value) {
  auto& state = states_[fact];
  if (const std::uint64_t bit = small_bit(value)) {
    if (state.possible_bits & bit) return false;
    state.possible.push_back(value);
    state.possible_bits |= bit;
    return true;
  }
  if (contains(state.possible, 0, value)) return false;
  state.possible.push_back(value);
  return true;
}

}  // namespace backtriage::engine
