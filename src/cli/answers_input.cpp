#include "cli/answers_input.h"

#include <fmt/format.h>

#include <bitset>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "cli/flat_json_reader.h"
#include "cli/input_file.h"
#include "cli/questionnaire_response.h"
#include "cli/record_id.h"
#include "cli/scalar_answer.h"
#include "report/json_out.h"
#include "ruleset/answer_domain.h"
#include "ruleset/spelling.h"
#include "ruleset/text_equal.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::cli {

using engine::Value;
using nlohmann::json;
using ruleset::AnswerError;
using ruleset::Question;

namespace {

// An answers object is flat; anything deeper than this is not answers, and
// refusing it early keeps a hostile line from eating memory.
constexpr int kMaxJsonDepth = 16;

struct JsonProblem {
  std::string message;
  std::size_t byte = 0;  // 0: no position
};

struct Position {
  int line = 1, column = 1;
};

Position position_of(std::string_view text, std::size_t byte) {
  Position p;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

std::string kind_of(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "text";
    case json::value_t::boolean: return "true/false";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

struct DepthExceeded {};

// nlohmann's messages quote the offending token whole ("number overflow
// parsing '999...'"); a 5 MB number must not become a 5 MB message.
std::string shorten_quoted(std::string reason) {
  const auto open = reason.find('\''), close = reason.rfind('\'');
  if (open == std::string::npos || close <= open) return reason;
  const std::string token = reason.substr(open + 1, close - open - 1);
  return reason.substr(0, open) + ruleset::quote_input(token) + reason.substr(close + 1);
}

// nlohmann's syntax errors in plain words, for the common mistakes; any other
// keeps its own wording (shortened). `at` is the error's 1-based byte.
std::string plain_json_reason(const std::string& reason, std::string_view text, std::size_t at) {
  auto has = [&](std::string_view part) { return reason.find(part) != std::string::npos; };
  // The bare word the parser stopped in (no, True, NaN), read from the text.
  auto word_at = [&] {
    auto letter = [&](std::size_t i) {
      return i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                 text[i] == '_' || text[i] == '-' || text[i] == '.');
    };
    std::size_t i = at > 0 ? at - 1 : 0;
    if (!letter(i) && i > 0) --i;
    if (!letter(i)) return std::string();
    std::size_t begin = i, end = i;
    while (begin > 0 && letter(begin - 1)) --begin;
    while (letter(end)) ++end;
    return std::string(text.substr(begin, end - begin));
  };
  if (has("control character"))
    return "a tab, newline or other control character inside a string must be escaped (\\t, "
           "\\n)";
  if (has("ill-formed UTF-8")) return "a string holds a byte that is not UTF-8";
  if (has("unexpected end of input"))
    return "the line ends before the JSON does (a value, a quote or a } is missing)";
  if (has("expected end of input")) return "there is more after the end of the answers object";
  if (has("parsing object key") && has("unexpected '}'"))
    return "a comma with no answer after it before the }";
  if (has("parsing object key")) {
    const std::string word = word_at();
    return word.empty() ? "a key must be text in double quotes"
                        : fmt::format("a key must be text in double quotes, got {}",
                                      ruleset::quote_input(word));
  }
  if (has("parsing object separator")) return "expected ':' after a key";
  if (has("invalid literal"))
    if (const std::string word = word_at(); !word.empty())
      return fmt::format(
          "{} is not a JSON value: write text in double quotes, and true, false and numbers "
          "as they are",
          ruleset::quote_input(word));
  return shorten_quoted(reason);
}

// Parses JSON text; deep nesting is an error. A repeated top-level key is
// recorded in `duplicate` (the first one) rather than stopping the parse, so
// the caller can still read the line's record id for its error line.
std::variant<json, JsonProblem> parse_json(std::string_view text, std::string& duplicate) {
  // nlohmann stops at a NUL byte as if the text ended there, which would
  // silently drop whatever follows it.
  if (auto nul = text.find('\0'); nul != std::string_view::npos)
    return JsonProblem{"invalid JSON: unexpected NUL byte", nul + 1};
  std::set<std::string> keys;
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth > kMaxJsonDepth) throw DepthExceeded{};
    if (event == json::parse_event_t::key && depth == 1 && duplicate.empty() &&
        !keys.insert(parsed.get<std::string>()).second)
      duplicate = parsed.get<std::string>();
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), callback);
  } catch (const json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1,
    // column 2: syntax error while parsing ..."; keep the part after the
    // position, which we print ourselves.
    std::string what = e.what();
    auto colon = what.find(": ", what.find("column"));
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    std::size_t byte = e.byte == 0 ? 1 : e.byte;
    return JsonProblem{"invalid JSON: " + plain_json_reason(reason, text, byte), byte};
  } catch (const json::exception& e) {
    // Not a syntax error but still bad input, e.g. out_of_range.406 for a
    // number like 1e400 that no double holds.
    std::string what = e.what();
    auto bracket = what.find("] ");
    return JsonProblem{
        "invalid JSON: " +
            shorten_quoted(bracket == std::string::npos ? what : what.substr(bracket + 2)),
        0};
  } catch (const DepthExceeded&) {
    return JsonProblem{fmt::format("JSON nests more than {} levels deep", kMaxJsonDepth), 0};
  }
}

std::string duplicate_key(const std::string& key) {
  return fmt::format("duplicate answer key {}", ruleset::quote_input(key));
}

std::string unknown_key(const ruleset::RuleSet& rules, const std::string& key) {
  return fmt::format("unknown answer key {}{}", ruleset::quote_input(key),
                     ruleset::did_you_mean(key, rules.question_ids()));
}

// One answer from an nlohmann value; null means "not answered".
std::string one_answer(const Question& q, const json& value, std::optional<Value>& out) {
  if (value.is_null()) {
    out.reset();
    return "";
  }
  ruleset::ParsedAnswer parsed = AnswerError{};
  if (value.is_object() || value.is_array()) {
    parsed = AnswerError{fmt::format("expected {}, got {}", ruleset::accepted_answers(q).describe(),
                                     kind_of(value))};
  } else {
    FlatJsonValue scalar;
    if (value.is_string()) {
      scalar.kind = FlatJsonValue::Kind::String;
      scalar.text = value.get_ref<const std::string&>();
    } else if (value.is_boolean()) {
      scalar.kind = value.get<bool>() ? FlatJsonValue::Kind::True : FlatJsonValue::Kind::False;
    } else {
      scalar.kind = FlatJsonValue::Kind::Number;
      scalar.number = value.get<double>();
    }
    parsed = answer_from_scalar(q, scalar);
  }
  if (auto* error = std::get_if<AnswerError>(&parsed))
    return fmt::format("answer '{}': {}", q.id, error->message);
  out = std::get<Value>(parsed);
  return "";
}

// The record id as JSON text: a string re-escaped, a number as written for
// integers and in shortest form otherwise, as JsonOut writes numbers.
std::string id_text(const json& value) {
  std::string out;
  report::JsonOut writer(out, -1);
  if (value.is_string())
    writer.string(value.get_ref<const std::string&>());
  else if (value.is_number_integer())
    out = value.dump();
  else
    writer.number(value.get<double>());
  return out;
}

// `duplicate`: a key the object repeated (parse_json), or "".
std::string answers_from_object(const ruleset::RuleSet& rules, const json& object,
                                const std::string& duplicate, engine::Answers& answers,
                                std::string* id) {
  if (!object.is_object())
    return fmt::format("expected a JSON object of answers, got {}", kind_of(object));
  // A FHIR resource says what it is; no question id is spelt like this key.
  if (object.contains("resourceType")) {
    if (!duplicate.empty()) return fmt::format("duplicate key {}", ruleset::quote_input(duplicate));
    return answers_from_questionnaire_response(rules, object, answers, id);
  }
  if (id && object.contains("id")) {
    const json& value = object["id"];
    if (!value.is_string() && !value.is_number())
      return fmt::format("the record id must be a string or a number, got {}", kind_of(value));
    *id = id_text(value);
  }
  if (!duplicate.empty()) return duplicate_key(duplicate);
  for (const auto& [key, value] : object.items()) {
    if (id && key == "id") continue;
    const Question* q = rules.find_question(key);
    if (!q) return unknown_key(rules, key);
    const auto fact = static_cast<engine::FactId>(q - rules.questions.data());
    if (auto error = one_answer(*q, value, answers[fact]); !error.empty()) return error;
  }
  return "";
}

// The common case without nlohmann: a plain flat object (see
// flat_json_reader.h) whose every answer is good, read through scalar_answer
// as the nlohmann path reads it. False, leaving `answers` untouched, for
// anything else — an error included — so the nlohmann path decides and words
// every error.
bool read_plain_answers(const ruleset::RuleSet& rules, std::string_view text,
                        engine::Answers& answers, std::string* id) {
  using Kind = FlatJsonValue::Kind;
  // Kept from line to line (batch reads millions): cleared, not freed.
  thread_local std::vector<FlatJsonMember> members;
  thread_local std::vector<std::pair<engine::FactId, std::optional<Value>>> read;
  read.clear();
  if (!read_flat_json_object(text, members)) return false;
  std::string record_id;
  // A repeated key goes to the nlohmann path, which words the error.
  constexpr std::size_t kMaxSeen = 512;
  std::bitset<kMaxSeen> seen;
  bool seen_id = false;
  std::size_t next_in_order = 0;
  if (rules.questions.size() > kMaxSeen) return false;
  for (const auto& [key, value] : members) {
    if (id && key == "id") {
      if (std::exchange(seen_id, true) || !record_id_text(value, record_id)) return false;
      continue;
    }
    // Scripts mostly write the questions in the rule file's order (that of
    // `backtriage questions`), leaving out those that do not apply: try the
    // next few after the last before hashing.
    const Question* q = nullptr;
    constexpr std::size_t kLookAhead = 8;
    for (std::size_t i = next_in_order;
         i < std::min(next_in_order + kLookAhead, rules.questions.size()); ++i)
      if (ruleset::text_equal(rules.questions[i].id, key)) {
        q = &rules.questions[i];
        break;
      }
    if (!q) q = rules.find_question(key);
    if (!q) return false;
    const auto fact = static_cast<std::size_t>(q - rules.questions.data());
    next_in_order = fact + 1;
    if (seen[fact]) return false;
    seen[fact] = true;
    // Each field stored on its own (see common_answer).
    auto& [read_fact, answer] = read.emplace_back();
    read_fact = static_cast<engine::FactId>(fact);
    if (value.kind == Kind::Null) continue;
    Value given;
    if (!scalar_answer(*q, value, given)) return false;
    answer = given;
  }
  for (const auto& [fact, answer] : read) {  // a field at a time again (see common_answer)
    if (answer)
      answers[fact].emplace(*answer);
    else
      answers[fact].reset();
  }
  if (id) *id = std::move(record_id);
  return true;
}

}  // namespace

std::string read_answers_json(const ruleset::RuleSet& rules, std::string_view text,
                              engine::Answers& answers, std::string* id,
                              CompactAnswerReader* compact) {
  if (id) id->clear();
  if (compact && compact->read(text, answers, id)) return "";
  if (read_plain_answers(rules, text, answers, id)) return "";
  std::string duplicate;
  auto parsed = parse_json(text, duplicate);
  if (auto* problem = std::get_if<JsonProblem>(&parsed)) {
    if (problem->byte == 0) return problem->message;
    Position p = position_of(text, problem->byte - 1);
    return fmt::format("column {}: {}", p.column, problem->message);
  }
  return answers_from_object(rules, std::get<json>(parsed), duplicate, answers, id);
}

std::optional<JsonLineError> parse_answers_object(std::string_view text, nlohmann::json& object) {
  std::string duplicate;
  auto parsed = parse_json(text, duplicate);
  if (auto* problem = std::get_if<JsonProblem>(&parsed))
    return JsonLineError{problem->message,
                         problem->byte == 0 ? 0 : position_of(text, problem->byte - 1).column};
  object = std::move(std::get<json>(parsed));
  if (!object.is_object())
    return JsonLineError{fmt::format("expected a JSON object of answers, got {}", kind_of(object))};
  if (!duplicate.empty()) return JsonLineError{duplicate_key(duplicate)};
  return std::nullopt;
}

std::string read_answers_document(const ruleset::RuleSet& rules, std::string_view text,
                                  const std::string& name, engine::Answers& answers) {
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") first = text.find_first_not_of(" \t\r\n", 3);
  if (first == std::string_view::npos) return name + ": the answers file is empty";
  if (text[first] == '{') {
    std::string duplicate;
    auto parsed = parse_json(text, duplicate);
    if (auto* problem = std::get_if<JsonProblem>(&parsed)) {
      if (problem->byte == 0) return fmt::format("{}: {}", name, problem->message);
      Position p = position_of(text, problem->byte - 1);
      return fmt::format("{}:{}:{}: {}", name, p.line, p.column, problem->message);
    }
    auto error = answers_from_object(rules, std::get<json>(parsed), duplicate, answers, nullptr);
    return error.empty() ? "" : fmt::format("{}: {}", name, error);
  }
  // YAML: the same keys and spellings, for people who write answers by hand,
  // read through the rule loader's YAML reader (positions, depth limit).
  ruleset::YamlReader yaml(name);
  auto first_error = [&] { return ruleset::format_line(yaml.diagnostics().front()); };
  auto root = yaml.parse(text, kMaxInputBytes);
  if (!root) return first_error();
  // "file:line:col: " before a message about `node`.
  auto where = [&](const YAML::Node& node) {
    return ruleset::format_location(yaml.at(node)) + ": ";
  };
  try {
    if (!root->IsMap()) return where(*root) + "expected a mapping of answers (question: answer)";
    yaml.check_map(*root, "the answers", {});
    if (yaml.has_errors()) return first_error();  // a repeated or non-scalar key
    for (const auto& entry : *root) {
      const std::string& key = entry.first.Scalar();
      const Question* q = rules.find_question(key);
      if (!q) return where(entry.first) + unknown_key(rules, key);
      auto fact = *rules.find_fact(key);
      if (entry.second.IsNull()) continue;
      if (!entry.second.IsScalar())
        return fmt::format("{}answer '{}': expected {}, got a nested value", where(entry.second),
                           key, ruleset::accepted_answers(*q).describe());
      auto parsed = ruleset::parse_answer(*q, entry.second.Scalar());
      if (auto* error = std::get_if<AnswerError>(&parsed))
        return fmt::format("{}answer '{}': {}", where(entry.second), key, error->message);
      answers[fact] = std::get<Value>(parsed);
    }
  } catch (const YAML::Exception& e) {
    return fmt::format("{}:{}:{}: invalid YAML: {}", name, e.mark.line + 1, e.mark.column + 1,
                       e.msg);
  }
  return "";
}

std::string answer_from_json(const Question& q, const json& value, std::optional<Value>& out) {
  return one_answer(q, value, out);
}

}  // namespace backtriage::cli
