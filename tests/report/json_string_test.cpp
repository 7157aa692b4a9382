#include "report/json_string.h"

#include <catch2/catch.hpp>
#include <random>

using namespace backtriage::report;

namespace {
std::string nlohmann_dump(const std::string& text) {
  return nlohmann::ordered_json(text).dump(-1, ' ', false, JsonErrorHandler::replace);
}

std::string appended(const std::string& text) {
  std::string out = "x";
  append_json_string(out, text, JsonErrorHandler::replace);
  return out;
}
}  // namespace

TEST_CASE("every byte, at every offset of a word, is written as nlohmann writes it", "[report]") {
  for (int byte = 0; byte < 256; ++byte)
    for (std::size_t at = 0; at < 17; ++at) {
      std::string text(17, 'a');
      text[at] = static_cast<char>(byte);
      INFO("byte " << byte << " at " << at);
      REQUIRE(appended(text) == "x" + nlohmann_dump(text));
    }
}

TEST_CASE("random strings are written as nlohmann writes them", "[report]") {
  std::mt19937 random(7);
  for (int n = 0; n < 20000; ++n) {
    std::string text(random() % 40, ' ');
    // Mostly ASCII, some of it special, now and then any byte.
    for (auto& c : text) {
      const unsigned pick = random() % 16;
      c = static_cast<char>(pick == 0 ? random() % 256 : pick < 4 ? random() % 0x80 : 'a' + pick);
    }
    INFO("case " << n);
    REQUIRE(appended(text) == "x" + nlohmann_dump(text));
  }
}

TEST_CASE("only ASCII text is written without nlohmann", "[report]") {
  std::string out;
  CHECK(append_ascii_json_string(out, "tab\there \"q\" \\ \x7f"));
  CHECK(out == "\"tab\\there \\\"q\\\" \\\\ \x7f\"");
  CHECK_FALSE(append_ascii_json_string(out, "caf\xc3\xa9"));
  CHECK(out == "\"tab\\there \\\"q\\\" \\\\ \x7f\"");
  CHECK(is_ascii("plain"));
  CHECK_FALSE(is_ascii("0123456789\xe2\x80\x94"));
  std::string strict;
  CHECK_THROWS_AS(append_json_string(strict, "bad\xff", JsonErrorHandler::strict),
                  nlohmann::ordered_json::type_error);
}
