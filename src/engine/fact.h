#pragma once
// Declarations of the facts a knowledge base reasons about. Inputs are the
// facts a person answers (questions); everything else is derived by rules.
#include <string>
#include <vector>

namespace backtriage::engine {

using FactId = int;

enum class FactType { Bool, Number, Choice, Set };

struct FactDecl {
  std::string id;
  FactType type = FactType::Bool;
  // Choice and set facts: the values they may take, by index.
  std::vector<std::string> symbols;
  bool is_input = false;

  bool single_valued() const { return type != FactType::Set; }
  // Index of `symbol` in `symbols`, or -1.
  int symbol_index(const std::string& symbol) const;
};

const char* to_string(FactType type);

}  // namespace backtriage::engine
