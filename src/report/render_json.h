#pragma once
// The report as JSON: the contract's keys, always present, in a fixed order.
// Documented by rules/schema/report.schema.json.
#include <nlohmann/json.hpp>
#include <string>

#include "report/report.h"

namespace backtriage::report {

using Json = nlohmann::ordered_json;

Json to_json(const Report& report);
// Only level, classification and the ids of red flags, routine and avoid.
Json to_brief_json(const Report& report);

// Compact (one line) when indent < 0, as in batch output.
std::string render_json(const Report& report, int indent = 2);

}  // namespace backtriage::report
