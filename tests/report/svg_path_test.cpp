#include "report/svg_path.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>

using namespace backtriage;

// The fast path writes integers; it must agree with "{:.1f}" everywhere,
// ties, negative zero and numbers too large for it included.
TEST_CASE("path numbers are written as {:.1f} writes them", "[svg_path]") {
  for (double x : {0.0, -0.0, 0.05, 0.15, 0.25, -0.25, 1.45, 2.675, 12.35, -7.05, 99.95, 112.0,
                   1e8 + 0.05, 1e9, -3e12, 1.0 / 3, std::nextafter(0.25, 1.0)})
    CHECK(report::one_decimal(x) == fmt::format("{:.1f}", x));
  for (int i = -20000; i <= 20000; ++i) {
    const double x = i / 1000.0;
    INFO(x);
    REQUIRE(report::one_decimal(x) == fmt::format("{:.1f}", x));
  }
}

TEST_CASE("lines and circles as SVG path data", "[svg_path]") {
  CHECK(report::line_path({1, 2.25}, {-3.5, 100}) == "M1.0 2.2L-3.5 100.0");
  std::string d = "M0 0";
  report::append_line_path(d, {4, 5}, {6, 7});
  CHECK(d == "M0 0M4.0 5.0L6.0 7.0");
  CHECK(report::circle_path({10, 20}, 3) == "M7.0 20.0a3.0 3.0 0 1 0 6.0 0a3.0 3.0 0 1 0 -6.0 0");
}
