#pragma once
// A locale overlay: a YAML file laid like the rule file it translates,
// holding only what a person reads — prompts, help, labels, advice, steps,
// signs, everyday answer words — and the ids that say where each goes. It is
// laid over the base's YAML before the rule set is built, so the loader
// checks a translated file exactly as it checks the base, and nothing a rule
// decides (conditions, levels, ids, doses) can change with the language.
#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

// The overlay's own keys, beside the texts.
struct OverlayHeader {
  std::string locale;      // its BCP 47 tag: "es-US"
  std::string translates;  // the base rule set's id
  std::string paper;       // the handout's default paper there, or ""
};

// Checks the header of `overlay` (read by `reader`, whose file it is).
OverlayHeader read_overlay_header(const YAML::Node& overlay, YamlReader& reader);

// Lays the texts of `overlay` over `base` in place. Every problem is an
// error in `reader` at the overlay's line and column: a key or id the base
// has not got there, something that is not a text, a text of another shape
// or with other {placeholders}. The nodes put into `base` are adopted by
// `base_reader`, so that the loader names the overlay's file for them. The
// paths of the texts it replaced ("questions[fever].why") are returned.
std::set<std::string> lay_over(YAML::Node base, const YAML::Node& overlay, YamlReader& reader,
                               YamlReader& base_reader);

// Every text a person reads in a rule file's YAML, by path, with its node.
struct TextAt {
  std::string path;
  YAML::Node node;
};
std::vector<TextAt> texts_of(const YAML::Node& root);

}  // namespace backtriage::ruleset
