#include "ruleset/figure.h"

#include <fmt/format.h>

#include <cmath>

namespace backtriage::ruleset {

const std::array<std::string_view, kJointCount>& joint_names() {
  static const std::array<std::string_view, kJointCount> names{
      "head",   "neck",   "l_shoulder", "r_shoulder", "l_elbow", "r_elbow",
      "l_hand", "r_hand", "l_hip",      "r_hip",      "l_knee",  "r_knee",
      "l_foot", "r_foot", "l_toe",      "r_toe",      "low_back"};
  return names;
}

const std::vector<Bone>& bones() {
  using J = Joint;
  // Lengths of an adult in the box's units; the far (left) side first so
  // the near side is drawn over it.
  static const std::vector<Bone> list{
      {J::Neck, J::LShoulder, 12},   {J::LShoulder, J::LElbow, 24}, {J::LElbow, J::LHand, 22},
      {J::LHip, J::LKnee, 36},       {J::LKnee, J::LFoot, 34},      {J::LFoot, J::LToe, 9},
      {J::LHip, J::RHip, 14},        {J::Head, J::Neck, 12},        {J::Neck, J::RShoulder, 12},
      {J::RShoulder, J::RElbow, 24}, {J::RElbow, J::RHand, 22},     {J::RHip, J::RKnee, 36},
      {J::RKnee, J::RFoot, 34},      {J::RFoot, J::RToe, 9},
  };
  return list;
}

const std::vector<std::string>& prop_kind_names() {
  static const std::vector<std::string> names{"mat",  "band",  "towel", "foam_roller",
                                              "wall", "cable", "chair", "arrow"};
  return names;
}

const std::vector<std::string>& view_names() {
  static const std::vector<std::string> names{"side", "top", "front"};
  return names;
}

const std::vector<std::string>& face_names() {
  static const std::vector<std::string> names{"up", "down", "left", "right"};
  return names;
}

std::vector<std::string> implausible_bones(const Figure& figure, const Pose& pose) {
  std::vector<std::string> out;
  auto length = [](Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); };
  auto name = [](Joint j) { return joint_names()[static_cast<int>(j)]; };
  for (const Bone& bone : bones()) {
    if (!figure.has(bone.to)) continue;
    const double l = length(pose[bone.from], pose[bone.to]);
    if (l > bone.nominal * kBoneSlack)
      out.push_back(fmt::format("{} to {} is {:.0f} long; at most {:.0f}", name(bone.from),
                                name(bone.to), l, bone.nominal * kBoneSlack));
  }
  const Point hips{(pose[Joint::LHip].x + pose[Joint::RHip].x) / 2,
                   (pose[Joint::LHip].y + pose[Joint::RHip].y) / 2};
  auto torso = [&](const char* from, Point a, const char* to, Point b, double nominal) {
    const double l = length(a, b);
    if (l > nominal * kBoneSlack)
      out.push_back(fmt::format("{} to {} is {:.0f} long; at most {:.0f}", from, to, l,
                                nominal * kBoneSlack));
  };
  torso("neck", pose[Joint::Neck], "hips", hips, kTorsoLength);
  if (figure.has_low_back) {
    torso("neck", pose[Joint::Neck], "low_back", pose[Joint::LowBack], kUpperTorsoLength);
    torso("low_back", pose[Joint::LowBack], "hips", hips, kLowerTorsoLength);
  }
  for (int j = 0; j < kJointCount; ++j) {
    if (!figure.has(static_cast<Joint>(j))) continue;
    const Point p = pose.at[j];
    if (p.x < 0 || p.x > 200 || p.y < 0 || p.y > 120) {
      out.push_back(
          fmt::format("{} at ({}, {}) is outside the 200 x 120 box", joint_names()[j], p.x, p.y));
      continue;
    }
    // Seen from above, y is not height; otherwise nothing is under the floor.
    if (figure.view == Figure::View::Top) continue;
    const bool head = j == static_cast<int>(Joint::Head);
    const double lowest = head ? kFloorY - kHeadRadius : kFloorY;
    if (p.y > lowest + 0.5)
      out.push_back(fmt::format("{} at ({}, {}) is {} the floor (y {}); at most y {}",
                                joint_names()[j], p.x, p.y, head ? "sunk into" : "below", kFloorY,
                                lowest));
  }
  return out;
}

}  // namespace backtriage::ruleset
