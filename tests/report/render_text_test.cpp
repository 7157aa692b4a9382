#include "report/render_text.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "report/build_report.h"
#include "report/text_wrap.h"
#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {

// A report of the embedded rules for answers given as id -> text.
struct Triage {
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  engine::Answers answers = engine::Answers(rules.knowledge_base().facts().size());
  engine::Trace trace;
  engine::Evaluation evaluation{rules.knowledge_base()};
  report::ReportBuilder builder{rules};

  explicit Triage(std::vector<std::pair<std::string, std::string>> given, bool no_red_flags) {
    for (const auto& [id, text] : given)
      answers[*rules.find_fact(id)] =
          std::get<engine::Value>(ruleset::parse_answer(*rules.find_question(id), text));
    if (no_red_flags)
      for (std::size_t q = 0; q < rules.questions.size(); ++q)
        if (rules.questions[q].red_flag && !answers[q]) answers[q] = engine::Value::boolean(false);
    engine::Evaluator(rules.knowledge_base())
        .run(answers, evaluation, &trace, engine::Unanswered::Final);
  }
  std::string text(report::TextStyle style = {}) {
    return report::render_text(builder.build(answers, evaluation, &trace), style);
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>> kCalm{
    {"duration_weeks", "2"}, {"sensation", "electric"}, {"spread", "spreads"},
    {"below_knee", "yes"},   {"region", "both"},        {"age", "40"},
    {"daily_life", "no"}};

}  // namespace

TEST_CASE("an urgent report leads with what to do and why, in plain words", "[report]") {
  Triage t({{"fever", "yes"}}, true);
  const std::string text = t.text();
  CHECK_THAT(text, Catch::StartsWith("SEE A DOCTOR TODAY\nContact your GP surgery today"));
  CHECK_THAT(text, Catch::Contains("Warning signs in your answers\n"
                                   "  ! A temperature or feeling hot and shivery with the back "
                                   "pain\n"));
  // No ids without --explain: not the red flag's, the level's or a rule's.
  for (const char* id : {"red_flag", "aortic_signs", "cancer_history", "self_care", "fever:"})
    CHECK(text.find(std::string(id)) == std::string::npos);
  CHECK(text.find("Your home routine") == std::string::npos);
}

TEST_CASE("the classification is told in the rule set's words", "[report]") {
  Triage t(kCalm, true);
  const std::string text = t.text();
  CHECK_THAT(text, Catch::Contains("What kind: nerve pain from the back (sciatica)\n"));
  CHECK_THAT(text, Catch::Contains("Where:     both upper and lower back\n"));
  CHECK_THAT(text,
             Catch::Contains("1. Hamstring stretch (stretch, lower back, lying on your back)\n"));
  CHECK(text.find("radicular") == std::string::npos);
}

TEST_CASE("unanswered questions are shown by their question and flag", "[report]") {
  Triage t({{"duration_weeks", "2"}}, false);
  const std::string text = t.text();
  CHECK_THAT(text, Catch::StartsWith("NOT ENOUGH ANSWERS\n"));
  CHECK_THAT(text, Catch::Contains("  - Along with this back pain, have you had any of these? "
                                   "(--aortic-signs)\n"));
}

TEST_CASE("home care whose exercises are not chosen yet says why, and has no plan", "[report]") {
  // Everything but where the pain is: the level is certain, the exercises
  // are not.
  Triage t({{"duration_weeks", "2"}, {"sensation", "dull"}, {"spread", "one_spot"}}, true);
  const std::string text = t.text();
  CHECK_THAT(text, Catch::StartsWith("LOOK AFTER YOUR BACK AT HOME\n"));
  CHECK_THAT(text, Catch::Contains("Your home routine\n  Your exercises depend on the answers "
                                   "still missing (below). Answer them to get\n  your routine.\n"));
  CHECK(text.find("Do the routine") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("(--region)"));
  // With the region, the routine and its plan come.
  Triage full(
      {{"duration_weeks", "2"}, {"sensation", "dull"}, {"spread", "one_spot"}, {"region", "lower"}},
      true);
  CHECK_THAT(full.text(), Catch::Contains("Do the routine 3 times a week for 6 weeks."));
}

TEST_CASE("lines wrap between words to the width, 40 to 100 columns", "[report]") {
  // The words of the report, in order, as a very wide terminal shows them.
  auto words_of = [](const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
  };
  Triage wide(kCalm, true);
  report::TextStyle unwrapped;
  unwrapped.width = 10000;
  const auto all_words = words_of(wide.text(unwrapped));
  for (int width : {40, 60, 100}) {
    Triage t(kCalm, true);
    report::TextStyle style;
    style.width = width;
    const std::string text = t.text(style);
    for (const auto& line : lines_of(text)) {
      INFO(width << ": " << line);
      CHECK(report::display_width(line) <= static_cast<std::size_t>(width));
    }
    // Between words: no word is cut, none lost, none run together.
    CHECK(words_of(text) == all_words);
  }
}

TEST_CASE("a report taller than the screen ends with what to do now", "[report]") {
  Triage t(kCalm, true);
  report::TextStyle style;
  style.height = 40;
  CHECK_THAT(t.text(style), Catch::Contains("What to do now\n  LOOK AFTER YOUR BACK AT HOME\n"));
  style.height = 0;  // not a terminal: no screen to fall off
  CHECK(t.text(style).find("What to do now") == std::string::npos);
  style.height = 10000;
  CHECK(t.text(style).find("What to do now") == std::string::npos);
}

TEST_CASE("colour only when asked; --explain adds the rules with their ids", "[report]") {
  Triage t({{"aortic_signs", "yes"}}, true);
  CHECK(t.text().find('\x1b') == std::string::npos);
  report::TextStyle style;
  style.color = true;
  CHECK_THAT(t.text(style), Catch::StartsWith("\x1b[1m\x1b[31mCALL AN AMBULANCE NOW"));
  style.color = false;
  style.explain = true;
  CHECK_THAT(t.text(style), Catch::Contains("  - aortic-signs: aortic_signs=yes -> "
                                            "red_flag=aortic_signs, level=ambulance"));
}
