#pragma once
// YAML text -> RuleSet. Reports every problem it finds, each at
// file:line:col, rather than stopping at the first. The format is
// rules/FORMAT.md.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/diagnostic.h"
#include "ruleset/localize.h"
#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

struct LoadResult {
  std::unique_ptr<const RuleSet> rule_set;  // null when there are errors
  std::vector<Diagnostic> diagnostics;
  // The locale asked for is in no language the rule file has (rule_set is
  // then null, with no diagnostic: the caller says which it has).
  bool unknown_locale = false;
  std::vector<std::string> locales;  // the base's language, then its overlays'
  // The overlays read, by name, with their text (for messages with a caret).
  std::vector<std::pair<std::string, std::string>> overlay_files;
};

// Rule files larger than this are refused before parsing.
inline constexpr std::size_t kMaxRuleFileBytes = 16 * 1024 * 1024;

LoadResult load_rule_set(std::string_view text, const std::string& file_name,
                         const LocaleRequest& locale = {});

// The rule set compiled into the binary (rules/back-pain.yaml).
std::string_view embedded_rules_text();
// An overlay shipped with it, by the name rules/back-pain.yaml gives it.
std::optional<std::string_view> embedded_overlay_text(std::string_view file);
// The embedded rules in their own language, and in a locale they have an
// overlay for ("es-US"; nothing for any other tag), both compiled at build
// time (src/ruleset/embedded/embedded_rule_set.cpp); and their locales, as
// RuleSet::locales, known without reading either.
const RuleSet& embedded_rule_set();
const RuleSet* embedded_rule_set_in(std::string_view locale);
std::vector<std::string> embedded_locales();

// The enumerations of the format, for `check` and the schema test.
const std::vector<std::string>& cds_indicators();  // info, warning, critical
const std::vector<std::string>& level_colors();    // red, yellow, green, ...
const std::vector<std::string>& exercise_kinds();  // stretch, strengthening

}  // namespace backtriage::ruleset
