#pragma once
// A rule's `when`: a tree of all/any/not/at-least over comparisons and
// presence tests, as the rule file says it. What it means — its truth with
// what is known — is worked out by its compiled form
// (engine/condition_program.h).
#include <cstdint>
#include <vector>

#include "engine/fact.h"
#include "engine/value.h"

namespace backtriage::engine {

struct Condition {
  enum class Kind : std::uint8_t { All, Any, Not, AtLeast, Compare, Present, Absent };
  enum class Op : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, In };

  Kind kind = Kind::All;
  Op op = Op::Eq;
  FactId fact = -1;                 // Compare, Present, Absent
  std::vector<Value> operands;      // Compare: one value, or the list for In
  std::vector<Condition> children;  // All, Any, AtLeast, Not (one child)
  int count = 0;                    // AtLeast: how many children must hold

  static Condition all(std::vector<Condition> children);
  static Condition any(std::vector<Condition> children);
  static Condition negate(Condition child);
  static Condition at_least(int count, std::vector<Condition> children);
  static Condition compare(FactId fact, Op op, std::vector<Value> operands);
  static Condition present(FactId fact);
  static Condition absent(FactId fact);

  // Calls `visit(fact, negated)` for every fact the condition reads; negated
  // is true under `not`, for `absent` and for `ne` — reads whose truth can
  // fall as facts are added, which stratification must order. (Any read of
  // a ranked fact can fall too; the knowledge base treats those as negated.)
  template <typename Visit>
  void for_each_read(Visit&& visit, bool negated = false) const;
  // Calls `visit(node)` for this condition and each of its parts, a part
  // after the part it is in: the order parts are numbered in
  // (KnowledgeBase::first_part).
  template <typename Visit>
  void for_each_part(Visit&& visit) const;
};

const char* to_string(Condition::Op op);

template <typename Visit>
void Condition::for_each_read(Visit&& visit, bool negated) const {
  switch (kind) {
    case Kind::All:
    case Kind::Any:
    case Kind::AtLeast:
      for (const auto& child : children) child.for_each_read(visit, negated);
      break;
    case Kind::Not: children.front().for_each_read(visit, !negated); break;
    case Kind::Compare: visit(fact, negated != (op == Op::Ne)); break;
    case Kind::Present: visit(fact, negated); break;
    case Kind::Absent: visit(fact, !negated); break;
  }
}

template <typename Visit>
void Condition::for_each_part(Visit&& visit) const {
  visit(*this);
  for (const auto& child : children) child.for_each_part(visit);
}

}  // namespace backtriage::engine
