#pragma once
// Reading an exercise's dose (holds, reps, sets, per side, per week) and the
// whole-number ranges it and the plan are made of: `5` or `[8, 12]`.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

#include "ruleset/rule_set.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

// A whole number from 0 to 100000, or [min, max] with min <= max; nothing
// (and a diagnostic) otherwise, or when `node` is absent.
std::optional<Range> read_range(YamlReader& yaml, const YAML::Node& node, std::string_view what);
std::optional<Dose> read_dose(YamlReader& yaml, const YAML::Node& node);

}  // namespace backtriage::ruleset
