#pragma once
// How an exercise's figure moves from its start pose to its end pose, as
// the animation draws it (render_figure.h): seen from the side, limbs turn
// about their joints, each bone's angle and length moving smoothly, so that
// a limb does not shrink as it swings; seen from above or the front, where a
// limb rising toward the viewer does shorten, joints move in straight lines.
// A joint in the same place in both poses stays put, one resting on the
// floor in both slides along it, and nothing goes below the floor.
#include "ruleset/figure.h"

namespace backtriage::report {

// The pose a fraction `t` of the way from `a` to `b` (0: a, 1: b).
ruleset::Pose pose_between(const ruleset::Figure& figure, const ruleset::Pose& a,
                           const ruleset::Pose& b, double t);

}  // namespace backtriage::report
