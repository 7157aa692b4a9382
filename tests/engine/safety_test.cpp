// The red-flag guarantees, proved by enumeration: every combination of
// answers the triage depends on, run through the real embedded rule set, the
// real evaluator and the real report builder, and compared with an oracle
// written here from /work/shared/DESIGN.md alone. The oracle shares no logic
// with the rule set: if either drifts from the contract, this test fails.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/evaluator.h"
#include "report/build_report.h"
#include "ruleset/loader.h"

using namespace backtriage;
using engine::FactId;
using engine::Value;

namespace {

// --- The contract, restated ---------------------------------------------------

constexpr double kChronicWeeks = 12;  // "chronic (>= 12 weeks)"

const std::vector<std::string> kRedFlags{"bladder_bowel", "saddle_numbness", "leg_weakness",
                                         "spine_injury",  "fever",           "cancer_history"};
const std::vector<std::string> kSensations{"electric", "sharp", "dull", "achy"};
const std::vector<std::string> kSpreads{"one_spot", "spreads"};
const std::vector<std::string> kRegions{"lower", "upper", "both"};

const std::vector<std::string> kLowerRoutine{"hamstring_stretch", "bottom_to_heels",
                                             "knee_rolls",        "bird_dog",
                                             "pelvic_tilt",       "glute_bridge"};
const std::vector<std::string> kUpperRoutine{"thoracic_rotation",  "pec_stretch_foam_roller",
                                             "shoulder_rolls",     "scapular_squeeze",
                                             "prone_arm_leg_lift", "lat_pulldown"};
const std::vector<std::string> kAvoidAlways{"bed_rest",        "situps",      "leg_lifts",
                                            "rotation_sports", "high_impact", "heavy_lifting"};

enum class RedFlag { Unanswered, No, Yes };

struct Case {
  std::array<RedFlag, 6> red_flags{};
  std::optional<double> weeks;
  std::optional<std::string> sensation, spread, region;
  std::optional<bool> below_knee;
};

struct Expected {
  std::string level;
  std::vector<std::string> red_flags, routine, avoid;
  std::optional<std::string> duration, pain_type, region;
};

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::optional<std::string> expected_pain_type(const Case& c) {
  const bool electric = c.sensation == "electric";
  const bool not_electric = c.sensation && !electric;
  if (electric) return "radicular";  // electric wins, even in one spot
  if (c.spread == "spreads" && c.below_knee == true) return "radicular";
  if (c.spread == "spreads" && c.below_knee == false && not_electric) return "referred";
  if (c.spread == "one_spot" && not_electric) return "axial";
  return std::nullopt;
}

Expected oracle(const Case& c) {
  Expected e;
  bool any_unanswered = false;
  for (std::size_t i = 0; i < kRedFlags.size(); ++i) {
    if (c.red_flags[i] == RedFlag::Yes) e.red_flags.push_back(kRedFlags[i]);
    if (c.red_flags[i] == RedFlag::Unanswered) any_unanswered = true;
  }
  if (!e.red_flags.empty())
    e.level = "emergency";
  else if (any_unanswered || !c.weeks)
    e.level = "incomplete";
  else
    e.level = *c.weeks >= kChronicWeeks ? "doctor" : "self_care";

  if (c.weeks) e.duration = *c.weeks >= kChronicWeeks ? "chronic" : "acute";
  e.pain_type = expected_pain_type(c);
  e.region = c.region;

  if ((e.level == "doctor" || e.level == "self_care") && c.region) {
    const bool lower = c.region == "lower" || c.region == "both";
    const bool upper = c.region == "upper" || c.region == "both";
    if (lower) e.routine.insert(e.routine.end(), kLowerRoutine.begin(), kLowerRoutine.end());
    if (upper) e.routine.insert(e.routine.end(), kUpperRoutine.begin(), kUpperRoutine.end());
    e.avoid = kAvoidAlways;
    if (lower || e.pain_type == "radicular") e.avoid.push_back("toe_touches");
    if (upper) {
      e.avoid.push_back("over_arching");
      e.avoid.push_back("jerky_motions");
    }
  }
  e.red_flags = sorted(e.red_flags);
  e.routine = sorted(e.routine);
  e.avoid = sorted(e.avoid);
  return e;
}

// --- Reading the rule set and the results ---------------------------------------

FactId fact_of(const ruleset::RuleSet& rules, const std::string& id) {
  auto fact = rules.find_fact(id);
  if (!fact) FAIL("the rule set has no fact '" << id << "'");
  return *fact;
}

Value symbol_of(const ruleset::RuleSet& rules, FactId fact, const std::string& symbol) {
  int index = rules.knowledge_base().facts()[fact].symbol_index(symbol);
  if (index < 0) FAIL("fact " << fact << " has no value '" << symbol << "'");
  return Value::symbol(index);
}

// Every number a rule compares duration_weeks with: the thresholds to probe.
std::vector<double> duration_thresholds(const ruleset::RuleSet& rules, FactId weeks) {
  std::vector<double> out;
  std::vector<const engine::Condition*> work;
  for (const auto& rule : rules.knowledge_base().rules()) work.push_back(&rule.when);
  while (!work.empty()) {
    const engine::Condition* c = work.back();
    work.pop_back();
    for (const auto& child : c->children) work.push_back(&child);
    if (c->kind == engine::Condition::Kind::Compare && c->fact == weeks)
      for (Value v : c->operands) out.push_back(v.as_number());
  }
  return out;
}

// Unanswered, the range ends, and each threshold at, just below and just above.
std::vector<std::optional<double>> durations_to_probe(const ruleset::RuleSet& rules) {
  const ruleset::Question& q = *rules.find_question("duration_weeks");
  std::vector<double> points{q.min, q.max};
  auto thresholds = duration_thresholds(rules, fact_of(rules, "duration_weeks"));
  thresholds.push_back(kChronicWeeks);  // the contract's, should the file drift
  for (double t : thresholds)
    for (double p : {t - 0.001, t, t + 0.001})
      if (p >= q.min && p <= q.max) points.push_back(p);
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::vector<std::optional<double>> out{std::nullopt};
  out.insert(out.end(), points.begin(), points.end());
  return out;
}

std::vector<std::string> ids(const std::vector<ruleset::Item>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.id);
  return sorted(out);
}

std::vector<std::string> certain_symbols(const ruleset::RuleSet& rules,
                                         const engine::FactTable& facts, FactId fact) {
  std::vector<std::string> out;
  for (Value v : facts.certain(fact)) out.push_back(rules.format_value(fact, v));
  return sorted(out);
}

std::string describe(const Case& c) {
  std::ostringstream s;
  for (std::size_t i = 0; i < kRedFlags.size(); ++i)
    if (c.red_flags[i] != RedFlag::Unanswered)
      s << kRedFlags[i] << '=' << (c.red_flags[i] == RedFlag::Yes ? "yes " : "no ");
  if (c.weeks) s << "duration_weeks=" << *c.weeks << ' ';
  if (c.sensation) s << "sensation=" << *c.sensation << ' ';
  if (c.spread) s << "spread=" << *c.spread << ' ';
  if (c.below_knee) s << "below_knee=" << (*c.below_knee ? "yes " : "no ");
  if (c.region) s << "region=" << *c.region;
  return s.str();
}

std::string show(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const auto& s : v) out += (out.size() > 1 ? "," : "") + s;
  return out + "]";
}

std::string show(const std::optional<std::string>& v) {
  return v ? *v : "null";
}

template <typename T>
std::vector<std::optional<T>> unanswered_or(const std::vector<T>& values) {
  std::vector<std::optional<T>> out{std::nullopt};
  out.insert(out.end(), values.begin(), values.end());
  return out;
}

// Runs one case through the real rule set, evaluator and report builder, and
// records every difference from the oracle.
class Checker {
 public:
  explicit Checker(const ruleset::RuleSet& rules)
      : rules_(rules),
        evaluator_(rules.knowledge_base()),
        evaluation_(rules.knowledge_base()),
        answers_(rules.knowledge_base().facts().size()) {
    for (std::size_t i = 0; i < kRedFlags.size(); ++i)
      red_flag_facts_[i] = fact_of(rules, kRedFlags[i]);
  }

  void check(const Case& c) {
    for (std::size_t i = 0; i < kRedFlags.size(); ++i)
      answers_[red_flag_facts_[i]] =
          c.red_flags[i] == RedFlag::Unanswered
              ? std::nullopt
              : std::optional(Value::boolean(c.red_flags[i] == RedFlag::Yes));
    answers_[weeks_] = c.weeks ? std::optional(Value::number(*c.weeks)) : std::nullopt;
    answers_[sensation_] = symbol(sensation_, c.sensation);
    answers_[spread_] = symbol(spread_, c.spread);
    answers_[below_knee_] =
        c.below_knee ? std::optional(Value::boolean(*c.below_knee)) : std::nullopt;
    answers_[region_] = symbol(region_, c.region);

    evaluator_.run(answers_, evaluation_);  // reused: no allocation once warm
    const auto r = report::build_report(rules_, answers_, evaluation_, nullptr);
    const Expected e = oracle(c);
    ++checked_;

    // The report.
    expect(c, "level", r.level, e.level);
    expect(c, "red_flags", show(ids(r.red_flags)), show(e.red_flags));
    expect(c, "routine", show(ids(r.routine)), show(e.routine));
    expect(c, "avoid", show(ids(r.avoid)), show(e.avoid));
    expect(c, "duration", show(r.duration), show(e.duration));
    expect(c, "pain_type", show(r.pain_type), show(e.pain_type));
    expect(c, "region", show(r.region), show(e.region));
    if (e.level == "incomplete") {
      auto listed = [&](const std::string& id) {
        return std::find(r.unanswered.begin(), r.unanswered.end(), id) != r.unanswered.end();
      };
      for (std::size_t i = 0; i < kRedFlags.size(); ++i)
        if (c.red_flags[i] == RedFlag::Unanswered && !listed(kRedFlags[i]))
          fail(c, "unanswered " + show(r.unanswered) + " does not name " + kRedFlags[i]);
      if (!c.weeks && !listed("duration_weeks"))
        fail(c, "unanswered " + show(r.unanswered) + " does not name duration_weeks");
    }

    // The engine's own facts, so the report's safety net (which forces
    // emergency on any red flag and drops a routine it forbids) cannot hide
    // a rule-set bug.
    const auto& facts = evaluation_.facts();
    expect(c, "engine level", show(certain_symbols(rules_, facts, level_)),
           show(e.level == "incomplete" ? std::vector<std::string>{}
                                        : std::vector<std::string>{e.level}));
    expect(c, "engine red_flag", show(certain_symbols(rules_, facts, red_flag_)),
           show(e.red_flags));
    expect(c, "engine routine", show(certain_symbols(rules_, facts, routine_)), show(e.routine));
    expect(c, "engine avoid", show(certain_symbols(rules_, facts, avoid_)), show(e.avoid));
  }

  std::size_t checked() const { return checked_; }
  std::string failures() const {
    std::string out;
    for (const auto& f : failures_) out += f + "\n";
    return out;
  }

 private:
  std::optional<Value> symbol(FactId fact, const std::optional<std::string>& s) const {
    return s ? std::optional(symbol_of(rules_, fact, *s)) : std::nullopt;
  }
  void fail(const Case& c, const std::string& what) {
    if (failures_.size() < 20) failures_.push_back(describe(c) + ": " + what);
  }
  void expect(const Case& c, const char* what, const std::string& got, const std::string& want) {
    if (got != want) fail(c, std::string(what) + " is " + got + ", expected " + want);
  }

  const ruleset::RuleSet& rules_;
  const engine::Evaluator evaluator_;
  engine::Evaluation evaluation_;
  engine::Answers answers_;
  std::array<FactId, 6> red_flag_facts_{};
  const FactId weeks_ = fact_of(rules_, "duration_weeks");
  const FactId sensation_ = fact_of(rules_, "sensation"), spread_ = fact_of(rules_, "spread");
  const FactId below_knee_ = fact_of(rules_, "below_knee"), region_ = fact_of(rules_, "region");
  const FactId level_ = fact_of(rules_, "level"), routine_ = fact_of(rules_, "routine");
  const FactId avoid_ = fact_of(rules_, "avoid"), red_flag_ = fact_of(rules_, "red_flag");
  std::size_t checked_ = 0;
  std::vector<std::string> failures_;
};

// The answers that only shape the classification: sensation x spread x
// below_knee, each also unanswered (5 x 3 x 3 = 45).
struct PainAnswers {
  std::optional<std::string> sensation, spread;
  std::optional<bool> below_knee;
};

std::vector<PainAnswers> all_pain_answers() {
  std::vector<PainAnswers> out;
  for (const auto& sensation : unanswered_or(kSensations))
    for (const auto& spread : unanswered_or(kSpreads))
      for (const auto& knee : std::vector<std::optional<bool>>{std::nullopt, false, true})
        out.push_back({sensation, spread, knee});
  return out;
}

std::array<RedFlag, 6> red_flag_state(int index) {  // 0 .. 3^6 - 1
  std::array<RedFlag, 6> state{};
  for (int i = 0; i < 6; ++i, index /= 3) state[i] = static_cast<RedFlag>(index % 3);
  return state;
}

// Red-flag states that stand for all the others in the covering plan: none,
// all and each one alone, as yes and as the one left unanswered.
std::vector<std::array<RedFlag, 6>> representative_red_flag_states() {
  std::vector<std::array<RedFlag, 6>> out;
  for (RedFlag all : {RedFlag::No, RedFlag::Unanswered, RedFlag::Yes}) {
    std::array<RedFlag, 6> state{};
    state.fill(all);
    out.push_back(state);
  }
  for (RedFlag one : {RedFlag::Yes, RedFlag::Unanswered})
    for (std::size_t i = 0; i < 6; ++i) {
      std::array<RedFlag, 6> state{};
      state.fill(RedFlag::No);
      state[i] = one;
      out.push_back(state);
    }
  return out;
}

// Every combination takes about 2 s optimised, but minutes in an unoptimised
// sanitizer build, which checks memory rather than logic. There the test runs
// a covering plan instead; BACKTRIAGE_SAFETY_FULL=1 forces every combination.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SAFETY_TEST_UNDER_ASAN 1  // clang
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SAFETY_TEST_UNDER_ASAN 1  // gcc
#endif

bool run_every_combination() {
#if defined(__OPTIMIZE__) && !defined(SAFETY_TEST_UNDER_ASAN)
  return true;
#else
  const char* force = std::getenv("BACKTRIAGE_SAFETY_FULL");
  return force && std::string(force) == "1";
#endif
}

}  // namespace

TEST_CASE("every combination of answers keeps the red-flag guarantees", "[safety]") {
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  const auto durations = durations_to_probe(rules);
  // The brief's probes: unanswered, 0, 11.999, 12, 12.001, 520.
  REQUIRE(durations.size() == 6);
  const auto regions = unanswered_or(kRegions);
  const auto pains = all_pain_answers();
  REQUIRE(pains.size() == 45);

  Checker checker(rules);
  auto check = [&](const std::array<RedFlag, 6>& flags, const std::optional<double>& weeks,
                   const PainAnswers& pain, const std::optional<std::string>& region) {
    checker.check(Case{flags, weeks, pain.sensation, pain.spread, region, pain.below_knee});
  };
  std::size_t want = 0;
  if (run_every_combination()) {
    // 3^6 red flags x 6 durations x 45 pain answers x 4 regions.
    for (int flags = 0; flags < 729; ++flags)
      for (const auto& weeks : durations)
        for (const auto& pain : pains)
          for (const auto& region : regions) check(red_flag_state(flags), weeks, pain, region);
    want = 729u * 6 * 45 * 4;
  } else {
    // Every red-flag state with every duration and region, the pain answers
    // rotating so each meets many red-flag states ...
    std::size_t turn = 0;
    for (int flags = 0; flags < 729; ++flags)
      for (const auto& weeks : durations)
        for (const auto& region : regions)
          check(red_flag_state(flags), weeks, pains[turn++ % pains.size()], region);
    // ... and every pain answer with every duration and region under each
    // representative red-flag state.
    const auto states = representative_red_flag_states();
    for (const auto& flags : states)
      for (const auto& weeks : durations)
        for (const auto& pain : pains)
          for (const auto& region : regions) check(flags, weeks, pain, region);
    want = 729u * 6 * 4 + states.size() * 6 * 45 * 4;
  }
  WARN("safety: checked " << checker.checked() << " combinations of answers against the oracle"
                          << (run_every_combination() ? " (every combination)"
                                                      : " (covering plan; "
                                                        "BACKTRIAGE_SAFETY_FULL=1 for all)"));
  CHECK(checker.checked() == want);
  INFO(checker.failures());
  CHECK(checker.failures().empty());
}

TEST_CASE("the safety oracle itself follows the contract's wording", "[safety]") {
  // A few cases spelt out by hand, so a slip in the oracle cannot pass
  // silently alongside the same slip in the rule set.
  Case calm;
  calm.red_flags.fill(RedFlag::No);
  calm.weeks = 2;
  calm.sensation = "dull";
  calm.spread = "one_spot";
  calm.region = "lower";
  Expected e = oracle(calm);
  CHECK(e.level == "self_care");
  CHECK(e.pain_type == "axial");
  CHECK(e.routine.size() == 6);
  CHECK(e.avoid.size() == 7);  // the six always, and toe touches for the lower back

  Case fever = calm;
  fever.red_flags[4] = RedFlag::Yes;
  e = oracle(fever);
  CHECK(e.level == "emergency");
  CHECK(e.red_flags == std::vector<std::string>{"fever"});
  CHECK(e.routine.empty());
  CHECK(e.avoid.empty());

  Case upper_electric = calm;
  upper_electric.region = "upper";
  upper_electric.sensation = "electric";
  upper_electric.weeks = 12;
  e = oracle(upper_electric);
  CHECK(e.level == "doctor");
  CHECK(e.pain_type == "radicular");
  CHECK(e.avoid.size() == 9);  // six, toe touches (radicular), over-arching, jerky motions

  Case unanswered_flag = calm;
  unanswered_flag.red_flags[0] = RedFlag::Unanswered;
  CHECK(oracle(unanswered_flag).level == "incomplete");
  CHECK(oracle(unanswered_flag).routine.empty());
}
