#include "cli/prompter.h"

#include <fmt/format.h>

#include "cli/exit_code.h"
#include "ruleset/answer_parser.h"

namespace backtriage::cli {

engine::FactId next_question(const ruleset::RuleSet& rules, const engine::Evaluation& evaluation) {
  if (rules.stop_when && rules.stop_when->evaluate(evaluation.facts()) == engine::Tri::True)
    return -1;
  for (engine::FactId f : evaluation.open_questions())  // sorted: asking order
    if (rules.is_question(f)) return f;
  return -1;
}

bool Prompter::read_line(std::string& line) {
  line.clear();
  int c;
  while ((c = std::fgetc(io_.in)) != EOF && c != '\n') {
    if (line.size() < 4096) line += static_cast<char>(c);  // a prompt answer is short
  }
  return c != EOF || !line.empty();
}

std::string Prompter::why(const ruleset::Question& q) const {
  const auto& kb = rules_.knowledge_base();
  auto fact = *rules_.find_fact(q.id);
  std::string out = fmt::format("  Why this is asked ({}):\n", q.source);
  for (int r : kb.readers(fact))
    out += fmt::format("    - rule {} ({})\n", kb.rules()[r].id, kb.rules()[r].source);
  return out;
}

engine::Value Prompter::ask(const ruleset::Question& q, int number) {
  std::string text = fmt::format("\n{}. {}{}\n", number, q.red_flag ? "[red flag] " : "", q.prompt);
  if (!q.help.empty()) text += fmt::format("   {}\n", q.help);
  if (q.type == engine::FactType::Choice)
    for (const auto& c : q.choices)
      text += fmt::format("   {:<10} {}\n", c.id, c.label);
  std::fputs(text.c_str(), io_.err);
  std::string line;
  for (;;) {
    fmt::print(io_.err, "   [{}] (? for why) > ", ruleset::accepted_answers(q));
    std::fflush(io_.err);
    if (!read_line(line))
      throw CliError(kInterrupted, "no answer given (end of input); nothing was reported");
    if (line == "?" || line == "why") {
      std::fputs(why(q).c_str(), io_.err);
      continue;
    }
    auto parsed = ruleset::parse_answer(q, line);
    if (auto* value = std::get_if<engine::Value>(&parsed)) return *value;
    fmt::print(io_.err, "   Please try again: {}\n", std::get<ruleset::AnswerError>(parsed).message);
  }
}

engine::Evaluation Prompter::interview(engine::Answers& answers, engine::Trace& trace) {
  engine::Evaluator evaluator(rules_.knowledge_base());
  engine::Evaluation evaluation = evaluator.run(answers, &trace);
  int asked = 0;
  for (engine::FactId f; (f = next_question(rules_, evaluation)) >= 0;) {
    answers[f] = ask(rules_.questions[f], ++asked);
    evaluator.run(answers, evaluation, &trace);
  }
  if (asked > 0) std::fputs("\n", io_.err);
  return evaluation;
}

}  // namespace backtriage::cli
