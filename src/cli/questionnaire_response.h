#pragma once
// A FHIR R4 QuestionnaireResponse to the rule set's Questionnaire
// (report/fhir_questionnaire.h) is an answers document: wherever an answers
// object is read (--answers, each batch line), one is read instead when its
// `resourceType` says so. Items are mapped back by linkId, groups read
// through, and each answer read as an answers object's value is (a coding
// by its code). A response to another questionnaire or version, an unknown
// linkId, two answers to one item, a value of the wrong type or an item it
// cannot read is an error naming the item.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// Returns an error message, or "". With `id` (batch), the response's `id`
// (or its identifier's value) is the record id, as JSON text.
std::string answers_from_questionnaire_response(const ruleset::RuleSet& rules,
                                                const nlohmann::json& resource,
                                                engine::Answers& answers, std::string* id);

}  // namespace backtriage::cli
