#pragma once
// What is drawn of an exercise's figure, back to front: the props behind it
// (a mat sized to the body, a chair, a wall, a band...), the floor, the
// limbs (the far side lighter seen from the side), the torso, the head with
// its nose, and the arrows over it all. Each shape is a style and a path
// for any pose, so the animation and the still poses (render_figure.h)
// draw the very same shapes.
#include <functional>
#include <string>
#include <vector>

#include "ruleset/figure.h"

namespace backtriage::report {

// One drawn shape: its style, and its path for a pose appended to a string
// (static shapes ignore the pose). Appending, not returning, keeps the
// thousands of paths of a handout from allocating one string each.
struct FigureShape {
  std::string style;
  std::function<void(const ruleset::Pose&, std::string&)> path;
  bool moves = true;
  bool end_only = false;  // drawn with the end pose alone (an arrow)
};

std::vector<FigureShape> figure_shapes(const ruleset::Figure& figure);

}  // namespace backtriage::report
