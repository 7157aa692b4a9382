#pragma once
// What the build made of rules/back-pain.yaml (src/ruleset/compile): its
// compact form in its own language, then in each locale it has an overlay
// for, in the order of its `locales`.
#include <span>
#include <string_view>

namespace backtriage::ruleset {

struct CompactLocale {
  std::string_view tag;    // "en-GB", "es-US"
  std::string_view bytes;  // write_compact's
};

std::span<const CompactLocale> embedded_compact_locales();  // generated

}  // namespace backtriage::ruleset
