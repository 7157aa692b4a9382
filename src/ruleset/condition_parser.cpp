#include "ruleset/condition_parser.h"

#include <fmt/format.h>

#include <cfloat>
#include <map>

#include "ruleset/answer_domain.h"
#include "ruleset/spelling.h"

namespace backtriage::ruleset {

using engine::Condition;
using engine::FactId;
using engine::FactType;
using engine::Value;

namespace {

// Conditions nest; a limit keeps a hostile file from exhausting the stack or
// the memory of the evaluator. Real rules nest three or four deep.
constexpr int kMaxConditionDepth = 64;
constexpr std::size_t kMaxConditionNodes = 2'000'000;

const std::vector<std::string> kOperators{"eq", "ne", "lt", "le", "gt", "ge", "in"};

}  // namespace

const std::vector<std::string>& condition_keywords() {
  static const std::vector<std::string> words{"all", "any", "not", "present", "absent", "at_least"};
  return words;
}

std::optional<FactId> ConditionParser::fact_ref(const YAML::Node& node) {
  std::string name = yaml_.scalar(node, "a fact name");
  if (name.empty()) return std::nullopt;
  for (FactId f = 0; f < static_cast<FactId>(facts_.size()); ++f)
    if (facts_[f].id == name) return f;
  std::vector<std::string> names;
  for (const auto& f : facts_) names.push_back(f.id);
  yaml_.error(node, fmt::format("unknown fact '{}'{}", name, did_you_mean(name, names)));
  return std::nullopt;
}

std::optional<Value> ConditionParser::literal(FactId fact, const YAML::Node& node) {
  const auto& decl = facts_[fact];
  if (!node.IsScalar()) {
    yaml_.error(node, fmt::format("'{}' takes a single value here", decl.id));
    return std::nullopt;
  }
  // A question's values are spelt as its answers are.
  if (fact < static_cast<FactId>(questions_.size())) {
    auto parsed = parse_answer(questions_[fact], node.Scalar());
    if (auto* value = std::get_if<Value>(&parsed)) return *value;
    yaml_.error(node, fmt::format("'{}': {}", decl.id, std::get<AnswerError>(parsed).message));
    return std::nullopt;
  }
  if (decl.has_symbols()) {
    if (int index = decl.symbol_index(node.Scalar()); index >= 0) return Value::symbol(index);
    yaml_.error(node,
                fmt::format("'{}' has no value '{}'{} (expected {})", decl.id, node.Scalar(),
                            did_you_mean(node.Scalar(), decl.symbols), list_or(decl.symbols)));
    return std::nullopt;
  }
  Question shape;  // a bool or number fact: parse with the answer spellings, unbounded
  shape.type = decl.type;
  shape.min = -DBL_MAX;
  shape.max = DBL_MAX;
  auto parsed = parse_answer(shape, node.Scalar());
  if (auto* value = std::get_if<Value>(&parsed)) return *value;
  yaml_.error(node, fmt::format("'{}' is a {} fact: expected {}, got {}", decl.id,
                                engine::to_string(decl.type),
                                decl.type == FactType::Number ? "a number" : "yes or no",
                                quote_input(node.Scalar())));
  return std::nullopt;
}

std::optional<Condition> ConditionParser::comparison(FactId fact, const YAML::Node& node) {
  const auto& decl = facts_[fact];
  if (!node.IsMap()) {
    auto value = literal(fact, node);
    if (!value) return std::nullopt;
    return Condition::compare(fact, Condition::Op::Eq, {*value});
  }
  if (node.size() != 1) {
    yaml_.error(node, fmt::format("a comparison on '{}' takes exactly one operator ({})", decl.id,
                                  list_or(kOperators)));
    return std::nullopt;
  }
  const YAML::Node op_node = node.begin()->first;
  const YAML::Node operand = node.begin()->second;
  std::string op_name = yaml_.scalar(op_node, "an operator");
  static const std::map<std::string, Condition::Op> ops{
      {"eq", Condition::Op::Eq}, {"ne", Condition::Op::Ne}, {"lt", Condition::Op::Lt},
      {"le", Condition::Op::Le}, {"gt", Condition::Op::Gt}, {"ge", Condition::Op::Ge},
      {"in", Condition::Op::In}};
  auto found = ops.find(op_name);
  if (found == ops.end()) {
    yaml_.error(op_node, fmt::format("unknown operator '{}'{} (expected {})", op_name,
                                     did_you_mean(op_name, kOperators), list_or(kOperators)));
    return std::nullopt;
  }
  Condition::Op op = found->second;
  bool ordering = op == Condition::Op::Lt || op == Condition::Op::Le || op == Condition::Op::Gt ||
                  op == Condition::Op::Ge;
  if (ordering && decl.type != FactType::Number) {
    yaml_.error(op_node, fmt::format("'{}' compares numbers, but '{}' is a {} fact", op_name,
                                     decl.id, engine::to_string(decl.type)));
    return std::nullopt;
  }
  if (op == Condition::Op::Ne && decl.type == FactType::Set) {
    yaml_.error(op_node, fmt::format("'ne' does not apply to the set '{}'; use not: {{{}: value}}",
                                     decl.id, decl.id));
    return std::nullopt;
  }
  std::vector<Value> operands;
  if (op == Condition::Op::In) {
    if (!operand.IsSequence() || operand.size() == 0) {
      yaml_.error(operand, "'in' takes a non-empty list of values");
      return std::nullopt;
    }
    for (const auto& element : operand) {
      auto value = literal(fact, element);
      if (!value) return std::nullopt;
      operands.push_back(*value);
    }
  } else {
    auto value = literal(fact, operand);
    if (!value) return std::nullopt;
    operands.push_back(*value);
  }
  return Condition::compare(fact, op, std::move(operands));
}

std::optional<Condition> ConditionParser::at_least(const YAML::Node& node, int depth) {
  if (!yaml_.check_map(node, "at_least", {"count", "of"})) return std::nullopt;
  if (!yaml_.require(node, "count", "at_least") || !yaml_.require(node, "of", "at_least"))
    return std::nullopt;
  const YAML::Node of = node["of"];
  if (!of.IsSequence() || of.size() == 0) {
    yaml_.error(of, "'of' takes a non-empty list of conditions");
    return std::nullopt;
  }
  auto count = yaml_.number(node["count"], "count");
  if (!count) return std::nullopt;
  if (*count < 1 || *count > static_cast<double>(of.size()) || *count != static_cast<int>(*count)) {
    yaml_.error(node["count"], fmt::format("count must be a whole number from 1 to {}, the "
                                           "number of conditions in 'of'",
                                           of.size()));
    return std::nullopt;
  }
  std::vector<Condition> children;
  bool ok = true;
  for (const auto& child : of) {
    auto c = condition(child, depth + 1);
    if (c)
      children.push_back(std::move(*c));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return Condition::at_least(static_cast<int>(*count), std::move(children));
}

std::optional<Condition> ConditionParser::condition(const YAML::Node& node, int depth) {
  if (++nodes_ > kMaxConditionNodes) {
    if (nodes_ == kMaxConditionNodes + 1)
      yaml_.error(node,
                  fmt::format("the conditions have more than {} parts in all", kMaxConditionNodes));
    return std::nullopt;
  }
  if (depth > kMaxConditionDepth) {
    yaml_.error(node,
                fmt::format("a condition nests more than {} levels deep", kMaxConditionDepth));
    return std::nullopt;
  }
  // `always`: what holds whatever is answered, such as the warning signs
  // every report keeps (an empty `all`, which is true).
  if (depth == 1 && node.IsScalar() && node.Scalar() == "always") return Condition::all({});
  if (!node.IsMap() || node.size() == 0) {
    yaml_.error(node,
                "a condition must be a mapping such as {fact: value}, all:, any:, not:, "
                "at_least:, present: or absent:, or the word always");
    return std::nullopt;
  }
  if (!yaml_.check_map(node, "a condition", {})) return std::nullopt;
  std::vector<Condition> parts;
  bool ok = true;
  for (const auto& entry : node) {
    const std::string& word = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    std::optional<Condition> part;
    if (word == "all" || word == "any") {
      if (!value.IsSequence() || value.size() == 0) {
        yaml_.error(value, fmt::format("'{}' takes a non-empty list of conditions", word));
        ok = false;
        continue;
      }
      std::vector<Condition> children;
      bool children_ok = true;
      for (const auto& child : value) {
        auto c = condition(child, depth + 1);
        if (c)
          children.push_back(std::move(*c));
        else
          children_ok = false;
      }
      if (children_ok)
        part = word == "all" ? Condition::all(std::move(children))
                             : Condition::any(std::move(children));
    } else if (word == "not") {
      if (auto c = condition(value, depth + 1)) part = Condition::negate(std::move(*c));
    } else if (word == "at_least") {
      part = at_least(value, depth);
    } else if (word == "present" || word == "absent") {
      if (auto fact = fact_ref(value))
        part = word == "present" ? Condition::present(*fact) : Condition::absent(*fact);
    } else if (auto fact = fact_ref(entry.first)) {
      part = comparison(*fact, value);
    }
    if (part)
      parts.push_back(std::move(*part));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  if (parts.size() == 1) return std::move(parts.front());
  return Condition::all(std::move(parts));
}

}  // namespace backtriage::ruleset
