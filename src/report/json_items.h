#pragma once
// The JSON shape of each piece of a report, shared by render_json (which
// builds whole reports) and JsonWriter (which caches the pieces a rule set
// can produce), so each shape is defined once. Internal to src/report.
#include <optional>
#include <string>

#include "report/render_json.h"
#include "report/report.h"

namespace backtriage::report::json_items {

Json answer_value(const AnswerValue& v);
Json classification(const Report& r);
Json red_flag(const ruleset::Item& item);
Json routine_item(const ruleset::Item& item);
Json avoid_item(const ruleset::Item& item);
Json text_item(const ruleset::Item& item);                   // tips and safe activities
Json text_advice(const std::optional<ruleset::Item>& item);  // frequency, expected course

// One line, replacing rather than throwing on text that is not UTF-8: the
// rule file is checked, but a report must always come out.
std::string dump_compact(const Json& json);

}  // namespace backtriage::report::json_items
