#include "engine/condition.h"

#include <catch2/catch.hpp>

#include "engine/fact_table.h"

using namespace backtriage::engine;

TEST_CASE("eq and in over small numbers compile to a mask", "[engine]") {
  auto in = Condition::compare(0, Condition::Op::In, {Value::symbol(1), Value::symbol(3)});
  CHECK(in.operand_bits == 10);
  CHECK(Condition::compare(0, Condition::Op::Eq, {Value::number(40)}).operand_bits ==
        std::uint64_t{1} << 40);
  CHECK(Condition::compare(0, Condition::Op::Eq, {Value::number(0.5)}).operand_bits == 0);
  CHECK(Condition::compare(0, Condition::Op::Ge, {Value::number(4)}).operand_bits == 0);
  CHECK(Condition::compare(0, Condition::Op::Ne, {Value::number(4)}).operand_bits == 0);
  // Conditions built field by field (as the compact reader does) compile later.
  Condition all = Condition::all({in});
  all.children.front().operand_bits = 0;
  all.compile();
  CHECK(all.children.front().operand_bits == 10);
}

TEST_CASE("a masked comparison gives what the lists give", "[engine]") {
  std::vector<FactDecl> decls{{"kind", FactType::Choice, {"a", "b", "c", "d"}, false},
                              {"tags", FactType::Set, {"a", "b", "c", "d"}, false},
                              {"n", FactType::Number, {}, false}};
  const std::vector<Value> operands{Value::symbol(1), Value::symbol(3)};
  // Every state a fact can reach from a certain and a possible value.
  for (FactId f = 0; f < 3; ++f)
    for (int certain = -1; certain < 4; ++certain)
      for (int possible = -1; possible < 4; ++possible) {
        FactTable facts(decls);
        if (possible >= 0) facts.add_possible(f, Value::symbol(possible));
        if (certain >= 0) facts.add_certain(f, Value::symbol(certain));
        for (auto op : {Condition::Op::Eq, Condition::Op::In}) {
          auto masked = Condition::compare(f, op, operands);
          auto listed = masked;
          listed.operand_bits = 0;  // the general path
          CAPTURE(f, certain, possible, to_string(op));
          CHECK(masked.evaluate(facts) == listed.evaluate(facts));
          // And what the evaluator and the loops over parts call.
          CHECK(masked.truth(facts) == listed.evaluate(facts));
          for (auto whole : {Condition::all({masked}), Condition::any({masked}),
                             Condition::at_least(1, {masked})})
            CHECK(whole.evaluate(facts) == listed.evaluate(facts));
        }
      }
}

TEST_CASE("truth is evaluate, for open and ranked facts too", "[engine]") {
  std::vector<FactDecl> decls{{"kind", FactType::Choice, {"a", "b", "c", "d"}, true},
                              {"level", FactType::Ranked, {"a", "b", "c", "d"}, false}};
  const std::vector<Value> operands{Value::symbol(1), Value::symbol(3)};
  FactTable open(decls);
  open.set_open(0);
  auto in = Condition::compare(0, Condition::Op::In, operands);
  CHECK(in.truth(open) == Tri::Unknown);
  CHECK(Condition::all({in}).evaluate(open) == Tri::Unknown);
  // A ranked fact's value is its best certain one: not the mask's test.
  FactTable ranked(decls);
  ranked.add_certain(1, Value::symbol(3));
  ranked.add_certain(1, Value::symbol(0));
  auto level = Condition::compare(1, Condition::Op::In, operands);
  REQUIRE(level.operand_bits != 0);
  CHECK(level.truth(ranked) == Tri::False);
  CHECK(Condition::all({level}).evaluate(ranked) == Tri::False);
}
