#pragma once
// Interactive mode: asks, on stderr, only the questions whose answer can
// still change the report, in the rule set's order (red flags first), and
// stops once the rule set's `interview.stop_when` holds (an emergency).
#include <string>

#include "cli/io.h"
#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class Prompter {
 public:
  Prompter(const ruleset::RuleSet& rules, const Io& io) : rules_(rules), io_(io) {}

  // Fills in `answers` by asking. Throws CliError(kInterrupted) at end of
  // input, so that no partial report is ever printed. Returns the final
  // evaluation.
  engine::Evaluation interview(engine::Answers& answers, engine::Trace& trace);

 private:
  engine::Value ask(const ruleset::Question& question, int number);
  bool read_line(std::string& line);

  const ruleset::RuleSet& rules_;
  const Io& io_;
};

// The next question worth asking, or -1: the first (in asking order) open
// question that an undecided rule depends on, unless `stop_when` holds.
engine::FactId next_question(const ruleset::RuleSet& rules, const engine::Evaluation& evaluation);

// What the prompt shows as valid answers: "yes or no", "a number from 0 to
// 520 weeks", "one of electric, sharp, dull, achy".
std::string answer_hint(const ruleset::Question& question);

// The answer to `?` at a prompt, MYCIN-style: the rules that read the
// question, what each concludes, and what those conclusions go on to decide.
std::string why_asked(const ruleset::RuleSet& rules, const ruleset::Question& question);

}  // namespace backtriage::cli
