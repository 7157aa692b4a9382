#pragma once
// Runs test cases against a rule set, as a script would (answers given, the
// rest unanswered for good) and, for the questions it asks, as the
// interview would; and keeps coverage across cases: which rules fired, which
// levels were reached, which questions were answered and which choice
// values were used.
#include <set>
#include <string>
#include <vector>

#include "authoring/case_file.h"
#include "ruleset/rule_set.h"

namespace backtriage::authoring {

struct Failure {
  ruleset::Location where;
  std::string message;  // "level: expected soon, got self_care"
};

struct CaseResult {
  std::vector<Failure> failures;
  // The interview, played with the case's answers: the questions asked (in
  // order) and how many prompts that took.
  std::vector<std::string> asked;
  int prompts = 0;
  std::string level;
  bool any_red_flag = false;
};

class Coverage {
 public:
  explicit Coverage(const ruleset::RuleSet& rules) : rules_(rules) {}

  struct Part {
    std::string name;
    std::size_t covered = 0, total = 0;
    std::vector<std::string> missing;  // "rule-id (file:line:col)", "level soon", ...
    double percent() const { return total ? 100.0 * covered / total : 100.0; }
  };
  std::vector<Part> parts() const;
  double overall_percent() const;

 private:
  friend CaseResult run_case(const ruleset::RuleSet&, const TestCase&, Coverage*);
  const ruleset::RuleSet& rules_;
  std::set<int> rules_fired_;
  std::set<std::string> levels_;
  std::set<engine::FactId> answered_;
  std::set<std::pair<engine::FactId, int>> choices_;
};

CaseResult run_case(const ruleset::RuleSet& rules, const TestCase& test, Coverage* coverage);

}  // namespace backtriage::authoring
