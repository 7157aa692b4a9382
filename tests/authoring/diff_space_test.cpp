#include "authoring/diff_space.h"

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
  // only), 60 and 65; unanswered last.
  CHECK(texts(age) == std::vector<std::string>{"0", "8", "16", "30.5", "45", "47.5", "50", "52.5",
                                               "55", "57.5", "60", "62.5", "65", "92.5", "120",
                                               ""});
  for (const auto& answer : age.answers) {
    INFO(answer.text);
    CHECK(answer.in_old == answer.in_new);  // both read a number the same
    // Each threshold is an age either set takes (a midpoint such as 30.5
    // is none: age is whole).
    if (!answer.text.empty() && answer.text.find('.') == std::string::npos) CHECK(answer.in_old);
  }
  CHECK_FALSE(age.answers.back().in_old);
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
