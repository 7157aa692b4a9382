#include "authoring/rule_diff.h"

#include <catch2/catch.hpp>
#include <map>

#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"
#include "ruleset/relevance.h"

using namespace backtriage;

namespace {

// The routine's two exercises (a figure each, the same: only `check` looks).
std::string exercises() {
  const std::string figure =
      "figure: {view: side, start: {head: [10, 10], neck: [20, 10], l_shoulder: [20, 10], "
      "r_shoulder: [20, 10], l_elbow: [20, 30], r_elbow: [20, 30], l_hand: [20, 50], r_hand: [20, "
      "50], l_hip: [60, 10], r_hip: [60, 10], l_knee: [90, 10], r_knee: [90, 10], l_foot: [120, "
      "10], r_foot: [120, 10]}, end: {head: [10, 10], neck: [20, 10], l_shoulder: [20, 10], "
      "r_shoulder: [20, 10], l_elbow: [20, 30], r_elbow: [20, 30], l_hand: [20, 50], r_hand: [20, "
      "50], l_hip: [60, 10], r_hip: [60, 10], l_knee: [90, 10], r_knee: [90, 10], l_foot: [120, "
      "10], r_foot: [120, 10]}}";
  return "      - {id: stretch, name: S, kind: stretch, steps: [s], dose: {reps: 1}, source: s, " +
         figure + "}\n" +
         "      - {id: lift, name: L, kind: strengthening, steps: [s], dose: {reps: 1}, source: "
         "s, " +
         figure + "}\n";
}

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
)";
  text += exercises();
  text += R"(  - {id: red_flag, type: set, items: [chest, lump]}
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

std::unique_ptr<const ruleset::RuleSet> load_text(const std::string& text) {
  auto loaded = ruleset::load_rule_set(text, "small.yaml");
  std::string problems;
  for (const auto& d : loaded.diagnostics) problems += ruleset::format_line(d) + "\n";
  INFO(problems);
  REQUIRE(loaded.rule_set);
  return std::move(loaded.rule_set);
}

std::unique_ptr<const ruleset::RuleSet> load(int threshold, bool with_lump) {
  return load_text(rules_text(threshold, with_lump));
}

using Changes = std::map<std::pair<std::string, std::string>, std::uint64_t>;
// Each question with the answers to try ("" for unanswered).
using Space = std::vector<std::pair<std::string, std::vector<std::string>>>;

// What a rule set says for one combination: its level, and the level with
// the routine, which is what the diff compares. A question the set does not
// have is left out.
std::pair<std::string, std::string> outcome(const ruleset::RuleSet& rules,
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
  if (ruleset::gives_routine(*level))
    for (auto v : e.facts().certain(rules.roles.routine))
      out += "+" + rules.items_of(rules.roles.routine)[v.as_symbol()].id;
  return std::pair(level->id, out);
}

// Every combination of `space`, one by one, written out by hand: the
// changes by old level and new level, and (in `total`) how many there were.
Changes brute_force(const ruleset::RuleSet& a, const ruleset::RuleSet& b, const Space& space,
                    std::uint64_t* total = nullptr) {
  Changes changes;
  std::vector<std::size_t> at(space.size(), 0);
  std::uint64_t count = 0;
  for (;;) {
    std::map<std::string, std::string> given;
    for (std::size_t i = 0; i < space.size(); ++i) given[space[i].first] = space[i].second[at[i]];
    auto before = outcome(a, given), after = outcome(b, given);
    if (before.second != after.second) ++changes[{before.first, after.first}];
    ++count;
    std::size_t i = 0;
    while (i < space.size() && ++at[i] == space[i].second.size()) at[i++] = 0;
    if (i == space.size()) break;
  }
  if (total) *total = count;
  return changes;
}

// The small rule set's space: the same classes the diff is to count (the
// number split at both sets' thresholds, each also unanswered).
Changes brute_force(const ruleset::RuleSet& a, const ruleset::RuleSet& b,
                    const std::vector<std::string>& weeks) {
  return brute_force(a, b,
                     {{"chest", {"yes", "no", "unsure", ""}},
                      {"lump", {"yes", "no", "unsure", ""}},
                      {"weeks", weeks},
                      {"daily", {"yes", "no", ""}},
                      {"where", {"low", "high", ""}}});
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

TEST_CASE("a change to whole ages between two thresholds is found", "[diff]") {
  // A child is under 16; written `le: 13` before, the two differ at 14 and
  // 15 only. The value tried inside the gap between the thresholds must be
  // a whole age: 14.5 reads as no answer, and the diff said "No change".
  // (Found first in the default rules; this is their age question alone.)
  auto ages = [](const std::string& child) {
    return R"(id: ages
version: "1"
disclaimer: d
report: {level: level}
questions:
  - {id: age, type: number, min: 0, max: 120, unit: years, whole: true, prompt: p, source: s}
facts:
  - id: level
    type: ranked
    choices:
      - {id: soon, label: S, advice: A, cds: warning, color: yellow}
      - {id: home, label: H, advice: A, routine: true, cds: info, color: green}
    undecided: {id: unknown, label: U, advice: A, cds: warning, color: yellow}
rules:
  - {id: child, when: {age: )" +
           child + R"(}, then: {level: soon}, source: s}
  - {id: anyone, when: {age: {ge: 0}}, then: {level: home}, source: s}
)";
  };
  const auto old_rules = load_text(ages("{le: 13}"));
  const auto new_rules = load_text(ages("{lt: 16}"));
  const auto diff = authoring::diff_answer_space(*old_rules, *new_rules);
  CHECK(diff.exact);
  CHECK(diff.changed > 0);
  REQUIRE(diff.levels.size() == 1);
  // Children of 14 and 15 are now seen soon, not looked after at home.
  const auto& change = diff.levels.front();
  CHECK(change.from == "home");
  CHECK(change.to == "soon");
  CHECK(change.example == authoring::Example{{"age", "14"}});
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
  // Quick by the work it does, not by a clock: the shared states keep the
  // walk to under a million branches (about 460,000) for more than 10^9
  // combinations, where one branch per combination would be billions.
  INFO("branches: " << diff.branches);
  CHECK(diff.branches < 1'000'000);
}

namespace {

// A rule set where many branches reach the same state: three warning signs
// of one step, a follow-up asked only after one of them, a sign read again
// with a later question, an optional question, and a derived fact between
// the answers and the level. `variant` moves one thing at a time.
std::string shared_states_text(int variant) {
  std::string text = R"(id: shared
version: "1"
disclaimer: d
report: {level: level, routine: routine}
questions:
  - {id: faint, type: bool, red_flag: true, unsure: now, prompt: p, source: s}
  - {id: fall, type: bool, red_flag: true, unsure: now, prompt: p, source: s}
  - {id: hurt, type: bool, unsure: now, prompt: p, source: s}
  - {id: hot, type: bool, red_flag: true, unsure: soon, prompt: p, source: s}
  - {id: thin, type: bool, red_flag: true, unsure: soon, prompt: p, source: s}
  - {id: lump, type: bool, red_flag: true, unsure: soon, prompt: p, source: s}
  - {id: weeks, type: number, min: 0, max: 20, prompt: p, source: s}
  - {id: daily, type: bool, optional: true, assumed: a, prompt: p, source: s}
  - {id: where, type: choice, choices: [{id: low}, {id: high}], prompt: p, source: s}
facts:
  - id: level
    type: ranked
    choices:
      - {id: now, label: N, advice: A, cds: critical, color: red}
      - {id: soon, label: S, advice: A, cds: warning, color: yellow}
      - {id: gp, label: G, advice: A, routine: true, cds: warning, color: yellow}
      - {id: home, label: H, advice: A, routine: true, cds: info, color: green}
    undecided: {id: unknown, label: U, advice: A, cds: warning, color: yellow}
  - {id: long, type: bool}
  - id: routine
    type: set
    items:
)";
  text += exercises();
  text += R"(  - {id: red_flag, type: set, items: [faint, fall, hot, thin, lump]}
rules:
  - {id: faint, when: {faint: {in: [yes, unsure]}}, then: {red_flag: faint, level: now}, source: s}
  - {id: fall, when: {fall: {in: [yes, unsure]}}, then: {red_flag: fall, level: soon}, source: s}
  - {id: hurt, when: {all: [{fall: {in: [yes, unsure]}}, {hurt: {in: [yes, unsure]}}]}, then: {level: now}, source: s}
  - {id: hot, when: {hot: {in: [yes, unsure]}}, then: {red_flag: hot, level: soon}, source: s}
  - {id: thin, when: {thin: {in: [yes, unsure]}}, then: {red_flag: thin, level: soon}, source: s}
)";
  text +=
      variant == 1
          ? "  - {id: lump, when: {lump: yes}, then: {red_flag: lump, level: soon}, source: s}\n"
          : "  - {id: lump, when: {lump: {in: [yes, unsure]}}, then: {red_flag: lump, level: "
            "soon}, source: s}\n";
  // A warning sign read again with a later question.
  text +=
      "  - {id: lump-high, when: {all: [{lump: no}, {where: high}, {weeks: {ge: 2}}]}, then: "
      "{level: gp}, source: s}\n";
  text += "  - {id: long, when: {weeks: {ge: " + std::string(variant == 2 ? "8" : "12") +
          "}}, then: {long: true}, source: s}\n";
  text += "  - {id: short, when: {weeks: {lt: " + std::string(variant == 2 ? "8" : "12") +
          "}}, then: {long: false}, source: s}\n";
  text += R"(
  - {id: chronic, when: {long: true}, then: {level: gp}, source: s}
  - {id: daily, when: {daily: yes}, then: {level: gp}, source: s}
  - {id: home, when: {long: false}, then: {level: home}, source: s}
  - {id: stretch, when: {level: {in: [gp, home]}}, then: {routine: stretch}, source: s}
)";
  text += variant == 3
              ? "  - {id: lift, when: {all: [{level: home}, {where: low}]}, then: {routine: lift}, "
                "source: s}\n"
              : "  - {id: lift, when: {all: [{level: {in: [gp, home]}}, {where: high}]}, then: "
                "{routine: lift}, source: s}\n";
  return text;
}

}  // namespace

TEST_CASE("branches that reach the same state share their walk, and still count exactly",
          "[diff]") {
  const std::vector<std::string> sign{"yes", "no", "unsure", ""}, yes_no{"yes", "no", ""},
      where{"low", "high", ""};
  for (int variant : {1, 2, 3}) {
    INFO("variant " << variant);
    const auto old_rules = load_text(shared_states_text(0));
    const auto new_rules = load_text(shared_states_text(variant));
    const auto diff = authoring::diff_answer_space(*old_rules, *new_rules);
    CHECK(diff.exact);
    // Weeks split at 2, 8 (variant 2 only) and 12, with a value in each gap.
    const std::vector<std::string> weeks =
        variant == 2 ? std::vector<std::string>{"0", "1", "2", "5", "8", "10", "12", "16", "20", ""}
                     : std::vector<std::string>{"0", "1", "2", "7", "12", "16", "20", ""};
    std::uint64_t total = 0;
    const auto expected = brute_force(*old_rules, *new_rules,
                                      {{"faint", sign},
                                       {"fall", sign},
                                       {"hurt", sign},
                                       {"hot", sign},
                                       {"thin", sign},
                                       {"lump", sign},
                                       {"weeks", weeks},
                                       {"daily", yes_no},
                                       {"where", where}},
                                      &total);
    CHECK(diff.combinations == total);
    CHECK(counted(diff) == expected);
    CHECK_FALSE(expected.empty());
    // Far fewer branches than combinations: the shared walks are reused.
    CHECK(diff.branches * 20 < total);
  }
}
