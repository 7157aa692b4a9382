#include "engine/fact.h"

#include <algorithm>

#include "engine/tri.h"

namespace backtriage::engine {

int FactDecl::symbol_index(const std::string& symbol) const {
  auto it = std::find(symbols.begin(), symbols.end(), symbol);
  return it == symbols.end() ? -1 : static_cast<int>(it - symbols.begin());
}

const char* to_string(FactType type) {
  switch (type) {
    case FactType::Bool: return "bool";
    case FactType::Number: return "number";
    case FactType::Choice: return "choice";
    case FactType::Set: return "set";
    case FactType::Ranked: return "ranked";
  }
  return "?";
}

const char* to_string(Tri t) {
  switch (t) {
    case Tri::False: return "false";
    case Tri::Unknown: return "unknown";
    case Tri::True: return "true";
  }
  return "?";
}

}  // namespace backtriage::engine
