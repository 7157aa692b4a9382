#pragma once
// `backtriage questions`: its options and its run, the rule set's
// questions as text, JSON or a FHIR Questionnaire.
#include "cli/io.h"
#include "cli/options.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class OptionAdder;

// The options of `backtriage questions`, into `o`.
void add_questions(const OptionAdder& add, Options& o);

// `backtriage questions [--json]`: every question with its flag, type,
// choices or range, prompt, priority and the rules that read it.
int run_questions(const Options& options, const ruleset::RuleSet& rules, const Io& io);

}  // namespace backtriage::cli
