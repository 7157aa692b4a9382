#pragma once
// Forward chaining to a fixpoint over a stratified knowledge base.
//
// Each stratum runs once, in order; a cyclic stratum repeats, waking only the
// rules that read a fact that changed, until nothing changes. A rule whose
// condition is true asserts its facts as certain; one whose condition is
// unknown asserts them as possible, so later rules see that the fact may yet
// appear. The result says, for every rule, whether it fired, could not fire,
// or waits on an answer — and which unanswered questions those are.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/fact_table.h"
#include "engine/knowledge_base.h"
#include "engine/trace.h"

namespace backtriage::engine {

// Answers by fact id; an empty slot is an unanswered question.
using Answers = std::vector<std::optional<Value>>;

// Two rules gave one single-valued fact different values.
class ConflictError : public std::runtime_error {
 public:
  ConflictError(const std::string& message, int first_rule, int second_rule)
      : std::runtime_error(message), first_rule(first_rule), second_rule(second_rule) {}
  int first_rule;   // -1 when it cannot be told which rule came first
  int second_rule;  // the rule whose assertion clashed
};

class Evaluation {
 public:
  explicit Evaluation(const KnowledgeBase& kb);

  const FactTable& facts() const { return facts_; }
  Tri rule_status(int rule) const { return status_[rule]; }
  // Unanswered questions that some undecided rule depends on, directly or
  // through a fact that an undecided rule may still assert; by fact id.
  std::vector<FactId> open_questions() const;
  // The same, limited to what could still change `fact`.
  std::vector<FactId> open_questions_for(FactId fact) const;

 private:
  friend class Evaluator;
  void collect_open(std::vector<int> rules, std::vector<FactId> facts,
                    std::vector<FactId>& out) const;
  const KnowledgeBase* kb_;
  FactTable facts_;
  std::vector<Tri> status_;
};

class Evaluator {
 public:
  explicit Evaluator(const KnowledgeBase& kb) : kb_(kb) {}

  // Throws ConflictError when two rules disagree on a single-valued fact.
  // `evaluation` may be reused across runs to keep its storage.
  void run(const Answers& answers, Evaluation& evaluation, Trace* trace = nullptr) const;
  Evaluation run(const Answers& answers, Trace* trace = nullptr) const;

 private:
  void apply(int rule, Tri status, Evaluation& evaluation, bool& changed) const;
  const KnowledgeBase& kb_;
};

}  // namespace backtriage::engine
