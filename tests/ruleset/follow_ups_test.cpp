#include "ruleset/follow_ups.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {

// The triggers of each question of a small rule set whose rules are given,
// as "question <- trigger trigger" lines.
std::vector<std::string> triggers(const std::string& rules) {
  const std::string text = R"(id: t
version: "1"
disclaimer: d
questions:
  - {id: accident, type: bool, prompt: p, source: s}
  - {id: hot, type: bool, prompt: p, source: s}
  - {id: weeks, type: number, min: 0, max: 520, prompt: p, source: s}
  - {id: numb, type: bool, prompt: p, source: s}
facts:
  - {id: step, type: ranked, choices: [{id: go, label: G, advice: A, cds: info, color: red}, {id: stay, label: S, advice: A, cds: info, color: red}], undecided: {id: unknown, label: U, advice: A, cds: info, color: red}}
rules:
)" + rules + R"(
  - {id: staying, when: {hot: false}, then: {step: stay}, source: s}
report: {level: step}
)";
  auto loaded = load_rule_set(text, "t.yaml");
  REQUIRE(loaded.rule_set);
  const auto& set = *loaded.rule_set;
  std::vector<std::string> out;
  for (backtriage::engine::FactId q = 0; q < static_cast<int>(set.questions.size()); ++q) {
    if (set.triggers_of(q).empty()) continue;
    std::string line = set.questions[q].id + " <-";
    for (auto t : set.triggers_of(q)) line += " " + set.questions[t].id;
    out.push_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a question read only beside an earlier one follows it up", "[follow_ups]") {
  CHECK(triggers("  - {id: r, when: {all: [{accident: yes}, {numb: yes}]}, then: {step: go}, "
                 "source: s}") == Lines{"numb <- accident"});
  // Nested: what every way to the read needs, through `all` and `any` (hot
  // is also read alone, by `staying`, so it follows nothing).
  CHECK(triggers("  - {id: r, when: {all: [{weeks: {ge: 4}}, {any: [{hot: yes}, {all: "
                 "[{accident: yes}, {numb: yes}]}]}]}, then: {step: go}, source: s}") ==
        Lines{"numb <- accident weeks"});
  // A sibling `any` needs what all its branches need.
  CHECK(triggers("  - {id: r, when: {all: [{any: [{accident: yes}, {all: [{accident: no}, "
                 "{hot: yes}]}]}, {numb: yes}]}, then: {step: go}, source: s}") ==
        Lines{"numb <- accident"});
}

TEST_CASE("a question read on its own anywhere, or under not, follows nothing", "[follow_ups]") {
  // Every rule that reads it must need the trigger.
  CHECK(triggers("  - {id: r, when: {all: [{accident: yes}, {numb: yes}]}, then: {step: go}, "
                 "source: s}\n"
                 "  - {id: q, when: {numb: yes}, then: {step: go}, source: s}")
            .empty());
  // Beside `not`, either side may decide.
  CHECK(triggers("  - {id: r, when: {not: {all: [{accident: yes}, {numb: yes}]}}, then: {step: "
                 "go}, source: s}")
            .empty());
  CHECK(triggers("  - {id: r, when: {any: [{accident: yes}, {numb: yes}]}, then: {step: go}, "
                 "source: s}")
            .empty());
  // Only an earlier question triggers a later one: numb comes after accident.
  CHECK(triggers("  - {id: r, when: {all: [{numb: yes}, {accident: yes}]}, then: {step: go}, "
                 "source: s}") == Lines{"numb <- accident"});
}

TEST_CASE("the default rules' follow-ups are the ones the interview asks after their trigger",
          "[follow_ups]") {
  const auto& rules = embedded_rule_set();
  auto of = [&](const char* id) {
    std::vector<std::string> out;
    for (auto t : rules.triggers_of(*rules.find_fact(id))) out.push_back(rules.questions[t].id);
    return out;
  };
  CHECK(of("injury_severe") == Lines{"spine_injury"});
  CHECK(of("chest_band") == Lines{"cancer_history"});
  CHECK(of("below_knee") == Lines{"spread"});
  CHECK(of("improving") == Lines{"duration_weeks"});
  // No red flag of the checklists, and none of the questions about the pain.
  for (const char* id : {"aortic_signs", "spine_injury", "fever", "cancer_history",
                         "duration_weeks", "sensation", "spread", "region"})
    CHECK(of(id).empty());
}
