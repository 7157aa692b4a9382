// A case file expects any role the role table marks for cases: tips and
// cautions as well as red flags, routine and the rest.
#include "authoring/case_runner.h"

#include <catch2/catch.hpp>
#include <string>

#include "authoring/case_file.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {

// The problems of one case on the embedded rules: the case file's, or
// else the case's failures ("tips: expected no posture, got ...").
std::vector<std::string> failures(const std::string& expect) {
  const auto& rules = ruleset::embedded_rule_set();
  const std::string text =
      "- name: sciatica at 70\n"
      "  no_red_flags: true\n"
      "  answers: {duration_weeks: 2, sensation: electric, spread: spreads, region: lower,\n"
      "            below_knee: yes, age: 70, daily_life: false}\n"
      "  expect: " +
      expect + "\n";
  const auto file = authoring::read_case_file(text, "c.yaml", rules);
  std::vector<std::string> out;
  for (const auto& d : file.diagnostics) out.push_back(ruleset::format_line(d));
  if (file.cases.size() != 1 || !out.empty()) return out;
  for (const auto& f : authoring::run_case(rules, file.cases[0], nullptr).failures)
    out.push_back(f.message);
  return out;
}

}  // namespace

TEST_CASE("a case expects the tips and cautions a report shows", "[cases]") {
  CHECK(failures("{tips: {has: [posture]}, cautions: {has: [hamstring_gently]}}").empty());
  CHECK(failures("{cautions: {lacks: [hamstring_gently]}}").size() == 1);
  CHECK(failures("{tips: {lacks: [posture]}}").front().rfind("tips: expected no posture", 0) == 0);
}
