#pragma once
// The rule set's questions as a FHIR R4 Questionnaire (Structured Data
// Capture), for any SDC form filler: one item per question, linkId = the
// question id, in asking order, a checklist's questions in a group. A
// question that takes "not sure" (every warning sign) is a `choice` coded
// yes / no / unsure in the rule set's answer code system; another yes/no is a
// `boolean`; a number a `decimal` (`integer` when whole) with its range; a
// choice a `choice` coded with the choice ids. Help and why are a help item;
// a follow-up (ruleset/follow_ups.h) has `enableWhen` on its trigger's
// answers that bring it in. An item is `required` unless it is optional.
#include <string>

#include "report/json_out.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

// The canonical URL of the rule set's Questionnaire, and the code system of
// its coded answers, derived from the rule set's id (a URN: the rule set
// is not published anywhere).
std::string questionnaire_url(const ruleset::RuleSet& rules);
std::string answer_code_system(const ruleset::RuleSet& rules);

void write_fhir_questionnaire(const ruleset::RuleSet& rules, JsonOut& out);

}  // namespace backtriage::report
