#pragma once
// The command line: a CLI11 app built in a function, so tests can parse an
// argv in-process, and `run`, which is all of main().
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// The answer flags come from `rules`, so a different rule set brings its own.
std::unique_ptr<CLI::App> make_app(Options& options, const ruleset::RuleSet& rules);

// Finds `--rules FILE` / `--rules=FILE` before the full parse, because the
// rule set decides which other flags exist. Empty when absent.
std::string find_rules_option(int argc, const char* const* argv);

// Runs one invocation and returns its exit code; never throws.
int run(int argc, const char* const* argv, const Io& io);

}  // namespace backtriage::cli
