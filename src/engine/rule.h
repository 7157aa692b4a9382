#pragma once
// A rule: when a condition holds, assert values of facts. `source` names
// the guideline or article section the knowledge comes from.
#include <string>
#include <vector>

#include "engine/condition.h"

namespace backtriage::engine {

struct Assertion {
  FactId fact = -1;
  Value value;
};

struct Rule {
  std::string id;
  Condition when;
  std::vector<Assertion> then;
  std::string source;  // where the knowledge comes from; shown in traces
};

}  // namespace backtriage::engine
