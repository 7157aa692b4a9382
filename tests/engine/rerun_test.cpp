// Evaluator::rerun must give what a full run gives: the report's `assumed`
// is found with reruns, so any difference would change what a person is
// told was taken for granted. Each test compares the two, fact by fact (the
// values in the order they came) and rule by rule.
#include <catch2/catch.hpp>
#include <random>

#include "engine/downstream.h"
#include "engine/evaluator.h"
#include "ruleset/loader.h"

using namespace backtriage;
using namespace backtriage::engine;

namespace {

void require_same(const KnowledgeBase& kb, const Evaluation& full, const Evaluation& rerun) {
  for (FactId f = 0; f < static_cast<FactId>(kb.facts().size()); ++f) {
    INFO("fact " << kb.facts()[f].id);
    REQUIRE(rerun.facts().open(f) == full.facts().open(f));
    const auto certain = rerun.facts().certain(f), full_certain = full.facts().certain(f);
    REQUIRE(std::vector<Value>(certain.begin(), certain.end()) ==
            std::vector<Value>(full_certain.begin(), full_certain.end()));
    const auto possible = rerun.facts().possible(f), full_possible = full.facts().possible(f);
    REQUIRE(std::vector<Value>(possible.begin(), possible.end()) ==
            std::vector<Value>(full_possible.begin(), full_possible.end()));
  }
  for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r) {
    INFO("rule " << kb.rules()[r].id);
    REQUIRE(rerun.rule_status(r) == full.rule_status(r));
  }
}

// Any value a question of this type could have; numbers from a few that
// the default rules compare with.
Value some_value(const FactDecl& decl, std::mt19937& random) {
  static constexpr double kNumbers[] = {0, 1, 2, 3, 5, 6, 7, 12, 13, 20, 40, 50, 51, 70, 90};
  switch (decl.type) {
    case FactType::Bool: return Value::boolean(random() % 2);
    case FactType::Number: return Value::number(kNumbers[random() % std::size(kNumbers)]);
    default: return Value::symbol(static_cast<int>(random() % decl.symbols.size()));
  }
}

}  // namespace

TEST_CASE("a rerun with declined questions opened is the full run, on the default rules",
          "[engine][rerun]") {
  const auto& rules = ruleset::embedded_rule_set();
  const KnowledgeBase& kb = rules.knowledge_base();
  const Evaluator evaluator(kb);
  Evaluation base(kb), full(kb), rerun(kb);
  std::mt19937 random(20261205);
  int compared = 0, with_optional = 0;
  for (int trial = 0; trial < 400; ++trial) {
    Answers answers(kb.facts().size());
    std::vector<bool> declined(kb.facts().size(), false);
    std::vector<FactId> optional_unanswered;
    for (FactId f = 0; f < static_cast<FactId>(kb.facts().size()); ++f) {
      const FactDecl& decl = kb.facts()[f];
      if (!decl.is_input) continue;
      if (random() % 4 != 0) {  // most questions answered, as in a batch
        answers[f] = some_value(decl, random);
      } else if (decl.optional) {
        declined[f] = true;
        optional_unanswered.push_back(f);
      }
    }
    try {
      evaluator.run(answers, base, nullptr, Unanswered::Final);
    } catch (const ConflictError&) {
      continue;  // answers no person could give together
    }
    with_optional += !optional_unanswered.empty();
    // All of them, each alone, and the first half: the sets `assumed` opens.
    std::vector<std::vector<FactId>> sets{optional_unanswered};
    for (FactId q : optional_unanswered) sets.push_back({q});
    sets.emplace_back(optional_unanswered.begin(),
                      optional_unanswered.begin() + optional_unanswered.size() / 2);
    for (const auto& open : sets) {
      auto declined_now = declined;
      for (FactId q : open) declined_now[q] = false;
      evaluator.run(answers, full, declined_now);
      evaluator.rerun(base, downstream_of(kb, open), rerun);
      require_same(kb, full, rerun);
      ++compared;
    }
  }
  CHECK(with_optional > 100);  // the comparisons above did open questions
  CHECK(compared > 800);
}

TEST_CASE("a rerun runs a cycle again whole and replays writers that read nothing opened",
          "[engine][rerun]") {
  // `o` is optional. `loop` and `echo` feed each other (a cycle); `echo`
  // reads o, so the cycle runs again; `plain` asserts tag p from `a`
  // alone, and must still be there after the rerun.
  const std::vector<FactDecl> facts{
      {"a", FactType::Bool, {}, true},
      {"o", FactType::Bool, {}, true, true},
      {"tags", FactType::Set, {"p", "q", "r"}, false},
      {"seen", FactType::Bool, {}, false},
  };
  constexpr FactId A = 0, O = 1, TAGS = 2, SEEN = 3;
  auto is = [](FactId f, Value v) { return Condition::compare(f, Condition::Op::Eq, {v}); };
  std::vector<Rule> rules;
  rules.push_back({"plain", is(A, Value::boolean(true)), {{TAGS, Value::symbol(0)}}, "test"});
  rules.push_back({"loop",
                   Condition::any({is(TAGS, Value::symbol(1)), is(A, Value::boolean(true))}),
                   {{SEEN, Value::boolean(true)}},
                   "test"});
  rules.push_back({"echo",
                   Condition::all({is(SEEN, Value::boolean(true)), is(O, Value::boolean(false))}),
                   {{TAGS, Value::symbol(1)}, {TAGS, Value::symbol(2)}},
                   "test"});
  auto built = KnowledgeBase::build(facts, std::move(rules));
  REQUIRE(built.problems.empty());
  const KnowledgeBase& kb = *built.knowledge_base;
  const Evaluator evaluator(kb);
  Answers answers(facts.size());
  answers[A] = Value::boolean(true);
  Evaluation base(kb), full(kb), rerun(kb);
  evaluator.run(answers, base, nullptr, Unanswered::Final);
  const Downstream opened = downstream_of(kb, {O});
  CHECK(opened.evaluate == std::vector<char>{false, true, true});
  evaluator.rerun(base, opened, rerun);
  evaluator.run(answers, full, nullptr, Unanswered::Open);
  require_same(kb, full, rerun);
  CHECK(rerun.facts().is_certain(TAGS, Value::symbol(0)));
  CHECK(rerun.rule_status(2) == Tri::Unknown);
  // A second rerun from the same base restores only what the first changed.
  evaluator.rerun(base, downstream_of(kb, {}), rerun);
  require_same(kb, base, rerun);
}

TEST_CASE("answering one question at a time by reruns gives the full run at every step",
          "[engine][rerun]") {
  // The way `diff` walks the answers: all questions open to begin with,
  // then each answered (or declined, or left open) in asking order, each
  // evaluation a rerun from the one before; siblings rerun from one base.
  const auto& rules = ruleset::embedded_rule_set();
  const KnowledgeBase& kb = rules.knowledge_base();
  const Evaluator evaluator(kb);
  const auto questions = static_cast<FactId>(rules.questions.size());
  std::vector<Downstream> downstream;
  for (FactId q = 0; q < questions; ++q) downstream.push_back(downstream_of(kb, {q}));
  std::mt19937 random(20261206);
  int compared = 0;
  for (int trial = 0; trial < 60; ++trial) {
    Answers answers(kb.facts().size());
    std::vector<bool> declined(kb.facts().size(), false);
    std::vector<Evaluation> steps(questions + 1, Evaluation(kb));
    Evaluation full(kb);
    evaluator.run(answers, steps[0], declined);
    try {
      for (FactId q = 0; q < questions; ++q) {
        const FactDecl& decl = kb.facts()[q];
        // Two siblings from the same base, then the one the walk goes on with.
        for (int sibling = 0; sibling < 3; ++sibling) {
          answers[q].reset();
          declined[q] = false;
          if (const int kind = static_cast<int>(random() % 6); kind < 4)
            answers[q] = some_value(decl, random);
          else if (kind == 4)
            declined[q] = decl.optional;
          evaluator.rerun(steps[q], downstream[q], answers, declined, steps[q + 1]);
          evaluator.run(answers, full, declined);
          require_same(kb, full, steps[q + 1]);
          ++compared;
        }
      }
    } catch (const ConflictError&) {
      continue;  // answers no person could give together
    }
  }
  CHECK(compared > 3000);
}

TEST_CASE("rules without a cycle run in one loop as the strata would run them", "[engine][rerun]") {
  // The same rules and order, every stratum marked cyclic: each then runs
  // to its fixpoint through run_strata, the path a rule set with a cycle
  // takes. Runs and reruns of both must agree, and a reused evaluation
  // (a batch's) must hold what a fresh one does.
  const KnowledgeBase& kb = ruleset::embedded_rule_set().knowledge_base();
  REQUIRE(kb.acyclic());
  KnowledgeBase::Order order = kb.order();
  std::fill(order.cyclic.begin(), order.cyclic.end(), char{1});
  const KnowledgeBase by_strata = KnowledgeBase::from_order(kb.facts(), kb.rules(), order);
  REQUIRE(!by_strata.acyclic());
  const Evaluator loop(kb), strata(by_strata);
  Evaluation reused(kb), fresh(kb), by_strata_run(by_strata), rerun(kb), by_strata_rerun(by_strata);
  std::mt19937 random(20261206);
  int compared = 0;
  for (int trial = 0; trial < 300; ++trial) {
    Answers answers(kb.facts().size());
    std::vector<FactId> optional_unanswered;
    for (FactId f : kb.inputs()) {
      if (random() % 4 != 0)
        answers[f] = some_value(kb.facts()[f], random);
      else if (kb.facts()[f].optional)
        optional_unanswered.push_back(f);
    }
    Trace loop_trace, strata_trace;
    try {
      loop.run(answers, reused, &loop_trace, Unanswered::Final);
    } catch (const ConflictError& e) {
      CHECK_THROWS_WITH(strata.run(answers, by_strata_run, nullptr, Unanswered::Final), e.what());
      continue;
    }
    fresh = loop.run(answers, nullptr, Unanswered::Final);
    strata.run(answers, by_strata_run, &strata_trace, Unanswered::Final);
    require_same(kb, fresh, reused);
    require_same(kb, by_strata_run, reused);
    REQUIRE(loop_trace.firings().size() == strata_trace.firings().size());
    for (std::size_t i = 0; i < loop_trace.firings().size(); ++i)
      REQUIRE(loop_trace.firings()[i].rule == strata_trace.firings()[i].rule);
    if (optional_unanswered.empty()) continue;
    loop.rerun(reused, downstream_of(kb, optional_unanswered), rerun);
    strata.rerun(by_strata_run, downstream_of(by_strata, optional_unanswered), by_strata_rerun);
    require_same(kb, by_strata_rerun, rerun);
    ++compared;
  }
  CHECK(compared > 100);
}
