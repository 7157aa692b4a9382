#include "report/json_out.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>

using backtriage::report::JsonOut;

namespace {
std::string compact(const std::function<void(JsonOut&)>& write, int indent = -1) {
  std::string out;
  JsonOut json(out, indent);
  write(json);
  return out;
}
}  // namespace

TEST_CASE("strings come out as JSON an independent parser reads back", "[json]") {
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    // Printable text, escapes, control bytes and valid multi-byte UTF-8.
    static const std::vector<std::string> pieces{"a",
                                                 "Z",
                                                 " ",
                                                 "\"",
                                                 "\\",
                                                 "/",
                                                 "\n",
                                                 "\t",
                                                 "\x01",
                                                 "\x1f",
                                                 "\x7f",
                                                 "\xc3\xa9",
                                                 "\xe2\x80\x94",
                                                 "\xf0\x9f\x98\x80",
                                                 "38\xc2\xb0"};
    std::string text;
    for (int i = random() % 12; i > 0; --i) text += pieces[random() % pieces.size()];
    const std::string json = compact([&](JsonOut& j) { j.string(text); });
    INFO(json);
    CHECK(nlohmann::json::parse(json).get<std::string>() == text);
    // A key from the rule set is escaped as a string is; a literal key,
    // checked when compiled, goes in as it is.
    for (int indent : {-1, 2}) {
      const std::string object = compact(
          [&](JsonOut& j) {
            j.begin_object();
            j.key_text(text), j.integer(1);
            j.key("plain_key"), j.integer(2);
            j.end_object();
          },
          indent);
      const auto parsed = nlohmann::json::parse(object);
      CHECK(parsed.size() == 2);  // no piece spells "plain_key"
      CHECK(parsed.at(text) == 1);
      CHECK(parsed.at("plain_key") == 2);
    }
  }
}

TEST_CASE("bytes that are not UTF-8 become U+FFFD, so the JSON stays valid", "[json]") {
  for (std::string bad : {"\xff", "a\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80"}) {
    const std::string json = compact([&](JsonOut& j) { j.string(bad); });
    INFO(json);
    const std::string back = nlohmann::json::parse(json).get<std::string>();
    CHECK(back.find("\xef\xbf\xbd") != std::string::npos);
  }
}

TEST_CASE("numbers: whole ones as integers, others in shortest form", "[json]") {
  CHECK(compact([](JsonOut& j) { j.number(2); }) == "2");
  CHECK(compact([](JsonOut& j) { j.number(-0.5); }) == "-0.5");
  CHECK(compact([](JsonOut& j) { j.number(0.1); }) == "0.1");
  CHECK(compact([](JsonOut& j) { j.number(1e20); }) == "1e+20");
  CHECK(nlohmann::json::parse(compact([](JsonOut& j) { j.number(1e20); })).get<double>() == 1e20);
}

TEST_CASE("indented output is laid out as nlohmann's dump(2), compact on one line", "[json]") {
  auto document = [](JsonOut& j) {
    j.begin_object();
    j.key("a"), j.integer(1);
    j.key("list");
    j.begin_array();
    j.string("x");
    j.begin_object();
    j.end_object();
    j.begin_array();
    j.end_array();
    j.end_array();
    j.key("nested");
    j.begin_object();
    j.key("b"), j.boolean(false);
    j.key("c"), j.null();
    j.end_object();
    j.end_object();
  };
  const std::string pretty = compact(document, 2);
  const auto parsed = nlohmann::ordered_json::parse(pretty);
  CHECK(pretty == parsed.dump(2));
  CHECK(compact(document) == parsed.dump());
}

TEST_CASE("containers nest 64 deep, each with its own commas; deeper is refused", "[json]") {
  for (int indent : {-1, 2}) {
    std::string text;
    JsonOut out(text, indent);
    // At each level an array holding a number, then the next level, then
    // another number: a comma missed or doubled at any depth shows.
    for (int level = 0; level < 64; ++level) {
      out.begin_array();
      out.integer(level);
    }
    for (int level = 63; level >= 0; --level) {
      out.integer(-level);
      out.end_array();
    }
    nlohmann::json parsed = nlohmann::json::parse(text);
    nlohmann::json* at = &parsed;
    for (int level = 0; level < 64; ++level) {
      CAPTURE(indent, level);
      REQUIRE(at->size() == (level == 63 ? 2u : 3u));
      CHECK((*at)[0] == level);
      CHECK(at->back() == -level);
      if (level < 63) at = &(*at)[1];
    }
    if (indent > 0) CHECK(text == parsed.dump(indent));
  }
  std::string text;
  JsonOut out(text, -1);
  for (int level = 0; level < 64; ++level) out.begin_object(), out.key("a");
  CHECK_THROWS_AS(out.begin_array(), std::length_error);
  CHECK_THROWS_WITH(out.begin_object(), "JSON nested more than 64 levels deep");
}
