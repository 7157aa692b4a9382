// UTF-8 validation: what RFC 3629 allows, and the first byte it does not.
#include "ruleset/utf8.h"

#include <catch2/catch.hpp>

using backtriage::ruleset::first_invalid_utf8;
using backtriage::ruleset::utf8_sequence_length;

TEST_CASE("valid UTF-8 of every length is accepted", "[utf8]") {
  CHECK_FALSE(first_invalid_utf8("plain ASCII"));
  CHECK_FALSE(
      first_invalid_utf8("caf\xC3\xA9 38\xC2\xB0"
                         "C \xE2\x80\x94 \xF0\x9F\x98\x80"));
  CHECK(utf8_sequence_length("\xC3\xA9", 0) == 2);
  CHECK(utf8_sequence_length("\xE2\x80\x94", 0) == 3);
  CHECK(utf8_sequence_length("\xF0\x9F\x98\x80", 0) == 4);
  CHECK(utf8_sequence_length("a", 0) == 1);
}

TEST_CASE("the first byte that is not UTF-8 is found", "[utf8]") {
  CHECK(first_invalid_utf8("ab\xFF") == 2u);                              // never valid
  CHECK(first_invalid_utf8("a\xC3") == 1u);                               // cut short
  CHECK(first_invalid_utf8("\xC0\xAF") == 0u);                            // overlong '/'
  CHECK(first_invalid_utf8("\xE0\x80\xAF") == 0u);                        // overlong, 3 bytes
  CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1u);                       // a UTF-16 surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);                    // above U+10FFFF
  CHECK(first_invalid_utf8("\xE9t\xC3\xA9") == 0u);                       // Latin-1
  CHECK(first_invalid_utf8("ok\xC3\xA9\x80") == 4u);                      // a stray continuation
  CHECK(first_invalid_utf8(std::string_view("\xFF\xFEi\x00", 4)) == 0u);  // UTF-16, BOM
}
