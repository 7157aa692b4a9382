#include "report/drawn_figures.h"

#include <string>

#include "ruleset/compact_rule_set.h"

namespace backtriage::report {

const DrawnFigure* find_drawn(const ruleset::Figure& figure, std::string_view id,
                              std::span<const DrawnFigure> drawn) {
  if (drawn.empty()) return nullptr;
  const std::string bytes = ruleset::write_compact(figure);
  for (const DrawnFigure& d : drawn)
    if (d.id == id && d.figure == bytes) return &d;
  return nullptr;
}

}  // namespace backtriage::report
