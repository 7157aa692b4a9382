#pragma once
// Which language and country a person reads in: a BCP 47 tag ("es-US"),
// taken from --locale or, as POSIX says, from LC_ALL, LC_MESSAGES or LANG
// ("es_US.UTF-8"), and the overlays of the rule file that make it, most
// general first (es, then es-US). Only the language and the region of a tag
// matter here: the rule file's overlays are named by them.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backtriage::ruleset {

struct LocaleTag {
  std::string language;  // lower case: "es"
  std::string region;    // upper case, or empty: "US"
  std::string str() const { return region.empty() ? language : language + "-" + region; }
  bool operator==(const LocaleTag&) const = default;
};

// "es", "es-US", "en-gb" (any case); nothing for anything else.
std::optional<LocaleTag> parse_locale_tag(std::string_view text);

// A POSIX locale name: "es_US.UTF-8", "es_ES@euro", "es". Nothing for "C",
// "POSIX", "" or what names no language: they mean the rule file's own.
std::optional<LocaleTag> posix_locale_tag(std::string_view name);

// The first of LC_ALL, LC_MESSAGES, LANG that is set and not empty, as
// POSIX orders them, read through `getenv`; its tag, if it names one.
std::optional<LocaleTag> environment_locale(const std::function<const char*(const char*)>& getenv);

// The overlays that make `wanted`, most general first, from the tags the
// rule file has overlays for; the base's own language needs none. `tag` is
// what the report says it is in: the most specific one used.
struct LocaleChoice {
  std::string tag;
  std::vector<std::string> overlays;
};
// Nothing when neither the tag nor its language is the base's or has an
// overlay.
std::optional<LocaleChoice> choose_locale(const LocaleTag& wanted, const LocaleTag& base,
                                          const std::vector<std::string>& available);

}  // namespace backtriage::ruleset
