// The program's replacement of the global operator new and delete
// ([replacement.functions]): small blocks from the run arena while
// run_arena_on, everything else from malloc as before. Linked into the
// program alone (CMakeLists.txt), not into the library or tests.
#include <cstdlib>
#include <new>

#include "cli/run_arena.h"

namespace {

using backtriage::cli::RunArena;

// Zero pages until touched: a triage writes some hundreds of kilobytes here.
alignas(RunArena::kAlign) std::byte storage[8 << 20];
constinit RunArena arena{storage, sizeof storage};
// A page's worth of text, a figure's drawing: large blocks come and go
// whole, and malloc gives their room back.
constexpr std::size_t kLargest = 4096;

void* from_malloc(std::size_t n) {
  for (;;) {
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

void* allocate(std::size_t n) {
  if (backtriage::cli::run_arena_on && n <= kLargest)
    if (void* p = arena.allocate(n)) return p;
  return from_malloc(n);
}

void release(void* p) noexcept {
  if (arena.owns(p))
    arena.release(p);
  else
    std::free(p);
}

}  // namespace

void* operator new(std::size_t n) {
  return allocate(n);
}
void* operator new[](std::size_t n) {
  return allocate(n);
}
void operator delete(void* p) noexcept {
  release(p);
}
void operator delete[](void* p) noexcept {
  release(p);
}
void operator delete(void* p, std::size_t) noexcept {
  release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  release(p);
}
