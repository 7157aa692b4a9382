#include "engine/fact_table.h"

#include <catch2/catch.hpp>
#include <random>

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
  const FactId tags[] = {1};
  facts.forget(tags);
  CHECK(facts.certain_bits(1) == 0);
  CHECK(facts.possible_bits(1) == 0);
  CHECK(facts.certain(1).empty());
  CHECK(facts.certain_bits(0) == 8);  // not forgotten
}

TEST_CASE("the masks kept step by step are what the state says", "[engine]") {
  // Any sequence of changes, those no evaluation makes among them (a value
  // added to an open input, a second certain value of a single one).
  const std::vector<FactDecl> decls{{"flag", FactType::Bool, {}, true},
                                    {"weeks", FactType::Number, {}, true},
                                    {"kind", FactType::Choice, {"a", "b", "c"}, true},
                                    {"tags", FactType::Set, {"a", "b", "c"}, false},
                                    {"level", FactType::Ranked, {"a", "b", "c"}, false}};
  std::mt19937 rng(4);
  FactTable facts(decls);
  for (int step = 0; step < 20000; ++step) {
    const auto f = static_cast<FactId>(rng() % decls.size());
    const Value v = Value::number(rng() % 4 == 0 ? 70 : rng() % 3);
    switch (rng() % 8) {
      case 0: facts.set_open(f); break;
      case 1: facts.decline(f); break;
      case 2: facts.answer(f, v); break;
      case 3: {
        const FactId some[] = {f, static_cast<FactId>((f + 2) % decls.size())};
        facts.forget(some);
        break;
      }
      case 4:
      case 5: facts.add_certain(f, v); break;
      default: facts.add_possible(f, v); break;
    }
    for (FactId g = 0; g < static_cast<FactId>(decls.size()); ++g) {
      CAPTURE(step, g);
      CHECK(facts.for_mask(g).holds == facts.mask_from_state(g).holds);
      CHECK(facts.for_mask(g).may_hold == facts.mask_from_state(g).may_hold);
    }
  }
}
