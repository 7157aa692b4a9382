#pragma once
// The rule set a run uses, in the reader's language: `--rules FILE` or the
// embedded one, with the overlays `--locale TAG` needs or else, as POSIX
// says, LC_ALL, LC_MESSAGES or LANG. Both options are found before the full
// parse, because the rule set decides which other flags exist.
#include <memory>
#include <optional>
#include <string>

#include "cli/io.h"
#include "ruleset/locale.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// The value of `--name VALUE` / `--name=VALUE` in argv (the last one given),
// before "--"; none when absent (an empty value is given: `--locale ''`).
std::optional<std::string> find_option(int argc, const char* const* argv, std::string_view name);

// The locale a run asks for: --locale's tag, else the environment's; none
// for the rule file's own. A --locale that is no tag is a usage error.
struct WantedLocale {
  std::optional<ruleset::LocaleTag> tag;
  bool from_option = false;
};
WantedLocale wanted_locale(const std::optional<std::string>& option, const Io& io);

// Loads `path` in `wanted`; when it is empty, takes the embedded rule set as
// the build compiled it in that locale, with no YAML to parse.
// Errors in the file or an overlay: CliError(kDataError) with the first;
// a --locale the rules have no language for: CliError(kUsage) naming those
// they have. A locale from the environment they lack means their own.
const ruleset::RuleSet& rules_in_locale(const std::string& path, const WantedLocale& wanted,
                                        const Io& io,
                                        std::unique_ptr<const ruleset::RuleSet>& owned);

}  // namespace backtriage::cli
