#include "report/escaped.h"

#include <catch2/catch.hpp>

using backtriage::report::escaped;
using backtriage::report::EscapeTable;

namespace {

constexpr EscapeTable kTable = [] {
  EscapeTable table{};
  table['*'] = "\\*";
  table['&'] = "&amp;";
  table['\n'] = "\\n";
  return table;
}();

}  // namespace

TEST_CASE("escaped replaces the bytes its table names and keeps every other byte", "[escaped]") {
  CHECK(escaped("", kTable) == "");
  CHECK(escaped("no markup here", kTable) == "no markup here");
  // First, last, next to each other, and between runs kept whole.
  CHECK(escaped("*", kTable) == "\\*");
  CHECK(escaped("**bold** & more\n", kTable) == "\\*\\*bold\\*\\* &amp; more\\n");
  CHECK(escaped("a*b&c\nd", kTable) == "a\\*b&amp;c\\nd");
  // Any byte not in the table passes through, UTF-8 and NUL included.
  const std::string odd(
      "dolor \xc2\xbf"
      "a\0b",
      10);
  CHECK(escaped(odd, kTable) == odd);
  // Every byte, between two others, against a table that names it alone.
  for (int b = 0; b < 256; ++b) {
    if (b == 'x' || b == 'y') continue;
    EscapeTable one{};
    one[static_cast<unsigned char>(b)] = "<>";
    std::string text = "x";
    text += static_cast<char>(b);
    text += "y";
    CAPTURE(b);
    CHECK(escaped(text, one) == "x<>y");
  }
}
