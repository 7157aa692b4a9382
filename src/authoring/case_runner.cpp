#include "authoring/case_runner.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/build_report.h"
#include "ruleset/relevance.h"

namespace backtriage::authoring {

namespace {

using ruleset::Item;

std::string shown(const std::vector<std::string>& ids) {
  return ids.empty() ? "(none)" : fmt::format("{}", fmt::join(ids, ", "));
}

std::vector<std::string> ids_of(const std::vector<const Item*>& items) {
  std::vector<std::string> out;
  for (const Item* item : items) out.push_back(item->id);
  return out;
}

void check_set(const std::string& key, const std::optional<SetExpectation>& expected,
               const std::vector<std::string>& got, const Expectation& e,
               std::vector<Failure>& failures) {
  if (!expected) return;
  const ruleset::Location where = e.where.count(key) ? e.where.at(key) : expected->where;
  if (expected->exactly) {
    auto want = *expected->exactly, have = got;
    std::sort(want.begin(), want.end());
    std::sort(have.begin(), have.end());
    if (want != have)
      failures.push_back({where, fmt::format("{}: expected {}, got {}", key,
                                             shown(*expected->exactly), shown(got))});
  }
  for (const auto& id : expected->has)
    if (std::find(got.begin(), got.end(), id) == got.end())
      failures.push_back(
          {where, fmt::format("{}: expected {} in it, got {}", key, id, shown(got))});
  for (const auto& id : expected->lacks)
    if (std::find(got.begin(), got.end(), id) != got.end())
      failures.push_back({where, fmt::format("{}: expected no {}, got {}", key, id, shown(got))});
}

}  // namespace

CaseResult run_case(const ruleset::RuleSet& rules, const TestCase& test, Coverage* coverage) {
  CaseResult result;
  const auto& kb = rules.knowledge_base();
  engine::Answers answers = test.answers;
  if (test.no_red_flags) ruleset::answer_red_flags_no(rules, answers);
  const Expectation& e = test.expect;
  auto where = [&](const char* key) { return e.where.count(key) ? e.where.at(key) : test.where; };

  // As the interview would go: ask what matters, answer from the case.
  {
    // Red flags `no_red_flags` answered count as said before the interview;
    // those the case answers itself are asked, like any other.
    engine::Answers asked_so_far(answers.size());
    for (std::size_t q = 0; q < rules.questions.size(); ++q)
      if (!test.answers[q] && answers[q]) asked_so_far[q] = answers[q];
    const engine::Evaluator evaluator(kb);
    engine::Evaluation evaluation(kb);
    std::string stuck;
    // Optional questions the case leaves unanswered are skipped, as a person
    // presses Enter: declined from then on, and the interview goes on.
    std::vector<bool> skipped(answers.size(), false);
    try {
      for (;;) {
        evaluator.run(asked_so_far, evaluation, skipped);
        const auto prompt = ruleset::next_prompt(rules, evaluation);
        if (prompt.empty()) break;
        ++result.prompts;
        for (engine::FactId q : prompt) {
          result.asked.push_back(rules.questions[q].id);
          if (!answers[q] && rules.questions[q].optional) skipped[q] = true;
          if (!answers[q] && !skipped[q] && stuck.empty()) stuck = rules.questions[q].id;
          // An answer the case does not give is left for good, as a
          // person who gives up on it would.
          asked_so_far[q] = answers[q];
        }
        if (!stuck.empty()) break;
      }
    } catch (const engine::ConflictError& error) {
      stuck = error.what();
    }
    if (e.asks) {
      if (result.asked != *e.asks)
        result.failures.push_back(
            {where("asks"),
             fmt::format("asks: expected {}, got {}{}", shown(*e.asks), shown(result.asked),
                         stuck.empty() ? ""
                                       : fmt::format(" (and then {}, which the "
                                                     "case does not answer)",
                                                     stuck))});
    }
  }

  engine::Trace trace;
  engine::Evaluation evaluation(kb);
  try {
    engine::Evaluator(kb).run(answers, evaluation, &trace, engine::Unanswered::Final);
  } catch (const engine::ConflictError& error) {
    result.failures.push_back({test.where, fmt::format("the rules clash: {}", error.what())});
    return result;
  }
  report::ReportBuilder builder(rules);
  const report::Report& r = builder.build(answers, evaluation, &trace);
  result.level = r.level->id;
  result.any_red_flag = !r.red_flags.empty();

  if (e.level && *e.level != r.level->id)
    result.failures.push_back(
        {where("level"), fmt::format("level: expected {}, got {}", *e.level, r.level->id)});
  if (e.complete && *e.complete != r.complete)
    result.failures.push_back(
        {where("complete"), fmt::format("complete: expected {}, got {}", *e.complete, r.complete)});
  for (const auto& [role, expected] : e.sets)
    check_set(std::string(ruleset::spec_of(role).report_key), expected, ids_of(r.items_in(role)), e,
              result.failures);
  std::vector<std::string> positions;
  for (const ruleset::Item* item : r.routine)
    if (const auto& position = item->as<ruleset::Exercise>().position;
        std::find(positions.begin(), positions.end(), position) == positions.end())
      positions.push_back(position);
  check_set("positions", e.positions, positions, e, result.failures);
  for (const auto& [fact, want] : e.classification) {
    std::string got;
    for (std::size_t i = 0; i < rules.roles.classification.size(); ++i)
      if (kb.facts()[rules.roles.classification[i]].id == fact && r.classification[i])
        got = r.classification[i]->id;
    if (got != want)
      result.failures.push_back(
          {where("classification"),
           fmt::format("classification {}: expected {}, got {}", fact,
                       want.empty() ? "undecided" : want, got.empty() ? "undecided" : got)});
  }

  if (coverage) {
    for (const auto& firing : trace.firings()) coverage->rules_fired_.insert(firing.rule);
    coverage->levels_.insert(r.level->id);
    for (engine::FactId q = 0; q < static_cast<engine::FactId>(rules.questions.size()); ++q)
      if (test.answers[q]) {
        coverage->answered_.insert(q);
        if (rules.questions[q].type == engine::FactType::Choice)
          coverage->choices_.insert({q, test.answers[q]->as_symbol()});
      }
  }
  return result;
}

std::vector<Coverage::Part> Coverage::parts() const {
  const auto& kb = rules_.knowledge_base();
  std::vector<Part> out(4);
  out[0].name = "rules fired";
  for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r) {
    ++out[0].total;
    if (rules_fired_.count(r))
      ++out[0].covered;
    else
      out[0].missing.push_back(fmt::format("{} ({})", kb.rules()[r].id,
                                           ruleset::format_location(rules_.rule_locations[r])));
  }
  out[1].name = "levels reached";
  std::vector<std::string> levels;
  for (const auto& level : rules_.levels()) levels.push_back(level.id);
  levels.push_back(rules_.undecided.id);
  for (const auto& level : levels) {
    ++out[1].total;
    if (levels_.count(level))
      ++out[1].covered;
    else
      out[1].missing.push_back(level);
  }
  out[2].name = "questions answered";
  out[3].name = "choice values used";
  for (engine::FactId q = 0; q < static_cast<engine::FactId>(rules_.questions.size()); ++q) {
    const auto& question = rules_.questions[q];
    ++out[2].total;
    if (answered_.count(q))
      ++out[2].covered;
    else
      out[2].missing.push_back(question.id);
    if (question.type != engine::FactType::Choice) continue;
    for (std::size_t c = 0; c < question.choices.size(); ++c) {
      ++out[3].total;
      if (choices_.count({q, static_cast<int>(c)}))
        ++out[3].covered;
      else
        out[3].missing.push_back(question.id + "=" + question.choices[c].id);
    }
  }
  return out;
}

double Coverage::overall_percent() const {
  std::size_t covered = 0, total = 0;
  for (const auto& part : parts()) covered += part.covered, total += part.total;
  return total ? 100.0 * covered / total : 100.0;
}

}  // namespace backtriage::authoring
