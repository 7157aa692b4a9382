// The embedded rule set, in its own language and in each of its locales,
// read from the compact forms the build made of rules/back-pain.yaml and
// its overlays (see src/ruleset/compile): a run in Spanish starts as fast
// as one in English. Kept out of the backtriage_ruleset library because
// the tool that makes the compact forms links that library.
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/compact_rule_set.h"
#include "ruleset/embedded/compact_locales.h"
#include "ruleset/loader.h"

namespace backtriage::ruleset {

namespace {

const RuleSet* read(const CompactLocale& compiled) {
  try {
    return read_compact(compiled.bytes).release();
  } catch (const std::runtime_error& e) {  // a build bug, never bad user data
    throw std::logic_error("embedded rule set (" + std::string(compiled.tag) +
                           ") is unreadable: " + e.what());
  }
}

}  // namespace

// Each is read when first asked for, once, and never destroyed: it lives as
// long as the process, and freeing its every string and vector at exit was a
// twentieth of a single triage. (Still reachable through these pointers, so
// leak checkers do not count it.)

const RuleSet& embedded_rule_set() {
  static const RuleSet* const rule_set = read(embedded_compact_locales().front());
  return *rule_set;
}

const RuleSet* embedded_rule_set_in(std::string_view locale) {
  const auto compiled = embedded_compact_locales();
  if (!compiled.empty() && compiled.front().tag == locale) return &embedded_rule_set();
  struct Slot {
    std::once_flag once;
    const RuleSet* rule_set = nullptr;
  };
  // Only a run's own locale is read: each costs as much as the default.
  static Slot* const slots = new Slot[compiled.size()];
  for (std::size_t i = 1; i < compiled.size(); ++i)
    if (compiled[i].tag == locale) {
      std::call_once(slots[i].once, [&] { slots[i].rule_set = read(compiled[i]); });
      return slots[i].rule_set;
    }
  return nullptr;
}

std::vector<std::string> embedded_locales() {
  std::vector<std::string> tags;
  for (const auto& compiled : embedded_compact_locales()) tags.emplace_back(compiled.tag);
  return tags;
}

}  // namespace backtriage::ruleset
