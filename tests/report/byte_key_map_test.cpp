#include "report/byte_key_map.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

using backtriage::report::ByteKeyMap;
using backtriage::report::key_bytes;

TEST_CASE("a byte key map finds each key's value, as a map would", "[report]") {
  // Keys as batch makes them: lists of numbers as bytes, of many lengths,
  // many sharing a start; thousands, so slots fill, collide and grow.
  std::mt19937 random(3);
  std::map<std::vector<int>, int> expected;
  ByteKeyMap<int> map;
  for (int n = 0; n < 4000; ++n) {
    std::vector<int> key(random() % 12);
    for (int& k : key) k = static_cast<int>(random() % 3);
    if (expected.contains(key)) continue;
    CHECK(map.add(key_bytes(key), n) == n);
    expected.emplace(key, n);
  }
  REQUIRE(map.size() == expected.size());
  for (const auto& [key, value] : expected) {
    const int* found = map.find(key_bytes(key));
    REQUIRE(found);
    CHECK(*found == value);
    std::vector<int> longer = key;
    longer.push_back(7);  // never a member of a key: not kept
    CHECK(map.find(key_bytes(longer)) == nullptr);
  }
  CHECK_THROWS(map.add(key_bytes(expected.begin()->first), 0));
  map.clear();
  CHECK(map.size() == 0);
  CHECK(map.find(key_bytes(expected.begin()->first)) == nullptr);
  CHECK(map.add("", 5) == 5);
  CHECK(*map.find("") == 5);
}
