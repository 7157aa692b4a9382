#include "ruleset/locale.h"

#include <algorithm>
#include <cctype>

namespace backtriage::ruleset {

namespace {

bool all_letters(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

std::string cased(std::string_view s, int (*to)(int)) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(to(static_cast<unsigned char>(c)));
  return out;
}

// A language of 2 or 3 letters and an optional region of 2 letters or 3
// digits ("419", Latin America), split at `separator`.
std::optional<LocaleTag> tag_of(std::string_view text, char separator) {
  const auto at = text.find(separator);
  const std::string_view language = text.substr(0, at);
  if (!all_letters(language, 2, 3)) return std::nullopt;
  LocaleTag tag{cased(language, ::tolower), ""};
  if (at == std::string_view::npos) return tag;
  const std::string_view region = text.substr(at + 1);
  const bool digits =
      region.size() == 3 &&
      std::all_of(region.begin(), region.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!all_letters(region, 2, 2) && !digits) return std::nullopt;
  tag.region = cased(region, ::toupper);
  return tag;
}

bool has(const std::vector<std::string>& tags, const std::string& tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

}  // namespace

std::optional<LocaleTag> parse_locale_tag(std::string_view text) {
  return tag_of(text, '-');
}

std::optional<LocaleTag> posix_locale_tag(std::string_view name) {
  // language[_territory][.codeset][@modifier]
  name = name.substr(0, name.find_first_of(".@"));
  if (name == "C" || name == "POSIX") return std::nullopt;
  return tag_of(name, '_');
}

std::optional<LocaleTag> environment_locale(const std::function<const char*(const char*)>& getenv) {
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = getenv(variable);
    if (value && *value) return posix_locale_tag(value);
  }
  return std::nullopt;
}

std::optional<LocaleChoice> choose_locale(const LocaleTag& wanted, const LocaleTag& base,
                                          const std::vector<std::string>& available) {
  LocaleChoice choice;
  const bool base_language = wanted.language == base.language;
  if (!base_language && has(available, wanted.language)) choice.overlays.push_back(wanted.language);
  if (!wanted.region.empty() && wanted != base && has(available, wanted.str()))
    choice.overlays.push_back(wanted.str());
  if (choice.overlays.empty()) {
    if (!base_language) return std::nullopt;
    choice.tag = base.str();  // en-AU reads the base's en-GB
  } else {
    choice.tag = choice.overlays.back();
  }
  return choice;
}

}  // namespace backtriage::ruleset
