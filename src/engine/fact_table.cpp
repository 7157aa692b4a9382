#include "engine/fact_table.h"

#include <algorithm>

namespace backtriage::engine {

FactTable::FactTable(const std::vector<FactDecl>& decls)
    : decls_(&decls), states_(decls.size()), masks_(decls.size()) {
  for (std::size_t f = 0; f < decls.size(); ++f)
    states_[f].single = decls[f].conflicts_on_disagreement();
}

void FactTable::set_open(FactId fact) {
  empty(fact, true);
}

void FactTable::decline(FactId fact) {
  empty(fact, false);
}

bool FactTable::add_certain(FactId fact, Value value, std::uint64_t bit) {
  auto& state = states_[fact];
  // A small value's bit answers "already there?" for both lists at once;
  // batch asserts some thirty values a line. The mask is brought to what
  // mask_from_state says from what changed, not worked out again.
  ForMask& mask = masks_[fact];
  if (bit) {
    if (state.certain_bits & bit) return false;
    state.certain.push_back(value);
    state.certain_bits |= bit;
    if (!(state.possible_bits & bit)) {
      state.possible.push_back(value);
      state.possible_bits |= bit;
    }
    if (state.open) return true;
    if (!state.single)
      mask = {state.certain_bits, state.possible_bits};
    else if (state.certain.size() == 1)
      mask = {bit, 0};
    return true;
  }
  if (contains(state.certain, 0, value)) return false;
  state.certain.push_back(value);
  if (!contains(state.possible, 0, value)) state.possible.push_back(value);
  if (!state.open && state.single && state.certain.size() == 1) mask = {0, 0};
  return true;
}

bool FactTable::add_possible(FactId fact, Value value, std::uint64_t bit) {
  auto& state = states_[fact];
  if (bit) {
    if (state.possible_bits & bit) return false;
    state.possible.push_back(value);
    state.possible_bits |= bit;
    if (!state.open && (!state.single || state.certain.empty())) masks_[fact].may_hold |= bit;
    return true;
  }
  if (contains(state.possible, 0, value)) return false;
  state.possible.push_back(value);
  return true;
}

}  // namespace backtriage::engine
