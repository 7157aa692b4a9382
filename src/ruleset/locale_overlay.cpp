#include "ruleset/locale_overlay.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace backtriage::ruleset {

namespace {

// The keys whose values a person reads (outside `rules` and `report`, which
// hold none). `when` is a condition in a rule, and text in a watch-for item.
constexpr std::array<std::string_view, 20> kTextKeys{
    "title",   "disclaimer", "label", "prompt", "help",   "why",    "spoken_help",
    "assumed", "says",       "name",  "text",   "advice", "action", "equipment",
    "purpose", "reason",     "signs", "steps",  "when",   "unit"};
// What an overlay may also replace though nobody must: where a text comes
// from (the local service's page for its number).
constexpr std::string_view kSource = "source";
// Sections whose every value is words (the interview's everyday answers,
// the program's words), replaced whole key by key.
constexpr std::array<std::string_view, 2> kWordSections{"spoken", "words"};
// What decides, never a text: an overlay naming these is refused at once.
constexpr std::array<std::string_view, 6> kNotTexts{"id",    "version",  "report",
                                                    "rules", "language", "locales"};
constexpr std::array<std::string_view, 3> kHeader{"locale", "translates", "paper"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

bool is_text_key(std::string_view key) {
  return in(kTextKeys, key);
}

bool is_text_list(const YAML::Node& node) {
  if (!node.IsSequence()) return false;
  for (const auto& element : node)
    if (!element.IsScalar()) return false;
  return true;
}

bool is_text(const YAML::Node& node) {
  return node.IsScalar() || is_text_list(node);
}

// A list whose items are found by id (questions, choices, exercises), as
// against by position (a number question's units, the plan's check-ins).
bool items_have_ids(const YAML::Node& list) {
  for (const auto& element : list)
    if (!element.IsMap() || !element["id"]) return false;
  return list.size() > 0;
}

std::string item_path(const std::string& path, const YAML::Node& item, std::size_t index) {
  if (item.IsMap() && item["id"] && item["id"].IsScalar())
    return fmt::format("{}[{}]", path, item["id"].Scalar());
  return fmt::format("{}[{}]", path, index + 1);
}

std::string key_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

// "{answer}" and the like, in order.
std::vector<std::string> placeholders(const YAML::Node& text) {
  std::vector<std::string> found;
  auto scan = [&](const std::string& s) {
    for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1))
      if (auto close = s.find('}', open); close != std::string::npos)
        found.push_back(s.substr(open, close - open + 1));
  };
  if (text.IsScalar()) scan(text.Scalar());
  for (const auto& element : text)
    if (element.IsScalar()) scan(element.Scalar());
  std::sort(found.begin(), found.end());
  return found;
}

class Layer {
 public:
  Layer(YamlReader& reader, YamlReader& base_reader) : reader_(reader), base_reader_(base_reader) {}

  void map(YAML::Node base, const YAML::Node& over, const std::string& path, bool words) {
    if (!over.IsMap()) return reader_.error(over, fmt::format("{} must be a mapping", path));
    for (const auto& entry : over) {
      if (!entry.first.IsScalar()) {
        reader_.error(entry.first, "keys must be plain words");
        continue;
      }
      const std::string key = entry.first.Scalar();
      const YAML::Node value = entry.second;
      if (path.empty() && in(kHeader, key)) continue;
      if (path.empty() && in(kNotTexts, key)) {
        reader_.error(entry.first, fmt::format("'{}' cannot change with the language: an overlay "
                                               "holds only what a person reads",
                                               key));
        continue;
      }
      if (!words && (key == "id" || key == "week")) {  // where, not what: the base's own
        const YAML::Node mine = std::as_const(base)[key];
        if (!mine || !value.IsScalar() || mine.Scalar() != value.Scalar())
          reader_.error(value, fmt::format("{} '{}' is not the base's here ({})", key,
                                           value.IsScalar() ? value.Scalar() : "", path));
        continue;
      }
      const YAML::Node mine = std::as_const(base)[key];
      const std::string here = key_path(path, key);
      if (!mine) {
        reader_.error(entry.first, fmt::format("the base has no '{}' at {}", key,
                                               path.empty() ? "the top" : path));
        continue;
      }
      const bool words_here = words || in(kWordSections, key);
      if (words_here && mine.IsMap() && key != "numbers") {
        map(base[key], value, here, true);  // the words section, a group of words
      } else if (words_here || ((is_text_key(key) || key == kSource) && is_text(mine))) {
        replace(base, key, value, here, mine);
      } else if (mine.IsMap()) {
        map(base[key], value, here, false);
      } else if (mine.IsSequence() && !is_text_list(mine)) {
        list(base[key], value, here);
      } else {
        reader_.error(entry.first, fmt::format("'{}' is not a text: an overlay holds only what "
                                               "a person reads",
                                               key));
      }
    }
  }

  std::set<std::string> replaced;

 private:
  void list(YAML::Node base, const YAML::Node& over, const std::string& path) {
    if (!over.IsSequence()) return reader_.error(over, fmt::format("{} must be a list", path));
    if (items_have_ids(base)) {
      for (const auto& element : over) {
        if (!element.IsMap() || !element["id"] || !element["id"].IsScalar()) {
          reader_.error(element, fmt::format("each item of {} needs the 'id' of the base's item "
                                             "it translates",
                                             path));
          continue;
        }
        const std::string id = element["id"].Scalar();
        bool found = false;
        for (std::size_t i = 0; i < base.size() && !found; ++i)
          if (base[i]["id"].IsScalar() && base[i]["id"].Scalar() == id) {
            found = true;
            map(base[i], element, fmt::format("{}[{}]", path, id), false);
          }
        if (!found)
          reader_.error(element["id"], fmt::format("the base has no '{}' in {}", id, path));
      }
      return;
    }
    if (over.size() != base.size()) {
      reader_.error(over, fmt::format("{} has {} items in the base and {} here: they are matched "
                                      "in order",
                                      path, base.size(), over.size()));
      return;
    }
    for (std::size_t i = 0; i < over.size(); ++i)
      map(base[i], over[i], item_path(path, base[i], i), false);
  }

  void replace(YAML::Node base, const std::string& key, const YAML::Node& value,
               const std::string& path, const YAML::Node& mine) {
    const bool same_shape = mine.IsScalar()      ? value.IsScalar()
                            : is_text_list(mine) ? is_text_list(value)
                                                 : mine.Type() == value.Type();
    if (!same_shape) {
      reader_.error(value, fmt::format("'{}' must be {}, as in the base", key,
                                       mine.IsScalar()      ? "text"
                                       : is_text_list(mine) ? "a list of texts"
                                                            : "shaped as in the base"));
      return;
    }
    if (is_text(mine) && placeholders(mine) != placeholders(value)) {
      const auto wanted = placeholders(mine);
      reader_.error(
          value, fmt::format("'{}' must keep the base's placeholders ({}), and add none", key,
                             wanted.empty() ? "none" : fmt::format("{}", fmt::join(wanted, " "))));
      return;
    }
    base[key] = value;
    base_reader_.adopt(base[key], reader_.file());
    replaced.insert(path);
  }

  YamlReader& reader_;
  YamlReader& base_reader_;
};

void collect(const YAML::Node& node, const std::string& path, bool words,
             std::vector<TextAt>& out) {
  if (node.IsMap()) {
    for (const auto& entry : node) {
      if (!entry.first.IsScalar()) continue;
      const std::string key = entry.first.Scalar();
      if (path.empty() && (in(kNotTexts, key) || in(kHeader, key))) continue;
      const std::string here = key_path(path, key);
      const bool words_here = words || in(kWordSections, key);
      const YAML::Node& value = entry.second;
      if (words_here && value.IsMap() && key != "numbers")
        collect(value, here, true, out);
      else if (words_here || (is_text_key(key) && is_text(value)))
        out.push_back({here, value});
      else if (!is_text(value))
        collect(value, here, false, out);
    }
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      collect(node[i], item_path(path, node[i], i), words, out);
  }
}

}  // namespace

OverlayHeader read_overlay_header(const YAML::Node& overlay, YamlReader& reader) {
  OverlayHeader header;
  if (!overlay.IsMap()) {
    reader.error(overlay, "a locale overlay must be a mapping");
    return header;
  }
  reader.require(overlay, "locale", "a locale overlay");
  reader.require(overlay, "translates", "a locale overlay");
  header.locale = reader.scalar(overlay["locale"], "locale");
  header.translates = reader.scalar(overlay["translates"], "translates");
  header.paper = reader.one_of(overlay["paper"], "paper", {"a4", "letter"});
  return header;
}

std::set<std::string> lay_over(YAML::Node base, const YAML::Node& overlay, YamlReader& reader,
                               YamlReader& base_reader) {
  Layer layer(reader, base_reader);
  layer.map(base, overlay, "", false);
  return std::move(layer.replaced);
}

std::vector<TextAt> texts_of(const YAML::Node& root) {
  std::vector<TextAt> out;
  collect(root, "", false, out);
  return out;
}

}  // namespace backtriage::ruleset
