// ReportBuilder remembers what is assumed by a key of what the reruns read
// (engine::RerunKey), across the lines of a batch. A remembered `assumed`
// must be what working it out afresh gives, or a line would be told what
// another line's answers implied.
#include "report/build_report.h"

#include <catch2/catch.hpp>
#include <random>

#include "ruleset/loader.h"

using namespace backtriage;
using engine::FactId;
using engine::Value;

TEST_CASE("a remembered `assumed` is what working it out afresh gives", "[report][assumed]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto& kb = rules.knowledge_base();
  const engine::Evaluator evaluator(kb);
  report::ReportBuilder remembering(rules);
  engine::Evaluation evaluation(kb);
  std::mt19937 random(20261206);
  auto id = [&](const char* question) { return *kb.find_fact(question); };
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
  // Lines as a batch meets them (tests/bench/gen_cases.py): the red flags
  // mostly no, optional questions left out in a few groups, so that the
  // same questions are declined again and again and a finding is reused.
  constexpr double kNumbers[] = {0, 1, 5, 6, 7, 11, 12, 13, 18, 20, 28, 40, 45, 49, 50, 60, 80};
  const std::vector<FactId> optional_alone = {id("improving"), id("daily_life"),
                                              id("new_back_pain"), id("constant_pain")};
  const std::vector<FactId> inflammation = {id("morning_stiffness"), id("better_with_exercise"),
                                            id("wakes_late_night"), id("alternating_buttock")};
  std::vector<FactId> red_flags;
  for (const auto& flag : rules.items_of(rules.roles.red_flags))
    if (auto q = kb.find_fact(flag.id)) red_flags.push_back(*q);
  REQUIRE(red_flags.size() > 10);
  int reports = 0, with_assumed = 0;
  for (int line = 0; line < 10000; ++line) {
    engine::Answers answers(kb.facts().size());
    auto any_value = [&](FactId f) {
      const auto& decl = kb.facts()[f];
      switch (rules.questions[f].type) {
        case engine::FactType::Bool: return Value::boolean(random() % 2);
        case engine::FactType::Number:
          return Value::number(kNumbers[random() % std::size(kNumbers)]);
        default: return Value::symbol(static_cast<int>(random() % decl.symbols.size()));
      }
    };
    // Every required question answered, a yes-or-no one no (most are red
    // flags), but now and then one red flag yes.
    for (FactId f = 0; f < static_cast<FactId>(rules.questions.size()); ++f)
      if (!kb.facts()[f].optional)
        answers[f] = rules.questions[f].type == engine::FactType::Bool ? Value::boolean(false)
                                                                       : any_value(f);
    if (chance(0.1)) answers[red_flags[random() % red_flags.size()]] = Value::boolean(true);
    if (chance(0.5)) answers[id("age")] = any_value(id("age"));
    for (FactId f : optional_alone)
      if (chance(0.5)) answers[f] = any_value(f);
    if (chance(0.3))
      for (FactId f : inflammation) answers[f] = any_value(f);
    if (chance(0.05)) answers[random() % rules.questions.size()].reset();
    try {
      evaluator.run(answers, evaluation, nullptr, engine::Unanswered::Final);
    } catch (const engine::ConflictError&) {
      continue;
    }
    const std::vector<FactId> remembered = remembering.build(answers, evaluation, nullptr).assumed;
    report::ReportBuilder afresh(rules);
    INFO("line " << line);
    REQUIRE(remembered == afresh.build(answers, evaluation, nullptr).assumed);
    ++reports;
    with_assumed += !remembered.empty();
  }
  CHECK(reports > 9500);
  CHECK(with_assumed > 2000);  // the comparison above is not of empty lists
}
