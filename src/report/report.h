#pragma once
// The triage report: what a person or a script is told. Built once from an
// evaluation; every renderer (text, JSON, CDS Hooks) reads only this.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ruleset/rule_set.h"

namespace backtriage::report {

inline constexpr int kSchemaVersion = 1;

// An answer as it goes out: bool, number or a choice id.
using AnswerValue = std::variant<bool, double, std::string>;

struct TraceStep {
  std::string rule, source;
  // What made it fire: each fact it read and its value(s); none when open.
  std::vector<std::pair<std::string, std::vector<AnswerValue>>> because;
  std::vector<std::pair<std::string, std::vector<AnswerValue>>> asserted;
};

struct Report {
  std::string ruleset_id, ruleset_version;
  std::string level;  // emergency | incomplete | doctor | self_care
  std::string level_label, level_advice;
  std::vector<ruleset::Item> red_flags;
  std::optional<std::string> duration, pain_type, region;
  std::vector<ruleset::Item> routine, avoid, tips, safe_activities;
  std::optional<ruleset::Item> frequency, expected_course;
  std::vector<std::string> unanswered;  // question ids, in asking order
  std::vector<std::pair<std::string, AnswerValue>> answers;
  std::vector<TraceStep> trace;
  std::string disclaimer;

  bool has_routine() const { return !routine.empty(); }
};

}  // namespace backtriage::report
