#include "engine/condition_program.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "engine/fact_table.h"

using namespace backtriage::engine;

namespace {

// What a condition means, written out plainly over the fact's lists of
// values (no masks, no short circuits): what the program must give.
Tri reference(const Condition& c, const FactTable& facts) {
  auto fold = [&](Tri start, auto combine) {
    Tri t = start;
    for (const Condition& child : c.children) t = combine(t, reference(child, facts));
    return t;
  };
  auto present = [&] {
    if (!facts.certain(c.fact).empty()) return Tri::True;
    return facts.surely_absent(c.fact) ? Tri::False : Tri::Unknown;
  };
  switch (c.kind) {
    case Condition::Kind::All: return fold(Tri::True, tri_and);
    case Condition::Kind::Any: return fold(Tri::False, tri_or);
    case Condition::Kind::Not: return tri_not(reference(c.children.front(), facts));
    case Condition::Kind::AtLeast: {
      int holding = 0, undecided = 0;
      for (const Condition& child : c.children) {
        const Tri t = reference(child, facts);
        holding += t == Tri::True;
        undecided += t == Tri::Unknown;
      }
      return holding >= c.count               ? Tri::True
             : holding + undecided >= c.count ? Tri::Unknown
                                              : Tri::False;
    }
    case Condition::Kind::Present: return present();
    case Condition::Kind::Absent: return tri_not(present());
    case Condition::Kind::Compare: break;
  }
  if (facts.open(c.fact)) return Tri::Unknown;
  auto matches = [&](Value v) {
    const Value x = c.operands.front();
    switch (c.op) {
      case Condition::Op::Eq: return v == x;
      case Condition::Op::Ne: return v != x;
      case Condition::Op::Lt: return v < x;
      case Condition::Op::Le: return v <= x;
      case Condition::Op::Gt: return v > x;
      case Condition::Op::Ge: return v >= x;
      case Condition::Op::In:
        return std::find(c.operands.begin(), c.operands.end(), v) != c.operands.end();
    }
    return false;
  };
  const auto certain = facts.certain(c.fact);
  const auto possible = facts.possible(c.fact);
  switch (facts.decl(c.fact).type) {
    case FactType::Ranked: {
      // The best certain value, or a better one still possible.
      std::optional<Value> best;
      if (!certain.empty()) best = *std::min_element(certain.begin(), certain.end());
      bool some = best && matches(*best), all = some;
      for (Value v : possible) {
        if (best && !(v < *best)) continue;
        if (matches(v))
          some = true;
        else
          all = false;
      }
      return !some ? Tri::False : all ? Tri::True : Tri::Unknown;
    }
    case FactType::Set:
      if (std::any_of(certain.begin(), certain.end(), matches)) return Tri::True;
      break;
    default:
      if (!certain.empty()) return matches(certain.front()) ? Tri::True : Tri::False;
  }
  return std::any_of(possible.begin(), possible.end(), matches) ? Tri::Unknown : Tri::False;
}

const std::vector<FactDecl> kDecls{{"flag", FactType::Bool, {}, true},
                                   {"kind", FactType::Choice, {"a", "b", "c", "d"}, true},
                                   {"tags", FactType::Set, {"a", "b", "c", "d"}, false},
                                   {"level", FactType::Ranked, {"a", "b", "c", "d"}, false},
                                   {"weeks", FactType::Number, {}, true}};

// A random condition: comparisons of every kind (masks among them, and
// operands that are not small whole numbers) under all/any/not/at-least.
Condition random_condition(std::mt19937& rng, int depth) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  if (depth > 0 && pick(3) != 0) {
    std::vector<Condition> children;
    for (int i = pick(4); i > 0; --i) children.push_back(random_condition(rng, depth - 1));
    switch (pick(4)) {
      case 0: return Condition::all(std::move(children));
      case 1: return Condition::any(std::move(children));
      case 2: return Condition::negate(random_condition(rng, depth - 1));
      default: return Condition::at_least(pick(3), std::move(children));
    }
  }
  const FactId fact = pick(static_cast<int>(kDecls.size()));
  if (pick(6) == 0) return pick(2) ? Condition::present(fact) : Condition::absent(fact);
  const auto op = static_cast<Condition::Op>(pick(7));
  std::vector<Value> operands;
  for (int i = op == Condition::Op::In ? 1 + pick(3) : 1; i > 0; --i)
    operands.push_back(Value::number(pick(5) == 0 ? 1.5 : pick(4)));
  return Condition::compare(fact, op, std::move(operands));
}

// A random state of every fact: an input open, answered or declined, or
// some certain and possible values (a single-valued fact never has two
// certain ones: that is a clash). A fact of symbols holds only their
// indices, as the loader ensures; the others also a value that is not a
// small whole number.
FactTable random_facts(std::mt19937& rng) {
  FactTable facts(kDecls);
  for (FactId f = 0; f < static_cast<FactId>(kDecls.size()); ++f) {
    auto value = [&] {
      if (kDecls[f].has_symbols()) return Value::symbol(static_cast<int>(rng() % 4));
      return Value::number(rng() % 5 == 0 ? 1.5 : rng() % 4);
    };
    if (kDecls[f].is_input) {
      switch (rng() % 4) {
        case 0: facts.set_open(f); continue;
        case 1: facts.answer(f, value()); continue;
        case 2: facts.decline(f); continue;
        default: break;  // values as a rule would assert them
      }
    }
    // Possible and certain values in any order, as rules fire.
    const bool single = kDecls[f].conflicts_on_disagreement();
    for (int i = static_cast<int>(rng() % 5); i > 0; --i) {
      const Value v = value();
      if (rng() % 2 == 0 && !(single && !facts.certain(f).empty()))
        facts.add_certain(f, v);
      else
        facts.add_possible(f, v);
    }
  }
  return facts;
}

Tri truth_of(const Condition& c, const FactTable& facts) {
  const Condition* conditions[] = {&c};
  return ConditionProgram(conditions, kDecls).truth(0, facts);
}

}  // namespace

TEST_CASE("a compiled condition means what the condition says", "[engine]") {
  std::mt19937 rng(18);
  for (int i = 0; i < 4000; ++i) {
    const Condition c = random_condition(rng, 3);
    const Condition* conditions[] = {&c, &c};
    const ConditionProgram program(conditions, kDecls);
    std::vector<const Condition*> each;
    c.for_each_part([&](const Condition& part) { each.push_back(&part); });
    const int parts = static_cast<int>(each.size());
    REQUIRE(program.size() == 2 * parts);
    for (int j = 0; j < 8; ++j) {
      const FactTable facts = random_facts(rng);
      const Tri expected = reference(c, facts);
      CAPTURE(i, j);
      CHECK(program.truth(0, facts) == expected);
      CHECK(program.truth(parts, facts) == expected);  // the second, after the first
      std::vector<FactId> unknown;
      CHECK(program.truth_noting_unknown(0, facts, unknown) == expected);
      CHECK(unknown.empty() == (expected != Tri::Unknown));
      for (int p = 1; p < parts; ++p)  // RerunKey reads parts inside a condition
        CHECK(program.truth(parts + p, facts) == reference(*each[p], facts));
    }
  }
}

TEST_CASE("every part has its own step, numbered as for_each_part visits it", "[engine]") {
  const auto eq = [](FactId f, int v) {
    return Condition::compare(f, Condition::Op::Eq, {Value::number(v)});
  };
  const Condition c = Condition::any({Condition::all({eq(0, 1), eq(1, 2)}), eq(1, 3)});
  std::vector<const Condition*> parts;
  c.for_each_part([&](const Condition& part) { parts.push_back(&part); });
  const ConditionProgram program(parts, kDecls);  // each part on its own, too
  const Condition* whole[] = {&c};
  const ConditionProgram one(whole, kDecls);
  FactTable facts(kDecls);
  facts.answer(0, Value::boolean(true));
  facts.answer(1, Value::symbol(2));
  int from = 0;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    CAPTURE(p);
    CHECK(one.truth(static_cast<int>(p), facts) == reference(*parts[p], facts));
    CHECK(program.truth(from, facts) == reference(*parts[p], facts));
    parts[p]->for_each_part([&](const Condition&) { ++from; });
  }
  CHECK(one.truth(0, facts) == Tri::True);
  CHECK(one.truth(4, facts) == Tri::False);  // kind is b, not c
}

TEST_CASE("the unknown leaves noted are those that can still change the whole", "[engine]") {
  const auto is = [](FactId f, int v) {
    return Condition::compare(f, Condition::Op::Eq, {Value::number(v)});
  };
  FactTable facts(kDecls);
  facts.set_open(0);                        // flag: open
  facts.answer(1, Value::symbol(1));        // kind: b
  facts.set_open(4);                        // weeks: open
  facts.add_possible(2, Value::symbol(3));  // tags: d only possibly
  // any(all(flag, kind = c), weeks > 6, tags has d): the `all` is false
  // (kind is b), so flag no longer matters; weeks and tags do.
  const Condition c =
      Condition::any({Condition::all({is(0, 1), is(1, 2)}),
                      Condition::compare(4, Condition::Op::Gt, {Value::number(6)}), is(2, 3)});
  const Condition* conditions[] = {&c};
  const ConditionProgram program(conditions, kDecls);
  std::vector<FactId> unknown{42};  // appended to, not replaced
  CHECK(program.truth_noting_unknown(0, facts, unknown) == Tri::Unknown);
  CHECK(unknown == std::vector<FactId>{42, 4, 2});
  // Once tags certainly has d, the whole is true and waits on nothing.
  facts.add_certain(2, Value::symbol(3));
  unknown.clear();
  CHECK(program.truth_noting_unknown(0, facts, unknown) == Tri::True);
  CHECK(unknown.empty());
}

TEST_CASE("eq and in over small numbers are tested as masks, as the lists test them", "[engine]") {
  // Every state a fact can reach from a certain and a possible value.
  const std::vector<Value> operands{Value::symbol(1), Value::symbol(3)};
  for (FactId f = 0; f < static_cast<FactId>(kDecls.size()); ++f)
    for (int certain = -1; certain < 4; ++certain)
      for (int possible = -1; possible < 4; ++possible) {
        FactTable facts(kDecls);
        if (possible >= 0) facts.add_possible(f, Value::symbol(possible));
        if (certain >= 0) facts.add_certain(f, Value::symbol(certain));
        for (auto op : {Condition::Op::Eq, Condition::Op::In}) {
          const auto c = Condition::compare(f, op, operands);
          CAPTURE(f, certain, possible, to_string(op));
          CHECK(truth_of(c, facts) == reference(c, facts));
          for (const auto& whole : {Condition::all({c}), Condition::any({c}),
                                    Condition::at_least(1, {c}), Condition::negate(c)})
            CHECK(truth_of(whole, facts) == reference(whole, facts));
        }
      }
}

TEST_CASE("a ranked fact is compared by its best value, not by a mask", "[engine]") {
  FactTable ranked(kDecls);
  ranked.add_certain(3, Value::symbol(3));
  ranked.add_certain(3, Value::symbol(0));  // a better value: the fact is a now
  const auto level = Condition::compare(3, Condition::Op::In, {Value::symbol(1), Value::symbol(3)});
  CHECK(truth_of(level, ranked) == Tri::False);
  CHECK(truth_of(Condition::all({level}), ranked) == Tri::False);
  CHECK(truth_of(Condition::compare(3, Condition::Op::Eq, {Value::symbol(0)}), ranked) ==
        Tri::True);
}

TEST_CASE("an empty `all` holds, whatever the step after it says", "[engine]") {
  // Steps of one condition after another: an `all` of no parts must not
  // read the next condition's first step as its own first part.
  const Condition empty = Condition::all({});
  const Condition no = Condition::compare(0, Condition::Op::Eq, {Value::boolean(true)});
  const Condition* conditions[] = {&empty, &no};
  const ConditionProgram program(conditions, kDecls);
  FactTable facts(kDecls);
  facts.answer(0, Value::boolean(false));
  CHECK(program.truth(1, facts) == Tri::False);
  CHECK(program.truth(0, facts) == Tri::True);
}
