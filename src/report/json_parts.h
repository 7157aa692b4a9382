#pragma once
// The JSON of each part of a report on its own: an answer, an exercise, a
// reason, an item to avoid or watch for, a red flag's fixed members, a
// rule's conclusions, the members that open a report. JsonReportWriter
// (render_json.h) writes a single report with these as it goes, and for
// many renders the rule set's fixed parts with them once, to paste: one
// writer of each shape, so both forms always agree.
#include <string_view>

#include "engine/rule.h"
#include "report/json_out.h"
#include "report/report.h"
#include "ruleset/roles.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

// The JSON of one answer: true/false, a number, "unsure" or a choice id.
void write_answer(JsonOut& out, const ruleset::RuleSet& rules, engine::FactId fact,
                  engine::Value value);

// An exercise, with what the person must take care over when the rules
// gave a caution for it (none when empty).
void json_exercise_with(JsonOut& out, const ruleset::Item& item, std::string_view caution);
// An item as its role's list in a report shows it: an exercise (without a
// caution), or its id, the keys its role's row names (ruleset/roles.h,
// `json`) and its source. Safe activities are tips.
void json_item(JsonOut& out, ruleset::Role role, const ruleset::Item& item);

// The keys that come with home care and never change: safe_activities and
// expected_course with the level's routine; frequency and plan only with
// exercises to do.
void json_advice_tail(JsonOut& out, const ruleset::RuleSet& rules, bool with_routine,
                      bool with_exercises);

// A rule's conclusions: each fact's value, several as a list.
void json_then(JsonOut& out, const ruleset::RuleSet& rules, const engine::Rule& rule);
// A trace entry's first members: the rule's id and source.
void json_rule_head(JsonOut& out, const engine::Rule& rule);

// A red flag's entry: its item's fixed members around the two that depend
// on the answer (level and answer).
void json_red_flag_head(JsonOut& out, const ruleset::Item& item);
void json_red_flag_tail(JsonOut& out, const ruleset::Item& item);

// An `assumed` entry: the question and what is assumed when it is declined.
void json_assumed(JsonOut& out, const ruleset::Question& q);

// The members that open a report: the schema, the rule set, the level (in
// the words of `action`, a red flag whose own action replaces the level's,
// when there is one).
void json_report_head(JsonOut& out, const ruleset::RuleSet& rules, const ruleset::Item& level,
                      const ruleset::Item* action = nullptr);

}  // namespace backtriage::report
