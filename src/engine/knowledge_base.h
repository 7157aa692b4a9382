#pragma once
// Facts and rules, checked and put in the order the evaluator runs them.
//
// Rules are stratified: every rule that can assert a fact runs before any
// rule that reads it, so file order never changes a result and a fact is
// final by the time it is read. Rules that feed each other through positive
// reads form one stratum, run to a fixpoint; a cycle through a negated read
// (`not`, `absent`, `ne`) has no stable meaning and is rejected.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/condition_program.h"
#include "engine/fact.h"
#include "engine/rule.h"

namespace backtriage::engine {

struct KnowledgeBaseProblem {
  int rule = -1;  // index of the rule it concerns
  std::string message;
};

class KnowledgeBase {
 public:
  struct Built;
  // Checks the rules and orders them; problems name the rule they concern.
  static Built build(std::vector<FactDecl> facts, std::vector<Rule> rules);

  // What `build` works out beside the facts and rules: who reads and writes
  // each fact, and the strata. A compiled copy of a rule set carries it
  // (ruleset/compact_rule_set.h), so a start need not work it out again.
  struct Order {
    std::vector<std::vector<int>> readers, writers;  // by fact
    std::vector<std::vector<FactId>> reads;          // by rule
    std::vector<std::vector<int>> strata;
    std::vector<char> cyclic;             // by stratum
    std::vector<std::size_t> stratum_of;  // by rule
  };
  const Order& order() const { return order_; }
  // The knowledge base `build` made of these facts and rules, with the
  // order it gave them; nothing is checked again.
  static KnowledgeBase from_order(std::vector<FactDecl> facts, std::vector<Rule> rules,
                                  Order order);

  const std::vector<FactDecl>& facts() const { return facts_; }
  const std::vector<Rule>& rules() const { return rules_; }
  std::optional<FactId> find_fact(const std::string& id) const;

  // Strata in evaluation order; each is a list of rule indices.
  const std::vector<std::vector<int>>& strata() const { return order_.strata; }
  // Whether a stratum's rules feed each other and must run to a fixpoint.
  bool stratum_is_cyclic(std::size_t stratum) const { return order_.cyclic[stratum]; }
  // When no stratum is (most rule sets), a full run evaluates each rule
  // once, in this order: the strata laid end to end.
  bool acyclic() const { return acyclic_; }
  const std::vector<int>& rules_in_order() const { return in_order_; }
  // The input facts (questions), in fact order.
  const std::vector<FactId>& inputs() const { return inputs_; }
  // The others, which rules assert, in fact order.
  const std::vector<FactId>& derived() const { return derived_; }
  std::size_t stratum_of(int rule) const { return order_.stratum_of[rule]; }
  // Rules that read / assert a fact.
  const std::vector<int>& readers(FactId fact) const { return order_.readers[fact]; }
  const std::vector<int>& writers(FactId fact) const { return order_.writers[fact]; }
  // Facts a rule reads, without repeats, in the order the condition names them.
  const std::vector<FactId>& reads(int rule) const { return order_.reads[rule]; }
  // Every part of every rule's condition has a number: the rules' in rule
  // order, each rule's in the order Condition::for_each_part visits them,
  // from this rule's first; `parts()` of them in all.
  int first_part(int rule) const { return first_part_[rule]; }
  int parts() const { return first_part_.back(); }
  // Every rule's condition compiled, its steps numbered as the parts are.
  const ConditionProgram& program() const { return program_; }
  // The truth of a rule's condition with what `facts` knows.
  Tri truth(int rule, const FactTable& facts) const {
    return program_.truth(first_part_[rule], facts);
  }
  // What a rule asserts, compiled as its condition is: with each value's
  // bit (small_bit) and whether its fact takes one value only (a second
  // would clash), so firing neither converts the value again nor reads the
  // fact's declaration. Some thirty are fired a line.
  struct CompiledAssertion {
    FactId fact;
    bool single;
    Value value;
    std::uint64_t bit;
  };
  std::span<const CompiledAssertion> assertions(int rule) const {
    return {assertions_.data() + first_assertion_[rule],
            assertions_.data() + first_assertion_[rule + 1]};
  }

 private:
  KnowledgeBase(std::vector<FactDecl> facts, std::vector<Rule> rules);
  std::vector<FactDecl> facts_;
  std::vector<Rule> rules_;
  std::unordered_map<std::string, FactId> fact_index_;
  std::vector<int> first_part_;  // by rule, and one past the last part
  ConditionProgram program_;
  std::vector<CompiledAssertion> assertions_;
  std::vector<std::size_t> first_assertion_;  // by rule, and one past the last
  std::vector<FactId> inputs_, derived_;
  // Worked out from order_ once it is set (lay_out).
  void lay_out();
  bool acyclic_ = true;
  std::vector<int> in_order_;
  Order order_;
};

struct KnowledgeBase::Built {
  std::optional<KnowledgeBase> knowledge_base;  // empty when there are problems
  std::vector<KnowledgeBaseProblem> problems;
};

}  // namespace backtriage::engine
