#pragma once
// Putting a rule file into the reader's language: reading its `language`
// and `locales`, choosing the overlays a locale needs (ruleset/locale.h),
// reading each and laying it over the base's YAML (ruleset/locale_overlay.h)
// before the rule set is built. An overlay that is the first in its
// language must hold every text of the base; one for a country may hold
// only what differs there, the rest coming from its language.
#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ruleset/locale.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

struct LocaleRequest {
  std::optional<LocaleTag> wanted;  // none: the rule file's own language
  // The text of an overlay, by the name the rule file gives it. `name` is set
  // to how messages should name the file; when it cannot be read, none, and
  // `why` says why ("No such file or directory").
  std::function<std::optional<std::string>(const std::string& file, std::string& name,
                                           std::string& why)>
      read;
};

struct Localized {
  std::string language;              // the base's: "en-GB"
  std::string locale;                // what the report is in
  std::vector<std::string> locales;  // the base's language, then its overlays' tags
  std::string paper;                 // the handout's default: "a4" or "letter"
  bool unknown = false;              // `wanted` names no language the rule file has
  // Each overlay read, by name, with its text (for messages with a caret).
  std::vector<std::pair<std::string, std::string>> files;
};

// Lays the overlays `request` needs over `root`, recording every problem in
// `base_reader` (the overlay's own file and line for what is in one).
Localized localize(YAML::Node root, YamlReader& base_reader, const LocaleRequest& request);

}  // namespace backtriage::ruleset
