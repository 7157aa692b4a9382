#pragma once
// Reading what people type at a prompt from the rule file: everyday words
// (kept in the form typed text is compared in), the amounts a number
// question takes in words ("three days"), and the `interview: spoken`
// section (yes, no, unsure, the commands, numbers in words).
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule_set.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

std::vector<std::string> read_spoken_words(YamlReader& yaml, const YAML::Node& node,
                                           std::string_view what);
// `what` is "spoken_units" (each worth more than 0) or "spoken_phrases".
std::vector<SpokenAmount> read_spoken_amounts(YamlReader& yaml, const YAML::Node& node,
                                              std::string_view what);
// `interview: spoken`; each list it leaves out (or all, when `node` is not
// there) is a small English default. The one place those are given: a rule
// set gets its spoken words only from here.
SpokenWords read_spoken(YamlReader& yaml, const YAML::Node& node);

}  // namespace backtriage::ruleset
