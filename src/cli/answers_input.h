#pragma once
// Answers objects — from `--answers FILE|-` (JSON or YAML) and from batch
// lines (JSON) — checked against the rule set's questions. An unknown key is
// an error naming the nearest known one: a typo must never drop an answer.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cli/compact_answer_reader.h"
#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// Parses one JSON answers object into `answers` (sized to the rule set's
// facts). Returns an error message (without position), or "" when fine.
// With `id` (batch), the key "id" is not an answer but the line's record id,
// a string or a number, which `id` receives as JSON text (empty if none);
// it is set even when the message reports a bad answer. With `compact`
// (batch, a reader of `rules` kept from line to line), a compact line is
// read by it first.
std::string read_answers_json(const ruleset::RuleSet& rules, std::string_view text,
                              engine::Answers& answers, std::string* id = nullptr,
                              CompactAnswerReader* compact = nullptr);

// One JSON answers object parsed but not read against a rule set (diff
// reads its cases against two), with read_answers_json's checks and words up
// to the keys: invalid JSON, a repeated key, not an object.
struct JsonLineError {
  std::string message;
  int column = 0;  // 1-based; 0 when the message has no position
};
std::optional<JsonLineError> parse_answers_object(std::string_view text, nlohmann::json& object);

// One answer from a JSON value: native (true, 2) or a string spelt as a flag
// value ("yes", "2"); null leaves it unanswered. Returns an error message
// naming the question, or "".
std::string answer_from_json(const ruleset::Question& question, const nlohmann::json& value,
                             std::optional<engine::Value>& out);

// A JSON or YAML answers file; errors are prefixed `name:line:col: `.
std::string read_answers_document(const ruleset::RuleSet& rules, std::string_view text,
                                  const std::string& name, engine::Answers& answers);

}  // namespace backtriage::cli
