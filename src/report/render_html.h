#pragma once
// The report as a printable handout: one self-contained HTML5 file (no
// script, no network, no fonts or images fetched). It opens with the level
// and what to do now; with a level that gives the routine, every exercise
// follows with its figure (render_figure.h), purpose, equipment, numbered
// steps and dose, then what to avoid, safe activities, tips and the plan on
// a page of its own with tick boxes. Any other level gets only the warning
// signs and what to do. Under the headline it says what it rests on: the
// date it was made, the kind of pain, and (further down) what it assumed.
// A print stylesheet sets the paper, lays the exercises two to a row, never
// splits one across pages, and keeps the disclaimer on every page; on a
// phone nothing overflows sideways.
#include <span>
#include <string>
#include <string_view>

#include "report/date.h"
#include "report/drawn_figures.h"
#include "report/report.h"

namespace backtriage::report {

enum class Paper { A4, Letter };

struct HtmlOptions {
  Date made_on;  // shown on the handout, so a clinician knows how old it is
  Paper paper = Paper::A4;
  // Figures drawn ahead of time, pasted when one is this handout's own
  // (drawn_figures.h); none: each is drawn here.
  std::span<const DrawnFigure> drawn;
};

// The id a handout gives an exercise's figures: their SVG ids and animation
// names start with it.
std::string figure_id(std::string_view exercise_id);

std::string render_html(const Report& report, const HtmlOptions& options);

}  // namespace backtriage::report
