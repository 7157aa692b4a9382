#include "report/render_text.h"

#include <catch2/catch.hpp>

using namespace backtriage;

namespace {
report::Report sample() {
  report::Report r;
  r.level = "emergency";
  r.level_label = "See a doctor now";
  r.level_advice = "Get medical help today.";
  ruleset::Item flag;
  flag.id = "fever";
  flag.label = "Fever with back pain";
  flag.care = "same_day";
  r.red_flags.push_back(flag);
  r.region = "lower";
  r.unanswered = {"duration_weeks"};
  r.disclaimer = "Not medical advice.";
  return r;
}
}  // namespace

TEST_CASE("an emergency report leads with the level and lists the red flags", "[report]") {
  std::string text = report::render_text(sample(), {});
  CHECK(text ==
        "TRIAGE: EMERGENCY - See a doctor now\n"
        "  Get medical help today.\n"
        "\n"
        "Red flags\n"
        "  ! Fever with back pain (see a doctor today)\n"
        "\n"
        "Your back pain\n"
        "  Duration:  (not answered)\n"
        "  Pain type: (not answered)\n"
        "  Region:    lower\n"
        "\n"
        "Not answered\n"
        "  duration_weeks\n"
        "\n"
        "Not medical advice.\n");
}

TEST_CASE("colour only when asked, and long text wraps within the width", "[report]") {
  auto r = sample();
  r.level_advice = std::string(30, 'x') + " " + std::string(30, 'y') + " " + std::string(30, 'z');
  std::string plain = report::render_text(r, {});
  CHECK(plain.find('\x1b') == std::string::npos);
  std::size_t start = 0;
  while (start < plain.size()) {
    std::size_t end = plain.find('\n', start);
    CHECK(end - start <= 80);
    start = end + 1;
  }
  report::TextStyle color;
  color.color = true;
  CHECK_THAT(report::render_text(r, color), Catch::StartsWith("\x1b[1;31mTRIAGE: EMERGENCY"));
}
