#pragma once
// The report as a printable handout: one self-contained HTML5 file (no
// script, no network, no fonts or images fetched). It opens with the level
// and what to do now; with a level that gives the routine, every exercise
// follows with its figure (render_figure.h), purpose, equipment, numbered
// steps and dose, then what to avoid, safe activities, tips and the plan on
// a page of its own with tick boxes. Any other level gets only the warning
// signs and what to do. A print stylesheet keeps each exercise on one page
// and the disclaimer on every page; on a phone nothing overflows sideways.
#include <string>

#include "report/report.h"

namespace backtriage::report {

std::string render_html(const Report& report);

}  // namespace backtriage::report
