// The rule file's `words:`: each given word replaces its English default,
// and a word the program could not fill is an error at its place.
#include "ruleset/words.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {

// A valid rule file, without words; each test appends its own from line 10.
const std::string kHead = R"(id: t
version: "1"
disclaimer: d
questions:
  - {id: fever, type: bool, prompt: p, source: s}
report: {level: step}
facts: [{id: step, type: ranked, choices: [{id: go, label: Go, advice: Go., cds: critical, color: red}, {id: stay, label: Stay, advice: Stay., routine: true, cds: info, color: green}], undecided: {id: unknown, label: Unknown, advice: More., cds: warning, color: none}}]
rules:
  - {id: r, when: {fever: true}, then: {step: go}, source: s}
)";

using Lines = std::vector<std::string>;

Lines problems(const std::string& words) {
  auto result = load_rule_set(kHead + words, "t.yaml");
  Lines out;
  for (const auto& d : result.diagnostics) out.push_back(format_line(d));
  CHECK(static_cast<bool>(result.rule_set) == !has_errors(result.diagnostics));
  return out;
}

}  // namespace

TEST_CASE("a word left out is its English default", "[words]") {
  auto result = load_rule_set(kHead, "t.yaml");
  REQUIRE(result.rule_set);
  CHECK(result.rule_set->word(Word::ReportAvoid) == "Activities to avoid for now");
  CHECK(result.rule_set->format_word(Word::HandoutWeek, fmt::arg("week", 3)) == "Week 3");
}

TEST_CASE("a word given is used, and the others keep their default", "[words]") {
  auto result = load_rule_set(
      kHead + "words:\n  report: {avoid: Nicht tun}\n  handout: {week: \"Woche {week}\"}\n",
      "t.yaml");
  REQUIRE(result.rule_set);
  const RuleSet& rules = *result.rule_set;
  CHECK(rules.word(Word::ReportAvoid) == "Nicht tun");
  CHECK(rules.format_word(Word::HandoutWeek, fmt::arg("week", 3)) == "Woche 3");
  CHECK(rules.word(Word::ReportTips) == "Preventing back pain");
}

TEST_CASE("an unknown word is an error at its key, with the nearest", "[words]") {
  CHECK(problems("words:\n  report: {avoyd: x}\n") ==
        Lines{"t.yaml:11:12: unknown key 'avoyd' in words: report (did you mean 'avoid'?)"});
  CHECK(problems("words:\n  reprot: {avoid: x}\n") ==
        Lines{"t.yaml:11:3: unknown key 'reprot' in words (did you mean 'report'?)"});
}

TEST_CASE("a word whose placeholders differ from the program's is an error", "[words]") {
  CHECK(problems("words:\n  handout: {week: Woche}\n") ==
        Lines{"t.yaml:11:19: word 'handout.week' lacks {week} (its placeholders: {week})"});
  CHECK(problems("words:\n  handout: {week: \"Woche {wek}\"}\n") ==
        Lines{"t.yaml:11:19: word 'handout.week' lacks {week} and has {wek}, which it cannot "
              "fill (did you mean 'week'?) (its placeholders: {week})"});
  CHECK(problems("words:\n  report: {avoid: \"Avoid {week}\"}\n") ==
        Lines{"t.yaml:11:19: word 'report.avoid' has {week}, which it cannot fill (its "
              "placeholders: none)"});
}

TEST_CASE("a word that is not a format string is an error, never an exception later", "[words]") {
  CHECK(problems("words:\n  handout: {week: \"Woche {} {week}\"}\n") ==
        Lines{"t.yaml:11:19: word 'handout.week': '{}' is not a placeholder: a placeholder is a "
              "name in braces, such as {week}"});
  CHECK(problems("words:\n  handout: {week: \"Woche {week\"}\n") ==
        Lines{"t.yaml:11:19: word 'handout.week': a '{' without its '}' (write '{{' for a "
              "brace)"});
  // Doubled braces print one.
  auto result = load_rule_set(kHead + "words:\n  handout: {week: \"{{{week}}}\"}\n", "t.yaml");
  REQUIRE(result.rule_set);
  CHECK(result.rule_set->format_word(Word::HandoutWeek, fmt::arg("week", 2)) == "{2}");
}

TEST_CASE("each English default holds exactly its listed placeholders", "[words]") {
  for (const auto& spec : word_specs()) {
    INFO(spec.id);
    const Placeholders found = placeholders_of(spec.english);
    CHECK(found.error.empty());
    std::string names;
    for (const auto& n : found.names) names += (names.empty() ? "" : " ") + n;
    CHECK(names == spec.placeholders);  // listed sorted
    CHECK(find_word(spec.id) == &spec);
  }
}

TEST_CASE("the shipped rule file lists every word", "[words]") {
  // So that a translation made from it misses none: a word left out would
  // come out in English.
  const YAML::Node words = YAML::Load(std::string(embedded_rules_text()))["words"];
  REQUIRE(words);
  for (const auto& spec : word_specs()) {
    INFO(spec.id);
    const std::string id(spec.id);
    const auto dot = id.find('.');
    CHECK(words[id.substr(0, dot)][id.substr(dot + 1)]);
  }
  // And says in it what the program would have said anyway.
  const RuleSet& rules = embedded_rule_set();
  for (const auto& spec : word_specs()) {
    INFO(spec.id);
    CHECK(rules.word(spec.word) == spec.english);
  }
}

TEST_CASE("the first line of --help is a word, holding the rule set's title", "[words]") {
  auto result = load_rule_set(kHead, "t.yaml");
  REQUIRE(result.rule_set);
  CHECK(result.rule_set->format_word(Word::HelpDescription, fmt::arg("title", "Knee check")) ==
        "backtriage - rule-based triage: Knee check. Not medical advice.");
  auto spanish = load_rule_set(
      kHead +
          "words:\n  help: {description: \"backtriage - triaje: {title}. No es un consejo.\"}\n",
      "t.yaml");
  REQUIRE(spanish.rule_set);
  CHECK(spanish.rule_set->format_word(Word::HelpDescription, fmt::arg("title", "Rodilla")) ==
        "backtriage - triaje: Rodilla. No es un consejo.");
  CHECK(problems("words:\n  help: {description: backtriage}\n") ==
        Lines{"t.yaml:11:23: word 'help.description' lacks {title} (its placeholders: {title})"});
}

TEST_CASE("the marks after an answer flag's text in --help are words", "[words]") {
  auto result = load_rule_set(kHead, "t.yaml");
  REQUIRE(result.rule_set);
  const RuleSet& english = *result.rule_set;
  CHECK(english.word(Word::HelpRedFlag) == "[red flag]");
  CHECK(english.word(Word::HelpOptional) == "[optional]");
  CHECK(english.format_word(Word::HelpRange, fmt::arg("min", 0.0), fmt::arg("max", 45.0),
                            fmt::arg("unit", " weeks")) == "(0 to 45 weeks)");
  auto spanish = load_rule_set(kHead +
                                   "words:\n  help: {range: \"(de {min} a {max}{unit})\", "
                                   "red_flag: \"[señal de alarma]\", optional: \"[opcional]\"}\n",
                               "t.yaml");
  REQUIRE(spanish.rule_set);
  CHECK(spanish.rule_set->word(Word::HelpRedFlag) == "[señal de alarma]");
  CHECK(spanish.rule_set->word(Word::HelpOptional) == "[opcional]");
  CHECK(spanish.rule_set->format_word(Word::HelpRange, fmt::arg("min", 0.0), fmt::arg("max", 45.0),
                                      fmt::arg("unit", " semanas")) == "(de 0 a 45 semanas)");
  CHECK(problems("words:\n  help: {range: \"({min} a {max})\"}\n") ==
        Lines{"t.yaml:11:17: word 'help.range' lacks {unit} (its placeholders: {max}, {min} "
              "and {unit})"});
}
