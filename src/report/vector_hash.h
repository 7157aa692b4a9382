#pragma once
// The hash of a list of whole numbers (questions, item addresses) for the
// maps keyed by such lists: FNV-1a over the elements, each taken whole,
// its high bits folded into the low ones the buckets are chosen by.
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace backtriage::report {

struct VectorHash {
  template <typename T>
  std::size_t operator()(const std::vector<T>& values) const {
    static_assert(std::is_integral_v<T>);
    std::uint64_t hash = 14695981039346656037u;
    for (T v : values) hash = (hash ^ static_cast<std::uint64_t>(v)) * 1099511628211u;
    return static_cast<std::size_t>(hash ^ (hash >> 29));
  }
};

}  // namespace backtriage::report
