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
  const Json plain =
      written([&](report::JsonOut& out) { report::json_item(out, ruleset::Role::Routine, item); });
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

TEST_CASE("an item's JSON has the keys its role's row names, in order, between id and source",
          "[json]") {
  const auto& rules = ruleset::embedded_rule_set();
  auto keys = [](const Json& j) {
    std::vector<std::string> out;
    for (const auto& [key, value] : j.items()) out.push_back(key);
    return out;
  };
  auto json_of = [&](ruleset::Role role, const ruleset::Item& item) {
    return written([&](report::JsonOut& out) { report::json_item(out, role, item); });
  };
  const auto& avoid = rules.items_of(rules.roles.avoid).front();
  const Json a = json_of(ruleset::Role::Avoid, avoid);
  CHECK(keys(a) == std::vector<std::string>{"id", "name", "reason", "source"});
  CHECK(a["reason"] == avoid.as<ruleset::Avoid>().reason);
  CHECK(keys(json_of(ruleset::Role::Reasons, rules.items_of(rules.roles.reasons).front())) ==
        std::vector<std::string>{"id", "text", "source"});
  // A key the role does not require is there only when the item has it.
  ruleset::Item watch = rules.items_of(rules.roles.watch_for).front();
  watch.as<ruleset::WatchFor>().when.clear();
  CHECK(keys(json_of(ruleset::Role::WatchFor, watch)) ==
        std::vector<std::string>{"id", "level", "label", "signs", "source"});
  watch.as<ruleset::WatchFor>().when = "after the birth";
  const Json w = json_of(ruleset::Role::WatchFor, watch);
  CHECK(keys(w) == std::vector<std::string>{"id", "level", "label", "signs", "when", "source"});
  CHECK(w["signs"] == Json(watch.as<ruleset::WatchFor>().signs));
  // A required key is there even when empty: the schema promises it.
  ruleset::Item tip = rules.items_of(rules.roles.tips).front();
  tip.as<ruleset::Tip>().text.clear();
  CHECK(json_of(ruleset::Role::Tips, tip)["text"] == "");
}
