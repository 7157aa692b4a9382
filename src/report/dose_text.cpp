#include "report/dose_text.h"

#include <fmt/format.h>

#include <vector>

namespace backtriage::report {

namespace {

std::string range_text(const ruleset::Range& r) {
  return r.min == r.max ? fmt::format("{}", r.min) : fmt::format("{} to {}", r.min, r.max);
}

}  // namespace

std::string dose_text(const ruleset::Dose& d, Frequency frequency) {
  std::vector<std::string> parts;
  if (d.hold_seconds) parts.push_back(fmt::format("hold {} seconds", range_text(*d.hold_seconds)));
  if (d.hold_breaths)
    parts.push_back(fmt::format("hold for {} breath{}", range_text(*d.hold_breaths),
                                d.hold_breaths->max == 1 ? "" : "s"));
  if (d.reps) {
    std::string reps = fmt::format("{} time{}", range_text(*d.reps), d.reps->max == 1 ? "" : "s");
    if (d.per_side) reps += " on each side";
    if (d.alternating) reps += ", changing sides each time";
    parts.push_back(reps);
  }
  if (d.sets) parts.push_back(fmt::format("{} sets", range_text(*d.sets)));
  if (d.per_week && frequency == Frequency::Shown)
    parts.push_back(fmt::format("{} times a week", *d.per_week));
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace backtriage::report
