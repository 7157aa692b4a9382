#pragma once
// An exercise's figure as inline SVG, drawn from the pose data in the rule
// set (ruleset/figure.h): a stick figure with thick, round-ended limbs, the
// far side lighter in a side view, and the props. Two forms:
//  - animated: one figure moving smoothly from the start pose to the end
//    pose and back, by CSS keyframes (in the SVG's own <style>) on each
//    bone's path (`d`), which the page stills for prefers-reduced-motion;
//  - poses: the start and the end pose side by side with an arrow, for print.
// Each SVG has an accessible name (the exercise) and description. How the
// figure moves is figure_motion.h; what is drawn of it, figure_shapes.h.
#include <string>
#include <string_view>

#include "ruleset/figure.h"

namespace backtriage::report {

struct FigureText {
  std::string id;           // unique in the page: ids and animation names derive from it
  std::string name;         // accessible name
  std::string description;  // accessible description
};

// What each form draws inside its <svg>, after the accessible name and
// description: it depends on the figure and the text's id alone, not on any
// words, so it is made once for both forms, and can be made ahead of time
// (drawn_figures.h).
struct FigureDrawing {
  std::string animated;  // the keyframes' <style>, then the figure in its start pose
  std::string poses;     // the start and the end pose, and the arrow between them
};
FigureDrawing draw_figure(const ruleset::Figure& figure, std::string_view id);

// Each form's <svg>, with its accessible name and description, around its
// part of a drawing (FigureDrawing::animated, ::poses), appended to `out`.
void append_animated_svg(std::string& out, std::string_view drawn, const FigureText& text);
// `described`: the poses' description in the rule set's words ("Start and
// end positions side by side: ..."); the text's own when empty.
void append_poses_svg(std::string& out, std::string_view drawn, const FigureText& text,
                      const std::string& described = "");
// Each form alone, drawing the figure first.
std::string figure_animated_svg(const ruleset::Figure& figure, const FigureText& text);
std::string figure_poses_svg(const ruleset::Figure& figure, const FigureText& text,
                             const std::string& described = "");

}  // namespace backtriage::report
