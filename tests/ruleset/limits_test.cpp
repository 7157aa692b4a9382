// Rule sets at and past the limits: cycles, contradictions, very many rules,
// very deep conditions, very large files. Each must load and evaluate
// correctly or fail with a clear message — never hang or overflow the stack.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "engine/evaluator.h"
#include "ruleset/diagnostic.h"
#include "ruleset/loader.h"

using namespace backtriage;
using engine::Value;

namespace {

// A rule file with one number question `n` (0..100000) and one bool `a`,
// the given facts and rules (YAML list items, already indented).
std::string rule_file(const std::string& facts, const std::string& rules) {
  return "id: limits\nversion: \"1\"\ndisclaimer: test only\n"
         "report: {level: step}\n"
         "questions:\n"
         "  - {id: n, type: number, min: 0, max: 100000, prompt: \"N?\", source: test}\n"
         "  - {id: a, type: bool, prompt: \"A?\", source: test}\n"
         "facts:\n"
         "  - id: step\n"
         "    type: ranked\n"
         "    choices:\n"
         "      - {id: go, label: Go, advice: Go now., cds: critical, color: red}\n"
         "      - {id: stay, label: Stay, advice: Stay., routine: true, cds: info, color: green}\n"
         "    undecided: {id: unknown, label: Unknown, advice: More., cds: warning, color: "
         "none}\n" +
         facts + "rules:\n" + rules;
}

std::string all_messages(const ruleset::LoadResult& loaded) {
  std::string out;
  for (const auto& d : loaded.diagnostics) out += ruleset::format_line(d) + "\n";
  return out;
}

engine::Answers answers_for(const ruleset::RuleSet& rules, std::optional<double> n,
                            std::optional<bool> a) {
  engine::Answers answers(rules.knowledge_base().facts().size());
  if (n) answers[*rules.find_fact("n")] = Value::number(*n);
  if (a) answers[*rules.find_fact("a")] = Value::boolean(*a);
  return answers;
}

std::size_t certain_count(const engine::Evaluation& e, const ruleset::RuleSet& rules,
                          const char* fact) {
  return e.facts().certain(*rules.find_fact(fact)).size();
}

}  // namespace

TEST_CASE("a cycle through negation is refused at load time with its place", "[limits]") {
  auto loaded = ruleset::load_rule_set(
      rule_file("  - {id: p, type: choice, choices: [x]}\n"
                "  - {id: q, type: choice, choices: [x]}\n",
                "  - {id: one, when: {absent: q}, then: {p: x}, source: test}\n"
                "  - {id: two, when: {not: {p: x}}, then: {q: x}, source: test}\n"),
      "cycle.yaml");
  INFO(all_messages(loaded));
  REQUIRE_FALSE(loaded.rule_set);
  const std::string messages = all_messages(loaded);
  CHECK_THAT(
      messages,
      Catch::Contains("cycle.yaml:18:5: rule 'one' reads 'q' through negation (or a ranked fact) "
                      "inside a cycle of rules"));
}

TEST_CASE("a positive cycle loads and runs to a fixpoint", "[limits]") {
  // p and q feed each other; the run must end with both, not loop forever.
  auto loaded = ruleset::load_rule_set(
      rule_file("  - {id: p, type: set, items: [{id: x}]}\n"
                "  - {id: q, type: set, items: [{id: x}]}\n",
                "  - {id: start, when: {a: true}, then: {p: x}, source: test}\n"
                "  - {id: p-to-q, when: {p: x}, then: {q: x}, source: test}\n"
                "  - {id: q-to-p, when: {q: x}, then: {p: x}, source: test}\n"),
      "loop.yaml");
  INFO(all_messages(loaded));
  REQUIRE(loaded.rule_set);
  const auto& rules = *loaded.rule_set;
  engine::Evaluator evaluator(rules.knowledge_base());
  auto yes = evaluator.run(answers_for(rules, 1, true));
  CHECK(certain_count(yes, rules, "p") == 1);
  CHECK(certain_count(yes, rules, "q") == 1);
  auto no = evaluator.run(answers_for(rules, 1, false));
  CHECK(certain_count(no, rules, "q") == 0);
}

TEST_CASE("two rules asserting different values for one fact is a ConflictError", "[limits]") {
  auto loaded = ruleset::load_rule_set(
      rule_file("  - {id: level, type: choice, choices: [low, high]}\n",
                "  - {id: says-low, when: {a: true}, then: {level: low}, source: test}\n"
                "  - {id: says-high, when: {n: {ge: 5}}, then: {level: high}, source: test}\n"),
      "conflict.yaml");
  INFO(all_messages(loaded));
  REQUIRE(loaded.rule_set);
  const auto& rules = *loaded.rule_set;
  engine::Evaluator evaluator(rules.knowledge_base());
  // Only when both fire: each alone is fine.
  CHECK(certain_count(evaluator.run(answers_for(rules, 9, false)), rules, "level") == 1);
  CHECK(certain_count(evaluator.run(answers_for(rules, 1, true)), rules, "level") == 1);
  CHECK_THROWS_MATCHES(evaluator.run(answers_for(rules, 9, true)), engine::ConflictError,
                       Catch::Message("rules disagree on 'level': rule 'says-low' asserts "
                                      "'low', rule 'says-high' asserts 'high'") ||
                           Catch::Message("rules disagree on 'level': rule 'says-high' asserts "
                                          "'high', rule 'says-low' asserts 'low'"));
}

TEST_CASE("10,000 independent rules load and each fires exactly when it should", "[limits]") {
  constexpr int kRules = 10'000;
  std::string items, rules;
  for (int i = 0; i < kRules; ++i) {
    items += fmt::format("{}{{id: t{}}}", i ? ", " : "", i);
    rules += fmt::format(
        "  - {{id: r{}, when: {{n: {{ge: {}}}}}, then: {{tag: t{}}}, source: s}}\n", i, i, i);
  }
  auto loaded = ruleset::load_rule_set(
      rule_file("  - {id: tag, type: set, items: [" + items + "]}\n", rules), "wide.yaml");
  INFO(all_messages(loaded).substr(0, 2000));
  REQUIRE(loaded.rule_set);
  const auto& rs = *loaded.rule_set;
  REQUIRE(rs.knowledge_base().rules().size() == kRules);
  engine::Evaluator evaluator(rs.knowledge_base());
  engine::Evaluation evaluation(rs.knowledge_base());
  for (double n : {0.0, 1.0, 4999.5, 9999.0, 100000.0}) {
    evaluator.run(answers_for(rs, n, std::nullopt), evaluation);
    const auto tags = evaluation.facts().certain(*rs.find_fact("tag"));
    const auto want = static_cast<std::size_t>(std::min<double>(kRules, std::floor(n) + 1));
    CHECK(tags.size() == want);
  }
  // Unanswered: nothing fires, and `n` is the one open question.
  evaluator.run(answers_for(rs, std::nullopt, std::nullopt), evaluation);
  CHECK(evaluation.facts().certain(*rs.find_fact("tag")).empty());
  CHECK(evaluation.open_questions() == std::vector<engine::FactId>{*rs.find_fact("n")});
}

TEST_CASE("a chain of 10,000 rules, each feeding the next, runs in order", "[limits]") {
  // Rule i reads fact f(i-1) and asserts f(i): 10,000 strata deep. Ordering
  // them must not recurse once per link.
  constexpr int kRules = 10'000;
  std::string facts, rules;
  for (int i = 0; i < kRules; ++i) {
    facts += fmt::format("  - {{id: f{}, type: choice, choices: [on]}}\n", i);
    std::string when = i == 0 ? "{a: true}" : fmt::format("{{f{}: on}}", i - 1);
    rules += fmt::format("  - {{id: r{}, when: {}, then: {{f{}: on}}, source: s}}\n", i, when, i);
  }
  // Written last to first, so file order is the worst case for the sort.
  std::string reversed;
  for (std::size_t end = rules.size(); end > 0;) {
    std::size_t start = rules.rfind('\n', end - 2);
    start = start == std::string::npos ? 0 : start + 1;
    reversed += rules.substr(start, end - start);
    end = start;
  }
  auto loaded = ruleset::load_rule_set(rule_file(facts, reversed), "chain.yaml");
  INFO(all_messages(loaded).substr(0, 2000));
  REQUIRE(loaded.rule_set);
  const auto& rs = *loaded.rule_set;
  engine::Evaluator evaluator(rs.knowledge_base());
  auto on = evaluator.run(answers_for(rs, std::nullopt, true));
  CHECK(certain_count(on, rs, "f9999") == 1);
  auto off = evaluator.run(answers_for(rs, std::nullopt, false));
  CHECK(certain_count(off, rs, "f9999") == 0);
  auto open = evaluator.run(answers_for(rs, std::nullopt, std::nullopt));
  CHECK(open.open_questions_for({*rs.find_fact("f9999")}) ==
        std::vector<engine::FactId>{*rs.find_fact("a")});
}

TEST_CASE("a deeply nested condition is a clear error, not a stack overflow", "[limits]") {
  auto nested = [](int depth, bool flow) {
    std::string when;
    if (flow) {
      for (int i = 0; i < depth; ++i) when += "{not: ";
      when += "{a: true}";
      when += std::string(depth, '}');
      return "  - {id: deep, when: " + when + ", then: {p: x}, source: s}\n";
    }
    std::string out = "  - id: deep\n    when:\n";
    std::string indent = "      ";
    for (int i = 0; i < depth; ++i, indent += "  ") out += indent + "not:\n";
    return out + indent + "a: true\n    then: {p: x}\n    source: s\n";
  };
  const std::string facts = "  - {id: p, type: choice, choices: [x]}\n";

  SECTION("deeper than the condition limit") {
    for (bool flow : {true, false}) {
      auto loaded = ruleset::load_rule_set(rule_file(facts, nested(100, flow)), "deep.yaml");
      INFO(all_messages(loaded));
      REQUIRE_FALSE(loaded.rule_set);
      CHECK_THAT(all_messages(loaded), Catch::Contains("a condition nests more than 64 levels"));
    }
  }
  SECTION("deeper than YAML itself allows") {
    // Block style costs indentation per level, so it stops at 3,000 levels.
    for (bool flow : {true, false}) {
      auto loaded = ruleset::load_rule_set(rule_file(facts, nested(flow ? 100'000 : 3'000, flow)),
                                           "deep.yaml");
      REQUIRE_FALSE(loaded.rule_set);
      REQUIRE(loaded.diagnostics.size() == 1);
      CHECK_THAT(
          ruleset::format_line(loaded.diagnostics.front()),
          Catch::Matches("deep\\.yaml:[0-9]+:[0-9]+: YAML nests too deeply \\([0-9]+ levels\\)"));
    }
  }
  SECTION("within the limit it loads and means what it says") {
    auto loaded = ruleset::load_rule_set(rule_file(facts, nested(62, true)), "deep.yaml");
    INFO(all_messages(loaded));
    REQUIRE(loaded.rule_set);
    const auto& rs = *loaded.rule_set;
    engine::Evaluator evaluator(rs.knowledge_base());
    // 62 nots around {a: true} (with the rule, 64 levels): an even number, so p holds when a is
    // true.
    CHECK(certain_count(evaluator.run(answers_for(rs, std::nullopt, true)), rs, "p") == 1);
    CHECK(certain_count(evaluator.run(answers_for(rs, std::nullopt, false)), rs, "p") == 0);
  }
}

TEST_CASE("deeply nested YAML anywhere in a rule file is an error, not a crash", "[limits]") {
  for (const char* open : {"[", "{a: ", "- "}) {
    std::string text = "id: x\nversion: \"1\"\ndisclaimer: d\nrules:\n  ";
    for (int i = 0; i < 100'000; ++i) text += open;
    INFO("nesting with " << open);
    auto loaded = ruleset::load_rule_set(text, "nest.yaml");
    REQUIRE_FALSE(loaded.rule_set);
    REQUIRE_FALSE(loaded.diagnostics.empty());
    CHECK_THAT(ruleset::format_line(loaded.diagnostics.front()),
               Catch::StartsWith("nest.yaml:5:") && Catch::Contains("YAML nests too deeply"));
  }
}

TEST_CASE("an oversized rule file is refused before parsing", "[limits]") {
  std::string text(ruleset::kMaxRuleFileBytes + 1, '#');
  auto loaded = ruleset::load_rule_set(text, "huge.yaml");
  REQUIRE_FALSE(loaded.rule_set);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(ruleset::format_line(loaded.diagnostics.front()) ==
        fmt::format("huge.yaml: the file is {} bytes; the limit is {} bytes", text.size(),
                    ruleset::kMaxRuleFileBytes));
}
