#pragma once
// An exercise's figure as inline SVG, drawn from the pose data in the rule
// set (ruleset/figure.h): a stick figure with thick, round-ended limbs, the
// far side lighter in a side view, and the props. Two forms:
//  - animated: one figure moving smoothly from the start pose to the end
//    pose and back, by CSS keyframes (in the SVG's own <style>) on each
//    bone's path (`d`), which the page stills for prefers-reduced-motion;
//  - poses: the start and the end pose side by side with an arrow, for print.
// Each SVG has an accessible name (the exercise) and description.
#include <string>

#include "ruleset/figure.h"

namespace backtriage::report {

struct FigureText {
  std::string id;           // unique in the page: ids and animation names derive from it
  std::string name;         // accessible name
  std::string description;  // accessible description
};

std::string figure_animated_svg(const ruleset::Figure& figure, const FigureText& text);
// `described`: the poses' description in the rule set's words ("Start and
// end positions side by side: ..."); the text's own when empty.
std::string figure_poses_svg(const ruleset::Figure& figure, const FigureText& text,
                             const std::string& described = "");

// The pose a fraction `t` of the way from `a` to `b` (0: a, 1: b), as the
// animation draws it: seen from the side, limbs turn about their joints; a
// joint in the same place in both poses stays put, one resting on the floor
// in both slides along it, and nothing goes below the floor.
ruleset::Pose pose_between(const ruleset::Figure& figure, const ruleset::Pose& a,
                           const ruleset::Pose& b, double t);

}  // namespace backtriage::report
