#include "engine/evaluator.h"

#include <catch2/catch.hpp>

using namespace backtriage::engine;

namespace {

// A tiny knowledge base built in code: inputs `a` (bool) and `n` (number),
// derived choice `kind` (x|y) and set `tags` (p|q).
struct Fixture {
  std::vector<FactDecl> facts{
      {"a", FactType::Bool, {}, true},
      {"n", FactType::Number, {}, true},
      {"kind", FactType::Choice, {"x", "y"}, false},
      {"tags", FactType::Set, {"p", "q"}, false},
  };
  static constexpr FactId A = 0, N = 1, KIND = 2, TAGS = 3;

  static Rule rule(std::string id, Condition when, std::vector<Assertion> then) {
    return Rule{std::move(id), std::move(when), std::move(then), "test"};
  }
  static Condition is(FactId f, Value v) { return Condition::compare(f, Condition::Op::Eq, {v}); }

  KnowledgeBase build(std::vector<Rule> rules) {
    auto built = KnowledgeBase::build(facts, std::move(rules));
    REQUIRE(built.problems.empty());
    return std::move(*built.knowledge_base);
  }
  static Answers answers(std::optional<bool> a, std::optional<double> n) {
    Answers out(4);
    if (a) out[A] = Value::boolean(*a);
    if (n) out[N] = Value::number(*n);
    return out;
  }
};

}  // namespace

TEST_CASE("three-valued conditions over answered and open inputs", "[engine]") {
  Fixture fx;
  auto kb = fx.build({Fixture::rule("r", Fixture::is(Fixture::A, Value::boolean(true)),
                                    {{Fixture::KIND, Value::symbol(0)}})});
  Evaluator ev(kb);
  CHECK(ev.run(Fixture::answers(true, {})).rule_status(0) == Tri::True);
  CHECK(ev.run(Fixture::answers(false, {})).rule_status(0) == Tri::False);
  auto open = ev.run(Fixture::answers({}, {}));
  CHECK(open.rule_status(0) == Tri::Unknown);
  CHECK(open.facts().certain(Fixture::KIND).empty());
  CHECK(open.facts().possible(Fixture::KIND).size() == 1);
  CHECK(open.open_questions() == std::vector<FactId>{Fixture::A});
}

TEST_CASE("all is false as soon as one part is false, any true as soon as one is true",
          "[engine]") {
  Fixture fx;
  auto a_true = Fixture::is(Fixture::A, Value::boolean(true));
  auto n_big = Condition::compare(Fixture::N, Condition::Op::Ge, {Value::number(12)});
  auto kb = fx.build({
      Fixture::rule("all", Condition::all({a_true, n_big}), {{Fixture::TAGS, Value::symbol(0)}}),
      Fixture::rule("any", Condition::any({a_true, n_big}), {{Fixture::TAGS, Value::symbol(1)}}),
  });
  Evaluator ev(kb);
  auto e = ev.run(Fixture::answers({}, 3));  // a unknown, n < 12
  CHECK(e.rule_status(0) == Tri::False);
  CHECK(e.rule_status(1) == Tri::Unknown);
  e = ev.run(Fixture::answers({}, 12));  // boundary: ge 12 holds at 12
  CHECK(e.rule_status(0) == Tri::Unknown);
  CHECK(e.rule_status(1) == Tri::True);
  CHECK(e.open_questions() == std::vector<FactId>{Fixture::A});
  CHECK(ev.run(Fixture::answers(false, 11.999)).rule_status(1) == Tri::False);
}

TEST_CASE("open questions come only from the undecided parts of an undecided condition",
          "[engine]") {
  Fixture fx;
  auto a_true = Fixture::is(Fixture::A, Value::boolean(true));
  auto n_big = Condition::compare(Fixture::N, Condition::Op::Ge, {Value::number(12)});
  // any(all(a, n >= 12), not(a), at_least 1 of (n >= 12)): with n at 3 the
  // `all` and the `at_least` are false, so only `not(a)` keeps it undecided.
  auto kb = fx.build(
      {Fixture::rule("nested",
                     Condition::any({Condition::all({a_true, n_big}), Condition::negate(a_true),
                                     Condition::at_least(1, {n_big})}),
                     {{Fixture::TAGS, Value::symbol(0)}})});
  Evaluator ev(kb);
  auto e = ev.run(Fixture::answers({}, 3));
  CHECK(e.rule_status(0) == Tri::Unknown);
  CHECK(e.open_questions() == std::vector<FactId>{Fixture::A});
  e = ev.run(Fixture::answers({}, {}));
  CHECK(e.open_questions() == std::vector<FactId>{Fixture::A, Fixture::N});
  e = ev.run(Fixture::answers({}, 12));  // the at_least holds: decided
  CHECK(e.rule_status(0) == Tri::True);
  CHECK(e.open_questions().empty());
}

TEST_CASE("set facts accumulate values from several rules", "[engine]") {
  Fixture fx;
  auto kb = fx.build({
      Fixture::rule("p", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{Fixture::TAGS, Value::symbol(0)}}),
      Fixture::rule("q", Condition::compare(Fixture::N, Condition::Op::Gt, {Value::number(1)}),
                    {{Fixture::TAGS, Value::symbol(1)}}),
  });
  auto e = Evaluator(kb).run(Fixture::answers(true, 5));
  auto tags = e.facts().certain(Fixture::TAGS);
  REQUIRE(tags.size() == 2);
  CHECK(e.facts().is_certain(Fixture::TAGS, Value::symbol(0)));
  CHECK(e.facts().is_certain(Fixture::TAGS, Value::symbol(1)));
}

TEST_CASE("negation is stratified: absent waits for every writer, whatever the file order",
          "[engine]") {
  Fixture fx;
  // The reader comes first in the list; it must still run after the writer.
  auto reader = Fixture::rule("reader", Condition::absent(Fixture::TAGS),
                              {{Fixture::KIND, Value::symbol(0)}});
  auto writer = Fixture::rule("writer", Fixture::is(Fixture::A, Value::boolean(true)),
                              {{Fixture::TAGS, Value::symbol(0)}});
  auto kb = fx.build({reader, writer});
  Evaluator ev(kb);
  auto yes = ev.run(Fixture::answers(true, {}));
  CHECK(yes.rule_status(0) == Tri::False);
  auto no = ev.run(Fixture::answers(false, {}));
  CHECK(no.rule_status(0) == Tri::True);
  CHECK(no.facts().is_certain(Fixture::KIND, Value::symbol(0)));
  // With `a` unanswered the writer may fire, so `absent` is unknown, and the
  // open question behind the undecided kind is `a`.
  auto open = ev.run(Fixture::answers({}, {}));
  CHECK(open.rule_status(0) == Tri::Unknown);
  CHECK(open.open_questions_for({Fixture::KIND}) == std::vector<FactId>{Fixture::A});
}

TEST_CASE("answers that can no longer change a decided fact are not open", "[engine]") {
  Fixture fx;
  auto n_big = Condition::compare(Fixture::N, Condition::Op::Ge, {Value::number(12)});
  auto kb = fx.build({
      Fixture::rule("x-by-n", n_big, {{Fixture::KIND, Value::symbol(0)}}),
      // A second way to the same conclusion, waiting on `a`.
      Fixture::rule("x-by-a", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{Fixture::KIND, Value::symbol(0)}}),
      // A way to another value, also waiting on `a`: once kind is decided it
      // could only clash, never change the result.
      Fixture::rule("y-by-a", Fixture::is(Fixture::A, Value::boolean(false)),
                    {{Fixture::KIND, Value::symbol(1)}}),
  });
  Evaluator ev(kb);
  auto decided = ev.run(Fixture::answers({}, 20));
  CHECK(decided.facts().is_certain(Fixture::KIND, Value::symbol(0)));
  CHECK(decided.open_questions().empty());
  CHECK(decided.open_questions_for({Fixture::KIND}).empty());
  // Undecided, `a` matters again.
  auto undecided = ev.run(Fixture::answers({}, 3));
  CHECK(undecided.open_questions() == std::vector<FactId>{Fixture::A});
}

TEST_CASE("chains run to a fixpoint through derived facts", "[engine]") {
  Fixture fx;
  auto kb = fx.build({
      Fixture::rule("third", Fixture::is(Fixture::KIND, Value::symbol(1)),
                    {{Fixture::TAGS, Value::symbol(1)}}),
      Fixture::rule("second", Fixture::is(Fixture::TAGS, Value::symbol(0)),
                    {{Fixture::KIND, Value::symbol(1)}}),
      Fixture::rule("first", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{Fixture::TAGS, Value::symbol(0)}}),
  });
  Trace trace;
  auto e = Evaluator(kb).run(Fixture::answers(true, {}), &trace);
  CHECK(e.facts().is_certain(Fixture::TAGS, Value::symbol(1)));
  REQUIRE(trace.firings().size() == 3);
  CHECK(kb.rules()[trace.firings()[0].rule].id == "first");
  CHECK(kb.rules()[trace.firings()[2].rule].id == "third");
  const auto read = trace.firings()[0].read;
  CHECK(std::vector<FactId>(read.begin(), read.end()) == std::vector<FactId>{Fixture::A});
}

TEST_CASE("positive cycles reach a fixpoint; cycles through negation are rejected", "[engine]") {
  Fixture fx;
  // tags:p -> kind:y -> tags:p is a positive loop, seeded by `a`.
  auto kb = fx.build({
      Fixture::rule("seed", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{Fixture::KIND, Value::symbol(1)}}),
      Fixture::rule("loop1", Fixture::is(Fixture::KIND, Value::symbol(1)),
                    {{Fixture::TAGS, Value::symbol(0)}}),
      Fixture::rule("loop2", Fixture::is(Fixture::TAGS, Value::symbol(0)),
                    {{Fixture::KIND, Value::symbol(1)}}),
  });
  CHECK(kb.stratum_is_cyclic(kb.stratum_of(1)));
  auto e = Evaluator(kb).run(Fixture::answers(true, {}));
  CHECK(e.facts().is_certain(Fixture::TAGS, Value::symbol(0)));
  CHECK(Evaluator(kb).run(Fixture::answers(false, {})).facts().certain(Fixture::TAGS).empty());

  auto built = KnowledgeBase::build(
      fx.facts,
      {Fixture::rule("neg", Condition::absent(Fixture::TAGS), {{Fixture::KIND, Value::symbol(0)}}),
       Fixture::rule("back", Fixture::is(Fixture::KIND, Value::symbol(0)),
                     {{Fixture::TAGS, Value::symbol(0)}})});
  REQUIRE(built.problems.size() == 1);
  CHECK(built.problems[0].rule == 0);
  CHECK(built.problems[0].message ==
        "rule 'neg' reads 'tags' through negation (or a ranked fact) inside a cycle of rules "
        "('neg', 'back'); "
        "the result would depend on rule order");
}

TEST_CASE("two rules asserting different values for a single-valued fact is an error", "[engine]") {
  Fixture fx;
  auto kb = fx.build({
      Fixture::rule("to-x", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{Fixture::KIND, Value::symbol(0)}}),
      Fixture::rule("to-y", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{Fixture::KIND, Value::symbol(1)}}),
  });
  Evaluator ev(kb);
  CHECK_THROWS_WITH(ev.run(Fixture::answers(true, {})),
                    "rules disagree on 'kind': rule 'to-x' asserts 'x', rule 'to-y' asserts 'y'");
  // Merely possible disagreement is not an error: nothing fired.
  CHECK_NOTHROW(ev.run(Fixture::answers({}, {})));
}

TEST_CASE("rules may not assert questions", "[engine]") {
  Fixture fx;
  auto built = KnowledgeBase::build(fx.facts,
                                    {Fixture::rule("bad", Fixture::is(Fixture::N, Value::number(1)),
                                                   {{Fixture::A, Value::boolean(true)}})});
  REQUIRE(built.problems.size() == 1);
  CHECK(built.problems[0].message ==
        "rule 'bad' asserts 'a', which is a question; rules may assert only derived facts");
}

TEST_CASE("a 100,000-rule chain neither recurses deeply nor loops", "[engine]") {
  const int n = 100000;
  std::vector<FactDecl> facts{{"start", FactType::Bool, {}, true}};
  for (int i = 0; i < n; ++i) facts.push_back({"f" + std::to_string(i), FactType::Bool, {}, false});
  std::vector<Rule> rules;
  for (int i = n - 1; i >= 0; --i)  // reverse file order on purpose
    rules.push_back({"r" + std::to_string(i),
                     Condition::compare(i, Condition::Op::Eq, {Value::boolean(true)}),
                     {{i + 1, Value::boolean(true)}},
                     "test"});
  auto built = KnowledgeBase::build(std::move(facts), std::move(rules));
  REQUIRE(built.problems.empty());
  Answers answers(n + 1);
  answers[0] = Value::boolean(true);
  auto e = Evaluator(*built.knowledge_base).run(answers);
  CHECK(e.facts().is_certain(n, Value::boolean(true)));
  // Unanswered, every rule waits on the one before it: tracing back to the
  // open question walks the whole chain.
  auto open = Evaluator(*built.knowledge_base).run(Answers(n + 1));
  CHECK(open.open_questions() == std::vector<FactId>{0});
  CHECK(open.open_questions_for({n}) == std::vector<FactId>{0});
}

namespace {

// A ladder: inputs `high` and `low` (bool), `opt` (an optional bool), and a
// ranked fact `step` whose values are `top`, `middle`, `bottom`, best first.
struct Ladder {
  std::vector<FactDecl> facts{
      {"high", FactType::Bool, {}, true},
      {"low", FactType::Bool, {}, true},
      {"opt", FactType::Bool, {}, true, /*optional=*/true},
      {"step", FactType::Ranked, {"top", "middle", "bottom"}, false},
      {"note", FactType::Set, {"n"}, false},
  };
  static constexpr FactId HIGH = 0, LOW = 1, OPT = 2, STEP = 3, NOTE = 4;
  static Condition yes(FactId f) {
    return Condition::compare(f, Condition::Op::Eq, {Value::boolean(true)});
  }
  KnowledgeBase kb;
  Ladder() : kb(build()) {}
  KnowledgeBase build() {
    auto built = KnowledgeBase::build(
        facts, {
                   {"to-top", yes(HIGH), {{STEP, Value::symbol(0)}}, "t"},
                   {"to-middle", yes(LOW), {{STEP, Value::symbol(1)}}, "t"},
                   {"to-bottom", Condition::all({}), {{STEP, Value::symbol(2)}}, "t"},
                   {"note-at-bottom",
                    Condition::all({Condition::compare(STEP, Condition::Op::Eq, {Value::symbol(2)}),
                                    yes(OPT)}),
                    {{NOTE, Value::symbol(0)}},
                    "t"},
               });
    REQUIRE(built.problems.empty());
    return std::move(*built.knowledge_base);
  }
  static Answers answers(std::optional<bool> high, std::optional<bool> low,
                         std::optional<bool> opt = {}) {
    Answers out(5);
    if (high) out[HIGH] = Value::boolean(*high);
    if (low) out[LOW] = Value::boolean(*low);
    if (opt) out[OPT] = Value::boolean(*opt);
    return out;
  }
};

}  // namespace

TEST_CASE("a ranked fact takes the best value asserted, without a conflict", "[engine]") {
  Ladder l;
  Evaluator ev(l.kb);
  auto both = ev.run(Ladder::answers(true, true));
  CHECK(both.facts().best_certain(Ladder::STEP) == Value::symbol(0));
  auto low_only = ev.run(Ladder::answers(false, true));
  CHECK(low_only.facts().best_certain(Ladder::STEP) == Value::symbol(1));
  auto none = ev.run(Ladder::answers(false, false));
  CHECK(none.facts().best_certain(Ladder::STEP) == Value::symbol(2));
}

TEST_CASE("a ranked value is true only when nothing better may still come", "[engine]") {
  Ladder l;
  Evaluator ev(l.kb);
  const auto is_bottom = Condition::compare(Ladder::STEP, Condition::Op::Eq, {Value::symbol(2)});
  const auto is_middle = Condition::compare(Ladder::STEP, Condition::Op::Eq, {Value::symbol(1)});
  const Condition* conditions[] = {&is_bottom, &is_middle};
  const ConditionProgram program(conditions, l.kb.facts());
  const int bottom = 0, middle = 1;
  auto high_open = ev.run(Ladder::answers({}, false));
  CHECK(program.truth(bottom, high_open.facts()) == Tri::Unknown);
  CHECK(program.truth(middle, high_open.facts()) == Tri::False);  // nothing can assert it
  auto low_yes_high_open = ev.run(Ladder::answers({}, true));
  CHECK(program.truth(middle, low_yes_high_open.facts()) == Tri::Unknown);
  CHECK(program.truth(bottom, low_yes_high_open.facts()) == Tri::False);  // already displaced
  auto decided = ev.run(Ladder::answers(false, true));
  CHECK(program.truth(middle, decided.facts()) == Tri::True);
  // Only `high` can still make `step` better than middle: `low` is settled.
  CHECK(low_yes_high_open.open_questions_for({Ladder::STEP}) == std::vector<FactId>{Ladder::HIGH});
  auto all_open = ev.run(Ladder::answers({}, {}));
  CHECK(all_open.open_questions_for({Ladder::STEP}) ==
        std::vector<FactId>{Ladder::HIGH, Ladder::LOW});
  // Once the best value is certain, nothing about the step is open.
  CHECK(ev.run(Ladder::answers(true, {})).open_questions_for({Ladder::STEP}).empty());
}

TEST_CASE("reading a ranked fact inside a cycle is rejected like a negation", "[engine]") {
  Ladder l;
  auto built = KnowledgeBase::build(
      l.facts, {{"a",
                 Condition::compare(Ladder::STEP, Condition::Op::Eq, {Value::symbol(1)}),
                 {{Ladder::NOTE, Value::symbol(0)}},
                 "t"},
                {"b", Condition::present(Ladder::NOTE), {{Ladder::STEP, Value::symbol(0)}}, "t"}});
  REQUIRE(built.problems.size() == 1);
  CHECK(built.problems[0].rule == 0);
}

TEST_CASE("optional inputs are open while someone can ask, declined once nobody will", "[engine]") {
  Ladder l;
  Evaluator ev(l.kb);
  auto asking = ev.run(Ladder::answers(false, false), nullptr, Unanswered::Open);
  CHECK(asking.rule_status(3) == Tri::Unknown);
  CHECK(asking.open_questions() == std::vector<FactId>{Ladder::OPT});
  auto final = ev.run(Ladder::answers(false, false), nullptr, Unanswered::Final);
  CHECK(final.rule_status(3) == Tri::False);
  CHECK(final.open_questions().empty());
  CHECK(final.facts().surely_absent(Ladder::OPT));
  // A required input stays open either way.
  auto required_open = ev.run(Ladder::answers({}, false), nullptr, Unanswered::Final);
  CHECK(required_open.open_questions() == std::vector<FactId>{Ladder::HIGH});
}

TEST_CASE("at_least counts the parts that hold, three-valued", "[engine]") {
  Fixture fx;
  auto a = Fixture::is(Fixture::A, Value::boolean(true));
  auto n1 = Condition::compare(Fixture::N, Condition::Op::Ge, {Value::number(1)});
  auto n2 = Condition::compare(Fixture::N, Condition::Op::Ge, {Value::number(2)});
  auto two = Condition::at_least(2, {a, n1, n2});
  auto kb = fx.build({Fixture::rule("two", two, {{Fixture::TAGS, Value::symbol(0)}})});
  Evaluator ev(kb);
  CHECK(ev.run(Fixture::answers({}, 5)).rule_status(0) == Tri::True);     // n1, n2
  CHECK(ev.run(Fixture::answers({}, 1)).rule_status(0) == Tri::Unknown);  // n1, a open
  CHECK(ev.run(Fixture::answers(true, 1)).rule_status(0) == Tri::True);
  CHECK(ev.run(Fixture::answers(false, 1)).rule_status(0) == Tri::False);
  CHECK(ev.run(Fixture::answers({}, 0)).rule_status(0) == Tri::False);  // at most one can hold
}

TEST_CASE("what a rule asserts is compiled with its value's bit and its fact's kind", "[engine]") {
  // The derived facts need not hold symbols: a number asserted by a rule
  // (70.5 has no bit; 3 has one) is kept from its list alone.
  Fixture fx;
  fx.facts.push_back({"score", FactType::Number, {}, false});
  const FactId score = 4;
  auto kb = fx.build({
      Fixture::rule("both", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{Fixture::KIND, Value::symbol(1)}, {Fixture::TAGS, Value::symbol(0)}}),
      Fixture::rule("half", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{score, Value::number(70.5)}}),
      Fixture::rule("three", Condition::compare(Fixture::N, Condition::Op::Ge, {Value::number(1)}),
                    {{Fixture::TAGS, Value::number(3)}}),
  });
  const auto both = kb.assertions(0);
  REQUIRE(both.size() == 2);
  CHECK((both[0].fact == Fixture::KIND && both[0].single && both[0].bit == 2));
  CHECK((both[1].fact == Fixture::TAGS && !both[1].single && both[1].bit == 1));
  REQUIRE(kb.assertions(1).size() == 1);
  CHECK((kb.assertions(1)[0].bit == 0 && kb.assertions(1)[0].single));
  CHECK(kb.assertions(2)[0].bit == 8);
  // Fired, each is where it was asserted to be, the bitless one by its list.
  Evaluator ev(kb);
  auto fired = ev.run(Fixture::answers(true, 5));
  CHECK(fired.facts().is_certain(Fixture::KIND, Value::symbol(1)));
  CHECK(fired.facts().certain(score).size() == 1);
  CHECK(fired.facts().is_certain(score, Value::number(70.5)));
  CHECK(fired.facts().certain_bits(Fixture::TAGS) == 0b1001);
  // A second bitless value clashes with the first, as any single fact's.
  auto clash = fx.build({
      Fixture::rule("one", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{score, Value::number(70.5)}}),
      Fixture::rule("two", Fixture::is(Fixture::A, Value::boolean(true)),
                    {{score, Value::number(0.5)}}),
  });
  CHECK_THROWS_AS(Evaluator(clash).run(Fixture::answers(true, {})), ConflictError);
}
