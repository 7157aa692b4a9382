#include "ruleset/loader.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cfloat>
#include <map>
#include <set>
#include <stdexcept>

#include "ruleset/answer_parser.h"
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

// Id shapes, checked by hand: std::regex is slow to build and to match.
enum class IdShape {
  Fact,  // [a-z][a-z0-9_]*
  Rule,  // [a-z0-9][a-z0-9_.-]*
};

bool has_shape(std::string_view id, IdShape shape) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty()) return false;
  if (shape == IdShape::Fact ? !(id[0] >= 'a' && id[0] <= 'z') : !lower_or_digit(id[0]))
    return false;
  for (char c : id.substr(1))
    if (!lower_or_digit(c) && c != '_' && !(shape == IdShape::Rule && (c == '.' || c == '-')))
      return false;
  return true;
}

constexpr IdShape kFactId = IdShape::Fact;
constexpr IdShape kRuleId = IdShape::Rule;
const std::vector<std::string> kConditionWords{"all", "any", "not", "present", "absent"};
const std::vector<std::string> kOperators{"eq", "ne", "lt", "le", "gt", "ge", "in"};

}  // namespace

// Walks the YAML tree once, collecting diagnostics, and builds the rule set.
class RuleSetBuilder {
 public:
  RuleSetBuilder(std::string file) : file_(std::move(file)) {}

  LoadResult build(std::string_view text);

 private:
  // --- positions and messages ------------------------------------------------
  Location at(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {file_, 0, 0};
    return {file_, mark.line + 1, mark.column + 1};
  }
  void error(Location where, std::string message) {
    diagnostics_.push_back({Diagnostic::Severity::Error, std::move(where), std::move(message)});
  }
  void error(const YAML::Node& node, std::string message) { error(at(node), std::move(message)); }

  // --- shapes -------------------------------------------------------------
  // Checks a mapping's keys: every key a scalar, none repeated, each one of
  // `known`. yaml-cpp keeps repeated keys in iteration but silently answers
  // lookups with the first, so repeats must be caught here.
  bool check_map(const YAML::Node& node, std::string_view what,
                 const std::vector<std::string>& known) {
    if (!node.IsMap()) {
      error(node, fmt::format("{} must be a mapping", what));
      return false;
    }
    std::set<std::string> seen;
    for (const auto& entry : node) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar()) {
        error(key, fmt::format("{}: keys must be plain words", what));
        continue;
      }
      const std::string& name = key.Scalar();
      if (!seen.insert(name).second)
        error(key, fmt::format("duplicate key '{}' in {}", name, what));
      else if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end())
        error(key, fmt::format("unknown key '{}' in {}{}", name, what, did_you_mean(name, known)));
    }
    return true;
  }

  bool require(const YAML::Node& map, const char* key, std::string_view what) {
    if (map[key]) return true;
    error(map, fmt::format("{} needs '{}'", what, key));
    return false;
  }

  std::string scalar(const YAML::Node& node, std::string_view what) {
    if (!node) return "";
    if (!node.IsScalar()) {
      error(node, fmt::format("{} must be text", what));
      return "";
    }
    return node.Scalar();
  }

  std::optional<double> number(const YAML::Node& node, std::string_view what) {
    if (!node) return std::nullopt;
    Question any_number;
    any_number.type = FactType::Number;
    any_number.min = -DBL_MAX;
    any_number.max = DBL_MAX;
    if (node.IsScalar() && node.Tag() != "!") {
      auto parsed = parse_answer(any_number, node.Scalar());
      if (auto* value = std::get_if<Value>(&parsed)) return value->as_number();
    }
    error(node, fmt::format("{} must be a number", what));
    return std::nullopt;
  }

  std::optional<bool> boolean(const YAML::Node& node, std::string_view what) {
    if (!node) return std::nullopt;
    bool value = false;
    if (node.IsScalar() && node.Tag() != "!" && YAML::convert<bool>::decode(node, value))
      return value;
    error(node, fmt::format("{} must be true or false", what));
    return std::nullopt;
  }

  std::vector<std::string> text_list(const YAML::Node& node, std::string_view what) {
    std::vector<std::string> out;
    if (!node) return out;
    if (!node.IsSequence()) {
      error(node, fmt::format("{} must be a list", what));
      return out;
    }
    for (const auto& element : node) out.push_back(scalar(element, what));
    return out;
  }

  std::string id(const YAML::Node& node, std::string_view what, IdShape shape) {
    std::string value = scalar(node, what);
    if (!value.empty() && !has_shape(value, shape))
      error(node, fmt::format("{} '{}' must be lower case letters, digits and '_'{}", what, value,
                              shape == IdShape::Rule ? " or '-'" : ""));
    return value;
  }

  // --- sections --------------------------------------------------------------
  std::optional<Range> range(const YAML::Node& node, std::string_view what);
  std::optional<Dose> dose(const YAML::Node& node);
  Item item(const YAML::Node& node, std::string_view what);
  std::vector<Item> items(const YAML::Node& node, std::string_view what);
  void question(const YAML::Node& node);
  void derived_fact(const YAML::Node& node);
  void declare(const std::string& id, const YAML::Node& where);
  std::optional<Condition> condition(const YAML::Node& node, int depth);
  std::optional<Condition> comparison(FactId fact, const YAML::Node& node);
  std::optional<Value> literal(FactId fact, const YAML::Node& node);
  std::optional<FactId> fact_ref(const YAML::Node& node);
  void rule(const YAML::Node& node);
  void advice(const YAML::Node& node);

  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  std::unique_ptr<RuleSet> rule_set_ = std::make_unique<RuleSet>();
  std::vector<engine::FactDecl> facts_;
  std::vector<engine::Rule> rules_;
  std::set<std::string> rule_ids_;
  std::size_t condition_nodes_ = 0;
};

std::optional<Range> RuleSetBuilder::range(const YAML::Node& node, std::string_view what) {
  if (!node) return std::nullopt;
  auto whole = [&](const YAML::Node& n) -> std::optional<int> {
    auto value = number(n, what);
    if (!value) return std::nullopt;
    if (*value < 0 || *value > 100000 || *value != static_cast<int>(*value)) {
      error(n, fmt::format("{} must be a whole number from 0 to 100000", what));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  };
  if (node.IsSequence()) {
    if (node.size() != 2) {
      error(node, fmt::format("{} must be a number or [min, max]", what));
      return std::nullopt;
    }
    auto low = whole(node[0]), high = whole(node[1]);
    if (!low || !high) return std::nullopt;
    if (*low > *high) {
      error(node, fmt::format("{}: min {} is above max {}", what, *low, *high));
      return std::nullopt;
    }
    return Range{*low, *high};
  }
  auto value = whole(node);
  if (!value) return std::nullopt;
  return Range{*value, *value};
}

std::optional<Dose> RuleSetBuilder::dose(const YAML::Node& node) {
  if (!node) return std::nullopt;
  if (!check_map(
          node, "dose",
          {"hold_seconds", "hold_breaths", "reps", "sets", "per_side", "alternating", "per_week"}))
    return std::nullopt;
  Dose d;
  d.hold_seconds = range(node["hold_seconds"], "hold_seconds");
  d.hold_breaths = range(node["hold_breaths"], "hold_breaths");
  d.reps = range(node["reps"], "reps");
  d.sets = range(node["sets"], "sets");
  d.per_side = boolean(node["per_side"], "per_side").value_or(false);
  d.alternating = boolean(node["alternating"], "alternating").value_or(false);
  if (auto per_week = range(node["per_week"], "per_week")) d.per_week = per_week->max;
  return d;
}

Item RuleSetBuilder::item(const YAML::Node& node, std::string_view what) {
  Item it;
  if (node.IsScalar()) {  // a bare id
    it.id = id(node, what, kFactId);
    return it;
  }
  if (!check_map(node, what,
                 {"id", "name", "label", "care", "region", "kind", "purpose", "equipment", "steps",
                  "dose", "reason", "text", "advice", "source", "per_week"}))
    return it;
  if (require(node, "id", what)) it.id = id(node["id"], fmt::format("{} id", what), kFactId);
  it.name = scalar(node["name"], "name");
  it.label = scalar(node["label"], "label");
  it.care = scalar(node["care"], "care");
  it.region = scalar(node["region"], "region");
  it.kind = scalar(node["kind"], "kind");
  it.purpose = scalar(node["purpose"], "purpose");
  it.reason = scalar(node["reason"], "reason");
  it.text = scalar(node["text"], "text");
  it.advice = scalar(node["advice"], "advice");
  it.source = scalar(node["source"], "source");
  it.equipment = text_list(node["equipment"], "equipment");
  it.steps = text_list(node["steps"], "steps");
  it.dose = dose(node["dose"]);
  if (auto per_week = range(node["per_week"], "per_week")) it.per_week = per_week->max;
  return it;
}

std::vector<Item> RuleSetBuilder::items(const YAML::Node& node, std::string_view what) {
  std::vector<Item> out;
  if (!node) return out;
  if (!node.IsSequence()) {
    error(node, fmt::format("{} must be a list", what));
    return out;
  }
  std::set<std::string> seen;
  for (const auto& element : node) {
    Item it = item(element, what);
    if (!it.id.empty() && !seen.insert(it.id).second)
      error(element, fmt::format("duplicate {} '{}'", what, it.id));
    out.push_back(std::move(it));
  }
  return out;
}

void RuleSetBuilder::declare(const std::string& fact_id, const YAML::Node& where) {
  if (std::find(kConditionWords.begin(), kConditionWords.end(), fact_id) != kConditionWords.end())
    error(where, fmt::format("'{}' is a condition keyword and cannot name a fact", fact_id));
  for (const auto& existing : facts_)
    if (existing.id == fact_id) error(where, fmt::format("duplicate fact id '{}'", fact_id));
}

void RuleSetBuilder::question(const YAML::Node& node) {
  if (!check_map(
          node, "a question",
          {"id", "type", "prompt", "help", "source", "min", "max", "unit", "choices", "red_flag"}))
    return;
  Question q;
  q.where = at(node);
  bool ok = require(node, "id", "a question");
  require(node, "type", "a question");
  require(node, "prompt", "a question");
  require(node, "source", "a question");
  q.id = ok ? id(node["id"], "question id", kFactId) : "";
  q.prompt = scalar(node["prompt"], "prompt");
  q.help = scalar(node["help"], "help");
  q.source = scalar(node["source"], "source");
  q.unit = scalar(node["unit"], "unit");
  q.red_flag = boolean(node["red_flag"], "red_flag").value_or(false);
  std::string type = scalar(node["type"], "type");
  auto wrong_for_type = [&](const char* key) {
    if (node[key]) error(node[key], fmt::format("'{}' does not apply to a {} question", key, type));
  };
  if (type == "bool") {
    q.type = FactType::Bool;
    wrong_for_type("min"), wrong_for_type("max"), wrong_for_type("unit"), wrong_for_type("choices");
  } else if (type == "number") {
    q.type = FactType::Number;
    wrong_for_type("choices");
    require(node, "min", "a number question");
    require(node, "max", "a number question");
    q.min = number(node["min"], "min").value_or(0);
    q.max = number(node["max"], "max").value_or(0);
    if (q.min > q.max) error(node["max"], fmt::format("max {} is below min {}", q.max, q.min));
  } else if (type == "choice") {
    q.type = FactType::Choice;
    wrong_for_type("min"), wrong_for_type("max"), wrong_for_type("unit");
    if (require(node, "choices", "a choice question")) {
      q.choices = items(node["choices"], "choice");
      if (q.choices.empty()) error(node["choices"], "a choice question needs at least one choice");
    }
  } else if (!type.empty()) {
    error(node["type"],
          fmt::format("unknown question type '{}' (expected bool, number or choice)", type));
  }
  if (q.id.empty()) return;
  declare(q.id, node["id"]);
  engine::FactDecl decl{q.id, q.type, {}, true};
  for (const auto& c : q.choices) decl.symbols.push_back(c.id);
  facts_.push_back(std::move(decl));
  rule_set_->questions.push_back(std::move(q));
}

void RuleSetBuilder::derived_fact(const YAML::Node& node) {
  if (!check_map(node, "a fact",
                 {"id", "type", "choices", "items", "undecided", "undecided_label",
                  "undecided_advice", "source"}))
    return;
  DerivedFact f;
  f.where = at(node);
  bool ok = require(node, "id", "a fact");
  require(node, "type", "a fact");
  f.id = ok ? id(node["id"], "fact id", kFactId) : "";
  std::string type = scalar(node["type"], "type");
  if (type == "choice") {
    f.type = FactType::Choice;
    if (node["items"]) error(node["items"], "a choice fact lists 'choices', not 'items'");
    if (require(node, "choices", "a choice fact")) f.values = items(node["choices"], "choice");
  } else if (type == "set") {
    f.type = FactType::Set;
    if (node["choices"]) error(node["choices"], "a set fact lists 'items', not 'choices'");
    if (require(node, "items", "a set fact")) f.values = items(node["items"], "item");
  } else if (type == "bool" || type == "number") {
    f.type = type == "bool" ? FactType::Bool : FactType::Number;
    if (node["choices"]) error(node["choices"], fmt::format("a {} fact has no choices", type));
    if (node["items"]) error(node["items"], fmt::format("a {} fact has no items", type));
  } else if (!type.empty()) {
    error(node["type"],
          fmt::format("unknown fact type '{}' (expected choice, set, bool or number)", type));
  }
  f.undecided = scalar(node["undecided"], "undecided");
  f.undecided_label = scalar(node["undecided_label"], "undecided_label");
  f.undecided_advice = scalar(node["undecided_advice"], "undecided_advice");
  if (f.id.empty()) return;
  declare(f.id, node["id"]);
  engine::FactDecl decl{f.id, f.type, {}, false};
  for (const auto& v : f.values) decl.symbols.push_back(v.id);
  facts_.push_back(std::move(decl));
  rule_set_->derived.push_back(std::move(f));
}

std::optional<FactId> RuleSetBuilder::fact_ref(const YAML::Node& node) {
  std::string name = scalar(node, "a fact name");
  if (name.empty()) return std::nullopt;
  for (FactId f = 0; f < static_cast<FactId>(facts_.size()); ++f)
    if (facts_[f].id == name) return f;
  std::vector<std::string> names;
  for (const auto& f : facts_) names.push_back(f.id);
  error(node, fmt::format("unknown fact '{}'{}", name, did_you_mean(name, names)));
  return std::nullopt;
}

std::optional<Value> RuleSetBuilder::literal(FactId fact, const YAML::Node& node) {
  const auto& decl = facts_[fact];
  if (!node.IsScalar()) {
    error(node,
          fmt::format("'{}' takes a single {} value here", decl.id, engine::to_string(decl.type)));
    return std::nullopt;
  }
  // The common case first: building `shape` copies every value of the fact,
  // which made a set of 10,000 values cost 10,000 copies per rule.
  if (decl.type == FactType::Choice || decl.type == FactType::Set)
    if (int index = decl.symbol_index(node.Scalar()); index >= 0) return Value::symbol(index);
  Question shape;  // parse literals with the answer spellings, without the range
  shape.type = decl.type;
  shape.min = -DBL_MAX;
  shape.max = DBL_MAX;
  for (const auto& symbol : decl.symbols) {
    shape.choices.emplace_back();
    shape.choices.back().id = symbol;
  }
  auto parsed = parse_answer(shape, node.Scalar());
  if (auto* value = std::get_if<Value>(&parsed)) return *value;
  // The unbounded range above is an artefact of parsing, not worth showing.
  std::string reason = decl.type == FactType::Number
                           ? fmt::format("expected a number, got {}", quote_input(node.Scalar()))
                           : std::get<AnswerError>(parsed).message;
  error(node, fmt::format("'{}' is a {} fact: {}", decl.id, engine::to_string(decl.type), reason));
  return std::nullopt;
}

std::optional<Condition> RuleSetBuilder::comparison(FactId fact, const YAML::Node& node) {
  const auto& decl = facts_[fact];
  if (!node.IsMap()) {
    auto value = literal(fact, node);
    if (!value) return std::nullopt;
    return Condition::compare(fact, Condition::Op::Eq, {*value});
  }
  if (node.size() != 1) {
    error(node, fmt::format("a comparison on '{}' takes exactly one operator ({})", decl.id,
                            "eq, ne, lt, le, gt, ge or in"));
    return std::nullopt;
  }
  const YAML::Node op_node = node.begin()->first;
  const YAML::Node operand = node.begin()->second;
  std::string op_name = scalar(op_node, "an operator");
  static const std::map<std::string, Condition::Op> ops{
      {"eq", Condition::Op::Eq}, {"ne", Condition::Op::Ne}, {"lt", Condition::Op::Lt},
      {"le", Condition::Op::Le}, {"gt", Condition::Op::Gt}, {"ge", Condition::Op::Ge},
      {"in", Condition::Op::In}};
  auto found = ops.find(op_name);
  if (found == ops.end()) {
    error(op_node, fmt::format("unknown operator '{}'{} (expected eq, ne, lt, le, gt, ge or in)",
                               op_name, did_you_mean(op_name, kOperators)));
    return std::nullopt;
  }
  Condition::Op op = found->second;
  bool ordering = op == Condition::Op::Lt || op == Condition::Op::Le || op == Condition::Op::Gt ||
                  op == Condition::Op::Ge;
  if (ordering && decl.type != FactType::Number) {
    error(op_node, fmt::format("'{}' compares numbers, but '{}' is a {} fact", op_name, decl.id,
                               engine::to_string(decl.type)));
    return std::nullopt;
  }
  if (op == Condition::Op::Ne && decl.type == FactType::Set) {
    error(op_node, fmt::format("'ne' does not apply to the set '{}'; use not: {{{}: value}}",
                               decl.id, decl.id));
    return std::nullopt;
  }
  std::vector<Value> operands;
  if (op == Condition::Op::In) {
    if (!operand.IsSequence() || operand.size() == 0) {
      error(operand, "'in' takes a non-empty list of values");
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

std::optional<Condition> RuleSetBuilder::condition(const YAML::Node& node, int depth) {
  if (++condition_nodes_ > kMaxConditionNodes) {
    if (condition_nodes_ == kMaxConditionNodes + 1)
      error(node, fmt::format("the conditions have more than {} parts in all", kMaxConditionNodes));
    return std::nullopt;
  }
  if (depth > kMaxConditionDepth) {
    error(node, fmt::format("a condition nests more than {} levels deep", kMaxConditionDepth));
    return std::nullopt;
  }
  if (!node.IsMap() || node.size() == 0) {
    error(node,
          "a condition must be a mapping such as {fact: value}, all:, any:, not:, "
          "present: or absent:");
    return std::nullopt;
  }
  if (!check_map(node, "a condition", {})) return std::nullopt;
  std::vector<Condition> parts;
  bool ok = true;
  for (const auto& entry : node) {
    const std::string& word = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (word == "all" || word == "any") {
      if (!value.IsSequence() || value.size() == 0) {
        error(value, fmt::format("'{}' takes a non-empty list of conditions", word));
        ok = false;
        continue;
      }
      std::vector<Condition> children;
      for (const auto& child : value) {
        auto c = condition(child, depth + 1);
        if (c)
          children.push_back(std::move(*c));
        else
          ok = false;
      }
      if (ok)
        parts.push_back(word == "all" ? Condition::all(std::move(children))
                                      : Condition::any(std::move(children)));
    } else if (word == "not") {
      auto c = condition(value, depth + 1);
      if (c)
        parts.push_back(Condition::negate(std::move(*c)));
      else
        ok = false;
    } else if (word == "present" || word == "absent") {
      auto fact = fact_ref(value);
      if (fact)
        parts.push_back(word == "present" ? Condition::present(*fact) : Condition::absent(*fact));
      else
        ok = false;
    } else {
      auto fact = fact_ref(entry.first);
      std::optional<Condition> c;
      if (fact) c = comparison(*fact, value);
      if (c)
        parts.push_back(std::move(*c));
      else
        ok = false;
    }
  }
  if (!ok) return std::nullopt;
  if (parts.size() == 1) return std::move(parts.front());
  return Condition::all(std::move(parts));
}

void RuleSetBuilder::rule(const YAML::Node& node) {
  if (!check_map(node, "a rule", {"id", "when", "then", "source", "note"})) return;
  bool ok = require(node, "id", "a rule");
  ok &= require(node, "when", "a rule");
  ok &= require(node, "then", "a rule");
  require(node, "source", "a rule");
  engine::Rule r;
  r.id = node["id"] ? id(node["id"], "rule id", kRuleId) : "";
  r.source = scalar(node["source"], "source");
  if (!r.id.empty() && !rule_ids_.insert(r.id).second) {
    error(node["id"], fmt::format("duplicate rule id '{}'", r.id));
    ok = false;
  }
  if (!ok) return;
  auto when = condition(node["when"], 1);
  const YAML::Node then = node["then"];
  if (!then.IsMap() || then.size() == 0) {
    error(then, "'then' must be a mapping of fact: value");
    return;
  }
  if (!check_map(then, "'then'", {})) return;
  for (const auto& entry : then) {
    auto fact = fact_ref(entry.first);
    if (!fact) continue;
    const auto& decl = facts_[*fact];
    if (decl.is_input) {
      error(entry.first,
            fmt::format("'{}' is a question; a rule may assert only declared facts", decl.id));
      continue;
    }
    if (entry.second.IsSequence()) {
      if (decl.type != FactType::Set) {
        error(entry.second, fmt::format("'{}' holds one value; only a set takes a list", decl.id));
        continue;
      }
      for (const auto& element : entry.second)
        if (auto value = literal(*fact, element)) r.then.push_back({*fact, *value});
    } else if (auto value = literal(*fact, entry.second)) {
      r.then.push_back({*fact, *value});
    }
  }
  if (!when) return;
  r.when = std::move(*when);
  rule_set_->rule_locations.push_back(at(node));
  rules_.push_back(std::move(r));
}

void RuleSetBuilder::advice(const YAML::Node& node) {
  if (!check_map(node, "advice", {"frequency", "expected_course", "safe_activities"})) return;
  auto single = [&](const char* key) -> std::optional<Item> {
    const YAML::Node n = node[key];
    if (!n) return std::nullopt;
    if (!check_map(n, key, {"text", "per_week", "source"})) return std::nullopt;
    Item it;
    it.id = key;
    it.text = scalar(n["text"], "text");
    it.source = scalar(n["source"], "source");
    if (auto per_week = range(n["per_week"], "per_week")) it.per_week = per_week->max;
    return it;
  };
  rule_set_->advice.frequency = single("frequency");
  rule_set_->advice.expected_course = single("expected_course");
  rule_set_->advice.safe_activities = items(node["safe_activities"], "safe activity");
}

LoadResult RuleSetBuilder::build(std::string_view text) {
  LoadResult result;
  if (text.size() > kMaxRuleFileBytes) {
    error(Location{file_, 0, 0}, fmt::format("rule file is {} bytes; the limit is {} bytes",
                                             text.size(), kMaxRuleFileBytes));
    result.diagnostics = std::move(diagnostics_);
    return result;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    Location where{file_, e.mark.is_null() ? 0 : e.mark.line + 1,
                   e.mark.is_null() ? 0 : e.mark.column + 1};
    // yaml-cpp stops deep nesting (before the stack runs out) with the
    // message "bad file"; say what happened instead.
    const auto* deep = dynamic_cast<const YAML::DeepRecursion*>(&e);
    error(where, deep ? fmt::format("YAML nests too deeply ({} levels)", deep->depth())
                      : "YAML syntax error: " + e.msg);
    result.diagnostics = std::move(diagnostics_);
    return result;
  }
  if (!root || root.IsNull()) {
    error(Location{file_, 1, 1}, "the rule file is empty");
  } else if (check_map(root, "the rule file",
                       {"id", "version", "title", "disclaimer", "interview", "questions", "facts",
                        "rules", "advice"})) {
    RuleSet& rs = *rule_set_;
    rs.origin = file_;
    for (const char* key : {"id", "version", "disclaimer", "questions", "facts", "rules"})
      require(root, key, "the rule file");
    rs.id = scalar(root["id"], "id");
    rs.version = scalar(root["version"], "version");
    rs.title = scalar(root["title"], "title");
    rs.disclaimer = scalar(root["disclaimer"], "disclaimer");
    auto each = [&](const char* key, auto&& read) {
      const YAML::Node list = root[key];
      if (!list) return;
      if (!list.IsSequence()) {
        error(list, fmt::format("'{}' must be a list", key));
        return;
      }
      for (const auto& element : list) read(element);
    };
    each("questions", [&](const YAML::Node& n) { question(n); });
    each("facts", [&](const YAML::Node& n) { derived_fact(n); });
    each("rules", [&](const YAML::Node& n) { rule(n); });
    if (root["advice"]) advice(root["advice"]);
    if (const YAML::Node interview = root["interview"]) {
      if (check_map(interview, "interview", {"stop_when"}) && interview["stop_when"])
        rs.stop_when = condition(interview["stop_when"], 1);
    }
  }
  if (!has_errors(diagnostics_)) {
    auto built = engine::KnowledgeBase::build(std::move(facts_), std::move(rules_));
    for (const auto& problem : built.problems)
      error(rule_set_->rule_locations[problem.rule], problem.message);
    if (built.knowledge_base)
      rule_set_->kb_ = std::make_unique<engine::KnowledgeBase>(std::move(*built.knowledge_base));
  }
  if (!has_errors(diagnostics_)) result.rule_set = std::move(rule_set_);
  result.diagnostics = std::move(diagnostics_);
  return result;
}

LoadResult load_rule_set(std::string_view text, const std::string& file_name) {
  try {
    return RuleSetBuilder(file_name).build(text);
  } catch (const YAML::Exception& e) {
    // yaml-cpp throws from node access on malformed trees; never let that
    // escape as a crash.
    LoadResult result;
    result.diagnostics.push_back({Diagnostic::Severity::Error,
                                  {file_name, e.mark.is_null() ? 0 : e.mark.line + 1,
                                   e.mark.is_null() ? 0 : e.mark.column + 1},
                                  "YAML error: " + e.msg});
    return result;
  }
}

}  // namespace backtriage::ruleset
