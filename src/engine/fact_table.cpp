#include "engine/fact_table.h"

#include <algorithm>

namespace backtriage::engine {

namespace {
bool contains(const std::vector<Value>& values, Value value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}
}  // namespace

FactTable::FactTable(const std::vector<FactDecl>& decls) : decls_(&decls), states_(decls.size()) {}

void FactTable::reset() {
  for (auto& state : states_) {
    state.open = false;
    state.certain.clear();
    state.possible.clear();
  }
}

void FactTable::answer(FactId fact, Value value) {
  auto& state = states_[fact];
  state.open = false;
  state.certain.assign(1, value);
  state.possible.assign(1, value);
}

void FactTable::set_open(FactId fact) {
  auto& state = states_[fact];
  state.open = true;
  state.certain.clear();
  state.possible.clear();
}

void FactTable::decline(FactId fact) {
  auto& state = states_[fact];
  state.open = false;
  state.certain.clear();
  state.possible.clear();
}

bool FactTable::add_certain(FactId fact, Value value) {
  auto& state = states_[fact];
  if (contains(state.certain, value)) return false;
  state.certain.push_back(value);
  if (!contains(state.possible, value)) state.possible.push_back(value);
  return true;
}

bool FactTable::add_possible(FactId fact, Value value) {
  auto& state = states_[fact];
  if (contains(state.possible, value)) return false;
  state.possible.push_back(value);
  return true;
}

bool FactTable::is_certain(FactId fact, Value value) const {
  return contains(states_[fact].certain, value);
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
    case FactType::Set: return !contains(certain, value);
    default: return certain.empty();  // decided: firing could only agree, or clash
  }
}

}  // namespace backtriage::engine
