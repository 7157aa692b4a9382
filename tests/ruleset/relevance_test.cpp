#include "ruleset/relevance.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {

// The embedded rules with answers given as id -> text, evaluated as the
// interview does (everything unanswered may still be asked).
struct Asked {
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  engine::Answers answers = engine::Answers(rules.knowledge_base().facts().size());
  engine::Evaluation evaluation{rules.knowledge_base()};
  using Given = std::vector<std::pair<const char*, const char*>>;
  explicit Asked(Given given) {
    for (const auto& [id, text] : given)
      answers[*rules.find_fact(id)] =
          std::get<engine::Value>(ruleset::parse_answer(*rules.find_question(id), text));
    engine::Evaluator(rules.knowledge_base()).run(answers, evaluation);
  }
  std::vector<std::string> due() const {
    std::vector<std::string> out;
    for (auto q : ruleset::questions_that_matter(rules, evaluation))
      out.push_back(rules.questions[q].id);
    return out;
  }
  std::string level() const { return ruleset::reported_level(rules, evaluation.facts()).level->id; }
};

}  // namespace

TEST_CASE(
    "the most urgent certain level is stated; while a more urgent one may come, a level "
    "with the routine is not",
    "[relevance]") {
  CHECK(Asked(Asked::Given{}).level() == "incomplete");
  CHECK(Asked(Asked::Given{{"aortic_signs", "yes"}}).level() == "ambulance");
  CHECK(Asked(Asked::Given{{"weight_loss", "yes"}}).level() == "soon");
  CHECK(Asked(Asked::Given{{"duration_weeks", "2"}}).level() == "incomplete");
}

TEST_CASE("once an ambulance is certain nothing else is asked", "[relevance]") {
  CHECK(Asked(Asked::Given{{"aortic_signs", "yes"}}).due().empty());
}

TEST_CASE("with a step certain, only what could make it more urgent is asked", "[relevance]") {
  const Asked a({{"aortic_signs", "no"},
                 {"spine_injury", "no"},
                 {"bladder_bowel", "no"},
                 {"saddle_numbness", "no"},
                 {"both_legs", "no"},
                 {"leg_weakness", "no"},
                 {"weight_loss", "yes"}});
  CHECK(a.level() == "soon");
  // The doctor-today signs, whether a pregnancy adds signs, and the
  // follow-ups that could raise the step; not the pain itself.
  CHECK(a.due() == std::vector<std::string>{"fever", "cancer_history", "infection_risk",
                                            "fragile_bones", "sudden_spine_pain", "pregnant",
                                            "chest_band", "pregnancy_danger", "baby_born",
                                            "pregnancy_weeks", "pregnancy_signs",
                                            "pregnancy_same_day", "postnatal_signs"});
}

TEST_CASE("a checklist's questions that are due are asked at one prompt", "[relevance]") {
  const Asked a({{"aortic_signs", "no"},
                 {"spine_injury", "no"},
                 {"bladder_bowel", "no"},
                 {"saddle_numbness", "no"},
                 {"both_legs", "no"},
                 {"leg_weakness", "no"}});
  const auto prompt = ruleset::next_prompt(a.rules, a.evaluation);
  CHECK(prompt.size() == 9);  // eight signs, and whether a pregnancy adds others
  CHECK(a.rules.questions[prompt.front()].id == "fever");
}

TEST_CASE("unanswered names what could be asked now, not follow-ups of an open question",
          "[relevance]") {
  auto open_now = [](const Asked& a) {
    std::vector<std::string> out;
    std::vector<engine::FactId> open;
    ruleset::questions_open_now(a.rules, a.evaluation, open);
    for (auto q : open) out.push_back(a.rules.questions[q].id);
    return out;
  };
  const Asked nothing(Asked::Given{});
  const auto due = nothing.due(), now = open_now(nothing);
  for (const char* follow_up : {"injury_severe", "chest_band", "below_knee"}) {
    CHECK(std::find(due.begin(), due.end(), follow_up) != due.end());
    CHECK(std::find(now.begin(), now.end(), follow_up) == now.end());
  }
  CHECK(now.front() == "aortic_signs");
  // Once the trigger is answered yes, its follow-up is what is open.
  const Asked accident(Asked::Given{{"spine_injury", "yes"}});
  CHECK(open_now(accident) ==
        std::vector<std::string>{"aortic_signs", "injury_severe", "pregnant"});
}
