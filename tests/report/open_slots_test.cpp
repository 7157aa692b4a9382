#include "report/open_slots.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using backtriage::report::OpenSlots;

TEST_CASE("open slots find each entry by its hash, past others in the way", "[report]") {
  // Hashes that pick the same few slots (their low bits agree), so entries
  // collide and the table grows with them in place.
  OpenSlots slots;
  std::vector<std::uint64_t> hashes;
  for (std::uint64_t n = 0; n < 300; ++n) hashes.push_back((n << 40) | (n % 3));
  for (std::uint32_t entry = 0; entry < hashes.size(); ++entry) {
    REQUIRE(slots.first_with(hashes[entry]) == OpenSlots::kNone);  // not filed yet
    slots.add(hashes[entry], entry);
  }
  for (std::uint32_t entry = 0; entry < hashes.size(); ++entry) {
    CHECK(slots.find(hashes[entry], [&](std::uint32_t e) { return e == entry; }) == entry);
    // The first filed under a hash is what a caller prefetches: here, the only one.
    CHECK(slots.first_with(hashes[entry]) == entry);
    slots.prefetch(hashes[entry]);  // a hint: changes nothing
  }
  // A hash filed, but no entry the same: none.
  CHECK(slots.find(hashes[7], [](std::uint32_t) { return false; }) == OpenSlots::kNone);
  CHECK(slots.first_with(std::uint64_t{1} << 63) == OpenSlots::kNone);
  slots.clear();
  CHECK(slots.first_with(hashes[0]) == OpenSlots::kNone);
  slots.prefetch(hashes[0]);  // nor on an empty table
}
