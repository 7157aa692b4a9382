#pragma once
// CLI11's parse errors as plain messages: what is wrong, the valid values
// or the nearest known name, and which --help to read ("unknown option
// '--feverr' (did you mean '--fever'?); run 'backtriage --help'"). The
// validators of option_values.h say what is wrong with a value; this puts
// the option's name in front of it.
#include <CLI/CLI.hpp>
#include <string>

#include "ruleset/rule_set.h"

namespace backtriage::cli {

// The message for `e`, raised parsing argv with `app`. `answer_example` is
// an answer flag with its value from the app's rule set ("--duration-weeks
// 2"), for an argument that is neither a command nor an option; empty when
// the rule set has no questions. The app's texts are words of `rules`; the
// message is English whatever the locale.
std::string plain_message(const CLI::ParseError& e, const CLI::App& app,
                          const ruleset::RuleSet& rules, const std::string& answer_example,
                          int argc, const char* const* argv);

}  // namespace backtriage::cli
