#include "cli/prompter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "cli/exit_code.h"
#include "ruleset/answer_parser.h"

namespace backtriage::cli {

namespace {

// Plain words for a worried reader. Nothing here names a condition: the
// rule set may be about something other than back pain.
constexpr const char* kIntro =
    "A few questions, one at a time. Type your answer and press Enter.\n"
    "Type ? at any question to see why it is asked; Ctrl-C stops at any time.\n";
constexpr const char* kRedFlagSection =
    "\nFirst, some questions about warning signs that need a doctor's attention.\n";
constexpr const char* kOtherSection = "\nThank you. Now, some questions about your symptoms.\n";
constexpr const char* kStopped =
    "\nThank you. That answer is enough: there are no more questions.\n"
    "Please read the advice below.\n";

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool asks_why(std::string_view text) {
  std::string word(trim(text));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return word == "?" || word == "why";
}

bool stop_holds(const ruleset::RuleSet& rules, const engine::Evaluation& evaluation) {
  return rules.stop_when && rules.stop_when->evaluate(evaluation.facts()) == engine::Tri::True;
}

// "red_flag: saddle_numbness; level: emergency"
std::string conclusions(const ruleset::RuleSet& rules, const engine::Rule& rule) {
  std::string out;
  for (const auto& a : rule.then)
    out +=
        fmt::format("{}{}: {}", out.empty() ? "" : "; ", rules.knowledge_base().facts()[a.fact].id,
                    rules.format_value(a.fact, a.value));
  return out;
}

}  // namespace

engine::FactId next_question(const ruleset::RuleSet& rules, const engine::Evaluation& evaluation) {
  if (stop_holds(rules, evaluation)) return -1;
  for (engine::FactId f : evaluation.open_questions())  // sorted: asking order
    if (rules.is_question(f)) return f;
  return -1;
}

std::string answer_hint(const ruleset::Question& q) {
  switch (q.type) {
    case engine::FactType::Bool: return "yes or no";
    case engine::FactType::Number: return "a number from " + ruleset::accepted_answers(q);
    default: return "one of " + ruleset::accepted_answers(q);
  }
}

std::string why_asked(const ruleset::RuleSet& rules, const ruleset::Question& q) {
  const auto& kb = rules.knowledge_base();
  const engine::FactId fact = *rules.find_fact(q.id);
  std::string out = "   Why this is asked: your answer is read by\n";
  // What the readers conclude, and the facts those conclusions feed in turn.
  std::vector<engine::FactId> decided;
  auto note = [&](engine::FactId f) {
    if (f != fact && std::find(decided.begin(), decided.end(), f) == decided.end())
      decided.push_back(f);
  };
  for (int r : kb.readers(fact)) {
    const auto& rule = kb.rules()[r];
    out += fmt::format("     - rule {}, which concludes {}\n       (source: {})\n", rule.id,
                       conclusions(rules, rule), rule.source);
    for (const auto& a : rule.then) note(a.fact);
  }
  const std::size_t direct = decided.size();
  for (std::size_t i = 0; i < decided.size(); ++i)
    for (int r : kb.readers(decided[i]))
      for (const auto& a : kb.rules()[r].then) note(a.fact);
  if (decided.size() > direct) {
    std::string further;
    for (std::size_t i = direct; i < decided.size(); ++i)
      further += (further.empty() ? "" : ", ") + kb.facts()[decided[i]].id;
    out += fmt::format("   Those conclusions go on to decide: {}\n", further);
  }
  if (!q.source.empty()) out += fmt::format("   The question comes from: {}\n", q.source);
  return out;
}

bool Prompter::read_line(std::string& line) {
  line.clear();
  int c;
  while ((c = std::fgetc(io_.in)) != EOF && c != '\n') {
    if (line.size() < 4096) line += static_cast<char>(c);  // a prompt answer is short
  }
  return c != EOF || !line.empty();
}

engine::Value Prompter::ask(const ruleset::Question& q, int number) {
  std::string text = fmt::format("\n{}. {}\n", number, q.prompt);
  if (!q.help.empty()) text += fmt::format("   {}\n", q.help);
  if (q.type == engine::FactType::Choice) {
    std::size_t width = 0;
    for (const auto& c : q.choices) width = std::max(width, c.id.size());
    for (const auto& c : q.choices) text += fmt::format("     {:<{}}  {}\n", c.id, width, c.label);
  }
  std::fputs(text.c_str(), io_.err);
  std::string line;
  for (;;) {
    fmt::print(io_.err, "   Type {} (? for why) > ", answer_hint(q));
    std::fflush(io_.err);
    if (!read_line(line)) {
      std::fputs("\n", io_.err);  // the cursor is still after the prompt
      throw CliError(
          kInterrupted,
          fmt::format("stopped at question {} (end of input); no report was made", number));
    }
    if (asks_why(line)) {
      std::fputs(why_asked(rules_, q).c_str(), io_.err);
      continue;
    }
    if (trim(line).empty()) {
      fmt::print(io_.err, "   Please type an answer: {}.\n", answer_hint(q));
      continue;
    }
    auto parsed = ruleset::parse_answer(q, line);
    if (auto* value = std::get_if<engine::Value>(&parsed)) return *value;
    fmt::print(io_.err, "   Please try again: {}.\n",
               std::get<ruleset::AnswerError>(parsed).message);
  }
}

engine::Evaluation Prompter::interview(engine::Answers& answers, engine::Trace& trace) {
  engine::Evaluator evaluator(rules_.knowledge_base());
  engine::Evaluation evaluation = evaluator.run(answers, &trace);
  int asked = 0;
  bool in_red_flags = false;
  for (engine::FactId f; (f = next_question(rules_, evaluation)) >= 0;) {
    const ruleset::Question& q = rules_.questions[f];
    if (asked == 0) std::fputs(kIntro, io_.err);
    if (q.red_flag && (asked == 0 || !in_red_flags)) std::fputs(kRedFlagSection, io_.err);
    if (!q.red_flag && in_red_flags) std::fputs(kOtherSection, io_.err);
    in_red_flags = q.red_flag;
    answers[f] = ask(q, ++asked);
    evaluator.run(answers, evaluation, &trace);
  }
  if (asked > 0) std::fputs(stop_holds(rules_, evaluation) ? kStopped : "\n", io_.err);
  return evaluation;
}

}  // namespace backtriage::cli
