// The default rules' exercise figures, as a physiotherapist would look at them: each shows
// its movement (the start and the end differ where the movement is, and nowhere it must
// not), and none shows a movement the advice warns against.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <string>
#include <utility>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {

const Figure& figure_of(const std::string& id) {
  const RuleSet& rules = embedded_rule_set();
  for (const Item& item : rules.items_of(rules.roles.routine))
    if (const auto& figure = item.as<Exercise>().figure; item.id == id && figure) return *figure;
  FAIL("no exercise '" << id << "' with a figure");
  throw;  // not reached
}

double moved(const Figure& f, Joint j) {
  const Point a = f.start[j], b = f.end[j];
  return std::hypot(b.x - a.x, b.y - a.y);
}

Point hips(const Pose& p) {
  return {(p[Joint::LHip].x + p[Joint::RHip].x) / 2, (p[Joint::LHip].y + p[Joint::RHip].y) / 2};
}

// How far the low back stands off the straight line from the neck to the hips, toward
// `side` (a unit vector): positive when it bows that way.
double bow(const Pose& p, Point side) {
  const Point n = p[Joint::Neck], h = hips(p), lb = p[Joint::LowBack];
  const double dx = h.x - n.x, dy = h.y - n.y;
  const double t = ((lb.x - n.x) * dx + (lb.y - n.y) * dy) / (dx * dx + dy * dy);
  const Point foot{n.x + t * dx, n.y + t * dy};  // the nearest point of the line
  return (lb.x - foot.x) * side.x + (lb.y - foot.y) * side.y;
}

// A figure's one arrow (FAIL without one), and the direction its head points: from the
// curve's control point, as the renderer draws it, to its end.
const Prop& arrow_of(const Figure& f) {
  const auto arrow = std::find_if(f.props.begin(), f.props.end(),
                                  [](const Prop& p) { return p.kind == Prop::Kind::Arrow; });
  if (arrow == f.props.end()) FAIL("no arrow");
  return *arrow;
}

Point pointing(const Prop& arrow) {
  const Point from = arrow.anchor, to = arrow.end;
  const Point control = arrow.via ? Point{2 * arrow.via->x - (from.x + to.x) / 2,
                                          2 * arrow.via->y - (from.y + to.y) / 2}
                                  : from;
  const double dx = to.x - control.x, dy = to.y - control.y, length = std::hypot(dx, dy);
  return {dx / length, dy / length};
}

constexpr Point kUp{0, -1};
constexpr Point kForward{1, 0};  // to the right: away from a wall on the left

bool on_floor(Point p) {
  return p.y >= kFloorY - 7;
}

}  // namespace

TEST_CASE("every figure shows a movement: its poses differ, or an arrow marks the change",
          "[figure][exercise]") {
  const RuleSet& rules = embedded_rule_set();
  for (const Item& item : rules.items_of(rules.roles.routine)) {
    INFO(item.id);
    const Figure& f = *item.as<Exercise>().figure;
    double most = 0;
    for (int j = 0; j < kJointCount; ++j)
      if (f.has(static_cast<Joint>(j))) most = std::max(most, moved(f, static_cast<Joint>(j)));
    const bool arrow = std::any_of(f.props.begin(), f.props.end(),
                                   [](const Prop& p) { return p.kind == Prop::Kind::Arrow; });
    CHECK((most >= 5 || arrow));
  }
}

TEST_CASE("pelvic tilt: the lower back's arch flattens into the mat while the hips stay down",
          "[figure][exercise]") {
  const Figure& f = figure_of("pelvic_tilt");
  REQUIRE(f.view == Figure::View::Side);
  REQUIRE(f.has_low_back);
  // The movement is at the low back ...
  CHECK(moved(f, Joint::LowBack) > 2.5);
  CHECK(f.end[Joint::LowBack].y - f.start[Joint::LowBack].y > 2.5);  // down toward the mat
  // ... from its natural curve, a small relaxed gap under the lower back (not an arch pushed
  // up into a peak, which a patient might copy), to flat on the mat ...
  CHECK(bow(f.start, kUp) > 2);
  CHECK(bow(f.start, kUp) < 4);
  CHECK(std::abs(bow(f.end, kUp)) < 1);
  CHECK(on_floor(f.end[Joint::LowBack]));
  // ... and it is not a bridge: the hips, the knees and the feet stay where they are.
  for (Joint j :
       {Joint::LHip, Joint::RHip, Joint::LKnee, Joint::RKnee, Joint::LFoot, Joint::RFoot}) {
    INFO(joint_names()[static_cast<int>(j)]);
    CHECK(moved(f, j) < 1);
  }
  CHECK(on_floor(hips(f.start)));
  CHECK(on_floor(hips(f.end)));
  // The gap is not hidden behind an arm lying on the floor under it.
  for (const Pose* p : {&f.start, &f.end})
    for (Joint hand : {Joint::LHand, Joint::RHand})
      CHECK((*p)[hand].x < (*p)[Joint::LowBack].x - 10);
  // A small curved arrow at the lower back ends pointing down into the mat just over it:
  // pressed into the mat, so the picture is not read backwards as arching.
  const Prop& arrow = arrow_of(f);
  const Point low_back = f.end[Joint::LowBack];
  CHECK(arrow.via.has_value());
  CHECK(pointing(arrow).y > 0.9);
  CHECK(arrow.end.y < low_back.y);
  CHECK(low_back.y - arrow.end.y < 10);
  CHECK(std::abs(arrow.end.x - low_back.x) < 4);
  CHECK(arrow.anchor.x > low_back.x);
  CHECK(std::hypot(arrow.anchor.x - low_back.x, arrow.anchor.y - low_back.y) < 22);
}

TEST_CASE("a glute bridge lifts the hips, in line with the shoulders and knees, no higher",
          "[figure][exercise]") {
  const Figure& f = figure_of("glute_bridge");
  CHECK(hips(f.start).y - hips(f.end).y > 10);
  // Shoulders, hips and knees in a straight line at the top: no over-arching.
  const Point s = f.end[Joint::RShoulder], k = f.end[Joint::RKnee], h = hips(f.end);
  const double line_y = s.y + (k.y - s.y) * (h.x - s.x) / (k.x - s.x);
  CHECK(h.y >= line_y - 2);
}

TEST_CASE("knee rolls: knees together pointing up, then lowered to one side, shoulders flat",
          "[figure][exercise]") {
  const Figure& f = figure_of("knee_rolls");
  REQUIRE(f.view == Figure::View::Top);  // y is across the body
  const double mid = hips(f.start).y;
  const double half_hips = std::abs(f.start[Joint::RHip].y - f.start[Joint::LHip].y) / 2;
  // At the start the knees are centred (between the hips, together) ...
  for (Joint knee : {Joint::LKnee, Joint::RKnee})
    CHECK(std::abs(f.start[knee].y - mid) < half_hips);
  CHECK(std::abs(f.start[Joint::LKnee].y - f.start[Joint::RKnee].y) < 8);
  // ... and pointing up: seen from above the thigh looks much shorter than it is.
  CHECK(std::hypot(f.start[Joint::LKnee].x - f.start[Joint::LHip].x,
                   f.start[Joint::LKnee].y - f.start[Joint::LHip].y) < 0.7 * 36);
  // At the end both knees are well to the same side.
  const double l = f.end[Joint::LKnee].y - mid, r = f.end[Joint::RKnee].y - mid;
  CHECK(std::abs(l) > 15);
  CHECK(std::abs(r) > 15);
  CHECK(l * r > 0);
  // ... but only about halfway down, a comfortable range for an irritable back, not the full
  // twist. A knee pointing at the ceiling stands above the line from its hip to its foot as
  // high as the thigh (36 long) reaches past what it shows from above; rolling it through an
  // angle moves it across by that height times the angle's sine.
  for (auto [knee, hip] :
       {std::pair{Joint::LKnee, Joint::LHip}, std::pair{Joint::RKnee, Joint::RHip}}) {
    INFO(joint_names()[static_cast<int>(knee)]);
    const double shown =
        std::hypot(f.start[knee].x - f.start[hip].x, f.start[knee].y - f.start[hip].y);
    const double height = std::sqrt(36 * 36 - shown * shown);
    const double across = std::abs(f.end[knee].y - f.start[knee].y);
    REQUIRE(across < height);
    const double degrees = std::asin(across / height) * 180 / std::numbers::pi;
    CHECK(degrees > 30);
    CHECK(degrees < 52);
  }
  // The shoulders, arms and head stay flat on the floor; the feet stay about where they were.
  for (Joint j : {Joint::Head, Joint::Neck, Joint::LShoulder, Joint::RShoulder, Joint::LElbow,
                  Joint::RElbow, Joint::LHand, Joint::RHand}) {
    INFO(joint_names()[static_cast<int>(j)]);
    CHECK(moved(f, j) < 0.01);
  }
  CHECK(moved(f, Joint::LFoot) < 4);
  CHECK(moved(f, Joint::RFoot) < 4);
  // An arrow from where the knees were points the way they went, and stops short of them.
  const Prop& arrow = arrow_of(f);
  CHECK(std::abs(arrow.anchor.y - mid) < 15);
  CHECK(pointing(arrow).y * l > 0.7 * std::abs(l));
  CHECK(std::abs(arrow.end.y - mid) < std::abs(l));
  CHECK(std::abs(arrow.end.x - f.end[Joint::LKnee].x) < 8);
}

TEST_CASE("the back raise on all fours rounds the back up and never sags into a hollow",
          "[figure][exercise]") {
  const Figure& f = figure_of("all_fours_back_raise");
  REQUIRE(f.has_low_back);
  CHECK(std::abs(bow(f.start, kUp)) < 1.5);  // a flat back
  CHECK(bow(f.end, kUp) > 4);                // rounded up
  for (Joint j : {Joint::LHand, Joint::RHand, Joint::LKnee, Joint::RKnee})
    CHECK(moved(f, j) < 0.01);
  CHECK(f.end[Joint::Head].y > f.start[Joint::Head].y + 3);  // the head drops
}

TEST_CASE("the wall pelvic tilt flattens the small of the back against the wall",
          "[figure][exercise]") {
  const Figure& f = figure_of("wall_pelvic_tilt");
  REQUIRE(f.has_low_back);
  REQUIRE(f.props.front().kind == Prop::Kind::Wall);
  const double wall = f.props.front().anchor.x;
  // A gap between the lower back and the wall at the start (bowed away from it) ...
  CHECK(bow(f.start, kForward) > 2);
  CHECK(f.start[Joint::LowBack].x - f.start[Joint::Neck].x > 2);
  // ... none at the end: the whole back along the wall, touching it (limbs are 6 wide, the
  // wall 4).
  CHECK(std::abs(bow(f.end, kForward)) < 1);
  CHECK(f.end[Joint::LowBack].x - wall < 6.5);
  // An arrow at the small of the back points back to the wall: the back goes to the wall.
  // Not at the front of the hips, where it reads as pushing the hips back.
  const Prop& arrow = arrow_of(f);
  const Point low_back = f.end[Joint::LowBack];
  CHECK(pointing(arrow).x < -0.9);
  CHECK(arrow.end.x > low_back.x);
  CHECK(arrow.end.x - low_back.x < 8);
  CHECK(std::abs(arrow.end.y - low_back.y) < 5);
  CHECK(std::abs(arrow.anchor.y - low_back.y) < 5);
  CHECK(arrow.anchor.y < hips(f.end).y - 8);  // well above the hips
  // No arm in the arrow's way: the arms are folded on the chest, above it.
  for (const Pose* p : {&f.start, &f.end})
    for (Joint j : {Joint::LElbow, Joint::RElbow, Joint::LHand, Joint::RHand})
      CHECK((*p)[j].y < arrow.end.y - 6);
  // The knees soft throughout, bending a little more as the pelvis tucks: each knee well in
  // front of the line from its hip to its foot.
  auto knee_bend = [&](const Pose& p) {
    const Point h = p[Joint::RHip], k = p[Joint::RKnee], ft = p[Joint::RFoot];
    return k.x - (h.x + (ft.x - h.x) * (k.y - h.y) / (ft.y - h.y));
  };
  CHECK(knee_bend(f.start) > 3);
  CHECK(knee_bend(f.end) > knee_bend(f.start) + 3);
}

TEST_CASE("no figure shows what the advice warns against", "[figure][exercise]") {
  // No sit-up: lying on the back, the shoulders stay on the floor.
  for (const char* id : {"hamstring_stretch", "knee_rolls", "pelvic_tilt", "glute_bridge"}) {
    INFO(id);
    const Figure& f = figure_of(id);
    if (f.view == Figure::View::Top) continue;
    for (const Pose* p : {&f.start, &f.end}) CHECK(on_floor((*p)[Joint::RShoulder]));
  }
  // No double leg lift: lying on the back, a foot stays on the floor.
  for (const char* id : {"hamstring_stretch", "pelvic_tilt", "glute_bridge"}) {
    INFO(id);
    const Figure& f = figure_of(id);
    for (const Pose* p : {&f.start, &f.end})
      CHECK((on_floor((*p)[Joint::LFoot]) || on_floor((*p)[Joint::RFoot])));
  }
  // No toe touch: standing, the hands stay above the knees.
  for (const char* id : {"shoulder_rolls", "scapular_squeeze", "wall_pelvic_tilt"}) {
    INFO(id);
    const Figure& f = figure_of(id);
    for (const Pose* p : {&f.start, &f.end})
      for (Joint hand : {Joint::LHand, Joint::RHand}) CHECK((*p)[hand].y < (*p)[Joint::LKnee].y);
  }
  // No over-arching: in the bird dog the leg rises to the line of the back, no higher (face
  // down, below).
  const Figure& bird = figure_of("bird_dog");
  CHECK(bird.end[Joint::RFoot].y >= hips(bird.end).y - 3);
}

TEST_CASE("face down, one arm and the opposite leg lift a little: not a Superman",
          "[figure][exercise]") {
  const Figure& f = figure_of("prone_arm_leg_lift");
  REQUIRE(f.view == Figure::View::Side);
  // The head, the trunk and the hips stay down on the mat, where they were: the back does
  // not arch.
  for (Joint j :
       {Joint::Head, Joint::Neck, Joint::LShoulder, Joint::RShoulder, Joint::LHip, Joint::RHip}) {
    INFO(joint_names()[static_cast<int>(j)]);
    CHECK(moved(f, j) < 0.01);
  }
  // Face down: the nose points at the floor and touches it (the forehead down), so the figure
  // is not read as lying on its back.
  CHECK(f.face == Figure::Face::Down);
  for (const Pose* p : {&f.start, &f.end})
    CHECK(std::abs((*p)[Joint::Head].y + kHeadRadius + kNoseLength - kFloorY) < 1.5);
  CHECK(on_floor(f.end[Joint::Neck]));
  CHECK(on_floor(hips(f.end)));
  // Everything starts on the mat.
  for (Joint j : {Joint::LHand, Joint::RHand, Joint::LFoot, Joint::RFoot}) {
    INFO(joint_names()[static_cast<int>(j)]);
    CHECK(on_floor(f.start[j]));
  }
  // At the end one hand and one foot are up, of opposite sides; the other hand and foot
  // have not moved.
  auto lifted = [&](Joint j) { return f.start[j].y - f.end[j].y > 5; };
  CHECK(lifted(Joint::LHand) != lifted(Joint::RHand));
  CHECK(lifted(Joint::LFoot) != lifted(Joint::RFoot));
  CHECK(lifted(Joint::LHand) != lifted(Joint::LFoot));
  for (Joint j : {Joint::LHand, Joint::RHand, Joint::LFoot, Joint::RFoot}) {
    INFO(joint_names()[static_cast<int>(j)]);
    if (!lifted(j)) CHECK(moved(f, j) < 0.01);
    // A small lift: a few centimetres, the hand or foot still below the head's top.
    CHECK(f.start[j].y - f.end[j].y < 14);
  }
  // A short arrow over the lifted hand and over the lifted foot, each pointing up.
  for (Joint j : {Joint::LHand, Joint::RHand, Joint::LFoot, Joint::RFoot}) {
    if (!lifted(j)) continue;
    INFO(joint_names()[static_cast<int>(j)]);
    const bool marked = std::any_of(f.props.begin(), f.props.end(), [&](const Prop& p) {
      return p.kind == Prop::Kind::Arrow && pointing(p).y < -0.9 &&
             std::abs(p.anchor.x - f.end[j].x) < 12 && p.anchor.y < f.end[j].y &&
             f.end[j].y - p.anchor.y < 10 &&
             std::hypot(p.end.x - p.anchor.x, p.end.y - p.anchor.y) < 14;
    });
    CHECK(marked);
  }
}

TEST_CASE("pelvic floor squeezes: nothing else moves, and an arrow shows the lift",
          "[figure][exercise]") {
  const Figure& f = figure_of("pelvic_floor");
  for (int j = 0; j < kJointCount; ++j) CHECK(moved(f, static_cast<Joint>(j)) < 0.01);
  const auto arrow = std::find_if(f.props.begin(), f.props.end(),
                                  [](const Prop& p) { return p.kind == Prop::Kind::Arrow; });
  REQUIRE(arrow != f.props.end());
  CHECK(arrow->anchor.y - arrow->end.y > 10);  // pointing up
  // Rising from the seat, at the pelvis: between the hips and the knees.
  CHECK(arrow->anchor.x > hips(f.end).x);
  CHECK(arrow->anchor.x < f.end[Joint::RKnee].x);
}
