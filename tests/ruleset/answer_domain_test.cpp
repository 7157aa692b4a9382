#include "ruleset/answer_domain.h"

#include <catch2/catch.hpp>

#include "ruleset/loader.h"

using namespace backtriage;
using ruleset::AnswerError;
using ruleset::parse_answer;

namespace {
const ruleset::Question& question(const char* id) {
  const auto* q = ruleset::embedded_rule_set().find_question(id);
  REQUIRE(q);
  return *q;
}
const ruleset::Question& weeks_question() {
  return question("duration_weeks");
}
std::string error_of(const ruleset::ParsedAnswer& parsed) {
  auto* e = std::get_if<AnswerError>(&parsed);
  return e ? e->message : "(no error)";
}
}  // namespace

TEST_CASE("booleans accept the contract's spellings in any case", "[answers]") {
  const auto& fever = question("fever");
  for (const char* yes : {"yes", "Y", "TRUE", "1", " yes\r\n"}) {
    auto parsed = parse_answer(fever, yes);
    REQUIRE(std::holds_alternative<engine::Value>(parsed));
    CHECK(std::get<engine::Value>(parsed).as_bool());
  }
  for (const char* no : {"no", "n", "False", "0"})
    CHECK_FALSE(std::get<engine::Value>(parse_answer(fever, no)).as_bool());
  CHECK(error_of(parse_answer(fever, "maybe")) == "expected yes, no or unsure, got 'maybe'");
  CHECK(error_of(parse_answer(fever, "")) == "expected yes, no or unsure, got ''");
  CHECK(error_of(parse_answer(question("improving"), "unsure")) ==
        "expected yes or no, got 'unsure'");
}

TEST_CASE("the common spellings of yes and no, each one, and no near miss", "[answers]") {
  using engine::Value;
  const auto& fever = question("fever");          // takes unsure
  const auto& improving = question("improving");  // does not
  const std::vector<std::pair<std::string_view, Value>> spellings{
      {"no", Value::boolean(false)},    {"n", Value::boolean(false)},
      {"false", Value::boolean(false)}, {"0", Value::boolean(false)},
      {"yes", Value::boolean(true)},    {"y", Value::boolean(true)},
      {"true", Value::boolean(true)},   {"1", Value::boolean(true)}};
  for (const auto& [text, value] : spellings) {
    INFO(text);
    CHECK(ruleset::common_spelling(fever, text) == value);
    CHECK(ruleset::common_spelling(improving, text) == value);
  }
  CHECK(ruleset::common_spelling(fever, "unsure") == ruleset::unsure_answer());
  CHECK_FALSE(ruleset::common_spelling(improving, "unsure"));
  // Same length and first letter as a spelling, or one letter more or less.
  for (std::string_view miss : {"na", "ni", "yeah", "yes!", "ye", "nope", "f", "t", "tru", "falsy",
                                "unsurE", "unsur", "2", "10", "", "No", "\xc3\xb1"}) {
    INFO(miss);
    CHECK_FALSE(ruleset::common_spelling(fever, miss));
  }
}

TEST_CASE("red flags take unsure; everyday words are for the prompt", "[answers]") {
  const auto& fever = question("fever");
  const auto unsure = ruleset::unsure_answer();
  CHECK(std::get<engine::Value>(parse_answer(fever, "Unsure")) == unsure);
  // Flags and files say what they mean (spoken_answer_test.cpp has the rest).
  for (const char* words : {"not sure", "yeah", "nope"})
    CHECK_FALSE(std::holds_alternative<engine::Value>(parse_answer(fever, words)));
  CHECK(error_of(parse_answer(weeks_question(), "2 weeks")) ==
        "expected a number from 0 to 520 (weeks), got '2 weeks'");
}

TEST_CASE("numbers are decimals within the question's range", "[answers]") {
  const auto& weeks = question("duration_weeks");
  CHECK(std::get<engine::Value>(parse_answer(weeks, "12")).as_number() == 12);
  CHECK(std::get<engine::Value>(parse_answer(weeks, "11.5")).as_number() == 11.5);
  CHECK(std::get<engine::Value>(parse_answer(weeks, "+3")).as_number() == 3);
  CHECK(std::get<engine::Value>(parse_answer(weeks, "520")).as_number() == 520);
  CHECK(error_of(parse_answer(weeks, "520.001")) ==
        "'520.001' is out of range: expected a number from 0 to 520 (weeks)");
  CHECK(error_of(parse_answer(weeks, "-1")) ==
        "'-1' is out of range: expected a number from 0 to 520 (weeks)");
  CHECK(error_of(parse_answer(weeks, "1e400")) ==
        "'1e400' is out of range: expected a number from 0 to 520 (weeks)");
  CHECK(error_of(parse_answer(weeks, "two")) ==
        "expected a number from 0 to 520 (weeks), got 'two'");
  for (const char* bad : {"nan", "inf", "-inf", "0x10", "1,5", "12 weeks", "1e", "."})
    CHECK_THAT(error_of(parse_answer(weeks, bad)), Catch::Contains("0 to 520 (weeks)"));
}

TEST_CASE("choices accept listed ids and suggest the nearest on a typo", "[answers]") {
  const auto& sensation = question("sensation");
  CHECK(std::get<engine::Value>(parse_answer(sensation, "Electric")).as_symbol() == 0);
  // The id as the flags are written: hyphens or spaces for '_'.
  const auto& spread = question("spread");
  for (const char* one_spot : {"one_spot", "one-spot", "One Spot"})
    CHECK(std::get<engine::Value>(parse_answer(spread, one_spot)).as_symbol() == 0);
  // Not a number or a prefix, outside a prompt: scripts say what they mean.
  CHECK_FALSE(std::holds_alternative<engine::Value>(parse_answer(sensation, "2")));
  CHECK_FALSE(std::holds_alternative<engine::Value>(parse_answer(sensation, "elec")));
  CHECK(error_of(parse_answer(sensation, "electrik")) ==
        "expected one of electric, sharp, dull, achy, tingling, got 'electrik' (did you mean "
        "'electric'?)");
  CHECK(error_of(parse_answer(sensation, "burning")) ==
        "expected one of electric, sharp, dull, achy, tingling, got 'burning'");
}

TEST_CASE("what a question accepts is said one way everywhere", "[answers]") {
  CHECK(ruleset::accepted_answers(question("fever")).describe() == "yes, no or unsure");
  CHECK(ruleset::accepted_answers(question("fever")).brief() == "yes/no/unsure");
  CHECK(ruleset::accepted_answers(question("improving")).describe() == "yes or no");
  CHECK(ruleset::accepted_answers(question("duration_weeks")).describe() ==
        "a number from 0 to 520 (weeks)");
  CHECK(ruleset::accepted_answers(question("duration_weeks")).brief() == "0-520");
  CHECK(ruleset::accepted_answers(question("sensation")).describe() ==
        "one of electric, sharp, dull, achy, tingling");
  CHECK(ruleset::accepted_answers(question("sensation")).brief() ==
        "electric|sharp|dull|achy|tingling");
}

TEST_CASE("user text in messages is cut short and control bytes are escaped", "[answers]") {
  CHECK(ruleset::quote_input("a\x1b[31mb") == "'a\\x1b[31mb'");
  // What would print as nothing, or as garbage, is shown by its value.
  CHECK(ruleset::quote_input("\xEF\xBB\xBFyes") == "'\\uFEFFyes'");
  CHECK(ruleset::quote_input("y\xFFs") == "'y\\xffs'");
  CHECK(ruleset::quote_input("no\xE2\x80\x8B") == "'no\\u200B'");
  // Cut after 40 characters, never inside one.
  std::string long_text;
  for (int i = 0; i < 50; ++i) long_text += "\xC3\xA9";
  const std::string quoted = ruleset::quote_input(long_text);
  CHECK(quoted.substr(0, 81) == "'" + long_text.substr(0, 80));
  CHECK(quoted.substr(81) == "...' (100 bytes)");
  std::string huge(5 * 1024 * 1024, '9');
  auto message = error_of(parse_answer(question("duration_weeks"), huge));
  CHECK(message.size() < 120);
  CHECK_THAT(message, Catch::Contains("(5242880 bytes)"));
}
