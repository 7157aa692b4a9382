#include "ruleset/text_equal.h"

#include <catch2/catch.hpp>
#include <string>

using backtriage::ruleset::text_equal;

TEST_CASE("text_equal says what == says, at every length and every byte", "[ruleset]") {
  // Every length a word load path covers (0, 1, 2-3, 4-7, 8, 9-16, longer),
  // a difference at each position in turn: the loads must cover every byte.
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a;
    for (std::size_t i = 0; i < n; ++i) a += static_cast<char>('a' + i % 26);
    // A copy elsewhere in memory, inside a longer buffer: only the n bytes count.
    const std::string buffer = "##" + a + "##";
    const std::string_view same(buffer.data() + 2, n);
    CHECK(text_equal(a, same));
    CHECK_FALSE(text_equal(a, buffer.substr(2, n + 1)));
    for (std::size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = static_cast<char>(b[at] ^ 0x20);
      INFO("length " << n << ", differs at " << at);
      CHECK_FALSE(text_equal(a, b));
      CHECK_FALSE(text_equal(b, a));
    }
  }
  CHECK(text_equal("", std::string_view()));
  CHECK_FALSE(text_equal("no", "n"));
}
