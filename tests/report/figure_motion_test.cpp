#include "report/figure_motion.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "ruleset/loader.h"

using namespace backtriage;
using ruleset::Joint;

// Every exercise of the default rules, all the way through its movement:
// what the animation draws between the two poses.
TEST_CASE("between its poses a figure keeps planted joints still and stays above the floor",
          "[figure]") {
  const auto& rules = ruleset::embedded_rule_set();
  std::size_t figures = 0;
  for (const auto& item : rules.items_of(rules.roles.routine)) {
    const auto& figure = item.as<ruleset::Exercise>().figure;
    REQUIRE(figure);
    const ruleset::Figure& f = *figure;
    ++figures;
    for (int step = 0; step <= 20; ++step) {
      const double t = step / 20.0;
      const ruleset::Pose p = report::pose_between(f, f.start, f.end, t);
      for (int j = 0; j < ruleset::kJointCount; ++j) {
        INFO(item.id << ", joint " << ruleset::joint_names()[j] << ", t = " << t);
        const ruleset::Point a = f.start.at[j], b = f.end.at[j], now = p.at[j];
        if (step == 0) CHECK(std::hypot(now.x - a.x, now.y - a.y) < 0.01);
        if (step == 20) CHECK(std::hypot(now.x - b.x, now.y - b.y) < 0.01);
        if (std::hypot(b.x - a.x, b.y - a.y) < 0.5)
          CHECK(std::hypot(now.x - a.x, now.y - a.y) < 0.01);
        if (f.view == ruleset::Figure::View::Top) continue;
        const double lowest = j == static_cast<int>(Joint::Head)
                                  ? ruleset::kFloorY - ruleset::kHeadRadius
                                  : ruleset::kFloorY;
        CHECK(now.y <= lowest + 0.01);
      }
    }
  }
  CHECK(figures == 15);
}
