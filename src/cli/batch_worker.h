#pragma once
// Turns one batch input line into one output line: a report, or an error
// line. Each worker owns its engine state (answers, evaluation, trace,
// report) and shares only the read-only rule set, so workers run side by
// side.
#include <cstddef>
#include <string>
#include <vector>

#include "cli/compact_answer_reader.h"
#include "cli/options.h"
#include "engine/evaluator.h"
#include "report/build_report.h"
#include "report/render_json.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

struct BatchLine {
  std::string text;  // without "\n"; when too long, only its start (for the record id)
  bool too_long = false;
};

// What a run of lines came to, for the summary and the exit status.
struct BatchTally {
  std::size_t errors = 0;
  // Lines by level, counted on every line, so by rank, not by name: the
  // level's index in the rule set's levels(), its undecided level last.
  std::vector<std::size_t> levels;
  void count(std::size_t rank) {
    if (rank >= levels.size()) levels.resize(rank + 1);
    ++levels[rank];
  }
  void add(const BatchTally& other);
};

class BatchWorker {
 public:
  BatchWorker(const Options& options, const ruleset::RuleSet& rules);

  // Appends the output line (with its "\n") for input line `number`.
  void run(const BatchLine& line, std::size_t number, std::string& out, BatchTally& tally);

 private:
  void error_line(std::string& out, std::size_t number, const std::string& message);

  const Options& options_;
  const ruleset::RuleSet& rules_;
  const engine::Evaluator evaluator_;
  engine::Evaluation evaluation_;  // reused: no allocation per line once warm
  engine::Trace trace_;
  engine::Answers answers_;
  CompactAnswerReader compact_;  // what it has read before, from line to line
  std::string id_;               // the line's record id, as JSON text
  report::ReportBuilder builder_;
  const report::JsonReportWriter json_;  // rule-set items pre-rendered
};

}  // namespace backtriage::cli
