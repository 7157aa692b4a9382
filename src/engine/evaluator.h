#pragma once
// Forward chaining to a fixpoint over a stratified knowledge base.
//
// Each stratum runs once, in order; a cyclic stratum repeats, waking only the
// rules that read a fact that changed, until nothing changes. A rule whose
// condition is true asserts its facts as certain; one whose condition is
// unknown asserts them as possible, so later rules see that the fact may yet
// appear. The result says, for every rule, whether it fired, could not fire,
// or waits on an answer — and which unanswered questions those are.
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/downstream.h"
#include "engine/fact_table.h"
#include "engine/knowledge_base.h"
#include "engine/trace.h"

namespace backtriage::engine {

// Answers by fact id; an empty slot is an unanswered question.
using Answers = std::vector<std::optional<Value>>;

// What an unanswered input means. While someone can still be asked, every
// unanswered input is open. Once nobody will be (a script, a batch line),
// optional inputs are declined — absent for good — and the rest stay open,
// so what depends on them stays undecided.
enum class Unanswered { Open, Final };

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
  // A number no other run or rerun has had, of any evaluation: what it
  // knows is what it knew when it had this number.
  std::uint64_t run_number() const { return run_; }
  // Unanswered questions that some undecided rule depends on, directly or
  // through a fact that an undecided rule may still assert; by fact id.
  std::vector<FactId> open_questions() const;
  // The same, limited to what could still change one of `facts` (for a
  // ranked fact: make it better than it is; for a set: add to it).
  std::vector<FactId> open_questions_for(const std::vector<FactId>& facts) const;
  // The same, into `out` (batch asks on every line: its storage is reused).
  void open_questions_for(const std::vector<FactId>& facts, std::vector<FactId>& out) const;
  // The same, limited to what could still assert one of `values` of `fact`.
  std::vector<FactId> open_questions_for_values(FactId fact, std::span<const Value> values) const;

 private:
  friend class Evaluator;
  // Walks back from the rules in `open_rules_` and the facts in
  // `open_facts_` (the caller fills them; the walk uses them up).
  void collect_open(std::vector<FactId>& out) const;
  const KnowledgeBase* kb_;
  FactTable facts_;
  std::vector<Tri> status_;
  std::vector<int> work_;  // the evaluator's scratch, reused across runs
  std::vector<char> queued_;
  // Every run gets a number no other run has; a rerun remembers its base's
  // and the facts it changed, so the next rerun from the same base restores
  // only those instead of copying every fact.
  std::uint64_t run_ = 0, rerun_base_ = 0;
  std::vector<FactId> rerun_changed_;
  // collect_open's work lists and marks, kept to keep their storage: the
  // diff asks for open questions at each of its hundreds of thousands of
  // branches.
  mutable std::vector<int> open_rules_;
  mutable std::vector<FactId> open_facts_;
  mutable std::vector<char> seen_fact_, seen_rule_;
};

class Evaluator {
 public:
  explicit Evaluator(const KnowledgeBase& kb) : kb_(kb) {}

  // Throws ConflictError when two rules disagree on a single-valued fact.
  // `evaluation` may be reused across runs to keep its storage.
  void run(const Answers& answers, Evaluation& evaluation, Trace* trace = nullptr,
           Unanswered unanswered = Unanswered::Open) const;
  Evaluation run(const Answers& answers, Trace* trace = nullptr,
                 Unanswered unanswered = Unanswered::Open) const;
  // As run, with the unanswered inputs that are declined named one by one
  // (by fact id), the others open: for tools that explore answers, where
  // some questions are still to be chosen and others left unanswered.
  void run(const Answers& answers, Evaluation& evaluation, const std::vector<bool>& declined) const;
  // What `run` gives with `base`'s answers and declined inputs, except that
  // the inputs of `downstream` (declined in `base`) are open, to the order
  // of every fact's values; only its strata run again, the rest is copied.
  void rerun(const Evaluation& base, const Downstream& downstream, Evaluation& out) const;
  // The same, with the inputs of `downstream` taken from `answers` and
  // `declined` as `run` takes them: for walks that answer one question at a
  // time, each step from the evaluation of the step before.
  void rerun(const Evaluation& base, const Downstream& downstream, const Answers& answers,
             const std::vector<bool>& declined, Evaluation& out) const;

 private:
  void apply(int rule, Tri status, Evaluation& evaluation, bool& changed) const;
  // Throws the ConflictError of `rule` asserting `value` of `fact`, which
  // holds another.
  [[noreturn]] void clash(int rule, FactId fact, Value value, const Evaluation& evaluation) const;
  template <typename SetInput>
  void rerun_with(const Evaluation& base, const Downstream& downstream, Evaluation& out,
                  SetInput set_input) const;
  template <typename Declined>
  void run_with(const Answers& answers, Evaluation& evaluation, Trace* trace,
                Declined declined) const;
  // Runs `strata` in order; `status_of(rule)` is the status its condition
  // has now (evaluated, or known from an earlier run).
  template <typename StatusOf>
  void run_in_order(const std::vector<int>& rules, Evaluation& evaluation, Trace* trace,
                    StatusOf status_of) const;
  template <typename Strata, typename StatusOf>
  void run_strata(const Strata& strata, Evaluation& evaluation, Trace* trace,
                  StatusOf status_of) const;
  const KnowledgeBase& kb_;
};

}  // namespace backtriage::engine
