#pragma once
// Collects a triage's answers from its three sources, weakest first:
// `--no-red-flags`, then `--answers FILE|-`, then explicit answer flags.
#include "cli/io.h"
#include "cli/options.h"
#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// Every red-flag question left unanswered becomes "no".
void default_red_flags_to_no(const ruleset::RuleSet& rules, engine::Answers& answers);

// Throws CliError: kUsage for a bad flag value, kDataError for a bad answers
// file, kNoInput for an unreadable one.
engine::Answers answers_from_options(const Options& options, const ruleset::RuleSet& rules,
                                     const Io& io);

}  // namespace backtriage::cli
