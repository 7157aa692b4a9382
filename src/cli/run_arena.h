#pragma once
// Memory for a run that ends soon. A triage allocates some 3,000 blocks
// (the rule set's texts, the report, the page) and frees few before it
// exits; glibc's malloc and free took a third of its instructions. The
// arena hands out blocks by moving a pointer, takes back the newest one
// when it is freed at once (a temporary), and keeps the rest until the
// process ends. Only the program's own operator new uses it (run_arena_new
// .cpp), and only for a single triage (run_arena_on): batch runs long, on
// threads.
#include <cstddef>
#include <cstdint>

namespace backtriage::cli {

class RunArena {
 public:
  // Blocks are aligned as operator new's must be.
  static constexpr std::size_t kAlign = __STDCPP_DEFAULT_NEW_ALIGNMENT__;

  constexpr RunArena(std::byte* begin, std::size_t size)
      : begin_(begin), next_(begin), end_(begin + size) {}

  // `n` bytes, or nullptr when they no longer fit.
  void* allocate(std::size_t n) {
    const auto room = static_cast<std::size_t>(end_ - next_);
    if (n > room) return nullptr;  // before rounding up, which could wrap
    const std::size_t rounded = n == 0 ? kAlign : (n + kAlign - 1) & ~(kAlign - 1);
    if (rounded > room) return nullptr;
    newest_ = next_;
    next_ += rounded;
    return newest_;
  }
  bool owns(const void* p) const {
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    return at >= reinterpret_cast<std::uintptr_t>(begin_) &&
           at < reinterpret_cast<std::uintptr_t>(end_);
  }
  // A block from here is freed: the newest gives its room back.
  void release(const void* p) {
    if (p == newest_) next_ = newest_, newest_ = nullptr;
  }
  std::size_t used() const { return static_cast<std::size_t>(next_ - begin_); }

 private:
  std::byte* begin_;
  std::byte* next_;
  std::byte* end_;
  std::byte* newest_ = nullptr;
};

// Whether the program's small blocks come from its arena now: set by main
// for a triage, and cleared by any command that starts threads (batch)
// before it starts them. Only the program has the arena (run_arena_new.cpp);
// the library, its tests and the sanitizer and fuzzing builds, whose checks
// must see every block, keep the library's operator new, and this flag
// changes nothing there.
inline constinit bool run_arena_on = false;

}  // namespace backtriage::cli
