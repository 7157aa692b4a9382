#include "ruleset/figure.h"

#include <catch2/catch.hpp>

using namespace backtriage::ruleset;

namespace {

// A person lying on their back on the mat, seen from the side.
Pose lying() {
  Pose p;
  auto at = [&](Joint j, double x, double y) { p.at[static_cast<int>(j)] = {x, y}; };
  at(Joint::Head, 30, 103), at(Joint::Neck, 42, 106);
  at(Joint::LShoulder, 43, 105.5), at(Joint::RShoulder, 44, 106.5);
  at(Joint::LElbow, 67, 106.7), at(Joint::RElbow, 68, 107.6);
  at(Joint::LHand, 86, 107.7), at(Joint::RHand, 88, 108.5);
  at(Joint::LHip, 89.5, 105.2), at(Joint::RHip, 90.5, 106);
  at(Joint::LKnee, 111.2, 76.4), at(Joint::RKnee, 111.8, 76.8);
  at(Joint::LFoot, 123, 108.6), at(Joint::RFoot, 124, 109);
  return p;
}

}  // namespace

TEST_CASE("a plausible pose has no complaint", "[figure]") {
  Figure f;
  CHECK(implausible_bones(f, lying()).empty());
}

TEST_CASE("a head or a joint below the floor is implausible, except seen from above", "[figure]") {
  Figure f;
  Pose p = lying();
  p.at[static_cast<int>(Joint::Head)] = {31, 108.5};
  p.at[static_cast<int>(Joint::RHand)] = {88, 115};
  const auto problems = implausible_bones(f, p);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "head at (31, 108.5) is sunk into the floor (y 112); at most y 104");
  CHECK(problems[1] == "r_hand at (88, 115) is below the floor (y 112); at most y 112");
  f.view = Figure::View::Top;  // seen from above, y is a place on the mat
  CHECK(implausible_bones(f, p).empty());
}
