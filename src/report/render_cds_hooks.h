#pragma once
// The report as an HL7 CDS Hooks response, `{"cards": [...]}`, so an EHR that
// speaks CDS Hooks can show the triage: one card whose indicator is the
// level's urgency (critical: emergency; warning: doctor, incomplete; info:
// self_care), a summary under 140 characters and Markdown detail.
// https://cds-hooks.hl7.org/ (Card attributes).
#include <nlohmann/json.hpp>
#include <string>

#include "report/report.h"

namespace backtriage::report {

nlohmann::ordered_json to_cds_hooks(const Report& report);

std::string render_cds_hooks(const Report& report, int indent = 2);

}  // namespace backtriage::report
