#pragma once
// Interactive mode: asks, on stderr, only the questions whose answer can
// still change the report, most urgent first, and stops as soon as nothing
// left can change it (ruleset/relevance.h). Questions of one checklist that
// are due together are asked at one prompt. A person may answer in the
// everyday words the rule file declares ("yeah", "not sure", "a dull ache",
// "5 days", "less than a week"; ruleset/spoken_answer.h), which are said
// back when read as an amount or a choice; ask why a question matters (?,
// help), go `back` to change the previous answer, skip an optional
// question (the report then says what it assumed instead), or quit.
#include <optional>
#include <string>
#include <vector>

#include "cli/io.h"
#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

struct PrompterStyle {
  int width = 80;        // columns to wrap prompts to
  bool explain = false;  // `?` also names the rules a question feeds
};

class Prompter {
 public:
  Prompter(const ruleset::RuleSet& rules, const Io& io, PrompterStyle style)
      : rules_(rules), io_(io), style_(style) {}

  // Fills in `answers` by asking. Throws CliError(kInterrupted) at end of
  // input, so that no partial report is ever printed.
  void interview(engine::Answers& answers);

 private:
  // One prompt: a single question, or several of one checklist. Returns
  // false when the person typed `back`.
  bool ask(const std::vector<engine::FactId>& questions, int number, engine::Answers& answers,
           bool can_go_back);
  bool ask_one(engine::FactId question, int number, engine::Answers& answers, bool can_go_back);
  bool ask_checklist(const std::vector<engine::FactId>& questions, int number,
                     engine::Answers& answers, bool can_go_back);
  std::string read_answer(int number);
  // After `back`: the answer being changed, as the person would type it.
  const std::string* earlier_answer(engine::FactId question);
  // `quit` at a prompt: stops as Ctrl-C does, with no report.
  [[noreturn]] void quit(int number) const;
  void say(std::string_view text) const;

  const ruleset::RuleSet& rules_;
  const Io& io_;
  PrompterStyle style_;
  // By fact: optional questions the person chose to skip (Enter, or
  // "skip"), which are then not asked again and count as declined.
  std::vector<bool> skipped_;
  // After `back`, the answers as they were, until that prompt is answered.
  std::optional<engine::Answers> earlier_;
  std::string earlier_text_;
};

// The answer to `?`: why the question matters, in plain words; with
// `explain`, also the rules that read it.
std::string why_asked(const ruleset::RuleSet& rules, const ruleset::Question& question,
                      bool explain);

}  // namespace backtriage::cli
