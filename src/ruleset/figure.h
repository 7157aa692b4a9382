#pragma once
// The picture of an exercise, as data: a jointed stick figure in a start
// pose and an end pose, and the props it uses. Drawn by
// src/report/render_figure; described here so the rule file can carry it and
// `check` can tell an implausible figure (a leg twice as long as the other).
//
// Coordinates are in a 200 x 120 box, x to the right and y down, with the
// floor at y = 112.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backtriage::ruleset {

enum class Joint {
  Head,
  Neck,
  LShoulder,
  RShoulder,
  LElbow,
  RElbow,
  LHand,
  RHand,
  LHip,
  RHip,
  LKnee,
  RKnee,
  LFoot,
  RFoot,
  LToe,
  RToe,
  // The small of the back, optional: with it the torso bends there (the
  // lower back's arch over the mat, a back rounded on all fours).
  LowBack,
};
inline constexpr int kJointCount = 17;
// "head", "l_shoulder"... as the rule file spells them.
const std::array<std::string_view, kJointCount>& joint_names();

struct Point {
  double x = 0, y = 0;
};
// Halfway from `a` to `b`: the hips' midpoint is where the torso ends.
inline Point midpoint(Point a, Point b) {
  return {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

struct Pose {
  std::array<Point, kJointCount> at{};
  Point operator[](Joint j) const { return at[static_cast<int>(j)]; }
};

// A bone: two joints and the longest it may plausibly look (a bone seen
// end-on looks shorter, never longer).
struct Bone {
  Joint from, to;
  double nominal;
};
// The bones drawn, far side first. The torso runs from the neck to the
// midpoint of the hips, through the low back when the figure has one, and is
// not in this list.
const std::vector<Bone>& bones();
inline constexpr double kTorsoLength = 48;
// Through the low back: neck to low back, low back to the hips' midpoint.
inline constexpr double kUpperTorsoLength = 33;
inline constexpr double kLowerTorsoLength = 17;
inline constexpr double kFloorY = 112;  // seen from the side or the front
inline constexpr double kHeadRadius = 8;
// How far a nose (a figure's `face`) reaches beyond the head's circle.
inline constexpr double kNoseLength = 6;
// How much longer than nominal a bone may look before `check` complains.
inline constexpr double kBoneSlack = 1.25;

struct Prop {
  enum class Kind { Mat, Band, Towel, FoamRoller, Wall, Cable, Chair, Arrow };
  Kind kind = Kind::Mat;
  // Band, towel: between two joints. Cable: from `anchor` to each joint in
  // `joints`. Foam roller: from `anchor` to `end`. Wall: at x = anchor.x.
  // Chair: its seat from `anchor` (the front edge) to `end` (the back edge),
  // legs down to the floor and a backrest up from the back edge. Arrow: from
  // `anchor` to `end` (through `via` when given), drawn with the end pose
  // only: a movement the figure cannot show, such as a squeeze lifting up
  // inside, or the path a joint took (a shoulder rolling up and back).
  std::vector<Joint> joints;
  Point anchor, end;
  // Arrow: a point the arrow bends through, halfway along (a curved arrow).
  std::optional<Point> via;
};
const std::vector<std::string>& prop_kind_names();  // "mat", "band", ... by Kind

struct Figure {
  enum class View { Side, Top, Front };
  View view = View::Side;
  std::vector<Prop> props;
  Pose start, end;
  bool has_toes = false;
  bool has_low_back = false;
  // The way the face looks, on the page: drawn as a nose on the head, for a
  // figure that would otherwise leave it open whether it lies face down or
  // face up. None: no nose.
  enum class Face { None, Up, Down, Left, Right };
  Face face = Face::None;
  // Whether the poses give joint `j` (the toes and the low back are optional).
  bool has(Joint j) const {
    if (j == Joint::LToe || j == Joint::RToe) return has_toes;
    if (j == Joint::LowBack) return has_low_back;
    return true;
  }
};
const std::vector<std::string>& view_names();  // "side", "top", "front" by View
// "up", "down", "left", "right": Face::Up... (Face::None has no name)
const std::vector<std::string>& face_names();

// What is implausible about a pose ("the left thigh is 52 long; at most 45"),
// one message per bone; empty when it is fine.
std::vector<std::string> implausible_bones(const Figure& figure, const Pose& pose);

}  // namespace backtriage::ruleset
