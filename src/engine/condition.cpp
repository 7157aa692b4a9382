#include "engine/condition.h"

#include <utility>

namespace backtriage::engine {

Condition Condition::all(std::vector<Condition> children) {
  Condition c;
  c.kind = Kind::All;
  c.children = std::move(children);
  return c;
}

Condition Condition::any(std::vector<Condition> children) {
  Condition c;
  c.kind = Kind::Any;
  c.children = std::move(children);
  return c;
}

Condition Condition::negate(Condition child) {
  Condition c;
  c.kind = Kind::Not;
  c.children.push_back(std::move(child));
  return c;
}

Condition Condition::at_least(int count, std::vector<Condition> children) {
  Condition c;
  c.kind = Kind::AtLeast;
  c.count = count;
  c.children = std::move(children);
  return c;
}

Condition Condition::compare(FactId fact, Op op, std::vector<Value> operands) {
  Condition c;
  c.kind = Kind::Compare;
  c.fact = fact;
  c.op = op;
  c.operands = std::move(operands);
  return c;
}

Condition Condition::present(FactId fact) {
  Condition c;
  c.kind = Kind::Present;
  c.fact = fact;
  return c;
}

Condition Condition::absent(FactId fact) {
  Condition c;
  c.kind = Kind::Absent;
  c.fact = fact;
  return c;
}

const char* to_string(Condition::Op op) {
  switch (op) {
    case Condition::Op::Eq: return "eq";
    case Condition::Op::Ne: return "ne";
    case Condition::Op::Lt: return "lt";
    case Condition::Op::Le: return "le";
    case Condition::Op::Gt: return "gt";
    case Condition::Op::Ge: return "ge";
    case Condition::Op::In: return "in";
  }
  return "?";
}

}  // namespace backtriage::engine
