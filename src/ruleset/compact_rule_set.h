#pragma once
// A loaded rule set as bytes, and back. The build compiles the embedded
// rules/back-pain.yaml into this form once, so a triage starts without
// parsing YAML (which costs several times the whole rest of a run). The
// bytes hold exactly what the YAML loader produced: the knowledge stays in
// the YAML, this is only a faster way to carry the loaded result.
#include <memory>
#include <string>
#include <string_view>

#include "ruleset/rule_set.h"

namespace backtriage::ruleset {

std::string write_compact(const RuleSet& rules);
// One figure's bytes in the same form: every field of it, so two figures
// with the same bytes draw the same (report/drawn_figures.h).
std::string write_compact(const Figure& figure);

// Throws std::runtime_error on bytes that write_compact did not produce
// (truncated, or from a build with a different layout).
std::unique_ptr<const RuleSet> read_compact(std::string_view bytes);

}  // namespace backtriage::ruleset
