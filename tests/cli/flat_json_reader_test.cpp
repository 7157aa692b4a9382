#include "cli/flat_json_reader.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "cli/answers_input.h"
#include "ruleset/loader.h"

using namespace backtriage;
using cli::FlatJsonValue;

namespace {

const ruleset::RuleSet& rules() {
  return ruleset::embedded_rule_set();
}

// What nlohmann makes of `line`, member by member, as the reader reports it.
bool same_as_nlohmann(const std::string& line, const std::vector<cli::FlatJsonMember>& members) {
  auto parsed = nlohmann::ordered_json::parse(line);
  if (!parsed.is_object() || parsed.size() != members.size()) return false;
  std::size_t i = 0;
  for (const auto& [key, value] : parsed.items()) {
    const auto& m = members[i++];
    if (key != m.key) return false;
    switch (m.value.kind) {
      case FlatJsonValue::Kind::Null:
        if (!value.is_null()) return false;
        break;
      case FlatJsonValue::Kind::True:
      case FlatJsonValue::Kind::False:
        if (value != (m.value.kind == FlatJsonValue::Kind::True)) return false;
        break;
      case FlatJsonValue::Kind::String:
        if (!value.is_string() || value.get<std::string>() != m.value.text) return false;
        break;
      case FlatJsonValue::Kind::Number: {
        if (!value.is_number()) return false;
        const double expected = value.get<double>();  // bit for bit, sign of zero too
        if (std::memcmp(&expected, &m.value.number, sizeof expected) != 0) return false;
      }
    }
  }
  return true;
}

// The same object spelt so the plain reader declines it (an escaped key),
// which sends read_answers_json down the nlohmann path.
std::string with_escaped_key(const std::string& line) {
  auto quote = line.find('"');
  if (quote == std::string::npos || line[quote + 1] < 'a' || line[quote + 1] > 'z') return "";
  char escape[8];
  std::snprintf(escape, sizeof escape, "\\u%04x", line[quote + 1]);
  return line.substr(0, quote + 1) + escape + line.substr(quote + 2);
}

std::string random_line(std::mt19937& random) {
  static const std::vector<std::string> keys = {
      "fever",        "spine_injury",   "bladder_bowel", "cancer_history", "saddle_numbness",
      "leg_weakness", "duration_weeks", "sensation",     "spread",         "below_knee",
      "region",       "unknown",        "Fever",         "fe ver"};
  static const std::vector<std::string> values = {"true",
                                                  "false",
                                                  "null",
                                                  "0",
                                                  "1",
                                                  "2",
                                                  "12",
                                                  "2.5",
                                                  "-1",
                                                  "-0",
                                                  "-0.0",
                                                  "0.0",
                                                  "1.0",
                                                  "01",
                                                  "1e2",
                                                  "1E2",
                                                  "1.5e3",
                                                  "100000000000000000000",
                                                  "123456789012345",
                                                  "1234567890123456",
                                                  "0.1234567890123456",
                                                  "3.",
                                                  ".5",
                                                  "+1",
                                                  "\"yes\"",
                                                  "\"no\"",
                                                  "\"n\"",
                                                  "\"15\"",
                                                  "\"dull\"",
                                                  "\"electric\"",
                                                  "\"spreads\"",
                                                  "\"lower\"",
                                                  "\"both\"",
                                                  "\"perhaps\"",
                                                  "\"x\\\"y\"",
                                                  "\"caf\xc3\xa9\"",
                                                  "\"\xff\"",
                                                  "[true]",
                                                  "{}",
                                                  "tru",
                                                  "nul",
                                                  "\"\"",
                                                  "\"2.5\"",
                                                  "1e400"};
  static const std::vector<std::string> spaces = {"", " ", "  ", "\t", "\n", "\r", "\x0b"};
  auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  std::string line = pick(spaces) + "{";
  const int count = static_cast<int>(random() % 6);
  for (int i = 0; i < count; ++i) {
    if (i) line += pick(spaces) + "," + pick(spaces);
    line += "\"" + pick(keys) + "\"" + pick(spaces) + ":" + pick(spaces) + pick(values);
  }
  line += pick(spaces) + "}" + pick(spaces);
  if (random() % 20 == 0) line += "x";
  return line;
}

}  // namespace

TEST_CASE("the plain reader reads what nlohmann reads, or declines", "[cli]") {
  std::mt19937 random(11);
  std::size_t accepted = 0, answered = 0;
  for (int n = 0; n < 30000; ++n) {
    const std::string line = random_line(random);
    INFO("line " << line);
    std::vector<cli::FlatJsonMember> members;
    if (!cli::read_flat_json_object(line, members)) continue;
    ++accepted;
    std::set<std::string_view> keys;
    bool repeated = false;
    for (const auto& m : members) repeated |= !keys.insert(m.key).second;
    if (repeated) {  // nlohmann keeps the last; the answers reader refuses it
      engine::Answers answers(rules().knowledge_base().facts().size());
      REQUIRE_THAT(cli::read_answers_json(rules(), line, answers),
                   Catch::StartsWith("duplicate answer key"));
      continue;
    }
    REQUIRE(same_as_nlohmann(line, members));
    // And read_answers_json gives the same answers, or error, either way.
    const std::string escaped = with_escaped_key(line);
    if (escaped.empty()) continue;
    std::vector<cli::FlatJsonMember> unused;
    REQUIRE_FALSE(cli::read_flat_json_object(escaped, unused));
    engine::Answers plain(rules().knowledge_base().facts().size());
    engine::Answers slow(plain.size());
    const std::string error = cli::read_answers_json(rules(), line, plain);
    REQUIRE(error == cli::read_answers_json(rules(), escaped, slow));
    if (error.empty()) {
      ++answered;
      REQUIRE(plain == slow);
    }
  }
  // The fast path is taken, not only declined.
  CHECK(accepted > 3000);
  CHECK(answered > 250);
}

TEST_CASE("the plain reader declines what it does not read exactly", "[cli]") {
  std::vector<cli::FlatJsonMember> members;
  CHECK(cli::read_flat_json_object(R"( {"fever": true, "duration_weeks": 2.5} )", members));
  CHECK(members.size() == 2);
  CHECK(cli::read_flat_json_object("{}", members));
  CHECK(members.empty());
  for (const char* line :
       {R"({"fever": [true]})", R"([1, 2])", R"({"fever": tru})", R"({"duration_weeks": 1e400})",
        R"({"duration_weeks": -0})", R"({"duration_weeks": 1234567890123456})",
        R"({"f\u0065ver": true})", "{\"region\": \"lo\xffwer\"}", "{\"fe\xc3ver\": true}",
        "\xEF\xBB\xBF{\"fever\": true}", R"({"fever": true} {"fever": true})",
        R"({"fever": true,})", R"({,})", R"({"fever" true})", "", "{", "\x0b{}"}) {
    INFO(line);
    CHECK_FALSE(cli::read_flat_json_object(line, members));
  }
  CHECK_FALSE(cli::read_flat_json_object(std::string_view("{\"fever\": true}\0", 16), members));
  // A repeated key is read as it stands: the caller, which maps keys to
  // questions, finds the repeat (and read_answers_json refuses it).
  CHECK(cli::read_flat_json_object(R"({"fever": true, "fever": false})", members));
  CHECK(members.size() == 2);
}
