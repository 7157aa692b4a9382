#pragma once
// Collects a triage's answers from its three sources, weakest first:
// `--no-red-flags`, then `--answers FILE|-`, then explicit answer flags.
#include "cli/io.h"
#include "cli/options.h"
#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// Throws CliError: kUsage for a bad flag value, kDataError for a bad answers
// file, kNoInput for an unreadable one.
engine::Answers answers_from_options(const Options& options, const ruleset::RuleSet& rules,
                                     const Io& io);

}  // namespace backtriage::cli
