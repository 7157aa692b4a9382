#include "engine/fact_table.h"

#include <catch2/catch.hpp>

using namespace backtriage::engine;

TEST_CASE("small_bit stands for whole numbers 0..63 only", "[engine]") {
  CHECK(small_bit(Value::boolean(false)) == 1);
  CHECK(small_bit(Value::boolean(true)) == 2);
  CHECK(small_bit(Value::symbol(63)) == std::uint64_t{1} << 63);
  CHECK(small_bit(Value::number(64)) == 0);
  CHECK(small_bit(Value::number(2.5)) == 0);
  CHECK(small_bit(Value::number(-1)) == 0);
}

TEST_CASE("the value bits follow the lists, which keep their order", "[engine]") {
  std::vector<FactDecl> decls{{"n", FactType::Number, {}, false},
                              {"tags", FactType::Set, {"p", "q", "r"}, false}};
  FactTable facts(decls);
  CHECK(facts.add_possible(0, Value::number(70)));
  CHECK(facts.add_certain(0, Value::number(3)));
  CHECK(facts.add_certain(0, Value::number(2.5)));
  CHECK_FALSE(facts.add_certain(0, Value::number(3)));
  CHECK_FALSE(facts.add_possible(0, Value::number(70)));
  CHECK(facts.is_certain(0, Value::number(2.5)));
  CHECK_FALSE(facts.is_certain(0, Value::number(70)));
  CHECK(facts.certain_bits(0) == 8);
  CHECK(facts.possible_bits(0) == 8);
  CHECK(facts.possible(0).size() == 3);
  CHECK(facts.possible(0).front() == Value::number(70));

  CHECK(facts.add_certain(1, Value::symbol(2)));
  CHECK(facts.add_certain(1, Value::symbol(0)));
  CHECK(facts.certain(1).front() == Value::symbol(2));
  CHECK(facts.certain_bits(1) == 5);
  CHECK_FALSE(facts.could_change(1, Value::symbol(0)));
  CHECK(facts.could_change(1, Value::symbol(1)));
  facts.reset();
  CHECK(facts.certain_bits(1) == 0);
  CHECK(facts.possible_bits(1) == 0);
  CHECK(facts.certain(1).empty());
}
