#include "ruleset/conflict_search.h"

#include <catch2/catch.hpp>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {
std::unique_ptr<const RuleSet> load(const std::string& rules) {
  std::string text = R"(id: t
version: "1"
disclaimer: d
questions:
  - {id: weeks, type: number, min: 0, max: 100, prompt: p, source: s}
  - {id: hot, type: bool, prompt: p, source: s}
facts:
  - {id: level, type: choice, choices: [low, high]}
  - {id: step, type: ranked, choices: [{id: go, label: G, advice: A, cds: info, color: red}], undecided: {id: unknown, label: U, advice: A, cds: info, color: red}}
report: {level: step}
rules:
)" + rules;
  auto result = load_rule_set(text, "t.yaml");
  REQUIRE(result.rule_set);
  return std::move(result.rule_set);
}
}  // namespace

TEST_CASE("rules that can disagree are found, with answers that show it", "[ruleset]") {
  // ge 10 and le 10 overlap at exactly 10: only the boundary shows it.
  auto rules = load(R"(
  - {id: low, when: {weeks: {le: 10}}, then: {level: low}, source: s}
  - {id: high, when: {weeks: {ge: 10}}, then: {level: high}, source: s}
)");
  auto found = find_conflicts(*rules);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Diagnostic::Severity::Error);
  CHECK(format_line(found[0]) ==
        "t.yaml:14:5: rules 'low' and 'high' both fire and give 'level' different values ('low' "
        "and 'high'), for example with --weeks 10");
}

TEST_CASE("exclusive rules are not reported", "[ruleset]") {
  auto rules = load(R"(
  - {id: low, when: {weeks: {lt: 10}}, then: {level: low}, source: s}
  - {id: high, when: {all: [{weeks: {ge: 10}}, {hot: true}]}, then: {level: high}, source: s}
  - {id: high2, when: {all: [{weeks: {ge: 10}}, {hot: false}]}, then: {level: high}, source: s}
)");
  CHECK(find_conflicts(*rules).empty());
}

TEST_CASE("the default rule set has no conflicting rules", "[ruleset]") {
  CHECK(find_conflicts(embedded_rule_set()).empty());
}
