#include "report/json_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "engine/evaluator.h"
#include "report/build_report.h"
#include "report/render_json.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {

std::string written(const report::JsonWriter& writer, const report::Report& r) {
  std::string out = "prefix:";  // write appends
  writer.write(r, out);
  return out;
}

std::string written_brief(const report::JsonWriter& writer, const report::Report& r) {
  std::string out = "prefix:";
  writer.write_brief(r, out);
  return out;
}

void check_same(const report::JsonWriter& writer, const report::Report& r) {
  REQUIRE(written(writer, r) == "prefix:" + report::render_json(r, -1));
  REQUIRE(written_brief(writer, r) == "prefix:" + report::to_brief_json(r).dump());
}

// Each question's answers worth writing out: unanswered, and for bools
// yes/no, numbers a few durations (whole and not), choices each choice.
std::vector<std::vector<std::optional<engine::Value>>> answer_options(
    const ruleset::RuleSet& rules) {
  std::vector<std::vector<std::optional<engine::Value>>> options;
  for (const auto& q : rules.questions) {
    std::vector<std::optional<engine::Value>> o{std::nullopt};
    switch (q.type) {
      case engine::FactType::Bool:
        o.push_back(engine::Value::boolean(true));
        o.push_back(engine::Value::boolean(false));
        break;
      case engine::FactType::Number:
        for (double weeks : {2.0, 12.0, 2.5}) o.push_back(engine::Value::number(weeks));
        break;
      default:
        for (std::size_t i = 0; i < q.choices.size(); ++i)
          o.push_back(engine::Value::symbol(static_cast<int>(i)));
    }
    options.push_back(o);
  }
  return options;
}

// Every `stride`th combination of answers (mixed radix), and for each the
// reports with and without a trace.
std::size_t check_answer_space(const ruleset::RuleSet& rules, std::size_t stride) {
  const report::JsonWriter writer(rules);
  const engine::Evaluator evaluator(rules.knowledge_base());
  const auto options = answer_options(rules);
  std::size_t total = 1;
  for (const auto& o : options) total *= o.size();
  std::size_t checked = 0;
  engine::Answers answers(rules.knowledge_base().facts().size());
  for (std::size_t index = 0; index < total; index += stride) {
    std::size_t rest = index;
    for (std::size_t q = 0; q < options.size(); ++q) {
      answers[q] = options[q][rest % options[q].size()];
      rest /= options[q].size();
    }
    engine::Trace trace;
    engine::Evaluation evaluation = evaluator.run(answers, &trace);
    check_same(writer, report::build_report(rules, answers, evaluation, &trace));
    check_same(writer, report::build_report(rules, answers, evaluation, nullptr));
    const auto brief = report::build_brief_report(rules, evaluation);
    REQUIRE(written_brief(writer, brief) ==
            "prefix:" +
                report::to_brief_json(report::build_report(rules, answers, evaluation, nullptr))
                    .dump());
    ++checked;
  }
  return checked;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the writer matches render_json and to_brief_json across the answer space", "[report]") {
  const auto& rules = ruleset::embedded_rule_set();
  // 6 red flags, duration, 3 choices and a bool: ~525,000 combinations; a
  // stride prime to every radix visits a spread of them.
  CHECK(check_answer_space(rules, 97) > 5000);
}

TEST_CASE("the writer matches render_json for rule text needing escapes or not UTF-8", "[report]") {
  std::string text(ruleset::embedded_rules_text());
  text = replaced(text, "label: See a doctor now", "label: \"See a doctor \\\"now\\\" — \\t Ä\"");
  text = replaced(text, "id: hamstring_stretch\n        name: Hamstring stretch",
                  "id: hamstring_stretch\n        name: \"Ham\\\\string \\u0001 stretch \\x7f\"");
  text = replaced(text, "Loosens the muscles", "Loosens \xff\xfe the muscles");
  text = replaced(text, "label: Loss of bladder or bowel control",
                  "label: \"Loss of bladder \xc3 or bowel control\"");
  auto loaded = ruleset::load_rule_set(text, "odd.yaml");
  REQUIRE(loaded.rule_set);
  CHECK(check_answer_space(*loaded.rule_set, 211) > 2000);
}

TEST_CASE("the writer matches render_json for reports unlike the rule set's", "[report]") {
  const auto& rules = ruleset::embedded_rule_set();
  const report::JsonWriter writer(rules);
  engine::Answers answers(rules.knowledge_base().facts().size());
  // No red flags, three weeks, dull pain in one spot, lower back: self care.
  for (std::size_t q = 0; q < 6; ++q) answers[q] = engine::Value::boolean(false);
  answers[6] = engine::Value::number(3);
  answers[7] = engine::Value::symbol(2);
  answers[8] = engine::Value::symbol(0);
  answers[9] = engine::Value::boolean(false);
  answers[10] = engine::Value::symbol(0);
  engine::Trace trace;
  auto evaluation = engine::Evaluator(rules.knowledge_base()).run(answers, &trace);
  const auto base = report::build_report(rules, answers, evaluation, &trace);
  REQUIRE(base.level == "self_care");
  REQUIRE(!base.routine.empty());

  SECTION("an item that differs from the rule set's copy of it") {
    auto r = base;
    ruleset::Item flag;
    flag.id = "fever";  // a cached id, other content
    flag.label = "changed";
    r.red_flags.push_back(flag);
    REQUIRE(!r.tips.empty());
    r.tips.front().text += " (edited)";
    r.safe_activities.push_back(flag);
    if (r.frequency) r.frequency->per_week = 99;
    check_same(writer, r);
    CHECK(written(writer, r).find("\"label\":\"changed\"") != std::string::npos);
  }
  SECTION("strings with escapes, non-ASCII, and invalid UTF-8") {
    auto r = base;
    r.level_label = "quote\" backslash\\ \b\f\n\r\t \x01\x1f\x7f";
    r.level_advice = "caf\xc3\xa9 \xe2\x80\x94";
    r.disclaimer = "bad \xff\xc3 utf-8 \xe2\x80";
    r.answers.emplace_back("odd\xff", std::string("v\xc3"));
    r.trace.push_back({"r\n", "s\xe9", {{"f", {}}}, {{"g", {}}}});
    check_same(writer, r);
  }
  SECTION("numbers that are not whole, or too large or not numbers") {
    auto r = base;
    const double inf = std::numeric_limits<double>::infinity();
    for (double x : {2.5, -0.0, -7.0, 1e20, 8.9e15, 1e-7, inf, -inf, std::nan("")})
      r.answers.emplace_back("n" + std::to_string(r.answers.size()), x);
    r.trace.push_back({"r", "s", {{"a", {1.5, true, std::string("x")}}}, {{"b", {2.0, 3.0}}}});
    check_same(writer, r);
  }
  SECTION("repeated keys, which nlohmann overwrites or merges") {
    auto r = base;
    r.answers.emplace_back("fever", true);
    r.answers.emplace_back("fever", 2.0);
    r.trace.push_back({"r", "s", {{"a", {}}, {"a", {2.0, 3.0}}}, {{"b", {true}}, {"b", {false}}}});
    check_same(writer, r);
    // Where render_json cannot (an array appended to a number), nor can the writer.
    r.trace.push_back({"r", "s", {{"a", {1.0}}, {"a", {2.0, 3.0}}}, {}});
    CHECK_THROWS_AS(report::render_json(r, -1), nlohmann::ordered_json::type_error);
    std::string out;
    CHECK_THROWS_AS(writer.write(r, out), nlohmann::ordered_json::type_error);
  }
}

TEST_CASE("a brief report with text not UTF-8 throws as to_brief_json's dump does", "[report]") {
  const report::JsonWriter writer(ruleset::embedded_rule_set());
  report::Report r;
  r.level = "bad\xff";
  std::string expected_what;
  try {
    report::to_brief_json(r).dump();
  } catch (const nlohmann::ordered_json::type_error& e) {
    expected_what = e.what();
  }
  REQUIRE(!expected_what.empty());
  std::string out;
  CHECK_THROWS_WITH(writer.write_brief(r, out), expected_what);
  // The full report replaces instead.
  CHECK(written(writer, r) == "prefix:" + report::render_json(r, -1));
}
