// check's warnings: a rule set that loads but cannot mean what it says.
#include "ruleset/lint.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {

// Questions and facts on lines 4-10; rules start on line 12. `step` is the
// report's level, which every rule set has; `stepping` asserts both its
// values, so it draws no warning.
std::vector<std::string> warnings(const std::string& rules) {
  const std::string text = R"(id: t
version: "1"
disclaimer: d
questions:
  - {id: hot, type: bool, prompt: p, source: s}
  - {id: weeks, type: number, min: 0, max: 520, prompt: p, source: s}
facts:
  - {id: level, type: choice, choices: [high, low]}
  - {id: sign, type: set, items: [a, b]}
  - {id: step, type: ranked, choices: [{id: go, label: G, advice: A, cds: info, color: red}, {id: stay, label: S, advice: A, cds: info, color: red}], undecided: {id: unknown, label: U, advice: A, cds: info, color: red}}
rules:
)" + rules + R"(
  - {id: stepping, when: {any: [{hot: true}, {hot: false}]}, then: {step: go}, source: s}
  - {id: staying, when: {hot: false}, then: {step: stay}, source: s}
report: {level: step}
)";
  auto loaded = load_rule_set(text, "t.yaml");
  REQUIRE(loaded.rule_set);
  std::vector<std::string> out;
  // Errors say so; warnings are the rest.
  for (const auto& d : lint(*loaded.rule_set))
    out.push_back((d.severity == Diagnostic::Severity::Error ? "error: " : "") + format_line(d));
  return out;
}

using Lines = std::vector<std::string>;

// Uses every question, fact and value once, and nothing disagrees.
const std::string kClean =
    "  - {id: h, when: {hot: true}, then: {level: high, sign: a}, source: s}\n"
    "  - {id: l, when: {all: [{hot: false}, {weeks: {lt: 5}}]}, then: {level: low, sign: b}, "
    "source: s}\n";

}  // namespace

TEST_CASE("a rule set that uses everything it declares has no warnings", "[lint]") {
  CHECK(warnings(kClean) == Lines{});
}

TEST_CASE("a question no rule reads is a warning at the question", "[lint]") {
  CHECK(warnings("  - {id: h, when: {hot: true}, then: {level: high, sign: [a, b]}, source: s}\n"
                 "  - {id: l, when: {hot: false}, then: {level: low}, source: s}\n") ==
        Lines{"t.yaml:6:5: question 'weeks' is read by no rule"});
}

TEST_CASE("a rule that contradicts itself can never fire", "[lint]") {
  CHECK(warnings(kClean +
                 "  - {id: never, when: {all: [{weeks: {lt: 3}}, {weeks: {ge: 3}}]}, then: "
                 "{sign: a}, source: s}\n") ==
        Lines{"t.yaml:14:5: rule 'never' can never fire: no answers make its condition true"});
}

TEST_CASE("a rule that needs two derived values that exclude each other never fires", "[lint]") {
  // `high` needs hot, `low` needs not hot: no answers give both.
  CHECK(warnings(kClean +
                 "  - {id: both, when: {all: [{level: high}, {sign: b}]}, then: {sign: a}, "
                 "source: s}\n") ==
        Lines{"t.yaml:14:5: rule 'both' can never fire: no answers make its condition true"});
}

TEST_CASE("a value no rule asserts is a warning at its fact", "[lint]") {
  CHECK(warnings("  - {id: h, when: {hot: true}, then: {level: high, sign: a}, source: s}\n"
                 "  - {id: w, when: {weeks: {lt: 5}}, then: {sign: a}, source: s}\n") ==
        Lines{"t.yaml:8:5: 'level' value 'low' is asserted by no rule",
              "t.yaml:9:5: 'sign' value 'b' is asserted by no rule"});
}

TEST_CASE(
    "rules that can disagree on a single-valued fact are an error, with the fewest "
    "answers that show it",
    "[lint]") {
  CHECK(warnings(kClean +
                 "  - {id: late, when: {weeks: {ge: 4}}, then: {level: high}, source: s}\n") ==
        Lines{"error: t.yaml:14:5: rules 'l' and 'late' both fire and give 'level' different "
              "values ('low' and 'high'), for example with --hot no, --weeks 4"});
}

TEST_CASE("the embedded rule set has no warnings", "[lint]") {
  auto loaded = load_rule_set(embedded_rules_text(), "<embedded>");
  REQUIRE(loaded.rule_set);
  CHECK(lint(*loaded.rule_set).empty());
}

TEST_CASE("rules that clash are reported as a conflict, not as never firing", "[lint]") {
  CHECK(warnings("  - {id: one, when: {hot: true}, then: {level: high, sign: a}, source: s}\n"
                 "  - {id: two, when: {hot: true}, then: {level: low, sign: b}, source: s}\n"
                 "  - {id: w, when: {weeks: {gt: 3}}, then: {sign: a}, source: s}\n") ==
        Lines{"error: t.yaml:13:5: rules 'one' and 'two' both fire and give 'level' different "
              "values ('high' and 'low'), for example with --hot yes"});
}
