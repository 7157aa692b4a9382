// The pregnancy guarantees, proved by enumeration: every combination of the
// answers about a pregnancy (pregnant, the baby born, the weeks at each
// boundary of home-advice.md §2a) and of the four pregnancy signs — each yes,
// no, unsure or unanswered — with each background of the calm, the
// long-lasting and the unknown pain, run through the real embedded rule set
// and the full report builder, and compared with an oracle written here from
// the contract (DESIGN.md 2.1, "Routine items and who the person is") and
// the §2a table alone.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "engine/evaluator.h"
#include "ladder_oracle.h"
#include "report/build_report.h"
#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"

using namespace backtriage;
using engine::FactId;
using engine::Value;
using namespace backtriage::safety;

namespace {

// The four pregnancy signs, in the order of the case below.
enum Sign { kDanger, kSigns, kSameDay, kPostnatal, kSigns4 };
const char* const kSignIds[kSigns4] = {"pregnancy_danger", "pregnancy_signs", "pregnancy_same_day",
                                       "postnatal_signs"};

struct Background {
  const char* name;
  std::vector<std::pair<const char*, const char*>> answers;
  Step step;  // alone (every contract red flag no)
};
const std::vector<Background> kBackgrounds{
    {"calm lower back pain",
     {{"duration_weeks", "2"},
      {"sensation", "dull"},
      {"spread", "one_spot"},
      {"region", "lower"},
      {"age", "30"},
      {"daily_life", "no"}},
     kSelfCare},
    {"long-lasting upper back pain",
     {{"duration_weeks", "14"},
      {"sensation", "achy"},
      {"spread", "one_spot"},
      {"region", "upper"},
      {"age", "30"},
      {"constant_pain", "no"}},
     kDoctor},
    {"the pain not asked about", {}, kIncomplete},
};

struct Case {
  Said pregnant = Said::Unanswered, born = Said::Unanswered;
  std::optional<double> weeks;
  std::array<Said, kSigns4> signs{};
  const Background* background = nullptr;
};

struct Expected {
  int level = kIncomplete;
  bool no_lying_on_back = false;  // the routine, if any, has nothing on the back
};

// §2a: each sign at its step, by gestation; a pregnancy or a birth not
// answered is assumed not; weeks not known count as 20 or more (the more
// urgent reading) and as 16 or more for the routine.
Expected oracle(const Case& c) {
  Expected e;
  int best = c.background->step == kIncomplete ? kIncomplete : c.background->step;
  int best_open = kIncomplete;
  auto sign = [&](Said said, Step yes, Step unsure) {
    if (said == Said::Yes) best = std::min<int>(best, yes);
    if (said == Said::Unsure) best = std::min<int>(best, unsure);
    if (said == Said::Unanswered) best_open = std::min<int>(best_open, yes);
  };
  if (c.pregnant == Said::Yes) {
    sign(c.signs[kDanger], kAmbulance, kEmergency);
    if (c.born == Said::Yes) {
      sign(c.signs[kPostnatal], kEmergency, kEmergency);
    } else {
      const Step step = !c.weeks || *c.weeks >= 20 ? kEmergency : kUrgent;
      sign(c.signs[kSigns], step, step);
      sign(c.signs[kSameDay], kUrgent, kUrgent);
      e.no_lying_on_back = !c.weeks || *c.weeks >= 16;
    }
  }
  if (best == kIncomplete || (gives_routine(best) && best_open < best))
    e.level = kIncomplete;
  else
    e.level = best;
  return e;
}

struct Runner {
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  const engine::Evaluator evaluator{rules.knowledge_base()};
  engine::Evaluation evaluation{rules.knowledge_base()};
  report::ReportBuilder builder{rules};

  Value parse(const char* id, const std::string& text) const {
    auto value = ruleset::parse_answer(*rules.find_question(id), text);
    REQUIRE(std::holds_alternative<Value>(value));
    return std::get<Value>(value);
  }
  static std::optional<std::string> word(Said said) {
    switch (said) {
      case Said::Yes: return "yes";
      case Said::No: return "no";
      case Said::Unsure: return "unsure";
      case Said::Unanswered: break;
    }
    return std::nullopt;
  }

  int step_of(const ruleset::Item* level) const {
    if (level == &rules.undecided) return kIncomplete;
    return static_cast<int>(std::find(kLadder.begin(), kLadder.end(), level->id) - kLadder.begin());
  }

  // "" when the report keeps the contract.
  std::string check(const Case& c) {
    engine::Answers answers(rules.knowledge_base().facts().size());
    // Every contract red flag no, so that the pregnancy alone decides.
    for (FactId q = 0; q < static_cast<FactId>(rules.questions.size()); ++q)
      if (rules.questions[q].red_flag) answers[q] = Value::boolean(false);
    auto set = [&](const char* id, std::optional<std::string> text) {
      if (text) answers[*rules.find_fact(id)] = parse(id, *text);
    };
    set("pregnant", word(c.pregnant));
    set("baby_born", word(c.born));
    if (c.weeks) set("pregnancy_weeks", std::to_string(*c.weeks));
    for (int s = 0; s < kSigns4; ++s) set(kSignIds[s], word(c.signs[s]));
    for (const auto& [id, text] : c.background->answers) set(id, std::string(text));
    evaluator.run(answers, evaluation, nullptr, engine::Unanswered::Final);
    const auto& r = builder.build(answers, evaluation, nullptr, report::Detail::Brief);
    const Expected e = oracle(c);
    std::ostringstream problem;
    const int level = step_of(r.level);
    if (level != e.level)
      problem << "level " << r.level->id << ", expected " << step_name(e.level) << "; ";
    if (!r.routine.empty() && !gives_routine(level)) problem << "a routine above doctor; ";
    if (e.no_lying_on_back)
      for (const auto* item : r.routine)
        if (item->as<ruleset::Exercise>().position == "lying_on_back")
          problem << item->id << " lies on the back; ";
    if (!r.routine.empty() && r.routine.size() < 3) problem << "fewer than three exercises; ";
    // Every red flag listed is at or below the level stated.
    for (const auto& flag : r.red_flags)
      if (flag.level && level > step_of(flag.level))
        problem << flag.item->id << " listed above the level; ";
    return problem.str();
  }
};

std::string describe(const Case& c) {
  const char* words[] = {"unanswered", "no", "yes", "unsure"};
  std::ostringstream out;
  out << "pregnant=" << words[static_cast<int>(c.pregnant)]
      << " born=" << words[static_cast<int>(c.born)]
      << " weeks=" << (c.weeks ? std::to_string(*c.weeks) : std::string("unanswered"));
  for (int s = 0; s < kSigns4; ++s)
    out << " " << kSignIds[s] << "=" << words[static_cast<int>(c.signs[s])];
  return out.str() + " | " + c.background->name;
}

}  // namespace

TEST_CASE("every combination of the pregnancy answers keeps §2a's steps and the routine's rule",
          "[safety]") {
  Runner runner;
  const std::vector<std::optional<double>> weeks{std::nullopt, 8, 15.5, 16, 19.5, 20, 24, 30, 40};
  std::size_t runs = 0, failures = 0;
  for (Said pregnant : {Said::Unanswered, Said::No, Said::Yes})
    for (Said born : {Said::Unanswered, Said::No, Said::Yes})
      for (const auto& w : weeks)
        for (int combination = 0; combination < 4 * 4 * 4 * 4; ++combination)
          for (const auto& background : kBackgrounds) {
            Case c{pregnant, born, w, {}, &background};
            for (int s = 0, rest = combination; s < kSigns4; ++s, rest /= 4)
              c.signs[s] = kSaid[rest % 4];
            const std::string problem = runner.check(c);
            ++runs;
            if (!problem.empty() && ++failures <= 10) FAIL_CHECK(describe(c) << ": " << problem);
          }
  CHECK(failures == 0);
  CHECK(runs == 3 * 3 * weeks.size() * 256 * kBackgrounds.size());
}

TEST_CASE("the pregnancy oracle follows §2a's table", "[safety]") {
  Case c{Said::Yes, Said::No, 30, {Said::No, Said::Yes, Said::No, Said::No}, &kBackgrounds[0]};
  CHECK(oracle(c).level == kEmergency);  // from 20 weeks: the maternity unit now
  c.weeks = 10;
  CHECK(oracle(c).level == kUrgent);  // under 20 weeks: the same day
  c.signs = {Said::Yes, Said::No, Said::No, Said::No};
  CHECK(oracle(c).level == kAmbulance);  // heavy bleeding: 999
  c.pregnant = Said::Unanswered;         // not said to be pregnant: not asked, not counted
  CHECK(oracle(c).level == kSelfCare);
  c = Case{Said::Yes, Said::No, 28, {Said::No, Said::No, Said::No, Said::No}, &kBackgrounds[0]};
  CHECK(oracle(c).level == kSelfCare);
  CHECK(oracle(c).no_lying_on_back);
  c.signs[kSigns] = Said::Unanswered;  // a sign left open keeps home care from being stated
  CHECK(oracle(c).level == kIncomplete);
}
