#include "cli/rules_in_locale.h"

#include <fmt/format.h>

#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "ruleset/loader.h"
#include "ruleset/overlay_files.h"

namespace backtriage::cli {

namespace {

ruleset::LoadResult load(const std::string& path, const std::string& text,
                         const WantedLocale& wanted) {
  return ruleset::load_rule_set(text, path.empty() ? "<embedded>" : path,
                                ruleset::overlays_of(path, wanted.tag));
}

CliError no_such_locale(const WantedLocale& wanted, const std::vector<std::string>& have) {
  return CliError(kUsage, fmt::format("option '--locale': the rules have no {} (they have {})",
                                      wanted.tag->str(), fmt::join(have, ", ")));
}

// The embedded rules in `wanted` as the build compiled them, with no YAML
// parsed: in the locale the overlays would make (es-MX reads es, en-AU the
// rules' own en-GB). None when that one was not compiled. Only the set used
// is read: reading the default one too would add a quarter to a triage.
const ruleset::RuleSet* compiled_in(const WantedLocale& wanted) {
  if (!wanted.tag) return &ruleset::embedded_rule_set();
  const std::vector<std::string> locales = ruleset::embedded_locales();
  const auto base = ruleset::parse_locale_tag(locales.front());
  const std::vector<std::string> others(locales.begin() + 1, locales.end());
  const auto choice = ruleset::choose_locale(*wanted.tag, *base, others);
  if (!choice) {  // a language they lack: from the environment, their own
    if (wanted.from_option) throw no_such_locale(wanted, locales);
    return &ruleset::embedded_rule_set();
  }
  if (choice->overlays.empty()) return &ruleset::embedded_rule_set();
  return ruleset::embedded_rule_set_in(choice->tag);
}

}  // namespace

std::optional<std::string> find_option(int argc, const char* const* argv, std::string_view name) {
  std::optional<std::string> found;
  const std::string with_equals = std::string(name) + "=";
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == name && i + 1 < argc)
      found = argv[++i];
    else if (arg.substr(0, with_equals.size()) == with_equals)
      found = std::string(arg.substr(with_equals.size()));
  }
  return found;
}

WantedLocale wanted_locale(const std::optional<std::string>& option, const Io& io) {
  if (option) {  // even empty: --locale '' is no tag, not "the environment's"
    auto tag = ruleset::parse_locale_tag(*option);
    if (!tag)
      throw CliError(kUsage, fmt::format("option '--locale': '{}' is not a language tag such as "
                                         "en-GB, en-US, es or es-US",
                                         *option));
    return {tag, true};
  }
  return {ruleset::environment_locale(io.getenv), false};
}

const ruleset::RuleSet& rules_in_locale(const std::string& path, const WantedLocale& wanted,
                                        const Io& io,
                                        std::unique_ptr<const ruleset::RuleSet>& owned) {
  if (path.empty())
    if (const auto* compiled = compiled_in(wanted)) return *compiled;
  const std::string text =
      path.empty() ? std::string(ruleset::embedded_rules_text()) : read_input(path, io.in);
  auto result = load(path, text, wanted);
  if (result.unknown_locale) {
    if (wanted.from_option) throw no_such_locale(wanted, result.locales);
    if (path.empty()) return ruleset::embedded_rule_set();
    result = load(path, text, WantedLocale{});
  }
  if (!result.rule_set) {
    std::size_t errors = 0;
    std::string first;
    for (const auto& d : result.diagnostics)
      if (d.severity == ruleset::Diagnostic::Severity::Error && errors++ == 0)
        first = format_line(d);
    if (errors > 1)
      first += fmt::format(" (and {} more; run: backtriage check {})", errors - 1,
                           path.empty() ? "" : path);
    throw CliError(kDataError, first);
  }
  owned = std::move(result.rule_set);
  return *owned;
}

}  // namespace backtriage::cli
