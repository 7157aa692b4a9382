#include "cli/scalar_answer.h"

#include <fmt/format.h>

#include <variant>

namespace backtriage::cli {

using engine::Value;
using ruleset::AnswerError;
using ruleset::Question;

bool common_answer(const Question& q, const FlatJsonValue& v, Value& out) {
  using Kind = FlatJsonValue::Kind;
  switch (v.kind) {
    case Kind::String:
      if (const auto value = ruleset::common_spelling(q, v.text)) {
        out = *value;
        return true;
      }
      return false;
    case Kind::True:
    case Kind::False:
      out = Value::boolean(v.kind == Kind::True);
      return q.type == engine::FactType::Bool;
    case Kind::Number:
      out = Value::boolean(v.number == 1);
      return q.type == engine::FactType::Bool && (v.number == 0 || v.number == 1);
    case Kind::Null: break;
  }
  return false;
}

ruleset::ParsedAnswer answer_from_scalar(const Question& q, const FlatJsonValue& v) {
  using Kind = FlatJsonValue::Kind;
  if (Value value; common_answer(q, v, value)) return value;
  if (v.kind == Kind::String) return ruleset::parse_answer(q, v.text);
  if (q.type == engine::FactType::Number && v.kind == Kind::Number)
    return ruleset::check_number(q, v.number);
  // Name what was given, and for yes/no the other spellings a file may use.
  const bool is_bool = v.kind == Kind::True || v.kind == Kind::False;
  return AnswerError{fmt::format(
      "expected {}{}, got {}", ruleset::accepted_answers(q).describe(),
      q.type == engine::FactType::Bool ? " (or true/false, 1/0)" : "",
      is_bool ? (v.kind == Kind::True ? "true" : "false") : fmt::format("{}", v.number))};
}

bool scalar_answer(const Question& q, const FlatJsonValue& v, Value& out) {
  if (common_answer(q, v, out)) return true;
  auto parsed = answer_from_scalar(q, v);
  if (std::holds_alternative<AnswerError>(parsed)) return false;
  out = std::get<Value>(parsed);
  return true;
}

}  // namespace backtriage::cli
