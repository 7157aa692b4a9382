// The red-flag guarantees, proved by enumeration: every combination of the
// contract's red-flag answers — each yes, no, unsure or unanswered — run
// through the real embedded rule set and evaluator, each paired with one of
// a covering set of the other answers, and compared with an oracle written
// here from the contract (/work/shared/DESIGN.md, "Triage") and the
// guidelines' ladder table alone. The oracle shares no logic with the rule
// set: if either drifts from the contract, this test fails.
#include <algorithm>
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "engine/evaluator.h"
#include "ladder_oracle.h"
#include "report/build_report.h"
#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"
#include "ruleset/relevance.h"

using namespace backtriage;
using engine::FactId;
using engine::Value;
using namespace backtriage::safety;

namespace {

// --- The contract, restated ---------------------------------------------------

struct RedFlag {
  const char* id;
  Step step;  // when yes; an unsure ambulance sign counts as emergency
};
// The contract's thirteen red flags (DESIGN.md) and their steps
// (guidelines.md, ladder table); then the rule set's one more guideline
// sign, and the two follow-up questions that raise a flag's step.
const std::vector<RedFlag> kRedFlags{
    {"aortic_signs", kAmbulance},
    {"spine_injury", kEmergency},
    {"bladder_bowel", kEmergency},
    {"saddle_numbness", kEmergency},
    {"both_legs", kEmergency},
    {"leg_weakness", kEmergency},
    {"fever", kUrgent},
    {"cancer_history", kUrgent},
    {"infection_risk", kUrgent},
    {"fragile_bones", kUrgent},
    {"weight_loss", kSoon},
    {"night_pain", kSoon},
    {"back_lump", kSoon},
    {"sudden_spine_pain", kUrgent},
};
constexpr std::size_t kContractFlags = 13;  // every combination of these
constexpr std::size_t kFlags = 14;
enum Followup { kInjurySevere = kFlags, kChestBand = kFlags + 1 };  // bits after the flags
constexpr int kSpine = 1, kCancer = 7;

Step unsure_step(const RedFlag& flag) {
  return flag.step == kAmbulance ? kEmergency : flag.step;
}

// The other answers, chosen to cover each level the contract names without
// a red flag (DESIGN.md answers table), and the follow-up questions.
// `step` is what they give alone (kIncomplete: they leave it undecided).
struct Background {
  const char* name;
  std::vector<std::pair<const char*, const char*>> answers;
  Step step;
  Said injury_severe, chest_band;
};
const std::vector<Background> kBackgrounds{
    {"nothing else answered", {}, kIncomplete, Said::Unanswered, Said::Unanswered},
    {"recent simple lower back pain",
     {{"duration_weeks", "2"},
      {"sensation", "dull"},
      {"spread", "one_spot"},
      {"region", "lower"},
      {"age", "40"},
      {"daily_life", "no"}},
     kSelfCare,
     Said::No,
     Said::No},
    {"recent sciatica, age not given",
     {{"duration_weeks", "1"},
      {"sensation", "electric"},
      {"spread", "spreads"},
      {"below_knee", "yes"},
      {"region", "both"}},
     kSelfCare,
     Said::Unanswered,
     Said::No},
    {"chronic pain (12 weeks)",
     {{"duration_weeks", "12"},
      {"sensation", "achy"},
      {"spread", "one_spot"},
      {"region", "lower"},
      {"age", "30"}},
     kDoctor,
     Said::No,
     Said::Unanswered},
    {"not improving at 7 weeks",
     {{"duration_weeks", "7"},
      {"improving", "no"},
      {"sensation", "sharp"},
      {"spread", "spreads"},
      {"below_knee", "no"},
      {"region", "lower"},
      {"age", "35"}},
     kDoctor,
     Said::No,
     Said::No},
    {"stops daily life",
     {{"duration_weeks", "1"}, {"daily_life", "yes"}, {"region", "lower"}},
     kDoctor,
     Said::No,
     Said::No},
    {"a child of 12",
     {{"age", "12"},
      {"duration_weeks", "2"},
      {"sensation", "dull"},
      {"spread", "one_spot"},
      {"region", "lower"}},
     kSoon,
     Said::No,
     Said::No},
    {"follow-ups yes: neck pain after the accident, a band of pain",
     {{"duration_weeks", "0"}, {"region", "lower"}, {"age", "50"}, {"new_back_pain", "no"}},
     kSelfCare,
     Said::Yes,
     Said::Yes},
    {"follow-ups unsure",
     {{"duration_weeks", "3"}, {"region", "upper"}, {"age", "25"}, {"constant_pain", "no"}},
     kSelfCare,
     Said::Unsure,
     Said::Unsure},
    {"duration only", {{"duration_weeks", "4"}}, kSelfCare, Said::No, Said::No},
};

struct Case {
  std::array<Said, kFlags> flags{};
  const Background* background = nullptr;
};

struct Expected {
  int level = kIncomplete;
  std::uint32_t flagged = 0, unsure = 0;  // bits: red flags listed, and answered unsure
  bool complete_known = false, complete = false;
};

Expected oracle(const Case& c) {
  Expected e;
  int best = kIncomplete;       // the most urgent certain step
  int best_open = kIncomplete;  // the most urgent step an unanswered flag could bring
  auto flag = [&](int bit, Said said, Step yes_step, Step unsure_step_) {
    if (said == Said::Yes) {
      best = std::min<int>(best, yes_step);
      e.flagged |= 1u << bit;
    } else if (said == Said::Unsure) {
      best = std::min<int>(best, unsure_step_);
      e.flagged |= 1u << bit;
      e.unsure |= 1u << bit;
    } else if (said == Said::Unanswered) {
      best_open = std::min<int>(best_open, yes_step);
    }
  };
  for (std::size_t i = 0; i < kFlags; ++i)
    flag(static_cast<int>(i), c.flags[i], kRedFlags[i].step, unsure_step(kRedFlags[i]));
  // Follow-ups: after an accident (yes or unsure), neck pain, numbness or
  // not walking is an ambulance; known cancer with a band of pain is A&E.
  const auto counts = [](Said s) { return s == Said::Yes || s == Said::Unsure; };
  if (counts(c.flags[kSpine]))
    flag(kInjurySevere, c.background->injury_severe, kAmbulance, kEmergency);
  if (counts(c.flags[kCancer])) flag(kChestBand, c.background->chest_band, kEmergency, kEmergency);
  // Behind a flag left unanswered, its follow-up can still raise the step
  // it could bring: after an accident with neck pain (or not yet asked), an
  // ambulance; a band of pain with cancer, A&E.
  const auto could_be = [](Said s) { return s == Said::Yes || s == Said::Unanswered; };
  if (c.flags[kSpine] == Said::Unanswered && could_be(c.background->injury_severe))
    best_open = std::min<int>(best_open, kAmbulance);
  if (c.flags[kCancer] == Said::Unanswered && c.background->chest_band != Said::No)
    best_open = std::min<int>(best_open, kEmergency);
  best = std::min<int>(best, c.background->step);
  // The most urgent step that applies wins; a level with the routine is
  // never stated while a more urgent flag is open; with no certain step the
  // triage is incomplete.
  const bool more_urgent_open = best_open < best;
  if (best == kIncomplete || (more_urgent_open && gives_routine(best))) {
    e.level = kIncomplete;
  } else {
    e.level = best;
    if (!gives_routine(best)) {
      e.complete_known = true;
      e.complete = !more_urgent_open;
    }
  }
  return e;
}

// --- Running the real thing -------------------------------------------------------

struct Checker {
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  std::vector<FactId> questions;  // the flags, then the two follow-ups
  std::vector<std::vector<std::pair<FactId, Value>>> backgrounds;
  std::vector<int> bit_of_item;    // red-flag item index -> bit
  std::vector<int> step_of_level;  // level value index -> Step

  Checker() {
    for (const auto& flag : kRedFlags) questions.push_back(*rules.find_fact(flag.id));
    questions.push_back(*rules.find_fact("injury_severe"));
    questions.push_back(*rules.find_fact("chest_band"));
    for (const auto& b : kBackgrounds) {
      std::vector<std::pair<FactId, Value>> parsed;
      for (const auto& [id, text] : b.answers) {
        auto value = ruleset::parse_answer(*rules.find_question(id), text);
        REQUIRE(std::holds_alternative<Value>(value));
        parsed.emplace_back(*rules.find_fact(id), std::get<Value>(value));
      }
      backgrounds.push_back(std::move(parsed));
    }
    for (const auto& item : rules.items_of(rules.roles.red_flags)) {
      int bit = -1;
      for (std::size_t q = 0; q < questions.size(); ++q)
        if (rules.questions[questions[q]].id == item.id) bit = static_cast<int>(q);
      bit_of_item.push_back(bit);
    }
    for (const auto& level : rules.levels()) {
      auto at = std::find(kLadder.begin(), kLadder.end(), level.id);
      REQUIRE(at != kLadder.end());  // the oracle knows every step of the rule set's ladder
      step_of_level.push_back(static_cast<int>(at - kLadder.begin()));
    }
  }

  struct Worker {
    const Checker& checker;
    const engine::Evaluator evaluator{checker.rules.knowledge_base()};
    engine::Evaluation evaluation{checker.rules.knowledge_base()};
    report::ReportBuilder builder{checker.rules};
    engine::Answers answers = engine::Answers(checker.rules.knowledge_base().facts().size());

    static std::optional<Value> value_of(Said said) {
      switch (said) {
        case Said::Yes: return Value::boolean(true);
        case Said::No: return Value::boolean(false);
        case Said::Unsure: return ruleset::unsure_answer();
        case Said::Unanswered: break;
      }
      return std::nullopt;
    }

    void set_answers(const Case& c, std::size_t background) {
      std::fill(answers.begin(), answers.end(), std::nullopt);
      for (std::size_t i = 0; i < kFlags; ++i) answers[checker.questions[i]] = value_of(c.flags[i]);
      answers[checker.questions[kInjurySevere]] = value_of(c.background->injury_severe);
      answers[checker.questions[kChestBand]] = value_of(c.background->chest_band);
      for (const auto& [f, v] : checker.backgrounds[background]) answers[f] = v;
      evaluator.run(answers, evaluation, nullptr, engine::Unanswered::Final);
    }

    int step_of(const ruleset::Item* level) const {
      if (level == &checker.rules.undecided) return kIncomplete;
      return checker.step_of_level[level - checker.rules.levels().data()];
    }

    // What the rules reach, straight from the evaluation: the level stated,
    // whether a routine comes, which red flags are listed. Cheap enough for
    // every combination. "" when it keeps the contract.
    std::string check_fast(const Case& c, std::size_t background) {
      set_answers(c, background);
      const auto& facts = evaluation.facts();
      const int level = step_of(ruleset::reported_level(checker.rules, facts).level);
      const Expected e = oracle(c);
      if (level != e.level) return "level differs";
      if (!facts.certain(checker.rules.roles.routine).empty() && !gives_routine(level))
        return "the rules give a routine above doctor";
      std::uint32_t flagged = 0;
      for (Value v : facts.certain(checker.rules.roles.red_flags))
        if (int bit = checker.bit_of_item[v.as_symbol()]; bit >= 0) flagged |= 1u << bit;
      if (flagged != e.flagged) return "red flags differ";
      return "";
    }

    // Everything a user is shown, through the real report builder.
    std::string check(const Case& c, std::size_t background) {
      set_answers(c, background);
      const auto& r = builder.build(answers, evaluation, nullptr, report::Detail::Brief);
      const Expected e = oracle(c);
      std::ostringstream problem;
      const int level = step_of(r.level);
      if (level != e.level)
        problem << "level " << r.level->id << ", expected " << step_name(e.level) << "; ";
      // Never less urgent than any single flag implies.
      for (std::size_t i = 0; i < kFlags; ++i) {
        const Said said = c.flags[i];
        if (said != Said::Yes && said != Said::Unsure) continue;
        const Step step = said == Said::Yes ? kRedFlags[i].step : unsure_step(kRedFlags[i]);
        if (level == kIncomplete || level > step)
          problem << "less urgent than " << kRedFlags[i].id << "; ";
      }
      if (!r.routine.empty() && !gives_routine(level)) problem << "a routine above doctor; ";
      if (!r.avoid.empty() && !gives_routine(level)) problem << "an avoid list above doctor; ";
      for (std::size_t i = 0; i < kFlags; ++i)
        if (c.flags[i] == Said::Unanswered && gives_routine(level))
          problem << r.level->id << " with " << kRedFlags[i].id << " unanswered; ";
      std::uint32_t flagged = 0, unsure = 0;
      for (const auto& f : r.red_flags) {
        const int bit =
            checker
                .bit_of_item[f.item - checker.rules.items_of(checker.rules.roles.red_flags).data()];
        // Each flag says which step it puts the person at; the level
        // stated must be at least that urgent, or the report contradicts
        // itself.
        if (f.level && level > step_of(f.level))
          problem << f.item->id << " listed at " << f.level->id << " above the level; ";
        if (bit < 0) continue;
        flagged |= 1u << bit;
        if (f.unsure) unsure |= 1u << bit;
      }
      if (flagged != e.flagged || unsure != e.unsure)
        problem << "red flags or their answers differ; ";
      if (e.complete_known && r.complete != e.complete)
        problem << "complete " << r.complete << ", expected " << e.complete << "; ";
      return problem.str();
    }
  };
};

std::string describe(const Case& c) {
  std::ostringstream out;
  const char* words[] = {"unanswered", "no", "yes", "unsure"};
  for (std::size_t i = 0; i < kFlags; ++i)
    out << kRedFlags[i].id << "=" << words[static_cast<int>(c.flags[i])] << " ";
  out << "| " << c.background->name;
  return out.str();
}

// Every combination (4^13) with BACKTRIAGE_SAFETY_FULL=1: the ctest
// `safety.exhaustive`, labelled `exhaustive`, which the README's test
// command runs in the optimised build and a quick `ctest -LE exhaustive`
// skips. Otherwise (and under the sanitizers, ~20 times slower) every
// combination of the flags of two steps at a time, the others no.
bool run_everything() {
  const char* force = std::getenv("BACKTRIAGE_SAFETY_FULL");
  return force && std::string(force) == "1";
}

// About one index in 64, spread over every flag's answers (Fibonacci hashing).
bool full_report_sample(std::uint64_t k) {
  return (k * 0x9E3779B97F4A7C15ull) >> 58 == 0;
}

// Combination `index` of the contract's flags; the one more flag takes each
// of its answers in turn, so that it too meets every state of every other.
Case case_of(std::uint64_t index) {
  Case c;
  std::uint64_t rest = index;
  for (std::size_t i = 0; i < kContractFlags; ++i) {
    c.flags[i] = kSaid[rest % 4];
    rest /= 4;
  }
  c.flags[kContractFlags] = kSaid[(index ^ (index >> 9)) % 4];
  return c;
}

}  // namespace

TEST_CASE("every combination of red-flag answers keeps the ladder's guarantees", "[safety]") {
  const Checker checker;
  const std::uint64_t total = std::uint64_t{1} << (2 * kContractFlags);  // 4^13
  const bool everything = run_everything();
  std::vector<std::uint64_t> plan;
  if (!everything)
    for (std::uint64_t index = 0; index < total; ++index) {
      const Case c = case_of(index);
      std::vector<Step> steps;
      for (std::size_t i = 0; i < kFlags; ++i)
        if (c.flags[i] != Said::No &&
            std::find(steps.begin(), steps.end(), kRedFlags[i].step) == steps.end())
          steps.push_back(kRedFlags[i].step);
      if (steps.size() <= 2) plan.push_back(index);
    }
  const std::uint64_t count = everything ? total : plan.size();
  std::atomic<std::uint64_t> next{0}, failures{0}, full_reports{0};
  std::mutex lock;
  std::vector<std::string> examples;
  auto work = [&] {
    Checker::Worker worker{checker};
    for (;;) {
      const std::uint64_t start = next.fetch_add(4096);
      if (start >= count) return;
      for (std::uint64_t k = start; k < std::min(count, start + 4096); ++k) {
        const std::uint64_t index = everything ? k : plan[k];
        Case c = case_of(index);
        // Each combination with one background, in turn, so every background
        // meets every state of every flag many times over.
        const std::size_t b = (index + index / kBackgrounds.size()) % kBackgrounds.size();
        c.background = &kBackgrounds[b];
        // The full report for one combination in 64, and whenever the fast
        // check finds a problem; the fast check for every one. The one in 64
        // is picked by a hash, not by k % 64: that would always leave the
        // first flag unanswered, and never test `complete` with it answered.
        std::string problem = worker.check_fast(c, b);
        if (!problem.empty() || full_report_sample(k)) {
          problem = worker.check(c, b);
          ++full_reports;
        }
        if (problem.empty()) continue;
        if (failures++ < 10) {
          std::lock_guard guard(lock);
          examples.push_back(describe(c) + ": " + problem);
        }
      }
    }
  };
  const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (const auto& example : examples) UNSCOPED_INFO(example);
  CHECK(failures == 0);
  WARN("safety: checked " << count << " combinations of the red-flag answers"
                          << (everything ? " (every one of 4^13)" : " (the two-step plan)") << ", "
                          << full_reports << " of them through the full report");

  // And every flag in every state with every background, and every pair of
  // flags in every state with the simple background, through the full report.
  Checker::Worker worker{checker};
  std::size_t runs = 0;
  for (std::size_t i = 0; i < kFlags; ++i)
    for (std::size_t j = i; j < kFlags; ++j)
      for (Said a : kSaid)
        for (Said b : kSaid)
          for (std::size_t bg = 0; bg < kBackgrounds.size(); ++bg) {
            if (i != j && bg != 1) continue;
            Case c;
            c.flags.fill(Said::No);
            c.flags[i] = a;
            c.flags[j] = b;
            c.background = &kBackgrounds[bg];
            const std::string problem = worker.check(c, bg);
            if (!problem.empty()) FAIL_CHECK(describe(c) << ": " << problem);
            ++runs;
          }
  CHECK(runs == kFlags * 16 * kBackgrounds.size() + kFlags * (kFlags - 1) / 2 * 16);
}

TEST_CASE("the safety oracle itself follows the contract's wording", "[safety]") {
  Case c;
  c.flags.fill(Said::No);
  c.background = &kBackgrounds[1];
  CHECK(oracle(c).level == kSelfCare);
  c.flags[0] = Said::Unsure;  // an unsure ambulance sign counts as emergency
  CHECK(oracle(c).level == kEmergency);
  c.flags[0] = Said::Unanswered;  // ...and unanswered keeps a routine level from being stated
  CHECK(oracle(c).level == kIncomplete);
  c.flags[10] = Said::Yes;  // weight loss: soon is certain, the ambulance sign still open
  CHECK(oracle(c).level == kSoon);
  CHECK(oracle(c).complete_known);
  CHECK_FALSE(oracle(c).complete);
  c.flags[0] = Said::No;
  CHECK(oracle(c).complete);
  c.background = &kBackgrounds[7];  // after an accident with numbness: an ambulance
  c.flags[kSpine] = Said::Yes;
  CHECK(oracle(c).level == kAmbulance);
}
