#pragma once
// SVG path data, written fast: numbers with one decimal exactly as "{:.1f}"
// writes them, straight lines and circles. Paths are most of an animated
// figure's bytes, and a handout has thousands, so they are appended to a
// string with to_chars rather than put through format strings.
#include <string>

#include "ruleset/figure.h"

namespace backtriage::report {

// `x` with one decimal, as "{:.1f}" writes it (exactly rounded, "-0.0" too).
void append_one_decimal(std::string& out, double x);
std::string one_decimal(double x);

// "Mx yLx y": a straight line from `a` to `b`.
void append_line_path(std::string& d, ruleset::Point a, ruleset::Point b);
std::string line_path(ruleset::Point a, ruleset::Point b);
// A circle about `c`, as two arcs.
std::string circle_path(ruleset::Point c, double r);

}  // namespace backtriage::report
