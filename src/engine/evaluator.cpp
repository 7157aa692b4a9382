#include "engine/evaluator.h"

#include <algorithm>
#include <atomic>
#include <string>

namespace backtriage::engine {

namespace {

// 0, 1, ..., n - 1: every stratum of a full run. (std::views::iota, which
// clang 14 cannot compile against GCC 12's <ranges>: the fuzz build.)
struct Indices {
  std::size_t n;
  struct Iterator {
    std::size_t i;
    std::size_t operator*() const { return i; }
    Iterator& operator++() {
      ++i;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return i != other.i; }
  };
  Iterator begin() const { return {0}; }
  Iterator end() const { return {n}; }
};

}  // namespace

Evaluation::Evaluation(const KnowledgeBase& kb)
    : kb_(&kb), facts_(kb.facts()), status_(kb.rules().size(), Tri::False) {}

// Walks back from undecided rules to the open questions they wait on. An
// explicit work list, not recursion: a chain of 100,000 undecided rules must
// not overflow the stack.
void Evaluation::collect_open(std::vector<FactId>& out) const {
  std::vector<int>& rules = open_rules_;
  std::vector<FactId>& facts = open_facts_;
  std::vector<char>& seen_fact = seen_fact_;
  std::vector<char>& seen_rule = seen_rule_;
  seen_fact.assign(facts_.size(), false);
  seen_rule.assign(status_.size(), false);
  // A rule changes nothing by firing when each of its assertions is
  // settled: it already holds, or the fact is decided (firing could only
  // agree or clash), or a ranked fact already has a value as good. The
  // answers it waits on no longer matter: a second reason for a conclusion
  // already drawn asks nothing.
  auto settled = [&](const Assertion& a) { return !facts_.could_change(a.fact, a.value); };
  auto may_change = [&](int rule, FactId only) {
    for (const Assertion& a : kb_->rules()[rule].then)
      if ((only < 0 || a.fact == only) && !settled(a)) return true;
    return false;
  };
  std::erase_if(rules, [&](int rule) { return !may_change(rule, -1); });
  // Only the unknown parts of an unknown condition can still change it: in an
  // unknown `all` no part is false, in an unknown `any` no part is true.
  const ConditionProgram& program = kb_->program();
  while (!rules.empty() || !facts.empty()) {
    if (!rules.empty()) {
      int rule = rules.back();
      rules.pop_back();
      if (seen_rule[rule]) continue;
      seen_rule[rule] = true;
      program.truth_noting_unknown(kb_->first_part(rule), facts_, facts);
      continue;
    }
    FactId fact = facts.back();
    facts.pop_back();
    if (seen_fact[fact]) continue;
    seen_fact[fact] = true;
    if (facts_.open(fact)) {
      out.push_back(fact);
      continue;
    }
    for (int writer : kb_->writers(fact))
      if (status_[writer] == Tri::Unknown && may_change(writer, fact)) rules.push_back(writer);
  }
  std::sort(out.begin(), out.end());
}

std::vector<FactId> Evaluation::open_questions() const {
  open_rules_.clear();
  open_facts_.clear();
  for (std::size_t r = 0; r < status_.size(); ++r)
    if (status_[r] == Tri::Unknown) open_rules_.push_back(static_cast<int>(r));
  std::vector<FactId> out;
  collect_open(out);
  return out;
}

std::vector<FactId> Evaluation::open_questions_for(const std::vector<FactId>& facts) const {
  std::vector<FactId> out;
  open_questions_for(facts, out);
  return out;
}

void Evaluation::open_questions_for(const std::vector<FactId>& facts,
                                    std::vector<FactId>& out) const {
  open_rules_.clear();
  open_facts_.assign(facts.begin(), facts.end());
  out.clear();
  collect_open(out);
}

std::vector<FactId> Evaluation::open_questions_for_values(FactId fact,
                                                          std::span<const Value> values) const {
  open_rules_.clear();
  open_facts_.clear();
  for (int writer : kb_->writers(fact)) {
    if (status_[writer] != Tri::Unknown) continue;
    for (const Assertion& a : kb_->rules()[writer].then)
      if (a.fact == fact && std::find(values.begin(), values.end(), a.value) != values.end() &&
          facts_.could_change(fact, a.value)) {
        open_rules_.push_back(writer);
        break;
      }
  }
  std::vector<FactId> out;
  collect_open(out);
  return out;
}

namespace {

// Numbers runs across every thread (batch --jobs); 0 is no run.
std::uint64_t next_run_number() {
  static std::atomic<std::uint64_t> runs{0};
  return ++runs;
}

std::string describe(const FactDecl& decl, Value value) {
  switch (decl.type) {
    case FactType::Bool: return value.as_bool() ? "true" : "false";
    case FactType::Number: return std::to_string(value.as_number());
    case FactType::Choice:
    case FactType::Set:
    case FactType::Ranked: return decl.symbols.at(value.as_symbol());
  }
  return "?";
}

}  // namespace

void Evaluator::apply(int rule, Tri status, Evaluation& evaluation, bool& changed) const {
  FactTable& facts = evaluation.facts_;
  for (const KnowledgeBase::CompiledAssertion& a : kb_.assertions(rule)) {
    if (status == Tri::Unknown) {
      changed |= facts.add_possible(a.fact, a.value, a.bit);
      continue;
    }
    if (a.single) {
      const auto certain = facts.certain(a.fact);
      if (!certain.empty() && certain.front() != a.value) clash(rule, a.fact, a.value, evaluation);
    }
    changed |= facts.add_certain(a.fact, a.value, a.bit);
  }
}

void Evaluator::clash(int rule, FactId fact, Value value, const Evaluation& evaluation) const {
  const FactDecl& decl = kb_.facts()[fact];
  const Value held = evaluation.facts_.certain(fact).front();
  int first = -1;
  for (int writer : kb_.writers(fact)) {
    if (writer == rule || evaluation.status_[writer] != Tri::True) continue;
    for (const Assertion& w : kb_.rules()[writer].then)
      if (w.fact == fact && w.value == held) first = writer;
  }
  std::string other = first < 0 ? "another rule" : "rule '" + kb_.rules()[first].id + "'";
  throw ConflictError("rules disagree on '" + decl.id + "': " + other + " asserts '" +
                          describe(decl, held) + "', rule '" + kb_.rules()[rule].id +
                          "' asserts '" + describe(decl, value) + "'",
                      first, rule);
}

void Evaluator::run(const Answers& answers, Evaluation& evaluation, Trace* trace,
                    Unanswered unanswered) const {
  run_with(answers, evaluation, trace,
           [&](FactId f) { return unanswered == Unanswered::Final && kb_.facts()[f].optional; });
}

void Evaluator::run(const Answers& answers, Evaluation& evaluation,
                    const std::vector<bool>& declined) const {
  run_with(answers, evaluation, nullptr,
           [&](FactId f) { return f < static_cast<FactId>(declined.size()) && declined[f]; });
}

template <typename Declined>
void Evaluator::run_with(const Answers& answers, Evaluation& evaluation, Trace* trace,
                         Declined declined) const {
  FactTable& facts = evaluation.facts_;
  // Each fact is set once: the derived ones have no value until a rule
  // gives one, an input is answered, open or declined.
  facts.forget(kb_.derived());
  evaluation.run_ = next_run_number();
  evaluation.rerun_base_ = 0;
  std::fill(evaluation.status_.begin(), evaluation.status_.end(), Tri::False);
  if (trace) trace->clear();
  for (FactId f : kb_.inputs()) {
    if (f < static_cast<FactId>(answers.size()) && answers[f])
      facts.answer(f, *answers[f]);
    else if (declined(f))
      facts.decline(f);
    else
      facts.set_open(f);
  }

  auto status_of = [&](int rule) { return kb_.truth(rule, facts); };
  if (kb_.acyclic())
    run_in_order(kb_.rules_in_order(), evaluation, trace, status_of);
  else
    run_strata(Indices{kb_.strata().size()}, evaluation, trace, status_of);
}

// What run_strata does for strata without a cycle, each rule once, without
// a stratum's bookkeeping: every rule's status starts false.
template <typename StatusOf>
void Evaluator::run_in_order(const std::vector<int>& rules, Evaluation& evaluation, Trace* trace,
                             StatusOf status_of) const {
  bool changed = false;
  for (int rule : rules) {
    const Tri now = status_of(rule);
    if (now == Tri::False) continue;
    evaluation.status_[rule] = now;
    apply(rule, now, evaluation, changed);
    if (now == Tri::True && trace) trace->record(rule, kb_.reads(rule));
  }
}

template <typename Strata, typename StatusOf>
void Evaluator::run_strata(const Strata& to_run, Evaluation& evaluation, Trace* trace,
                           StatusOf status_of) const {
  auto step = [&](int rule, bool& changed) {
    Tri before = evaluation.status_[rule];
    Tri now = std::max(before, status_of(rule));
    if (now == before) return;
    evaluation.status_[rule] = now;
    apply(rule, now, evaluation, changed);
    if (now == Tri::True && trace) trace->record(rule, kb_.reads(rule));
  };

  const auto& strata = kb_.strata();
  // Kept in the evaluation, so a batch of runs allocates nothing once warm.
  std::vector<int>& work = evaluation.work_;
  std::vector<char>& queued = evaluation.queued_;
  // Each cyclic stratum marks all its rules queued before it starts, so
  // what a run cut short by a clash left here is never read.
  queued.resize(kb_.rules().size());
  for (std::size_t s : to_run) {
    if (!kb_.stratum_is_cyclic(s)) {
      bool changed = false;
      for (int rule : strata[s]) step(rule, changed);
      continue;
    }
    // Rules that feed each other: wake only the readers of what changed. A
    // status only rises (false, unknown, true), so this ends.
    work.clear();
    for (int rule : strata[s]) {
      work.push_back(rule);
      queued[rule] = true;
    }
    for (std::size_t next = 0; next < work.size(); ++next) {  // a queue: first in, first out
      int rule = work[next];
      queued[rule] = false;
      bool changed = false;
      step(rule, changed);
      if (!changed) continue;
      for (const Assertion& a : kb_.rules()[rule].then)
        for (int reader : kb_.readers(a.fact))
          if (kb_.stratum_of(reader) == s && !queued[reader]) {
            work.push_back(reader);
            queued[reader] = true;
          }
    }
  }
}

// The facts that may change start again empty (the inputs open), and the
// strata that assert them run again in order, as in a full run: rules
// downstream are evaluated, the other writers of those facts take the
// status they have in `base` (they read nothing that changed). So every
// fact gets its values in the order a full run gives them, and a clash is
// reported as a full run would report it.
void Evaluator::rerun(const Evaluation& base, const Downstream& downstream, Evaluation& out) const {
  rerun_with(base, downstream, out, [&](FactId f) { out.facts_.set_open(f); });
}

void Evaluator::rerun(const Evaluation& base, const Downstream& downstream, const Answers& answers,
                      const std::vector<bool>& declined, Evaluation& out) const {
  rerun_with(base, downstream, out, [&](FactId f) {
    if (f < static_cast<FactId>(answers.size()) && answers[f])
      out.facts_.answer(f, *answers[f]);
    else if (f < static_cast<FactId>(declined.size()) && declined[f])
      out.facts_.decline(f);
    else
      out.facts_.set_open(f);
  });
}

template <typename SetInput>
void Evaluator::rerun_with(const Evaluation& base, const Downstream& downstream, Evaluation& out,
                           SetInput set_input) const {
  if (base.run_ != 0 && out.rerun_base_ == base.run_) {
    for (FactId f : out.rerun_changed_) out.facts_.copy_fact(base.facts_, f);
  } else {
    out.facts_ = base.facts_;
  }
  out.run_ = next_run_number();
  out.rerun_base_ = base.run_;
  out.rerun_changed_ = downstream.facts;
  out.status_ = base.status_;
  for (FactId f : downstream.facts) {
    if (kb_.facts()[f].is_input)
      set_input(f);
    else
      out.facts_.decline(f);  // no value until its writers run again
  }
  for (std::size_t s : downstream.strata)
    for (int rule : kb_.strata()[s]) out.status_[rule] = Tri::False;
  const FactTable& facts = out.facts_;
  auto status_of = [&](int rule) {
    return downstream.evaluate[rule] ? kb_.truth(rule, facts) : base.status_[rule];
  };
  if (downstream.acyclic)
    run_in_order(downstream.rules, out, nullptr, status_of);
  else
    run_strata(downstream.strata, out, nullptr, status_of);
}

Evaluation Evaluator::run(const Answers& answers, Trace* trace, Unanswered unanswered) const {
  Evaluation evaluation(kb_);
  run(answers, evaluation, trace, unanswered);
  return evaluation;
}

}  // namespace backtriage::engine
