#include "report/json_plain.h"

#include <catch2/catch.hpp>
#include <string>

using namespace backtriage;

// The run stops at the first byte that is not plain, whatever comes after
// it, and at the end of the text: at every place in the first three steps
// of sixteen bytes, and in the bytes a step at the end.
TEST_CASE("a plain run ends at the first byte a JSON string cannot hold as it is", "[json_plain]") {
  for (int b = 0; b < 256; ++b) {
    const auto c = static_cast<unsigned char>(b);
    const bool plain = c >= 0x20 && c != '"' && c != '\\' && c < 0x80;
    CHECK(report::is_plain_json(c) == plain);
    for (std::size_t at = 0; at < 40; ++at)
      for (char after : {'a', '\0', '"', '\xff'}) {
        std::string text(at, 'x');
        text += static_cast<char>(c);
        text += std::string(9, after);
        CAPTURE(b, at, static_cast<int>(after));
        const std::size_t want =
            !plain ? at
                   : at + 1 + (report::is_plain_json(static_cast<unsigned char>(after)) ? 9 : 0);
        REQUIRE(report::plain_json_run(text) == want);
      }
  }
  CHECK(report::plain_json_run("") == 0);
  CHECK(report::plain_json_run("sciatica") == 8);
  CHECK(report::plain_json_run("seven b") == 7);
  CHECK(report::plain_json_run("ab\"cdefghijk") == 2);
  CHECK(report::plain_json_run("abcdefgh\\ij") == 8);
  CHECK(report::plain_json_run("na\xc3\xafve") == 2);
}
