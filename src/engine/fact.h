#pragma once
// Declarations of the facts a knowledge base reasons about. Inputs are the
// facts a person answers (questions); everything else is derived by rules.
#include <cstdint>
#include <string>
#include <vector>

namespace backtriage::engine {

using FactId = int;

// Choice: one value of a list. Set: any number of values of a list. Ranked:
// a choice whose rules may assert several values, of which the one listed
// first wins (a ladder of urgency: "the most urgent step that applies").
enum class FactType : std::uint8_t { Bool, Number, Choice, Set, Ranked };

struct FactDecl {
  std::string id;
  FactType type = FactType::Bool;
  // Choice, set and ranked facts: the values they may take, by index; for a
  // ranked fact the index is the rank, 0 winning over all others.
  std::vector<std::string> symbols;
  bool is_input = false;
  // An input that, once nobody will ask it any more, counts as declined (no
  // value for good) rather than open: rules reading it then see a fact that
  // is absent, and the evaluation says which declined inputs mattered.
  bool optional = false;

  bool single_valued() const { return type != FactType::Set; }
  // Whether two different values asserted for this fact are a conflict; a
  // ranked fact keeps the best instead.
  bool conflicts_on_disagreement() const {
    return type != FactType::Set && type != FactType::Ranked;
  }
  bool has_symbols() const {
    return type == FactType::Choice || type == FactType::Set || type == FactType::Ranked;
  }
  // Index of `symbol` in `symbols`, or -1.
  int symbol_index(const std::string& symbol) const;
};

const char* to_string(FactType type);

}  // namespace backtriage::engine
