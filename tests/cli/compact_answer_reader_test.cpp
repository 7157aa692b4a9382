#include "cli/compact_answer_reader.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "cli/answers_input.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {

const ruleset::RuleSet& rules() {
  return ruleset::embedded_rule_set();
}

// A batch line, mostly compact and mostly good, with every way it can be
// otherwise: spaces, escapes, repeated or unknown keys, long values, bad
// answers, a record id of any kind.
std::string random_line(std::mt19937& random) {
  static const std::vector<std::string> keys = {"fever",
                                                "spine_injury",
                                                "bladder_bowel",
                                                "cancer_history",
                                                "saddle_numbness",
                                                "leg_weakness",
                                                "duration_weeks",
                                                "sensation",
                                                "spread",
                                                "below_knee",
                                                "region",
                                                "age",
                                                "better_with_exercise",
                                                "sudden_spine_pain",
                                                "unknown",
                                                "Fever",
                                                "fe\\u0076er",
                                                "id",
                                                "a_key_longer_than_thirty_one_bytes"};
  static const std::vector<std::string> values = {"true",
                                                  "false",
                                                  "null",
                                                  "0",
                                                  "1",
                                                  "2",
                                                  "12",
                                                  "45",
                                                  "2.5",
                                                  "-1",
                                                  "-0",
                                                  "01",
                                                  "1e2",
                                                  "\"yes\"",
                                                  "\"no\"",
                                                  "\"n\"",
                                                  "\"y\"",
                                                  "\"unsure\"",
                                                  "\"15\"",
                                                  "\"dull\"",
                                                  "\"electric\"",
                                                  "\"spreads\"",
                                                  "\"one_spot\"",
                                                  "\"lower\"",
                                                  "\"both\"",
                                                  "\"perhaps\"",
                                                  "\"x\\\"y\"",
                                                  "\"caf\xc3\xa9\"",
                                                  "\"a string longer than sixteen\"",
                                                  "[true]",
                                                  "{}",
                                                  "tru",
                                                  "\"\"",
                                                  "\"a,b\"",
                                                  "\"a}b\"",
                                                  "123456789012345",
                                                  "\"case-1\"",
                                                  "\"a-record-id-longer-than-sixteen\"",
                                                  "\"no\"x",
                                                  "1 ",
                                                  std::string("1\0", 2),
                                                  std::string("\"n\0\"", 4)};
  // Most members a question and a value it takes, as batch lines are.
  static const std::vector<std::pair<std::string, std::vector<std::string>>> good = {
      {"fever", {"true", "false", "0", "1", "\"no\"", "\"n\"", "\"yes\"", "\"unsure\"", "null"}},
      {"leg_weakness", {"false", "0", "\"no\"", "\"n\"", "\"false\"", "\"y\""}},
      {"age", {"16", "45", "67", "90", "\"50\"", "null"}},
      {"duration_weeks", {"1", "4", "12", "0", "26"}},
      {"sensation", {"\"dull\"", "\"electric\"", "\"achy\"", "\"burning\""}},
      {"spread", {"\"one_spot\"", "\"spreads\"", "\"one-spot\""}},
      {"region", {"\"lower\"", "\"upper\"", "\"both\""}}};
  auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  const bool spaced = random() % 10 == 0;
  std::string line = "{";
  if (random() % 2)
    line += "\"id\":" + pick({"\"case-1\"", "7", "\"a-record-id-longer-than-sixteen\""}) + ",";
  const int count = static_cast<int>(random() % 8);
  for (int i = 0; i < count; ++i) {
    if (i) line += spaced ? ", " : ",";
    if (random() % 5 != 0) {
      const auto& [key, taken] = good[random() % good.size()];
      line += "\"" + key + "\":" + (spaced ? " " : "") + pick(taken);
    } else {
      line += "\"" + pick(keys) + "\":" + (spaced ? " " : "") + pick(values);
    }
  }
  line += "}";
  switch (random() % 25) {
    case 0: line += " "; break;
    case 1: line.insert(0, " "); break;
    case 2: line.insert(line.size() - 1, ","); break;
    case 3: line += "}"; break;
    default: break;
  }
  return line;
}

}  // namespace

TEST_CASE("a compact line reads as the flat reader reads it, or is declined untouched", "[cli]") {
  // One reader for every line, as in batch: what it remembers from one
  // line must never change what it makes of another.
  cli::CompactAnswerReader compact(rules());
  std::mt19937 random(5);
  const std::size_t facts = rules().knowledge_base().facts().size();
  // Something in every slot, so an answer read or cleared shows.
  const engine::Answers before(facts, engine::Value::number(-7));
  int read = 0, with_id = 0, answered = 0;
  for (int n = 0; n < 40000; ++n) {
    const std::string line = random_line(random);
    const bool batch = random() % 4 != 0;  // the record id is an answer key elsewhere
    INFO("line " << line << (batch ? " (batch)" : ""));
    engine::Answers fast = before;
    std::string fast_id = "untouched";
    if (!compact.read(line, fast, batch ? &fast_id : nullptr)) {
      REQUIRE(fast == before);
      REQUIRE(fast_id == "untouched");
      continue;
    }
    ++read;
    engine::Answers flat = before;
    std::string flat_id;
    REQUIRE(cli::read_answers_json(rules(), line, flat, batch ? &flat_id : nullptr) == "");
    REQUIRE(fast == flat);
    if (batch) {
      REQUIRE(fast_id == flat_id);
      with_id += !fast_id.empty();
    }
    for (std::size_t f = 0; f < facts; ++f) answered += fast[f] && fast[f] != before[f];
  }
  // The compact reader reads lines, not only declines them.
  CHECK(read > 6000);
  CHECK(with_id > 2000);
  CHECK(answered > 9000);
}

TEST_CASE("a compact line's answers are those of each value, met before or not", "[cli]") {
  cli::CompactAnswerReader compact(rules());
  const auto fact = [](const char* id) { return *rules().find_fact(id); };
  engine::Answers answers(rules().knowledge_base().facts().size());
  std::string id;
  // The same values over and over, in every spelling: from the second line
  // on they are remembered.
  for (int round = 0; round < 3; ++round) {
    REQUIRE(compact.read(R"({"id":"a","fever":"n","age":67,"region":"both","below_knee":null})",
                         answers, &id));
    CHECK(id == "\"a\"");
    CHECK(answers[fact("fever")] == engine::Value::boolean(false));
    CHECK(answers[fact("age")] == engine::Value::number(67));
    CHECK(answers[fact("region")]);
    CHECK_FALSE(answers[fact("below_knee")]);
    REQUIRE(compact.read(R"({"fever":1,"age":68,"id":12,"below_knee":false})", answers, &id));
    CHECK(id == "12");
    CHECK(answers[fact("fever")] == engine::Value::boolean(true));
    CHECK(answers[fact("age")] == engine::Value::number(68));
    CHECK(answers[fact("below_knee")] == engine::Value::boolean(false));
  }
  // What it declines: a bad answer, a repeated key, an unknown one, spaces.
  for (const char* line : {R"({"age":-3})", R"({"fever":"no","fever":"no"})", R"({"fevers":1})",
                           R"({"fever": 1})", R"({"fever":1,})", R"({"fever":1}})", "{",
                           R"({"fever":"no"x"age":1})", R"({"fever":"no""age":1})"}) {
    INFO(line);
    CHECK_FALSE(compact.read(line, answers, &id));
  }
  CHECK(compact.read("{}", answers, &id));
  CHECK(id.empty());
}
