#include "engine/key_writer.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace backtriage::engine;

namespace {

std::string key_of(const std::vector<std::vector<Value>>& lists) {
  std::string key;
  KeyWriter out(key);
  for (const auto& list : lists) out.values(list);
  return key;
}

}  // namespace

TEST_CASE("a key tells lists of values apart, however they are split", "[engine][key_writer]") {
  const Value a = Value::symbol(1), b = Value::symbol(2);
  CHECK(key_of({{a, b}, {}}) != key_of({{a}, {b}}));
  CHECK(key_of({{a}, {b}}) != key_of({{b}, {a}}));
  CHECK(key_of({{a}, {b}}) == key_of({{a}, {b}}));
  CHECK(key_of({{}}) != key_of({}));
}

TEST_CASE("a key longer than the buffer keeps every byte in order", "[engine][key_writer]") {
  std::string key = "x";  // appended to, not replaced
  {
    KeyWriter out(key);
    for (std::uint32_t i = 0; i < 200; ++i) out.raw(i);
    out.low_bytes(0x0302, 2);
  }
  REQUIRE(key.size() == 1 + 200 * 4 + 2);
  for (std::uint32_t i = 0; i < 200; ++i) {
    std::uint32_t read;
    std::memcpy(&read, key.data() + 1 + 4 * i, 4);
    REQUIRE(read == i);
  }
  CHECK(key.substr(key.size() - 2) == "\x02\x03");
}
