// ReportBuilder remembers what is assumed by a key of what the reruns read
// (engine::RerunKey), across the lines of a batch. A remembered `assumed`
// must be what working it out afresh gives, or a line would be told what
// another line's answers implied.
#include "report/build_report.h"

#include <bit>
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "ruleset/loader.h"

using namespace backtriage;
using engine::FactId;
using engine::Value;

TEST_CASE("a remembered `assumed` is what working it out afresh gives", "[report][assumed]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto& kb = rules.knowledge_base();
  const engine::Evaluator evaluator(kb);
  report::ReportBuilder remembering(rules);
  // Used for one report at a time (a single triage's), no keys made: what it
  // found must not leak from one line to the next.
  report::ReportBuilder once(rules, report::ReportBuilder::Uses::Once);
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
    REQUIRE(remembered == once.build(answers, evaluation, nullptr).assumed);
    ++reports;
    with_assumed += !remembered.empty();
  }
  CHECK(reports > 9500);
  CHECK(with_assumed > 2000);  // the comparison above is not of empty lists
}

TEST_CASE("what is assumed survives forgetting what opening each set reruns", "[report][assumed]") {
  // Thirteen optional questions, each of which could raise the step: 8,191
  // sets to leave out, more than the builder keeps worked out (4,096), so
  // it forgets them, in the middle of a line too.
  std::string text = R"(id: many
version: "1"
disclaimer: d
report: {level: level}
questions:
  - {id: weeks, type: number, min: 0, max: 10, prompt: p, source: s}
)";
  for (int i = 0; i < 13; ++i)
    text += "  - {id: o" + std::to_string(i) +
            ", type: bool, optional: true, assumed: a, prompt: p, source: s}\n";
  text += R"(facts:
  - id: level
    type: ranked
    choices:
      - {id: soon, label: S, advice: A, cds: warning, color: yellow}
      - {id: home, label: H, advice: A, routine: true, cds: info, color: green}
    undecided: {id: unknown, label: U, advice: A, cds: warning, color: yellow}
rules:
  - {id: home, when: {weeks: {lt: 10}}, then: {level: home}, source: s}
)";
  for (int i = 0; i < 13; ++i)
    text += "  - {id: r" + std::to_string(i) + ", when: {o" + std::to_string(i) +
            ": yes}, then: {level: soon}, source: s}\n";
  auto loaded = ruleset::load_rule_set(text, "many.yaml");
  REQUIRE(loaded.rule_set);
  const ruleset::RuleSet& rules = *loaded.rule_set;
  const auto& kb = rules.knowledge_base();
  const engine::Evaluator evaluator(kb);
  report::ReportBuilder remembering(rules);
  engine::Evaluation evaluation(kb);
  engine::Answers answers(kb.facts().size());
  answers[*kb.find_fact("weeks")] = Value::number(1);
  // Every set with the first twelve (4,095: the builder keeps them all),
  // then o11 and o12 together: a new set, and o12 alone a new one too, which
  // is one more than it keeps: it forgets them all while working this line
  // out. Then the rest.
  std::vector<unsigned> order;
  for (unsigned left_out = 1; left_out < (1u << 13); ++left_out)
    if (left_out != ((1u << 11) | (1u << 12))) order.push_back(left_out);
  order.insert(order.begin() + 4095, (1u << 11) | (1u << 12));
  int compared = 0;
  for (const unsigned left_out : order) {
    for (int i = 0; i < 13; ++i) {
      const FactId q = *kb.find_fact("o" + std::to_string(i));
      if (left_out & (1u << i))
        answers[q].reset();
      else
        answers[q] = Value::boolean(false);
    }
    evaluator.run(answers, evaluation, nullptr, engine::Unanswered::Final);
    const std::vector<FactId> remembered = remembering.build(answers, evaluation, nullptr).assumed;
    // Each question left out could have raised the step on its own.
    REQUIRE(static_cast<unsigned>(std::popcount(left_out)) == remembered.size());
    if (left_out % 97 != 0 && left_out != ((1u << 11) | (1u << 12)))
      continue;  // a fresh builder now and then: it is slow
    report::ReportBuilder afresh(rules);
    INFO("left out " << left_out);
    REQUIRE(remembered == afresh.build(answers, evaluation, nullptr).assumed);
    ++compared;
  }
  CHECK(compared > 80);
}

TEST_CASE("what to watch for is most urgent first, each step's entries in file order", "[report]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto& kb = rules.knowledge_base();
  const auto& entries = rules.items_of(rules.roles.watch_for);
  auto rank = [&](const ruleset::Item* entry) {
    return rules.watch_rank(static_cast<std::size_t>(entry - entries.data()));
  };
  report::ReportBuilder builder(rules);
  engine::Evaluation evaluation(kb);
  std::mt19937 random(4);
  int ties = 0;
  for (int line = 0; line < 6000; ++line) {
    engine::Answers answers(kb.facts().size());
    for (FactId f = 0; f < static_cast<FactId>(rules.questions.size()); ++f) {
      const auto& decl = kb.facts()[f];
      if (random() % 3 == 0) continue;  // left open
      switch (decl.type) {
        case engine::FactType::Bool: answers[f] = Value::boolean(random() % 8 == 0); break;
        case engine::FactType::Number: answers[f] = Value::number(random() % 90); break;
        default: answers[f] = Value::symbol(static_cast<int>(random() % decl.symbols.size()));
      }
    }
    try {
      engine::Evaluator(kb).run(answers, evaluation, nullptr, engine::Unanswered::Final);
    } catch (const engine::ConflictError&) {
      continue;
    }
    const auto& w = builder.build(answers, evaluation, nullptr, report::Detail::Brief).watch_for;
    INFO("line " << line);
    for (std::size_t i = 1; i < w.size(); ++i) {
      REQUIRE(rank(w[i - 1]) <= rank(w[i]));
      if (rank(w[i - 1]) == rank(w[i])) {
        REQUIRE(w[i - 1] < w[i]);  // items are contiguous: address order is file order
        ++ties;
      }
    }
  }
  CHECK(ties > 20);  // the order within a step was put to the test
}

TEST_CASE("a report lists a set's items in file order, whatever order the rules gave them",
          "[report]") {
  // Seventy reasons, asserted last first: below 64 the items come from the
  // values' bits, and with one from 64 on, from sorting their addresses.
  std::string text = R"(id: order
version: "1"
disclaimer: d
report: {level: level, reasons: reason}
questions:
  - {id: n, type: number, min: 0, max: 100, prompt: p, source: s}
facts:
  - id: level
    type: ranked
    choices:
      - {id: home, label: H, advice: A, routine: true, cds: info, color: green}
    undecided: {id: unknown, label: U, advice: A, cds: warning, color: yellow}
  - id: reason
    type: set
    items:
)";
  for (int i = 0; i < 70; ++i)
    text += "      - {id: v" + std::to_string(i) + ", text: t, source: s}\n";
  text += "rules:\n  - {id: home, when: {n: {ge: 0}}, then: {level: home}, source: s}\n";
  for (int i = 69; i >= 0; --i)
    text += "  - {id: r" + std::to_string(i) + ", when: {n: {ge: " + std::to_string(i) +
            "}}, then: {reason: v" + std::to_string(i) + "}, source: s}\n";
  auto loaded = ruleset::load_rule_set(text, "order.yaml");
  REQUIRE(loaded.rule_set);
  const ruleset::RuleSet& rules = *loaded.rule_set;
  const auto& kb = rules.knowledge_base();
  report::ReportBuilder builder(rules);
  engine::Evaluation evaluation(kb);
  engine::Answers answers(kb.facts().size());
  for (int n : {0, 1, 5, 63, 64, 69}) {  // the first n + 1 reasons, given last first
    answers[*kb.find_fact("n")] = Value::number(n);
    engine::Evaluator(kb).run(answers, evaluation, nullptr, engine::Unanswered::Final);
    std::vector<std::string> ids;
    for (const ruleset::Item* reason :
         builder.build(answers, evaluation, nullptr, report::Detail::Brief).reasons)
      ids.push_back(reason->id);
    std::vector<std::string> expected;
    for (int i = 0; i <= n; ++i) expected.push_back("v" + std::to_string(i));
    INFO("n " << n);
    CHECK(ids == expected);
  }
}
