#include "cli/run_arena.h"

#include <catch2/catch.hpp>
#include <cstdint>

using backtriage::cli::RunArena;

namespace {
bool aligned(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) % RunArena::kAlign == 0;
}
}  // namespace

TEST_CASE("the run arena hands out aligned, separate blocks until it is full", "[arena]") {
  alignas(RunArena::kAlign) std::byte storage[256];
  RunArena arena(storage, sizeof storage);
  void* a = arena.allocate(1);
  void* b = arena.allocate(17);  // rounded up to a whole alignment
  void* c = arena.allocate(0);   // a block of its own, as operator new(0) must be
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  CHECK((aligned(a) && aligned(b) && aligned(c)));
  CHECK(static_cast<std::byte*>(b) - static_cast<std::byte*>(a) == RunArena::kAlign);
  CHECK(static_cast<std::byte*>(c) - static_cast<std::byte*>(b) == 2 * RunArena::kAlign);
  CHECK(arena.used() == 4 * RunArena::kAlign);
  CHECK(arena.owns(a));
  CHECK(arena.owns(storage + sizeof storage - 1));
  CHECK_FALSE(arena.owns(storage + sizeof storage));
  int elsewhere = 0;
  CHECK_FALSE(arena.owns(&elsewhere));
  // What does not fit is refused, and what still fits is not.
  CHECK(arena.allocate(sizeof storage) == nullptr);
  CHECK(arena.allocate(SIZE_MAX) == nullptr);  // not rounded up past zero
  CHECK(arena.allocate(sizeof storage - arena.used()) != nullptr);
  CHECK(arena.allocate(1) == nullptr);
}

TEST_CASE("the run arena takes back the newest block only", "[arena]") {
  alignas(RunArena::kAlign) std::byte storage[256];
  RunArena arena(storage, sizeof storage);
  void* a = arena.allocate(32);
  void* b = arena.allocate(32);
  arena.release(a);  // not the newest: kept till the run ends
  CHECK(arena.used() == 64);
  arena.release(b);  // a temporary freed at once: its room is used again
  CHECK(arena.used() == 32);
  CHECK(arena.allocate(8) == b);
  arena.release(b);
  arena.release(b);  // freed twice would be a bug; it must not take back `a`'s room
  CHECK(arena.used() == 32);
}
