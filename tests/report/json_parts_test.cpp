#include "report/json_parts.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"

using namespace backtriage;
using Json = nlohmann::ordered_json;

namespace {

// What `write` puts in a compact JSON text, read back.
template <typename Write>
Json written(Write write) {
  std::string text;
  report::JsonOut out(text, -1);
  write(out);
  return Json::parse(text);
}

}  // namespace

TEST_CASE("an exercise's JSON has a caution only when the rules gave one", "[json]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto& item = rules.items_of(rules.roles.routine).front();
  const Json plain = written([&](report::JsonOut& out) { report::json_exercise(out, item); });
  CHECK(plain["id"] == item.id);
  CHECK_FALSE(plain.contains("caution"));
  const Json careful =
      written([&](report::JsonOut& out) { report::json_exercise_with(out, item, "go gently"); });
  CHECK(careful["caution"] == "go gently");
  Json without = careful;
  without.erase("caution");
  CHECK(without == plain);
}

TEST_CASE("an answer's JSON: a yes/no question's unsure is the word", "[json]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto fever = *rules.find_fact("fever");
  const auto& question = *rules.find_question("fever");
  auto value = [&](const char* text) {
    return std::get<engine::Value>(ruleset::parse_answer(question, text));
  };
  auto answer = [&](engine::Value v) {
    return written([&](report::JsonOut& out) { report::write_answer(out, rules, fever, v); });
  };
  CHECK(answer(value("yes")) == true);
  CHECK(answer(value("no")) == false);
  CHECK(answer(value("unsure")) == "unsure");
}
