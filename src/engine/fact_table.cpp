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
  if (contains(state.certain, state.certain_bits, value)) return false;
  state.certain.push_back(value);
  state.certain_bits |= small_bit(value);
  if (!contains(state.possible, state.possible_bits, value)) {
    state.possible.push_back(value);
    state.possible_bits |= small_bit(value);
  }
  return true;
}

bool FactTable::add_possible(FactId fact, Value value) {
  auto& state = states_[fact];
  if (contains(state.possible, state.possible_bits, value)) return false;
  state.possible.push_back(value);
  state.possible_bits |= small_bit(value);
  return true;
}

}  // namespace backtriage::engine
