#include "ruleset/dose_reader.h"

#include <fmt/format.h>

namespace backtriage::ruleset {

std::optional<Range> read_range(YamlReader& yaml, const YAML::Node& node, std::string_view what) {
  if (!node) return std::nullopt;
  auto whole = [&](const YAML::Node& n) -> std::optional<int> {
    auto value = yaml.number(n, what);
    if (!value) return std::nullopt;
    if (*value < 0 || *value > 100000 || *value != static_cast<int>(*value)) {
      yaml.error(n, fmt::format("{} must be a whole number from 0 to 100000", what));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  };
  if (node.IsSequence()) {
    if (node.size() != 2) {
      yaml.error(node, fmt::format("{} must be a number or [min, max]", what));
      return std::nullopt;
    }
    auto low = whole(node[0]), high = whole(node[1]);
    if (!low || !high) return std::nullopt;
    if (*low > *high) {
      yaml.error(node, fmt::format("{}: min {} is above max {}", what, *low, *high));
      return std::nullopt;
    }
    return Range{*low, *high};
  }
  auto value = whole(node);
  if (!value) return std::nullopt;
  return Range{*value, *value};
}

std::optional<Dose> read_dose(YamlReader& yaml, const YAML::Node& node) {
  if (!node) return std::nullopt;
  if (!yaml.check_map(
          node, "dose",
          {"hold_seconds", "hold_breaths", "reps", "sets", "per_side", "alternating", "per_week"}))
    return std::nullopt;
  Dose d;
  d.hold_seconds = read_range(yaml, node["hold_seconds"], "hold_seconds");
  d.hold_breaths = read_range(yaml, node["hold_breaths"], "hold_breaths");
  d.reps = read_range(yaml, node["reps"], "reps");
  d.sets = read_range(yaml, node["sets"], "sets");
  d.per_side = yaml.boolean(node["per_side"], "per_side").value_or(false);
  d.alternating = yaml.boolean(node["alternating"], "alternating").value_or(false);
  if (auto per_week = read_range(yaml, node["per_week"], "per_week")) d.per_week = per_week->max;
  return d;
}

}  // namespace backtriage::ruleset
