#pragma once
// Three-valued (Kleene) logic: a condition over unanswered questions may be
// neither true nor false yet. Unknown is what lets the evaluator say which
// questions can still change a result.
#include <cstdint>

namespace backtriage::engine {

enum class Tri : std::uint8_t { False, Unknown, True };

constexpr Tri tri_not(Tri t) {
  return t == Tri::True ? Tri::False : t == Tri::False ? Tri::True : Tri::Unknown;
}
constexpr Tri tri_and(Tri a, Tri b) {
  return a < b ? a : b;
}
constexpr Tri tri_or(Tri a, Tri b) {
  return a > b ? a : b;
}

const char* to_string(Tri t);

}  // namespace backtriage::engine
