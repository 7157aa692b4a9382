#pragma once
// Figures drawn ahead of time. Drawing an exercise's figure (ten poses,
// thousands of numbers) was most of a handout's work, and the embedded rule
// set's figures are known when the program is built: the build draws them
// (src/report/draw/draw_figures_main.cpp) and a handout pastes the drawing
// made from exactly its figure and id. A figure that differs in any field
// (another rule file, an edited pose) is drawn afresh, so a drawing found
// is the drawing the handout would have made on the machine that built the
// program. (glibc picks its sin, cos and atan2 by CPU, and they may differ
// in a last bit: a figure drawn afresh on another CPU could, rarely, print
// one number a tenth apart. The embedded set's handouts now come out the
// same everywhere.)
#include <span>
#include <string_view>

#include "report/render_figure.h"
#include "ruleset/figure.h"

namespace backtriage::report {

struct DrawnFigure {
  std::string_view figure;  // ruleset::write_compact(figure)
  std::string_view id;      // FigureText::id
  std::string_view animated, poses;
};

// The drawing made ahead of time from exactly `figure` and `id`, if any.
const DrawnFigure* find_drawn(const ruleset::Figure& figure, std::string_view id,
                              std::span<const DrawnFigure> drawn);

// The embedded rule set's figures, drawn at build time: defined in the
// generated embedded_figures.cpp (library backtriage_report_embedded).
std::span<const DrawnFigure> embedded_drawn_figures();

}  // namespace backtriage::report
