#pragma once
// Builds a Report from an evaluation: which level the report states, which
// red flags, reasons and classification, the routine when the level gives
// one, and what is unanswered or assumed. Reuses its storage across calls,
// so batch builds a report per line without allocating once warm.
#include <optional>
#include <string>
#include <vector>

#include "engine/evaluator.h"
#include "engine/rerun_key.h"
#include "report/byte_key_map.h"
#include "report/findings_by_key.h"
#include "report/report.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

enum class Detail {
  Full,   // everything, `assumed` included (which re-runs the rules downstream of them)
  Brief,  // what --brief shows: level, complete, classification and item ids
};

class ReportBuilder {
 public:
  // Uses: Many (batch, the tests) remembers what `assumed` finds, by a key
  // of what each rerun reads (engine::RerunKey), from report to report;
  // Once (a single triage) keeps nothing past a report and makes no keys,
  // whose making a start would pay for and never use.
  enum class Uses { Once, Many };
  explicit ReportBuilder(const ruleset::RuleSet& rules, Uses uses = Uses::Many);

  // `evaluation` must come from `answers` with Unanswered::Final (every
  // optional question left unanswered declined); `trace` may be null. The
  // report points at all three.
  const Report& build(const engine::Answers& answers, const engine::Evaluation& evaluation,
                      const engine::Trace* trace, Detail detail = Detail::Full);

 private:
  struct Opened;
  // Lists the declined questions and makes the key of opening them all
  // (all_, all_key_, all_hash_), its finding's slot on its way to the cache.
  void begin_assumed(const engine::Answers& answers, const engine::Evaluation& evaluation);
  void find_assumed(const engine::Evaluation& evaluation);
  Opened& opened_for(const std::vector<engine::FactId>& open);
  void make_key(const Opened& set, const engine::Evaluation& evaluation, std::string& key);
  // Which of `open` (questions declined in `evaluation`) matter when they
  // are opened; found by a rerun once for each key of what the rerun takes
  // from its base (engine::RerunKey), and remembered.
  FindingsByKey::Finding matter_when_opened(const std::vector<engine::FactId>& open,
                                            const engine::Evaluation& evaluation);
  FindingsByKey::Finding matter_when_opened(Opened& set, const std::string& key, std::uint64_t hash,
                                            const std::vector<engine::FactId>& open,
                                            const engine::Evaluation& evaluation);
  void watch_for(const engine::FactTable& facts);

  const ruleset::RuleSet& rules_;
  Report report_;
  const engine::Evaluator evaluator_;
  engine::Evaluation scratch_;  // the evaluation as if some declined questions could be asked
  struct Opened {
    engine::Downstream downstream;
    // The level is not rerun: which facts matter depends on it as it
    // stands in the base, so the key holds it too.
    bool level_from_base;
    // What opening the set found, for one key of what its rerun takes from
    // the base (engine::RerunKey) and the level as it stands when the rerun
    // does not redo it: which of the set matter, and, once a line has
    // declined just this set, what is assumed (that key decides it too).
    // Lines that agree on the key find the same, and most lines agree with
    // one before.
    FindingsByKey found;
  };
  // What opening each set of optional questions reruns, and what it found,
  // by the set (its bytes): a batch meets few sets, and each is worked out
  // once. Hashed: every full report looks up one or more, and a search of
  // an ordered map compared a dozen lists of questions, with a branch for
  // each element.
  ByteKeyMap<Opened> opened_;
  std::size_t remembered_ = 0;                 // entries in every `found`
  std::optional<engine::RerunKey> rerun_key_;  // none when used once
  std::string key_, all_key_;
  Opened* all_ = nullptr;  // from begin_assumed to find_assumed: the set of all declined
  std::uint64_t all_hash_ = 0;
  // The optional questions, in order: a line's declined ones are found
  // among these, not by reading every question (a cache line each).
  std::vector<engine::FactId> optional_;
  std::vector<engine::FactId> unanswered_, candidates_, one_, alone_not_;  // find_assumed's
  std::vector<engine::FactId> due_;  // matter_when_opened's: what matters after a rerun
  std::vector<const ruleset::Item*> flags_, watch_given_;
  std::vector<bool> watch_replaced_;  // watch_for's scratch, by watch-for entry
};

}  // namespace backtriage::report
