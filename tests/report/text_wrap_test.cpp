#include "report/text_wrap.h"

#include <catch2/catch.hpp>

using backtriage::report::display_width;
using backtriage::report::wrap;

TEST_CASE("wrap breaks between words at the width, in characters", "[text_wrap]") {
  CHECK(wrap("one two three", 7) == "one two\nthree\n");
  CHECK(wrap("one two three", 8) == "one two\nthree\n");
  CHECK(wrap("one two three", 13) == "one two three\n");
  // "—" and "é" are one column each, three and two bytes.
  CHECK(wrap("ab — café", 9) == "ab — café\n");
  CHECK(wrap("ab — café", 8) == "ab —\ncafé\n");
  // A word longer than the line stands alone; spaces, tabs and CRs are one gap.
  CHECK(wrap("a verylongword b", 5) == "a\nverylongword\nb\n");
  CHECK(wrap("  a \t b\r\n", 80) == "a b\n\n");
}

TEST_CASE("wrap keeps paragraph breaks, the first line's start and the indent", "[text_wrap]") {
  CHECK(wrap("one two three", 10, " - ", 3) == " - one two\n   three\n");
  CHECK(wrap("one two three", 9, " - ", 3) == " - one\n   two\n   three\n");
  CHECK(wrap("first\nsecond", 80, "", 2) == "first\n  second\n");
  CHECK(wrap("", 80, "> ") == "> \n");
}

TEST_CASE("colour codes take no columns, in a word or beside one", "[text_wrap]") {
  const std::string bold = "\x1b[1mbold\x1b[0m";
  CHECK(display_width(bold) == 4);
  CHECK(wrap(bold + " word", 9) == bold + " word\n");
  CHECK(wrap(bold + " words", 9) == bold + "\nwords\n");
  CHECK(wrap("x " + bold, 6) == "x " + bold + "\n");
}
