// The rule loader's errors: one test per kind, each asserting the exact
// message and its line:col, so a change in wording or position is seen.
#include "ruleset/loader.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ruleset/lint.h"

using namespace backtriage::ruleset;

namespace {

// A valid rule file up to `rules:`; each test appends its rules from line 12.
const std::string kHead = R"(id: t
version: "1"
disclaimer: d
questions:
  - {id: fever, type: bool, prompt: p, source: s}
  - {id: weeks, type: number, min: 0, max: 520, prompt: p, source: s}
  - {id: feel, type: choice, choices: [dull, sharp], prompt: p, source: s}
report: {level: step}
facts: [{id: level, type: choice, choices: [high, low]}, {id: sign, type: set, items: [a, b]}, {id: step, type: ranked, choices: [{id: go, label: Go, advice: Go., cds: critical, color: red}, {id: stay, label: Stay, advice: Stay., routine: true, cds: info, color: green}], undecided: {id: unknown, label: Unknown, advice: More., cds: warning, color: none}}]
# The facts above: `level` and `sign` for the tests, `step` the report's level.
rules:
)";

// Every diagnostic of `text`, as `file:line:col: message`, in the order given.
std::vector<std::string> problems(const std::string& text) {
  auto result = load_rule_set(text, "t.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(format_line(d));
  // A rule set comes back exactly when there is no error.
  CHECK(static_cast<bool>(result.rule_set) == !has_errors(result.diagnostics));
  return out;
}

std::vector<std::string> rule_problems(const std::string& rules) {
  return problems(kHead + rules);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the head used by these tests is valid", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {fever: true}, then: {level: high}, source: s}\n") ==
        Lines{});
}

TEST_CASE("a YAML syntax error is reported where the parser stopped", "[loader]") {
  CHECK(problems("id: t\nquestions: [\n  {id: a}\nrules: x\n") ==
        Lines{"t.yaml:4:1: YAML syntax error: end of sequence flow not found"});
}

TEST_CASE("a duplicate key is an error at the second key", "[loader]") {
  CHECK(
      rule_problems("  - {id: r, when: {fever: true}, then: {level: high}, source: s, id: r2}\n") ==
      Lines{"t.yaml:12:66: duplicate key 'id' in a rule"});
}

TEST_CASE("an unknown key is an error that suggests the known one", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {fever: true}, then: {level: high}, sorce: s}\n") ==
        Lines{"t.yaml:12:55: unknown key 'sorce' in a rule (did you mean 'source'?)",
              "t.yaml:12:5: a rule needs 'source'"});
}

TEST_CASE("a missing required key is an error at its mapping", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {fever: true}, source: s}\n") ==
        Lines{"t.yaml:12:5: a rule needs 'then'"});
  CHECK(problems("id: t\nversion: \"1\"\nquestions: []\nfacts: []\nrules: []\n") ==
        Lines{"t.yaml:1:1: the rule file needs 'disclaimer'",
              "t.yaml:1:1: the rule file needs 'report'"});
}

TEST_CASE("a condition on an undefined fact is an error that suggests a known one", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {fevr: true}, then: {level: high}, source: s}\n") ==
        Lines{"t.yaml:12:20: unknown fact 'fevr' (did you mean 'fever'?)"});
  CHECK(rule_problems("  - {id: r, when: {absent: nothing}, then: {level: high}, source: s}\n") ==
        Lines{"t.yaml:12:28: unknown fact 'nothing'"});
}

TEST_CASE("a value of the wrong type is an error at the value", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {fever: 3}, then: {level: high}, source: s}\n") ==
        Lines{"t.yaml:12:27: 'fever': expected yes or no, got '3'"});
  CHECK(rule_problems("  - {id: r, when: {weeks: {ge: soon}}, then: {level: high}, source: s}\n") ==
        Lines{"t.yaml:12:32: 'weeks': expected a number from 0 to 520, got 'soon'"});
}

TEST_CASE("an ordering comparison on a choice is an error at the operator", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {feel: {lt: dull}}, then: {level: high}, source: s}\n") ==
        Lines{"t.yaml:12:27: 'lt' compares numbers, but 'feel' is a choice fact"});
}

TEST_CASE("an unknown choice value is an error that suggests a known one", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {feel: dul}, then: {level: high}, source: s}\n") ==
        Lines{"t.yaml:12:26: 'feel': expected one of dull, sharp, got 'dul' (did you mean "
              "'dull'?)"});
  CHECK(rule_problems("  - {id: r, when: {fever: true}, then: {level: hig}, source: s}\n") ==
        Lines{"t.yaml:12:48: 'level' has no value 'hig' (did you mean 'high'?) (expected high "
              "or low)"});
}

TEST_CASE("a duplicate rule id is an error at the second id", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {fever: true}, then: {level: high}, source: s}\n"
                      "  - {id: r, when: {fever: false}, then: {level: low}, source: s}\n") ==
        Lines{"t.yaml:13:10: duplicate rule id 'r'"});
}

TEST_CASE("a duplicate fact id is an error at the second id", "[loader]") {
  std::string text = kHead;
  text.replace(text.find("{id: sign"), 0, "{id: fever, type: bool}, ");
  text += "  - {id: r, when: {fever: true}, then: {level: high}, source: s}\n";
  CHECK(problems(text) == Lines{"t.yaml:9:63: duplicate fact id 'fever'"});
}

TEST_CASE("a rule asserting a question is an error at the fact", "[loader]") {
  CHECK(rule_problems("  - {id: r, when: {weeks: {gt: 2}}, then: {fever: true}, source: s}\n") ==
        Lines{"t.yaml:12:44: 'fever' is a question; a rule may assert only declared facts"});
}

TEST_CASE("a cycle through negation is an error at the rule that negates", "[loader]") {
  CHECK(rule_problems("  - {id: one, when: {fever: true}, then: {level: high}, source: s}\n"
                      "  - {id: two, when: {not: {sign: b}}, then: {sign: a}, source: s}\n"
                      "  - {id: three, when: {sign: a}, then: {sign: b}, source: s}\n") ==
        Lines{"t.yaml:13:5: rule 'two' reads 'sign' through negation (or a ranked fact) inside a "
              "cycle of rules ('two', 'three'); the result would depend on rule order"});
}

TEST_CASE("a byte that is not UTF-8 is an error where it stands, not a silent U+FFFD", "[loader]") {
  CHECK(problems("id: t\nversion: \"caf\xC3\xA9 \xE9\"\n") ==
        Lines{"t.yaml:2:16: invalid UTF-8 (byte 0xe9): save the file as UTF-8"});
}

TEST_CASE("a second YAML document is an error, not silently dropped", "[loader]") {
  CHECK(problems(kHead + "---\nid: other\n") ==
        Lines{"t.yaml:13:1: a second YAML document ('---'): the file must hold one"});
}

TEST_CASE("a red flag must say where 'unsure' puts a person", "[loader]") {
  std::string text = kHead;
  text.replace(text.find("{id: fever, type: bool,"), 23, "{id: fever, type: bool, red_flag: true,");
  text += "  - {id: r, when: {fever: true}, then: {level: high}, source: s}\n";
  CHECK(problems(text) ==
        Lines{"t.yaml:5:5: a red flag needs 'unsure': the level for a person who is not sure "
              "(red flags accept \"unsure\")"});
}

TEST_CASE("every error is reported, not only the first", "[loader]") {
  CHECK(rule_problems("  - {id: a, when: {fevr: true}, then: {level: high}, source: s}\n"
                      "  - {id: b, when: {feel: {lt: dull}}, then: {level: low}, source: s}\n"
                      "  - {id: a, when: {fever: true}, then: {level: high}, source: s}\n"
                      "  - {id: c, when: {weeks: 3}, then: {weeks: 4}, source: s}\n") ==
        Lines{"t.yaml:12:20: unknown fact 'fevr' (did you mean 'fever'?)",
              "t.yaml:13:27: 'lt' compares numbers, but 'feel' is a choice fact",
              "t.yaml:14:10: duplicate rule id 'a'",
              "t.yaml:15:38: 'weeks' is a question; a rule may assert only declared facts"});
}

TEST_CASE("the embedded rule set loads with no errors and no warnings", "[loader]") {
  auto result = load_rule_set(embedded_rules_text(), "<embedded>");
  std::vector<std::string> diagnostics;
  for (const auto& d : result.diagnostics) diagnostics.push_back(format_line(d));
  CHECK(diagnostics == Lines{});
  REQUIRE(result.rule_set);
  std::vector<std::string> warnings;
  for (const auto& d : lint(*result.rule_set)) warnings.push_back(format_line(d));
  CHECK(warnings == Lines{});
}

TEST_CASE("everyday words: one meaning each, one choice each, amounts that are numbers",
          "[loader]") {
  const std::string rule = "  - {id: r, when: {fever: true}, then: {level: high}, source: s}\n";
  // A word that means both yes and no could never be trusted at a warning sign.
  CHECK(problems(kHead + rule +
                 "interview:\n  spoken:\n    \"yes\": [yeah, sure]\n    \"no\": [nope, Sure.]\n") ==
        Lines{"t.yaml:16:11: 'sure' is listed under both yes and no"});
  CHECK(problems(kHead + rule +
                 "interview:\n  spoken:\n    why: [\"?\", help]\n    quit: [help]\n") ==
        Lines{"t.yaml:16:11: 'help' is listed under both why and quit"});
  // A list the file leaves out keeps its English default, so the clash may be
  // with a default: it is reported at the list the file gives.
  CHECK(problems(kHead + rule + "interview:\n  spoken:\n    \"no\": [nope, help]\n") ==
        Lines{"t.yaml:15:11: 'help' is listed under both no and why"});
  {
    auto result =
        load_rule_set(kHead + rule + "interview:\n  spoken:\n    \"yes\": [aye]\n", "t.yaml");
    REQUIRE(result.rule_set);
    const auto& spoken = result.rule_set->spoken;
    CHECK(spoken.yes == std::vector<std::string>{"aye"});
    CHECK(std::find(spoken.unsure.begin(), spoken.unsure.end(), "not sure") != spoken.unsure.end());
    auto bare = load_rule_set(kHead + rule, "t.yaml");  // no interview section at all
    REQUIRE(bare.rule_set);
    CHECK(std::find(bare.rule_set->spoken.why.begin(), bare.rule_set->spoken.why.end(), "why") !=
          bare.rule_set->spoken.why.end());
    // An interview section without `spoken` gets the same words as none.
    auto unspoken = load_rule_set(kHead + rule + "interview:\n  checklists: []\n", "t.yaml");
    REQUIRE(unspoken.rule_set);
    CHECK(unspoken.rule_set->spoken.why == bare.rule_set->spoken.why);
    CHECK(unspoken.rule_set->spoken.unsure == bare.rule_set->spoken.unsure);
    CHECK(unspoken.rule_set->spoken.negations == bare.rule_set->spoken.negations);
  }
  // A word that names two choices of one question.
  std::string head = kHead;
  head.replace(head.find("choices: [dull, sharp]"), 22,
               "choices: [{id: dull, says: [ache]}, {id: sharp, says: [stab, ache]}]");
  CHECK(problems(head + rule) == Lines{"t.yaml:7:84: 'ache' already says choice 'dull'"});
  // An amount is a number or a fraction; a unit is worth more than nothing.
  head = kHead;
  head.replace(head.find("max: 520,"), 9,
               "max: 520, spoken_units: [{says: [days], equals: 1/0}, {says: [hours], equals: "
               "0}],");
  CHECK(problems(head + rule) ==
        Lines{"t.yaml:6:87: equals '1/0' is not a number above 0 or a fraction such as 1/7",
              "t.yaml:6:117: equals '0' is not a number above 0 or a fraction such as 1/7"});
}

TEST_CASE("a level's rank by address is its rank by id; any other item has none", "[loader]") {
  const RuleSet& rules = embedded_rule_set();
  REQUIRE(rules.levels().size() >= 6);
  for (const Item& level : rules.levels())
    CHECK(rules.level_rank(level) == rules.level_rank(level.id));
  CHECK(rules.level_rank(rules.undecided) == -1);
  CHECK(rules.level_rank(rules.items_of(rules.roles.reasons).front()) == -1);
}
