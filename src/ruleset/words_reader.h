#pragma once
// Reading the `words:` section of a rule file: the words around the content
// (headings, the interview's replies), each checked against kWords.
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

// Sets words[Word] for each word the section gives; `words` holds the
// defaults, by Word.
void read_words(YamlReader& yaml, const YAML::Node& node, std::vector<std::string>& words);

}  // namespace backtriage::ruleset
