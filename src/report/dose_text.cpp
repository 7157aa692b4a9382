#include "report/dose_text.h"

#include <fmt/format.h>

#include <vector>

namespace backtriage::report {

namespace {

using W = ruleset::Word;

std::string range_text(const ruleset::RuleSet& rules, const ruleset::Range& r) {
  return r.min == r.max
             ? fmt::format("{}", r.min)
             : rules.format_word(W::DoseRange, fmt::arg("min", r.min), fmt::arg("max", r.max));
}

}  // namespace

std::string dose_text(const ruleset::RuleSet& rules, const ruleset::Dose& d, Frequency frequency) {
  std::vector<std::string> parts;
  if (d.hold_seconds)
    parts.push_back(rules.format_word(W::DoseHoldSeconds,
                                      fmt::arg("seconds", range_text(rules, *d.hold_seconds))));
  if (d.hold_breaths)
    parts.push_back(
        rules.format_word(d.hold_breaths->max == 1 ? W::DoseHoldBreath : W::DoseHoldBreaths,
                          fmt::arg("breaths", range_text(rules, *d.hold_breaths))));
  if (d.reps) {
    std::string reps = rules.format_word(d.reps->max == 1 ? W::DoseTime : W::DoseTimes,
                                         fmt::arg("reps", range_text(rules, *d.reps)));
    if (d.per_side) reps += " " + rules.word(W::DoseEachSide);
    if (d.alternating) reps += ", " + rules.word(W::DoseAlternating);
    parts.push_back(reps);
  }
  if (d.sets)
    parts.push_back(rules.format_word(W::DoseSets, fmt::arg("sets", range_text(rules, *d.sets))));
  if (d.per_week && frequency == Frequency::Shown)
    parts.push_back(rules.format_word(W::DosePerWeek, fmt::arg("times", *d.per_week)));
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace backtriage::report
