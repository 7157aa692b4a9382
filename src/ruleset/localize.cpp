#include "ruleset/localize.h"

#include <fmt/format.h>

#include "ruleset/loader.h"
#include "ruleset/locale_overlay.h"

namespace backtriage::ruleset {

namespace {

// The first overlay of a language other than the base's is all there is of
// that language: it must hold every text.
void check_complete(const std::vector<TextAt>& base_texts, const std::set<std::string>& replaced,
                    const YAML::Node& overlay, YamlReader& reader, YamlReader& base_reader) {
  for (const auto& text : base_texts)
    if (!replaced.count(text.path))
      reader.error(overlay, fmt::format("no text for {} ({})", text.path,
                                        format_location(base_reader.at(text.node))));
}

// The key `key` of the mapping `map`, for a message about an empty value
// (whose own place yaml-cpp gives as where the next key starts).
YAML::Node key_of(const YAML::Node& map, const std::string& key) {
  for (const auto& entry : map)
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.first;
  return map;
}

}  // namespace

Localized localize(YAML::Node root, YamlReader& base_reader, const LocaleRequest& request) {
  Localized out;
  const YAML::Node language = root["language"];
  if (language && language.IsNull()) {  // `language:` with nothing after it
    base_reader.error(key_of(root, "language"),
                      "'language' is empty: write the rule file's language tag, such as en-GB");
    return out;
  }
  if (language && !language.IsScalar()) {
    base_reader.scalar(language, "language");  // says it must be text
    return out;
  }
  out.language = language ? language.Scalar() : "en";
  const auto base_tag = parse_locale_tag(out.language);
  if (!base_tag) {
    base_reader.error(language,
                      fmt::format("'{}' is not a language tag such as en-GB or es", out.language));
    return out;
  }
  if (base_tag->str() != out.language) {
    base_reader.error(
        language, fmt::format("write the language tag '{}' as {}", out.language, base_tag->str()));
    return out;
  }
  out.paper = root["paper"] ? base_reader.one_of(root["paper"], "paper", {"a4", "letter"}) : "a4";
  out.locale = out.language;
  out.locales.push_back(out.language);
  std::vector<std::pair<std::string, YAML::Node>> files;  // tag, file name node
  if (const YAML::Node locales = root["locales"]) {
    if (!locales.IsMap()) {
      base_reader.error(locales, "'locales' must map each locale's tag to its overlay's file");
      return out;
    }
    for (const auto& entry : locales) {
      const std::string tag = base_reader.scalar(entry.first, "a locale's tag");
      const auto parsed = parse_locale_tag(tag);
      if (parsed && parsed->str() != tag && *parsed != *base_tag) {
        base_reader.error(entry.first,
                          fmt::format("write the locale tag '{}' as {}", tag, parsed->str()));
        continue;
      }
      if (!parsed || *parsed == *base_tag) {
        base_reader.error(
            entry.first,
            fmt::format("'{}' is not a locale tag such as es or es-US{}", tag,
                        parsed && *parsed == *base_tag ? " other than the base's" : ""));
        continue;
      }
      if (!entry.second.IsScalar() || entry.second.Scalar().empty()) {
        base_reader.error(entry.second.IsNull() ? entry.first : entry.second,
                          fmt::format("'locales' must give the file of the overlay for {}", tag));
        continue;
      }
      out.locales.push_back(tag);
      files.emplace_back(tag, entry.second);
    }
  }
  if (!request.wanted) return out;
  const std::vector<std::string> available(out.locales.begin() + 1, out.locales.end());
  const auto choice = choose_locale(*request.wanted, *base_tag, available);
  if (!choice) {
    out.unknown = true;
    return out;
  }
  out.locale = choice->tag;
  const auto base_texts = texts_of(root);
  for (const auto& tag : choice->overlays) {
    const auto& [_, file_node] =
        *std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.first == tag; });
    const std::string file = file_node.Scalar();
    std::string name = file, why = "there is no way to read it";
    const auto text = request.read ? request.read(file, name, why) : std::nullopt;
    if (!text) {
      base_reader.error(file_node,
                        fmt::format("cannot read the overlay for {}: {}: {}", tag, name, why));
      continue;
    }
    YamlReader reader(name);
    const auto overlay = reader.parse(*text, kMaxRuleFileBytes);
    if (overlay && overlay->IsMap()) {
      const auto header = read_overlay_header(*overlay, reader);
      if (!header.locale.empty() && header.locale != tag)
        reader.error((*overlay)["locale"],
                     fmt::format("this overlay says it is {}, and the rule file lists it as {}",
                                 header.locale, tag));
      const YAML::Node id = root["id"];
      if (!header.translates.empty() && id && id.IsScalar() && header.translates != id.Scalar())
        reader.error((*overlay)["translates"],
                     fmt::format("this overlay translates '{}', not this rule set ('{}')",
                                 header.translates, id.Scalar()));
      if (!header.paper.empty()) out.paper = header.paper;
      const auto replaced = lay_over(root, *overlay, reader, base_reader);
      const auto language_of = parse_locale_tag(tag)->language;
      if (language_of != base_tag->language && tag == choice->overlays.front())
        check_complete(base_texts, replaced, *overlay, reader, base_reader);
    } else if (overlay && overlay->IsNull()) {  // nothing, or only comments
      reader.error(Location{name, 1, 1},
                   fmt::format("the overlay for {} is empty: it must give its locale, what it "
                               "translates and its texts",
                               tag));
    } else if (overlay) {
      reader.error(*overlay, "a locale overlay must be a mapping");
    }
    for (auto& d : reader.take_diagnostics())
      d.severity == Diagnostic::Severity::Error ? base_reader.error(d.where, d.message)
                                                : base_reader.warning(d.where, d.message);
    out.files.emplace_back(name, *text);
  }
  return out;
}

}  // namespace backtriage::ruleset
