#include "report/figure_motion.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace backtriage::report {

using ruleset::Figure;
using ruleset::Joint;
using ruleset::Point;
using ruleset::Pose;

namespace {

using ruleset::kFloorY;
// A joint this close to the floor in both poses rests on it (a hand, a knee):
// between the poses it slides along the floor rather than swinging.
constexpr double kContact = 6;
using ruleset::kHeadRadius;

// Each joint hangs from a parent; the hips' midpoint is the root.
constexpr std::array<int, ruleset::kJointCount> kParent{
    /*Head*/ 1,    /*Neck*/ -1,  /*LShoulder*/ 1, /*RShoulder*/ 1,
    /*LElbow*/ 2,  /*RElbow*/ 3,
    /*LHand*/ 4,   /*RHand*/ 5,  /*LHip*/ -2,     /*RHip*/ -2,
    /*LKnee*/ 8,   /*RKnee*/ 9,
    /*LFoot*/ 10,  /*RFoot*/ 11, /*LToe*/ 12,     /*RToe*/ 13,
    /*LowBack*/ -1};
// -1: the neck (or, when the figure has one, the low back) hangs from the
// root; -2: a hip hangs from the root. With a low back, the neck hangs from it.
int parent_of(const Figure& figure, int j) {
  if (j == static_cast<int>(Joint::Neck) && figure.has_low_back)
    return static_cast<int>(Joint::LowBack);
  return kParent[j];
}

}  // namespace

// The pose a fraction `t` of the way from `a` to `b`. Seen from the side,
// limbs turn about their joints (each bone's angle and length move
// smoothly, so a limb does not shrink as it swings); seen from above or the
// front, a limb that rises toward the viewer does shorten, so joints move
// in straight lines.
Pose pose_between(const Figure& figure, const Pose& a, const Pose& b, double t) {
  Pose out;
  if (figure.view != Figure::View::Side) {
    for (int j = 0; j < ruleset::kJointCount; ++j)
      out.at[j] = {a.at[j].x + (b.at[j].x - a.at[j].x) * t,
                   a.at[j].y + (b.at[j].y - a.at[j].y) * t};
    return out;
  }
  const Point root_a = ruleset::midpoint(a[Joint::LHip], a[Joint::RHip]);
  const Point root_b = ruleset::midpoint(b[Joint::LHip], b[Joint::RHip]);
  const Point root{root_a.x + (root_b.x - root_a.x) * t, root_a.y + (root_b.y - root_a.y) * t};
  auto parent_point = [&](const Pose& pose, int j, Point root_point) {
    const int parent = parent_of(figure, j);
    return parent < 0 ? root_point : pose.at[parent];
  };
  // Parents come before children in this order.
  constexpr std::array<int, ruleset::kJointCount> kOrder{16, 1, 0,  2,  3,  4,  5,  6, 7,
                                                         8,  9, 10, 11, 12, 13, 14, 15};
  for (int j : kOrder) {
    Point& at = out.at[j];
    const Point pa = parent_point(a, j, root_a), pb = parent_point(b, j, root_b);
    const int parent = parent_of(figure, j);
    const Point from = parent < 0 ? root : out.at[parent];
    const double ax = a.at[j].x - pa.x, ay = a.at[j].y - pa.y;
    const double bx = b.at[j].x - pb.x, by = b.at[j].y - pb.y;
    const double la = std::hypot(ax, ay), lb = std::hypot(bx, by);
    if (std::hypot(b.at[j].x - a.at[j].x, b.at[j].y - a.at[j].y) < 0.5) {
      // In the same place in both poses (a knee on the mat, feet planted in
      // a bridge): it stays there, and the bone to it stretches a little
      // instead, which the eye forgives far more than a foot that wanders.
      at = a.at[j];
    } else if (a.at[j].y >= kFloorY - kContact && b.at[j].y >= kFloorY - kContact) {
      at = {a.at[j].x + (b.at[j].x - a.at[j].x) * t, a.at[j].y + (b.at[j].y - a.at[j].y) * t};
    } else if (la < 0.5 || lb < 0.5) {  // no direction to turn: slide
      at = {from.x + ax + (bx - ax) * t, from.y + ay + (by - ay) * t};
    } else {
      double turn = std::atan2(by, bx) - std::atan2(ay, ax);
      while (turn > std::numbers::pi) turn -= 2 * std::numbers::pi;
      while (turn < -std::numbers::pi) turn += 2 * std::numbers::pi;
      const double angle = std::atan2(ay, ax) + turn * t, length = la + (lb - la) * t;
      at = {from.x + std::cos(angle) * length, from.y + std::sin(angle) * length};
    }
    // Nothing sinks into the floor on the way.
    at.y = std::min(at.y, j == static_cast<int>(Joint::Head) ? kFloorY - kHeadRadius : kFloorY);
  }
  return out;
}

}  // namespace backtriage::report
