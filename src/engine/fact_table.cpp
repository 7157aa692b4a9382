#include "engine/fact_table.h"

#include <algorithm>

namespace backtriage::engine {

namespace {
// Whether `value` is in `values`, whose small-number members are `bits`.
bool contains(const std::vector<Value>& values, std::uint64_t bits, Value value) {
  if (std::uint64_t bit = small_bit(value)) return (bits & bit) != 0;
  return std::find(values.begin(), values.end(), value) != values.end();
}
}  // namespace

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

bool FactTable::is_certain(FactId fact, Value value) const {
  return contains(states_[fact].certain, states_[fact].certain_bits, value);
}

std::optional<Value> FactTable::best_certain(FactId fact) const {
  const auto& certain = states_[fact].certain;
  if (certain.empty()) return std::nullopt;
  return *std::min_element(certain.begin(), certain.end());
}

bool FactTable::could_change(FactId fact, Value value) const {
  const auto& certain = states_[fact].certain;
  switch (decl(fact).type) {
    case FactType::Ranked: return certain.empty() || value < *best_certain(fact);
    case FactType::Set: return !contains(certain, states_[fact].certain_bits, value);
    default: return certain.empty();  // decided: firing could only agree, or clash
  }
}

}  // namespace backtriage::engine
