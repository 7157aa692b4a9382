#pragma once
// The report as an HL7 CDS Hooks response, `{"cards": [...]}`, so an EHR that
// speaks CDS Hooks can show the triage: one card whose indicator is the
// level's (the rule set says which: info, warning or critical), a summary
// under 140 characters and Markdown detail. https://cds-hooks.hl7.org/
#include <string>
#include <string_view>

#include "report/json_out.h"
#include "report/render_json.h"
#include "report/report.h"

namespace backtriage::report {

// `json` writes the report whose content gives the card its stable uuid;
// `id` (batch) comes first, as in JSON reports.
void write_cds_hooks(const Report& report, const JsonReportWriter& json, JsonOut& out,
                     std::string_view id = {});

std::string render_cds_hooks(const Report& report, int indent = 2);

}  // namespace backtriage::report
