#include "authoring/diff_tally.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace backtriage::authoring {

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

}  // namespace

std::uint64_t saturating_times(std::uint64_t a, std::uint64_t b, bool& saturated) {
  if (a != 0 && b > kMax / a) {
    saturated = true;
    return kMax;
  }
  return a * b;
}

std::uint64_t saturating_plus(std::uint64_t a, std::uint64_t b, bool& saturated) {
  if (b > kMax - a) {
    saturated = true;
    return kMax;
  }
  return a + b;
}

namespace {

// The urgency of a level on the new ladder (or else the old), lower is more
// urgent. Not enough answers counts as a routine appointment: it tells the
// person to answer more or to talk to a doctor, so a change from "see a
// doctor today" to it is less urgent.
std::optional<int> urgency(const ruleset::RuleSet& a, const ruleset::RuleSet& b,
                           const ruleset::Item* level) {
  for (const auto* rules : {&b, &a}) {
    if (level->id == rules->undecided.id) {
      const auto& levels = rules->levels();
      for (std::size_t i = 0; i < levels.size(); ++i)
        if (ruleset::gives_routine(levels[i])) return static_cast<int>(i);
      return static_cast<int>(levels.size());
    }
    const int rank = rules->level_rank(level->id);
    if (rank >= 0) return rank;
  }
  return std::nullopt;
}

}  // namespace

Diff sorted_diff(Diff diff) {
  std::sort(diff.levels.begin(), diff.levels.end(),
            [](const auto& x, const auto& y) { return x.count > y.count; });
  std::sort(diff.items.begin(), diff.items.end(), [](const auto& x, const auto& y) {
    return std::pair(x.section, x.id) < std::pair(y.section, y.id);
  });
  return diff;
}

// Adds `part` (the walk below one answer) to `diff`, with `before` (that
// answer, if any) in front of its examples. Of examples of equal size the
// first found stays, as in a plain depth-first walk.
void merge_diff(Diff& diff, const Diff& part, const Example& before) {
  auto joined = [&](const Example& tail) {
    Example all = before;
    all.insert(all.end(), tail.begin(), tail.end());
    return all;
  };
  auto smaller = [](const Example& x, const Example& y) {
    return y.empty() || x.size() < y.size();
  };
  diff.combinations = saturating_plus(diff.combinations, part.combinations, diff.saturated);
  diff.changed = saturating_plus(diff.changed, part.changed, diff.saturated);
  diff.saturated |= part.saturated;
  for (const auto& change : part.levels) {
    auto group = std::find_if(diff.levels.begin(), diff.levels.end(), [&](const LevelChange& c) {
      return c.from == change.from && c.to == change.to;
    });
    if (group == diff.levels.end()) {
      diff.levels.push_back(change);
      group = diff.levels.end() - 1;
      group->count = 0;
      group->example.clear();
    }
    group->count = saturating_plus(group->count, change.count, diff.saturated);
    if (auto example = joined(change.example); smaller(example, group->example))
      group->example = example;
  }
  for (const auto& item : part.items) {
    auto it = std::find_if(diff.items.begin(), diff.items.end(), [&](const ItemChange& c) {
      return c.section == item.section && c.id == item.id;
    });
    if (it == diff.items.end()) {
      diff.items.push_back({item.section, item.id, 0, 0, {}});
      it = diff.items.end() - 1;
    }
    it->appears = saturating_plus(it->appears, item.appears, diff.saturated);
    it->disappears = saturating_plus(it->disappears, item.disappears, diff.saturated);
    if (auto example = joined(item.example); smaller(example, it->example)) it->example = example;
  }
}

void record_change(Diff& diff, const ruleset::RuleSet& a, const ruleset::RuleSet& b,
                   const Outcome& before, const Outcome& after, std::uint64_t count,
                   const Example& example) {
  diff.combinations = saturating_plus(diff.combinations, count, diff.saturated);
  const bool same_level = before.level->id == after.level->id;
  if (same_level && before.routine == after.routine && before.avoid == after.avoid) return;
  diff.changed = saturating_plus(diff.changed, count, diff.saturated);
  auto smaller = [](const Example& x, const Example& y) {
    return y.empty() || x.size() < y.size();
  };
  auto group = std::find_if(diff.levels.begin(), diff.levels.end(), [&](const LevelChange& c) {
    return c.from == before.level->id && c.to == after.level->id;
  });
  if (group == diff.levels.end()) {
    LevelChange change{before.level->id, after.level->id, 0, example, false};
    auto was = urgency(a, b, before.level), now = urgency(a, b, after.level);
    change.less_urgent = was && now && *now > *was;
    diff.levels.push_back(change);
    group = diff.levels.end() - 1;
  }
  group->count = saturating_plus(group->count, count, diff.saturated);
  if (smaller(example, group->example)) group->example = example;
  auto items = [&](const char* section, const std::vector<std::string>& was,
                   const std::vector<std::string>& now) {
    for (int direction = 0; direction < 2; ++direction) {
      const auto& from = direction ? now : was;
      const auto& to = direction ? was : now;
      for (const auto& id : from) {
        if (std::binary_search(to.begin(), to.end(), id)) continue;
        auto it = std::find_if(diff.items.begin(), diff.items.end(), [&](const ItemChange& c) {
          return c.section == section && c.id == id;
        });
        if (it == diff.items.end()) {
          diff.items.push_back({section, id, 0, 0, example});
          it = diff.items.end() - 1;
        }
        auto& n = direction ? it->appears : it->disappears;
        n = saturating_plus(n, count, diff.saturated);
        if (smaller(example, it->example)) it->example = example;
      }
    }
  };
  items("routine", before.routine, after.routine);
  items("avoid", before.avoid, after.avoid);
}

}  // namespace backtriage::authoring
