#pragma once
// Rule-set test cases, as YAML (rules/FORMAT.md, "Test cases"): each case
// has a name, answers, and what the report must say — a level, `complete`,
// the classification, and the ids of each report role (red flags, reasons,
// routine, avoid, tips, watch for, cautions) that must or must not appear — and optionally the
// questions the interview asks, in order. Reading a case file reports every problem at
// file:line:col.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/evaluator.h"
#include "ruleset/diagnostic.h"
#include "ruleset/rule_set.h"

namespace backtriage::authoring {

// A set the report must match: exactly these ids, or some that must be in
// it and some that must not.
struct SetExpectation {
  std::optional<std::vector<std::string>> exactly;
  std::vector<std::string> has, lacks;
  ruleset::Location where;
};

struct Expectation {
  std::optional<std::string> level;
  std::optional<bool> complete;
  // The ids a report role shows (red_flags, routine, watch_for...: each
  // role the table marks expected_in_cases), by role.
  std::map<ruleset::Role, SetExpectation> sets;
  // The positions of the routine's exercises (`positions` ids).
  std::optional<SetExpectation> positions;
  // Classification fact id -> value id, or "" for "not decided".
  std::map<std::string, std::string> classification;
  std::optional<std::vector<std::string>> asks;    // question ids, in order
  std::map<std::string, ruleset::Location> where;  // key -> where it is written
};

struct TestCase {
  std::string name;
  ruleset::Location where;
  engine::Answers answers;
  bool no_red_flags = false;
  Expectation expect;
};

struct CaseFile {
  std::vector<TestCase> cases;
  std::vector<ruleset::Diagnostic> diagnostics;  // errors: the file cannot be run
};

// Reads the cases in `text` for `rules` (answers are checked against its
// questions, expected ids against its facts).
CaseFile read_case_file(std::string_view text, const std::string& file_name,
                        const ruleset::RuleSet& rules);

// A case's answers as written, before any rule set reads them: what `diff
// --cases` compares two rule sets on. The same reader as read_case_file, so
// both take every key the same way (`no_red_flags` included).
struct AnswerText {
  std::string question, text;
  ruleset::Location key_where, value_where;
};
struct CaseAnswers {
  std::string name;
  ruleset::Location where;
  bool no_red_flags = false;
  std::vector<AnswerText> answers;
};
struct CaseAnswersFile {
  std::vector<CaseAnswers> cases;
  std::vector<ruleset::Diagnostic> diagnostics;
};
CaseAnswersFile read_case_answers(std::string_view text, const std::string& file_name);

// The cases shipped with the embedded rule set (rules/tests/back-pain.test.yaml).
std::string_view embedded_cases_text();

}  // namespace backtriage::authoring
