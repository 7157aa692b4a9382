#pragma once
// Reading an exercise's figure from the rule file (rules/FORMAT.md,
// "Figures"): the view, the face mark, the props and the two poses, each
// joint checked, and the poses checked for a plausible body (figure.h).
#include <yaml-cpp/yaml.h>

#include <optional>
#include <vector>

#include "ruleset/figure.h"
#include "ruleset/rule_set.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

// `views`: the captions the rule file gives; a figure seen from anywhere but
// the side needs one.
std::optional<Figure> read_figure(YamlReader& yaml, const YAML::Node& node,
                                  const std::vector<Item>& views);

}  // namespace backtriage::ruleset
