#pragma once
// Follow-up questions and their triggers, read from the rules' conditions.
//
// A question is a follow-up of an earlier one when every rule that reads it
// also needs the earlier one answered: `injury_severe` is read only beside
// `spine_injury: {in: [yes, unsure]}`, so it means something only once the
// accident is answered. The interview asks in order and finds this out by
// itself; a report with open questions uses it to list only the questions a
// person could be asked now, not those whose trigger is still open.
#include <vector>

#include "engine/knowledge_base.h"

namespace backtriage::ruleset {

// For each question (fact ids 0..question_count-1, in asking order), the
// earlier questions that trigger it, in asking order; empty for most.
std::vector<std::vector<engine::FactId>> follow_up_triggers(const engine::KnowledgeBase& kb,
                                                            std::size_t question_count);

}  // namespace backtriage::ruleset
