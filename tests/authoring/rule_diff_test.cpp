#include "authoring/rule_diff.h"

#include <catch2/catch.hpp>
#include <map>

#include "ruleset/answer_parser.h"
#include "ruleset/loader.h"
#include "ruleset/relevance.h"

using namespace backtriage;

namespace {

// A small rule set: two red flags (one taking unsure), a number compared at
// `threshold`, an optional yes/no and a choice; a ladder of three steps.
std::string rules_text(int threshold, bool with_lump) {
  std::string text = R"(id: small
version: "1"
disclaimer: d
report: {level: level, routine: routine}
questions:
  - {id: chest, type: bool, red_flag: true, unsure: now, prompt: p, source: s}
)";
  if (with_lump)
    text += "  - {id: lump, type: bool, red_flag: true, unsure: soon, prompt: p, source: s}\n";
  text += R"(  - {id: weeks, type: number, min: 0, max: 10, prompt: p, source: s}
  - {id: daily, type: bool, optional: true, assumed: a, prompt: p, source: s}
  - {id: where, type: choice, choices: [{id: low}, {id: high}], prompt: p, source: s}
facts:
  - id: level
    type: ranked
    choices:
      - {id: now, label: N, advice: A, cds: critical, color: red}
      - {id: soon, label: S, advice: A, cds: warning, color: yellow}
      - {id: home, label: H, advice: A, routine: true, cds: info, color: green}
    undecided: {id: unknown, label: U, advice: A, cds: warning, color: yellow}
  - id: routine
    type: set
    items:
      - {id: stretch, name: S, kind: stretch, steps: [s], dose: {reps: 1}, source: s, figure: {view: side, start: {head: [10, 10], neck: [20, 10], l_shoulder: [20, 10], r_shoulder: [20, 10], l_elbow: [20, 30], r_elbow: [20, 30], l_hand: [20, 50], r_hand: [20, 50], l_hip: [60, 10], r_hip: [60, 10], l_knee: [90, 10], r_knee: [90, 10], l_foot: [120, 10], r_foot: [120, 10]}, end: {head: [10, 10], neck: [20, 10], l_shoulder: [20, 10], r_shoulder: [20, 10], l_elbow: [20, 30], r_elbow: [20, 30], l_hand: [20, 50], r_hand: [20, 50], l_hip: [60, 10], r_hip: [60, 10], l_knee: [90, 10], r_knee: [90, 10], l_foot: [120, 10], r_foot: [120, 10]}}}
      - {id: lift, name: L, kind: strengthening, steps: [s], dose: {reps: 1}, source: s, figure: {view: side, start: {head: [10, 10], neck: [20, 10], l_shoulder: [20, 10], r_shoulder: [20, 10], l_elbow: [20, 30], r_elbow: [20, 30], l_hand: [20, 50], r_hand: [20, 50], l_hip: [60, 10], r_hip: [60, 10], l_knee: [90, 10], r_knee: [90, 10], l_foot: [120, 10], r_foot: [120, 10]}, end: {head: [10, 10], neck: [20, 10], l_shoulder: [20, 10], r_shoulder: [20, 10], l_elbow: [20, 30], r_elbow: [20, 30], l_hand: [20, 50], r_hand: [20, 50], l_hip: [60, 10], r_hip: [60, 10], l_knee: [90, 10], r_knee: [90, 10], l_foot: [120, 10], r_foot: [120, 10]}}}
  - {id: red_flag, type: set, items: [chest, lump]}
rules:
  - {id: chest, when: {chest: {in: [yes, unsure]}}, then: {level: now}, source: s}
)";
  if (with_lump)
    text += "  - {id: lump, when: {lump: {in: [yes, unsure]}}, then: {level: soon}, source: s}\n";
  text += "  - {id: long, when: {weeks: {ge: " + std::to_string(threshold) +
          "}}, then: {level: soon}, source: s}\n" +
          R"(  - {id: daily, when: {daily: yes}, then: {level: soon}, source: s}
  - {id: short, when: {weeks: {lt: 10}}, then: {level: home}, source: s}
  - {id: stretch, when: {level: home}, then: {routine: stretch}, source: s}
  - {id: lift, when: {all: [{level: home}, {where: high}]}, then: {routine: lift}, source: s}
)";
  return text;
}

std::unique_ptr<const ruleset::RuleSet> load(int threshold, bool with_lump) {
  auto loaded = ruleset::load_rule_set(rules_text(threshold, with_lump), "small.yaml");
  std::string problems;
  for (const auto& d : loaded.diagnostics) problems += ruleset::format_line(d) + "\n";
  INFO(problems);
  REQUIRE(loaded.rule_set);
  return std::move(loaded.rule_set);
}

// Every combination, one by one: the same classes the diff is to count
// (the number split at both sets' thresholds, each also unanswered),
// written out by hand.
std::map<std::pair<std::string, std::string>, std::uint64_t> brute_force(
    const ruleset::RuleSet& a, const ruleset::RuleSet& b, const std::vector<std::string>& weeks) {
  std::map<std::pair<std::string, std::string>, std::uint64_t> changes;
  const std::vector<std::string> chest{"yes", "no", "unsure", ""}, lump{"yes", "no", "unsure", ""},
      daily{"yes", "no", ""}, where{"low", "high", ""};
  auto outcome = [](const ruleset::RuleSet& rules,
                    const std::map<std::string, std::string>& given) {
    engine::Answers answers(rules.knowledge_base().facts().size());
    for (const auto& [id, text] : given) {
      const auto* q = rules.find_question(id);
      if (!q || text.empty()) continue;
      answers[*rules.find_fact(id)] = std::get<engine::Value>(ruleset::parse_answer(*q, text));
    }
    auto e =
        engine::Evaluator(rules.knowledge_base()).run(answers, nullptr, engine::Unanswered::Final);
    const auto* level = ruleset::reported_level(rules, e.facts()).level;
    std::string out = level->id;
    if (level->routine)
      for (auto v : e.facts().certain(rules.roles.routine))
        out += "+" + rules.items_of(rules.roles.routine)[v.as_symbol()].id;
    return std::pair(level->id, out);
  };
  for (const auto& c : chest)
    for (const auto& l : lump)
      for (const auto& w : weeks)
        for (const auto& d : daily)
          for (const auto& r : where) {
            const std::map<std::string, std::string> given{
                {"chest", c}, {"lump", l}, {"weeks", w}, {"daily", d}, {"where", r}};
            auto before = outcome(a, given), after = outcome(b, given);
            if (before.second != after.second) ++changes[{before.first, after.first}];
          }
  return changes;
}

std::map<std::pair<std::string, std::string>, std::uint64_t> counted(const authoring::Diff& d) {
  std::map<std::pair<std::string, std::string>, std::uint64_t> out;
  for (const auto& change : d.levels) out[{change.from, change.to}] = change.count;
  return out;
}

}  // namespace

TEST_CASE("a moved threshold: the diff counts exactly what brute force counts", "[diff]") {
  const auto old_rules = load(5, true), new_rules = load(8, true);
  const auto diff = authoring::diff_answer_space(*old_rules, *new_rules);
  CHECK(diff.exact);
  // Classes of weeks: 0, (0,5), 5, (5,8), 8, (8,10), 10, and unanswered.
  const auto expected =
      brute_force(*old_rules, *new_rules, {"0", "2.5", "5", "6.5", "8", "9", "10", ""});
  CHECK(counted(diff) == expected);
  CHECK(diff.combinations == 4 * 4 * 8 * 3 * 3);
  std::uint64_t changed = 0;
  for (const auto& [key, n] : expected) changed += n;
  CHECK(diff.changed == changed);
  CHECK(changed > 0);
  // Pain of 5 to 8 weeks goes from "soon" to home care: less urgent.
  REQUIRE_FALSE(diff.levels.empty());
  CHECK(diff.any_less_urgent());
  for (const auto& change : diff.levels)
    if (change.from == "soon" && change.to == "home") {
      CHECK(change.less_urgent);
      // The fewest answers that show it.
      CHECK(change.example.size() == 3);
    }
}

TEST_CASE("a removed red flag makes cases less urgent", "[diff]") {
  const auto old_rules = load(5, true), new_rules = load(5, false);
  const auto diff = authoring::diff_answer_space(*old_rules, *new_rules);
  CHECK(counted(diff) == brute_force(*old_rules, *new_rules, {"0", "2.5", "5", "7.5", "10", ""}));
  CHECK(diff.any_less_urgent());
}

TEST_CASE("the same rules give no change", "[diff]") {
  const auto a = load(5, true), b = load(5, true);
  const auto diff = authoring::diff_answer_space(*a, *b);
  CHECK(diff.changed == 0);
  CHECK(diff.levels.empty());
  CHECK(diff.combinations == 4 * 4 * 6 * 3 * 3);
}

TEST_CASE("the default rules against themselves: exact, no change, and quick", "[diff]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto diff = authoring::diff_answer_space(rules, rules);
  CHECK(diff.exact);
  CHECK(diff.changed == 0);
  CHECK(diff.combinations > 1'000'000'000ull);
}
