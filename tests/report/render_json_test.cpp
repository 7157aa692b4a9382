#include "report/render_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/build_report.h"
#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"

using namespace backtriage;
using Json = nlohmann::ordered_json;

namespace {

const std::vector<std::string> kKeys{
    "schema_version", "ruleset",         "locale",    "level",           "level_label", "advice",
    "complete",       "red_flags",       "reasons",   "classification",  "routine",     "avoid",
    "tips",           "safe_activities", "frequency", "expected_course", "plan",        "watch_for",
    "unanswered",     "assumed",         "answers",   "trace",           "disclaimer"};

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

// What a batch worker keeps from line to line: one builder and writer for
// many reports, each with what it found and wrote before.
struct Worker {
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  const report::JsonReportWriter writer{rules};
  report::ReportBuilder builder{rules};
  engine::Evaluation evaluation{rules.knowledge_base()};
  engine::Trace trace;

  // The full report of `answers`, evaluated as a batch line is.
  const report::Report& report(const engine::Answers& answers) {
    engine::Evaluator(rules.knowledge_base())
        .run(answers, evaluation, &trace, engine::Unanswered::Final);
    return builder.build(answers, evaluation, &trace);
  }
};

}  // namespace

TEST_CASE(
    "one writer: compact (with cached parts) and indented JSON say the same, read by an "
    "independent parser",
    "[json]") {
  Worker worker;
  const auto& rules = worker.rules;
  const auto& writer = worker.writer;
  const std::vector<std::pair<const char*, std::vector<const char*>>> space{
      {"aortic_signs", {"", "no", "unsure"}},
      {"fever", {"", "no", "yes"}},
      {"duration_weeks", {"", "2", "7", "20"}},
      {"improving", {"", "no"}},
      {"sensation", {"", "electric", "dull"}},
      {"region", {"", "lower", "upper", "both"}},
      {"age", {"", "12", "70"}}};
  std::size_t compared = 0;
  engine::Answers answers(rules.knowledge_base().facts().size());
  auto walk = [&](auto& self, std::size_t i) -> void {
    if (i == space.size()) {
      std::vector<engine::Answers> variants{answers, answers};
      for (std::size_t q = 0; q < rules.questions.size(); ++q)  // the second: no red flag open
        if (rules.questions[q].red_flag && !variants[1][q])
          variants[1][q] = engine::Value::boolean(false);
      for (const auto& given : variants) {
        const auto& r = worker.report(given);
        std::string compact, pretty;
        report::JsonOut c(compact, -1), p(pretty, 2);
        writer.write(r, c, "\"case\"");
        writer.write(r, p, "\"case\"");
        REQUIRE(compact.find('\n') == std::string::npos);
        const Json a = Json::parse(compact), b = Json::parse(pretty);
        REQUIRE(a == b);
        auto keys = keys_of(a);
        REQUIRE(keys.front() == "id");
        keys.erase(keys.begin());
        REQUIRE(keys == kKeys);
        CHECK(a["schema_version"] == 2);
        CHECK(a["level"] == r.level->id);
        CHECK(a["complete"] == r.complete);
        // A plan and a frequency come with exercises to do, and only then.
        CHECK(a["plan"].is_null() == a["routine"].empty());
        CHECK(a["frequency"].is_null() == a["routine"].empty());
        // --brief alike, compact (its ids pasted) and indented, naming what
        // the full report names.
        const auto& brief_report =
            worker.builder.build(given, worker.evaluation, nullptr, report::Detail::Brief);
        std::string brief_compact, brief_pretty;
        report::JsonOut bc(brief_compact, -1), bp(brief_pretty, 2);
        writer.write_brief(brief_report, bc, "\"case\"");
        writer.write_brief(brief_report, bp, "\"case\"");
        const Json brief = Json::parse(brief_compact);
        REQUIRE(brief == Json::parse(brief_pretty));
        CHECK(brief["level"] == a["level"]);
        for (const char* list : {"red_flags", "reasons", "routine", "avoid"}) {
          Json ids = Json::array();
          for (const Json& entry : a[list]) ids.push_back(entry["id"]);
          CHECK(brief[list] == ids);
        }
        for (const auto& [fact, value] : a["classification"].items())
          CHECK(brief["classification"][fact] == value);
        ++compared;
      }
      return;
    }
    const auto fact = *rules.find_fact(space[i].first);
    for (const char* text : space[i].second) {
      answers[fact].reset();
      if (*text)
        answers[fact] = std::get<engine::Value>(
            ruleset::parse_answer(*rules.find_question(space[i].first), text));
      self(self, i + 1);
    }
    answers[fact].reset();
  };
  walk(walk, 0);
  CHECK(compared == 2 * 3 * 3 * 4 * 2 * 3 * 4 * 3);
}

TEST_CASE("a brief report keeps the level, complete, classification and ids", "[json]") {
  const auto& rules = ruleset::embedded_rule_set();
  engine::Answers answers(rules.knowledge_base().facts().size());
  answers[*rules.find_fact("bladder_bowel")] = ruleset::unsure_answer();
  auto evaluation =
      engine::Evaluator(rules.knowledge_base()).run(answers, nullptr, engine::Unanswered::Final);
  report::ReportBuilder builder(rules);
  const auto& r = builder.build(answers, evaluation, nullptr, report::Detail::Brief);
  std::string text;
  report::JsonOut out(text, -1);
  report::JsonReportWriter(rules).write_brief(r, out, "7");
  const Json brief = Json::parse(text);
  CHECK(keys_of(brief) == std::vector<std::string>{"id", "schema_version", "level", "complete",
                                                   "classification", "red_flags", "reasons",
                                                   "routine", "avoid", "watch_for"});
  CHECK(brief["id"] == 7);
  CHECK(brief["schema_version"] == 2);
  CHECK(brief["level"] == "emergency");
  CHECK(brief["watch_for"] == Json::array());  // nothing above A&E to watch for
  CHECK(brief["red_flags"] == Json::array({"bladder_bowel"}));
}

TEST_CASE(
    "compact trace entries pasted from those kept match those written afresh, past as many "
    "as a rule keeps",
    "[json]") {
  // new-pain-over-50 reads the age and the weeks, among others: 71 ages (50
  // to the oldest, 120) by 9 durations give it 639 entries of its own, more
  // than it keeps at once (kCodedKept). Each is written, then pasted: once
  // a rule's entries are forgotten, the ones kept after must paste right.
  Worker worker;
  const auto& rules = worker.rules;
  engine::Answers answers(rules.knowledge_base().facts().size());
  for (std::size_t q = 0; q < rules.questions.size(); ++q)
    if (rules.questions[q].red_flag) answers[q] = engine::Value::boolean(false);
  auto answer = [&](const char* question, const std::string& text) {
    answers[*rules.find_fact(question)] =
        std::get<engine::Value>(ruleset::parse_answer(*rules.find_question(question), text));
  };
  answer("new_back_pain", "yes");
  answer("improving", "no");
  std::size_t fired = 0;
  for (int age = 50; age <= 120; ++age)
    for (int weeks = 4; weeks <= 12; ++weeks)
      for (int time = 0; time < 2; ++time) {  // written, then pasted
        answer("age", std::to_string(age));
        answer("duration_weeks", std::to_string(weeks));
        const auto& r = worker.report(answers);
        std::string compact, pretty;
        report::JsonOut c(compact, -1), p(pretty, 2);
        worker.writer.write(r, c);
        worker.writer.write(r, p);
        const Json a = Json::parse(compact), b = Json::parse(pretty);
        REQUIRE(a["trace"] == b["trace"]);
        for (const Json& entry : a["trace"])
          if (entry["id"] == "new-pain-over-50") {
            CHECK(entry["because"]["age"] == age);
            CHECK(entry["because"]["duration_weeks"] == weeks);
            ++fired;
          }
      }
  CHECK(fired == 2 * 71 * 9);
}
