#include "ruleset/words_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "ruleset/spelling.h"
#include "ruleset/words.h"

namespace backtriage::ruleset {

// The words around the content: `group: {name: text}`, each "group.name"
// one of kWords, its text holding exactly the word's placeholders (a
// translation that dropped or misspelt one would print wrong or throw).
void read_words(YamlReader& yaml, const YAML::Node& node, std::vector<std::string>& words) {
  if (!node) return;
  std::vector<std::string> groups;
  for (const auto& spec : word_specs()) {
    std::string group(spec.id.substr(0, spec.id.find('.')));
    if (std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
  }
  if (!yaml.check_map(node, "words", groups)) return;
  for (const auto& group_entry : node) {
    const YAML::Node& group_key = group_entry.first;
    const YAML::Node& group = group_entry.second;
    if (!group_key.IsScalar()) continue;
    const std::string prefix = group_key.Scalar() + ".";
    std::vector<std::string> names;
    for (const auto& spec : word_specs())
      if (spec.id.starts_with(prefix)) names.emplace_back(spec.id.substr(prefix.size()));
    if (names.empty()) continue;  // check_map named the unknown group
    const std::string what = "words: " + group_key.Scalar();
    if (!yaml.check_map(group, what, names)) continue;
    for (const auto& entry : group) {
      const YAML::Node& key = entry.first;
      const YAML::Node& value = entry.second;
      if (!key.IsScalar()) continue;
      const WordSpec* spec = find_word(prefix + key.Scalar());
      if (!spec) continue;
      const std::string id(spec->id);
      const std::string text = yaml.scalar(value, id);
      if (!value.IsScalar()) continue;
      if (text.empty()) {
        yaml.error(value, fmt::format("word '{}' is empty", id));
        continue;
      }
      const Placeholders found = placeholders_of(text);
      if (!found.error.empty()) {
        yaml.error(value, fmt::format("word '{}': {}", id, found.error));
        continue;
      }
      std::vector<std::string> expected;
      for (std::string_view rest = spec->placeholders; !rest.empty();) {
        const auto space = rest.find(' ');
        expected.emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
      std::sort(expected.begin(), expected.end());
      if (found.names != expected) {
        std::vector<std::string> missing, unknown;
        std::set_difference(expected.begin(), expected.end(), found.names.begin(),
                            found.names.end(), std::back_inserter(missing));
        std::set_difference(found.names.begin(), found.names.end(), expected.begin(),
                            expected.end(), std::back_inserter(unknown));
        auto braced = [](const std::vector<std::string>& names) {
          std::vector<std::string> out;
          for (const auto& n : names) out.push_back("{" + n + "}");
          return list_and(out);
        };
        std::string problem;
        if (!missing.empty()) problem = fmt::format("lacks {}", braced(missing));
        if (!unknown.empty())
          problem += fmt::format("{}has {}, which it cannot fill{}", problem.empty() ? "" : " and ",
                                 braced(unknown),
                                 unknown.size() == 1 ? did_you_mean(unknown[0], expected) : "");
        yaml.error(value, fmt::format("word '{}' {} (its placeholders: {})", id, problem,
                                      expected.empty() ? "none" : braced(expected)));
        continue;
      }
      words[static_cast<std::size_t>(spec->word)] = text;
    }
  }
}

}  // namespace backtriage::ruleset
