// The embedded rule set, read from the compact form the build made of
// rules/back-pain.yaml (see src/ruleset/compile). Kept out of the
// backtriage_ruleset library because the tool that makes the compact form
// links that library.
#include <stdexcept>
#include <string_view>

#include "ruleset/compact_rule_set.h"
#include "ruleset/loader.h"

namespace backtriage::ruleset {

std::string_view embedded_compact_rules();  // generated

const RuleSet& embedded_rule_set() {
  // Never destroyed: it lives as long as the process, and freeing its every
  // string and vector at exit was a twentieth of a single triage. (Still
  // reachable through this pointer, so leak checkers do not count it.)
  static const RuleSet* const rule_set = [] {
    try {
      return read_compact(embedded_compact_rules()).release();
    } catch (const std::runtime_error& e) {  // a build bug, never bad user data
      throw std::logic_error(std::string("embedded rule set is unreadable: ") + e.what());
    }
  }();
  return *rule_set;
}

}  // namespace backtriage::ruleset
