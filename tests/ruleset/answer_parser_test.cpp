#include "ruleset/answer_parser.h"

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
  CHECK(error_of(parse_answer(fever, "maybe")) ==
        "expected yes or no (or y/n, true/false, 1/0), got 'maybe'");
  CHECK(error_of(parse_answer(fever, "")) ==
        "expected yes or no (or y/n, true/false, 1/0), got ''");
}

TEST_CASE("numbers are decimals within the question's range", "[answers]") {
  const auto& weeks = question("duration_weeks");
  CHECK(std::get<engine::Value>(parse_answer(weeks, "12")).as_number() == 12);
  CHECK(std::get<engine::Value>(parse_answer(weeks, "11.5")).as_number() == 11.5);
  CHECK(std::get<engine::Value>(parse_answer(weeks, "+3")).as_number() == 3);
  CHECK(std::get<engine::Value>(parse_answer(weeks, "520")).as_number() == 520);
  CHECK(error_of(parse_answer(weeks, "520.001")) == "'520.001' is out of range (0 to 520 weeks)");
  CHECK(error_of(parse_answer(weeks, "-1")) == "'-1' is out of range (0 to 520 weeks)");
  CHECK(error_of(parse_answer(weeks, "1e400")) == "'1e400' is out of range (0 to 520 weeks)");
  CHECK(error_of(parse_answer(weeks, "two")) == "expected a number from 0 to 520 weeks, got 'two'");
  for (const char* bad : {"nan", "inf", "-inf", "0x10", "1,5", "12 weeks", "1e", "."})
    CHECK_THAT(error_of(parse_answer(weeks, bad)), Catch::Contains("0 to 520 weeks"));
}

TEST_CASE("choices accept listed ids and suggest the nearest on a typo", "[answers]") {
  const auto& sensation = question("sensation");
  CHECK(std::get<engine::Value>(parse_answer(sensation, "Electric")).as_symbol() == 0);
  CHECK(error_of(parse_answer(sensation, "electrik")) ==
        "expected one of electric, sharp, dull, achy, got 'electrik' (did you mean 'electric'?)");
  CHECK(error_of(parse_answer(sensation, "burning")) ==
        "expected one of electric, sharp, dull, achy, got 'burning'");
}

TEST_CASE("user text in messages is cut short and control bytes are escaped", "[answers]") {
  CHECK(ruleset::quote_input("a\x1b[31mb") == "'a\\x1b[31mb'");
  std::string huge(5 * 1024 * 1024, '9');
  auto message = error_of(parse_answer(question("duration_weeks"), huge));
  CHECK(message.size() < 120);
  CHECK_THAT(message, Catch::Contains("(5242880 bytes)"));
}
