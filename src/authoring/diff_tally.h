#pragma once
// The diff's tally, apart from the walk that feeds it (rule_diff.cpp): what
// a report says that the diff compares (an Outcome), counting each change
// of it once per combination with the fewest answers that show it, merging
// what a branch found into its parent, and counts that saturate rather than
// wrap past 2^64 - 1.
#include <cstdint>
#include <string>
#include <vector>

#include "authoring/rule_diff.h"
#include "ruleset/rule_set.h"

namespace backtriage::authoring {

// What a side's report says that the diff compares.
struct Outcome {
  const ruleset::Item* level = nullptr;
  std::vector<std::string> routine, avoid;
};

// a * b and a + b, or 2^64 - 1 with `saturated` set.
std::uint64_t saturating_times(std::uint64_t a, std::uint64_t b, bool& saturated);
std::uint64_t saturating_plus(std::uint64_t a, std::uint64_t b, bool& saturated);

// Counts `count` combinations whose outcome goes from `before` (rule set a)
// to `after` (b), with `example` as the answers that show it.
void record_change(Diff& diff, const ruleset::RuleSet& a, const ruleset::RuleSet& b,
                   const Outcome& before, const Outcome& after, std::uint64_t count,
                   const Example& example);
// Adds `part` (the walk below one answer) to `diff`, with `before` (that
// answer, if any) in front of its examples. Of examples of equal size the
// first found stays, as in a plain depth-first walk.
void merge_diff(Diff& diff, const Diff& part, const Example& before);
// The level changes largest first, the item changes by section and id.
Diff sorted_diff(Diff diff);

}  // namespace backtriage::authoring
