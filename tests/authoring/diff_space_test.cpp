#include "authoring/diff_space.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "ruleset/loader.h"

using namespace backtriage;

namespace {

const authoring::SpaceQuestion& question(const std::vector<authoring::SpaceQuestion>& space,
                                         const std::string& id) {
  for (const auto& q : space)
    if (q.id == id) return q;
  FAIL("no question " << id);
  return space.front();
}

std::vector<std::string> texts(const authoring::SpaceQuestion& q) {
  std::vector<std::string> out;
  for (const auto& a : q.answers) out.push_back(a.text);
  return out;
}

}  // namespace

TEST_CASE("a number's answers are its thresholds in either rule set and one inside each gap",
          "[diff]") {
  const auto& old_rules = ruleset::embedded_rule_set();
  std::string text(ruleset::embedded_rules_text());
  const std::string from = "{age: {ge: 50}}";
  text.replace(text.find(from), from.size(), "{age: {ge: 55}}");
  auto loaded = ruleset::load_rule_set(text, "new.yaml");
  REQUIRE(loaded.rule_set);
  const auto space = authoring::answer_space(old_rules, *loaded.rule_set);
  REQUIRE(space.size() == old_rules.questions.size());
  const auto& age = question(space, "age");
  // min 0, max 120; the rules compare age at 16, 45, 50 (old only), 55 (new
  // only), 60 and 65; a whole age inside each gap; unanswered last.
  CHECK(texts(age) == std::vector<std::string>{"0", "8", "16", "30", "45", "47", "50", "52", "55",
                                               "57", "60", "62", "65", "92", "120", ""});
  for (const auto& answer : age.answers) {
    INFO(answer.text);
    CHECK(answer.in_old == answer.in_new);  // both read a number the same
    // Every one but the last is an age either set takes: age is whole, and
    // a midpoint such as 30.5 would read as no answer.
    CHECK(answer.in_old.has_value() == !answer.text.empty());
  }
}

TEST_CASE("a whole number's gap without a whole value inside gets none", "[diff]") {
  const auto& old_rules = ruleset::embedded_rule_set();
  std::string text(ruleset::embedded_rules_text());
  const std::string from = "{age: {ge: 60}}";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "{age: {ge: 61}}");
  auto loaded = ruleset::load_rule_set(text, "new.yaml");
  REQUIRE(loaded.rule_set);
  const auto texts_of_age =
      texts(question(authoring::answer_space(old_rules, *loaded.rule_set), "age"));
  // 50, 60 (old), 61 (new), 65: nothing fits between 60 and 61.
  const std::vector<std::string> around(std::find(texts_of_age.begin(), texts_of_age.end(), "55"),
                                        std::find(texts_of_age.begin(), texts_of_age.end(), "65"));
  CHECK(around == std::vector<std::string>{"55", "60", "61", "63"});
}

TEST_CASE("each question of the answer space ends with no answer at all", "[diff]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto space = authoring::answer_space(rules, rules);
  REQUIRE(space.size() == rules.questions.size());
  for (std::size_t i = 0; i < space.size(); ++i) {
    INFO(space[i].id);
    CHECK(space[i].in_old == space[i].in_new);
    REQUIRE(space[i].answers.size() >= 2);
    const auto& last = space[i].answers.back();
    CHECK(last.text.empty());
    CHECK_FALSE(last.in_old);
    CHECK_FALSE(last.in_new);
  }
}
