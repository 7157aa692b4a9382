#pragma once
// Builds a Report from an evaluation: which level the report states, which
// red flags, reasons and classification, the routine when the level gives
// one, and what is unanswered or assumed. Reuses its storage across calls,
// so batch builds a report per line without allocating once warm.
#include <map>
#include <vector>

#include "engine/evaluator.h"
#include "report/report.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

enum class Detail {
  Full,   // everything, `assumed` included (which re-runs the rules downstream of them)
  Brief,  // what --brief shows: level, complete, classification and item ids
};

class ReportBuilder {
 public:
  explicit ReportBuilder(const ruleset::RuleSet& rules);

  // `evaluation` must come from `answers` with Unanswered::Final (every
  // optional question left unanswered declined); `trace` may be null. The
  // report points at all three.
  const Report& build(const engine::Answers& answers, const engine::Evaluation& evaluation,
                      const engine::Trace* trace, Detail detail = Detail::Full);

 private:
  void find_assumed(const engine::Answers& answers, const engine::Evaluation& evaluation);
  void watch_for(const engine::FactTable& facts);

  const ruleset::RuleSet& rules_;
  Report report_;
  const engine::Evaluator evaluator_;
  engine::Evaluation scratch_;  // the evaluation as if some declined questions could be asked
  // What opening each set of optional questions reruns, by the set: a
  // batch meets few sets, and each is worked out once.
  std::map<std::vector<engine::FactId>, engine::Downstream> downstream_;
  std::vector<const ruleset::Item*> flags_, watch_given_;
  std::vector<bool> declined_;
  std::vector<bool> watch_replaced_;  // watch_for's scratch, by watch-for entry
};

}  // namespace backtriage::report
