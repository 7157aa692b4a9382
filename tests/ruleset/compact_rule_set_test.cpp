#include "ruleset/compact_rule_set.h"

#include <catch2/catch.hpp>

#include "report/build_report.h"
#include "report/render_json.h"
#include "report/render_text.h"
#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"
#include "ruleset/overlay_files.h"

using namespace backtriage;

namespace {

// The embedded rules as a run read them before they were compiled in every
// locale: the YAML and, in a locale, its overlays.
std::unique_ptr<const ruleset::RuleSet> from_yaml(const std::string& locale = "") {
  auto loaded = ruleset::load_rule_set(
      ruleset::embedded_rules_text(), "<embedded>",
      locale.empty() ? ruleset::LocaleRequest{}
                     : ruleset::embedded_overlays(ruleset::parse_locale_tag(locale)));
  REQUIRE(loaded.rule_set);
  return std::move(loaded.rule_set);
}

// Everything a person or a script can be shown for `answers`, as one string.
std::string everything_shown(const ruleset::RuleSet& rules, const engine::Answers& answers) {
  engine::Trace trace;
  auto evaluation =
      engine::Evaluator(rules.knowledge_base()).run(answers, &trace, engine::Unanswered::Final);
  report::ReportBuilder builder(rules);
  const auto& r = builder.build(answers, evaluation, &trace);
  report::TextStyle style;
  style.explain = true;
  return report::render_json(r) + report::render_text(r, style);
}

// Answers for the questions listed, each with one of its spellings ("" for
// unanswered), for every combination.
void each_combination(const ruleset::RuleSet& rules,
                      const std::vector<std::pair<std::string, std::vector<std::string>>>& choices,
                      const std::function<void(const engine::Answers&)>& visit) {
  engine::Answers answers(rules.knowledge_base().facts().size());
  auto recurse = [&](auto& self, std::size_t i) -> void {
    if (i == choices.size()) return visit(answers);
    const auto& [id, spellings] = choices[i];
    auto fact = *rules.find_fact(id);
    for (const auto& text : spellings) {
      answers[fact].reset();
      if (!text.empty())
        answers[fact] =
            std::get<engine::Value>(ruleset::parse_answer(*rules.find_question(id), text));
      self(self, i + 1);
    }
    answers[fact].reset();
  };
  recurse(recurse, 0);
}

}  // namespace

TEST_CASE("the compact embedded rule set shows exactly what the YAML one shows") {
  const auto yaml = from_yaml();
  const auto& compact = ruleset::embedded_rule_set();
  REQUIRE(ruleset::write_compact(compact) == ruleset::write_compact(*yaml));
  CHECK(compact.origin == "<embedded>");
  CHECK(compact.questions.size() == yaml->questions.size());
  std::size_t compared = 0;
  each_combination(
      *yaml,
      {{"fever", {"", "no", "yes"}},
       {"bladder_bowel", {"", "no", "yes"}},
       {"spine_injury", {"no"}},
       {"cancer_history", {"no", "yes"}},
       {"saddle_numbness", {"no"}},
       {"leg_weakness", {"no"}},
       {"duration_weeks", {"", "2", "12", "300"}},
       {"sensation", {"", "electric", "sharp", "dull", "achy"}},
       {"spread", {"", "one_spot", "spreads"}},
       {"below_knee", {"", "yes", "no"}},
       {"region", {"", "lower", "upper", "both"}}},
      [&](const engine::Answers& answers) {
        ++compared;
        REQUIRE(everything_shown(compact, answers) == everything_shown(*yaml, answers));
      });
  CHECK(compared == 3 * 3 * 2 * 4 * 5 * 3 * 3 * 4);
}

TEST_CASE("each locale's compact embedded rule set is the YAML's with its overlays") {
  const auto& locales = ruleset::embedded_rule_set().locales;
  REQUIRE(locales.size() > 1);
  CHECK(ruleset::embedded_locales() == locales);
  CHECK(ruleset::embedded_rule_set_in(locales.front()) == &ruleset::embedded_rule_set());
  for (std::size_t i = 1; i < locales.size(); ++i) {
    INFO(locales[i]);
    const auto yaml = from_yaml(locales[i]);
    const auto* compact = ruleset::embedded_rule_set_in(locales[i]);
    REQUIRE(compact);
    CHECK(compact == ruleset::embedded_rule_set_in(locales[i]));  // read once
    REQUIRE(ruleset::write_compact(*compact) == ruleset::write_compact(*yaml));
    CHECK(compact->locale == locales[i]);
    // What only the handout and the interview show: write_compact would miss
    // a field it forgot on both sides.
    CHECK(std::tie(compact->origin, compact->language, compact->locales, compact->paper) ==
          std::tie(yaml->origin, yaml->language, yaml->locales, yaml->paper));
    each_combination(
        *yaml,
        {{"fever", {"", "yes"}},
         {"duration_weeks", {"", "2", "300"}},
         {"sensation", {"", "electric", "dull"}},
         {"region", {"lower", "both"}}},
        [&](const engine::Answers& answers) {
          REQUIRE(everything_shown(*compact, answers) == everything_shown(*yaml, answers));
        });
  }
  CHECK(ruleset::embedded_rule_set_in("fr") == nullptr);
  CHECK(ruleset::embedded_rule_set_in("es-MX") == nullptr);  // a run reads es: rules_in_locale
}

TEST_CASE("a compact rule set round-trips and refuses bytes it did not write") {
  const auto yaml = from_yaml();
  const std::string bytes = ruleset::write_compact(*yaml);
  auto again = ruleset::read_compact(bytes);
  CHECK(ruleset::write_compact(*again) == bytes);
  CHECK(again->knowledge_base().strata().size() == yaml->knowledge_base().strata().size());
  CHECK_THROWS_WITH(ruleset::read_compact(bytes.substr(0, bytes.size() - 1)),
                    "compact rule set is truncated");
  CHECK_THROWS_WITH(ruleset::read_compact(bytes + "x"), "compact rule set has trailing bytes");
  CHECK_THROWS_WITH(ruleset::read_compact("id: back-pain\n"),
                    "not a compact rule set of this build");
}
