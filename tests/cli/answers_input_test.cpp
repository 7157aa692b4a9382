#include "cli/answers_input.h"

#include <catch2/catch.hpp>

#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {
const ruleset::RuleSet& rules() {
  return ruleset::embedded_rule_set();
}
engine::Answers empty() {
  return engine::Answers(rules().knowledge_base().facts().size());
}
engine::FactId fact(const char* id) {
  return *rules().find_fact(id);
}
}  // namespace

TEST_CASE("native JSON values and flag spellings are both accepted", "[answers]") {
  auto answers = empty();
  CHECK(cli::read_answers_json(rules(),
                               R"({"fever": true, "spine_injury": "no", "duration_weeks": 2,
                                   "region": "lower", "sensation": null})",
                               answers) == "");
  CHECK(answers[fact("fever")]->as_bool());
  CHECK_FALSE(answers[fact("spine_injury")]->as_bool());
  CHECK(answers[fact("duration_weeks")]->as_number() == 2);
  CHECK_FALSE(answers[fact("sensation")].has_value());  // null: not answered
  auto more = empty();
  CHECK(cli::read_answers_json(rules(), R"({"duration_weeks": "12.5", "fever": 0})", more) == "");
  CHECK(more[fact("duration_weeks")]->as_number() == 12.5);
}

TEST_CASE("a string answer in a JSON line means what the same flag value means", "[answers]") {
  // Batch reads common spellings on a fast path; it must agree with
  // parse_answer, which the flags use, on every question.
  std::vector<std::string> spellings{"yes",    "no",  "y",   "n", "true", "false", "1", "0",
                                     "unsure", "Yes", " no", "3", "12.5", "maybe", ""};
  for (const auto& q : rules().questions)
    for (const auto& c : q.choices) spellings.push_back(c.id);
  for (const auto& q : rules().questions)
    for (const auto& text : spellings) {
      INFO(q.id << " = '" << text << "'");
      auto answers = empty();
      const std::string error =
          cli::read_answers_json(rules(), "{\"" + q.id + "\":\"" + text + "\"}", answers);
      const auto parsed = ruleset::parse_answer(q, text);
      const auto f = static_cast<std::size_t>(&q - rules().questions.data());
      if (const auto* value = std::get_if<engine::Value>(&parsed)) {
        CHECK(error.empty());
        CHECK(answers[f] == *value);
      } else {
        CHECK(error == "answer '" + q.id + "': " + std::get<ruleset::AnswerError>(parsed).message);
      }
    }
}

TEST_CASE("a typo or a wrong type never drops an answer silently", "[answers]") {
  auto answers = empty();
  CHECK(cli::read_answers_json(rules(), R"({"fevr": true})", answers) ==
        "unknown answer key 'fevr' (did you mean 'fever'?)");
  CHECK(cli::read_answers_json(rules(), R"({"fever": "perhaps"})", answers) ==
        "answer 'fever': expected yes, no or unsure, got 'perhaps'");
  CHECK(cli::read_answers_json(rules(), R"({"fever": [true]})", answers) ==
        "answer 'fever': expected yes, no or unsure, got a list");
  CHECK(cli::read_answers_json(rules(), R"({"duration_weeks": 1e400})", answers) ==
        "invalid JSON: number overflow parsing '1e400'");
  CHECK(cli::read_answers_json(rules(), R"({"fever": true, "fever": false})", answers) ==
        "duplicate answer key 'fever'");
  CHECK(cli::read_answers_json(rules(), R"({"fever":true,"sensation":"dull","fever":true})",
                               answers) == "duplicate answer key 'fever'");
  std::string id;
  CHECK(cli::read_answers_json(rules(), R"({"id":1,"fever":true,"id":2})", answers, &id) ==
        "duplicate answer key 'id'");
  CHECK(cli::read_answers_json(rules(), R"([1, 2])", answers) ==
        "expected a JSON object of answers, got a list");
}

TEST_CASE("a batch line's id is not an answer; elsewhere it is an unknown key", "[answers]") {
  auto answers = empty();
  std::string id;
  CHECK(cli::read_answers_json(rules(), R"({"id": "case-7", "fever": true})", answers, &id) == "");
  CHECK(id == "\"case-7\"");
  CHECK(answers[fact("fever")]->as_bool());
  CHECK(cli::read_answers_json(rules(), R"({"fever": true, "id": 42})", answers, &id) == "");
  CHECK(id == "42");
  // Through the general reader too (an escape in the string).
  CHECK(cli::read_answers_json(rules(), R"({"id": "a\"b", "fever": "no"})", answers, &id) == "");
  CHECK(id == R"("a\"b")");
  // The id comes back even when an answer is bad, for the error line.
  CHECK(cli::read_answers_json(rules(), R"({"id": 9, "fever": "perhaps"})", answers, &id) ==
        "answer 'fever': expected yes, no or unsure, got 'perhaps'");
  CHECK(id == "9");
  CHECK(cli::read_answers_json(rules(), R"({"id": [1]})", answers, &id) ==
        "the record id must be a string or a number, got a list");
  CHECK(cli::read_answers_json(rules(), R"({"id": 1})", answers) == "unknown answer key 'id'");
}

TEST_CASE("JSON errors say where; depth is bounded", "[answers]") {
  auto answers = empty();
  // nlohmann's syntax errors in plain words, naming the word it stopped at.
  CHECK(cli::read_answers_json(rules(), R"({"fever": tru})", answers) ==
        "column 14: invalid JSON: 'tru' is not a JSON value: write text in double quotes, and "
        "true, false and numbers as they are");
  CHECK(cli::read_answers_json(rules(), R"({fever: true})", answers) ==
        "column 3: invalid JSON: a key must be text in double quotes, got 'fever'");
  std::string deep(100000, '[');
  CHECK(cli::read_answers_json(rules(), deep, answers) == "JSON nests more than 16 levels deep");
  CHECK_THAT(cli::read_answers_json(rules(), "{\"region\": \"\xff\"}", answers),
             Catch::Equals("column 13: invalid JSON: a string holds a byte that is not UTF-8"));
}

TEST_CASE("answers documents: JSON or YAML with file:line:col", "[answers]") {
  auto answers = empty();
  CHECK(cli::read_answers_document(rules(), "fever: no\nregion: upper\n", "a.yaml", answers) == "");
  CHECK(answers[fact("region")].has_value());
  CHECK(cli::read_answers_document(rules(), "fever: no\nregoin: upper\n", "a.yaml", answers) ==
        "a.yaml:2:1: unknown answer key 'regoin' (did you mean 'region'?)");
  CHECK(cli::read_answers_document(rules(), "{\n  \"fever\": maybe\n}", "a.json", answers) ==
        "a.json:2:12: invalid JSON: 'maybe' is not a JSON value: write text in double quotes, and "
        "true, false and numbers as they are");
  CHECK(cli::read_answers_document(rules(), "  \n", "a.json", answers) ==
        "a.json: the answers file is empty");
  CHECK(cli::read_answers_document(rules(), "\xEF\xBB\xBF{\"fever\": false}", "bom.json",
                                   answers) == "");
}
