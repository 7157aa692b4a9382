#include "report/build_report.h"

namespace backtriage::report {

using engine::FactId;
using engine::FactType;
using engine::Value;

namespace {

AnswerValue to_answer_value(const ruleset::RuleSet& rules, FactId fact, Value value) {
  switch (rules.knowledge_base().facts()[fact].type) {
    case FactType::Bool: return value.as_bool();
    case FactType::Number: return value.as_number();
    case FactType::Choice:
    case FactType::Set: return rules.format_value(fact, value);
  }
  return false;
}

std::vector<AnswerValue> values_of(const ruleset::RuleSet& rules, const engine::FactTable& facts,
                                   FactId fact) {
  std::vector<AnswerValue> out;
  for (Value v : facts.certain(fact)) out.push_back(to_answer_value(rules, fact, v));
  return out;
}

// The certain values of a set fact as items, in the rule set's order (not
// the order rules happened to fire), so output is stable.
enum class Detail { full, ids_only };

std::vector<ruleset::Item> set_items(const ruleset::RuleSet& rules, const engine::FactTable& facts,
                                     const char* name, Detail detail = Detail::full) {
  std::vector<ruleset::Item> out;
  auto fact = rules.find_fact(name);
  if (!fact || rules.is_question(*fact)) return out;
  const auto& values = rules.derived_fact(*fact).values;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (facts.is_certain(*fact, Value::symbol(static_cast<int>(i)))) {
      if (detail == Detail::full)
        out.push_back(values[i]);
      else
        out.emplace_back().id = values[i].id;
    }
  return out;
}

std::optional<std::string> single_value(const ruleset::RuleSet& rules,
                                        const engine::FactTable& facts, const char* name) {
  auto fact = rules.find_fact(name);
  if (!fact || facts.certain(*fact).empty()) return std::nullopt;
  return rules.format_value(*fact, facts.certain(*fact).front());
}

// The contract's safety net: neither an emergency nor an undecided triage
// comes with exercises (or the advice that goes with them).
bool routine_allowed(const Report& r) {
  return r.level != "emergency" && r.level != "incomplete";
}

// Level, classification, red flags, routine and avoid: all a brief report has.
Report build_core(const ruleset::RuleSet& rules, const engine::FactTable& facts, Detail detail) {
  Report r;
  r.ruleset_id = rules.id;
  r.ruleset_version = rules.version;
  r.disclaimer = rules.disclaimer;

  r.red_flags = set_items(rules, facts, "red_flag", detail);
  if (auto level = rules.find_fact("level"); level && !rules.is_question(*level)) {
    const auto& decl = rules.derived_fact(*level);
    if (auto value = single_value(rules, facts, "level")) {
      r.level = *value;
      if (const auto* item = rules.value_item(*level, facts.certain(*level).front())) {
        r.level_label = item->label;
        r.level_advice = item->advice;
      }
    } else {
      r.level = decl.undecided.empty() ? "incomplete" : decl.undecided;
      r.level_label = decl.undecided_label;
      r.level_advice = decl.undecided_advice;
    }
  } else {
    r.level = "incomplete";
  }
  // The contract's safety net, whatever a rule file says: a red flag means
  // emergency (see also routine_allowed).
  if (!r.red_flags.empty() && r.level != "emergency") {
    r.level = "emergency";
    r.level_label.clear();
    r.level_advice.clear();
  }
  r.duration = single_value(rules, facts, "duration");
  r.pain_type = single_value(rules, facts, "pain_type");
  r.region = single_value(rules, facts, "region");
  if (routine_allowed(r)) {
    r.routine = set_items(rules, facts, "routine", detail);
    r.avoid = set_items(rules, facts, "avoid", detail);
  }
  return r;
}

}  // namespace

Report build_brief_report(const ruleset::RuleSet& rules, const engine::Evaluation& evaluation) {
  return build_core(rules, evaluation.facts(), Detail::ids_only);
}

Report build_report(const ruleset::RuleSet& rules, const engine::Answers& answers,
                    const engine::Evaluation& evaluation, const engine::Trace* trace) {
  const engine::FactTable& facts = evaluation.facts();
  Report r = build_core(rules, facts, Detail::full);
  if (routine_allowed(r)) {
    r.tips = set_items(rules, facts, "tip");
    if (r.has_routine()) {
      r.safe_activities = rules.advice.safe_activities;
      r.frequency = rules.advice.frequency;
      r.expected_course = rules.advice.expected_course;
    }
  }

  for (FactId q : evaluation.open_questions())
    if (rules.is_question(q)) r.unanswered.push_back(rules.questions[q].id);
  for (FactId q = 0; q < static_cast<FactId>(rules.questions.size()); ++q)
    if (q < static_cast<FactId>(answers.size()) && answers[q])
      r.answers.emplace_back(rules.questions[q].id, to_answer_value(rules, q, *answers[q]));

  if (trace) {
    const auto& kb = rules.knowledge_base();
    for (const auto& firing : trace->firings()) {
      const auto& rule = kb.rules()[firing.rule];
      TraceStep step{rule.id, rule.source, {}, {}};
      for (FactId f : firing.read)
        step.because.emplace_back(kb.facts()[f].id, values_of(rules, facts, f));
      for (const auto& a : rule.then) {
        if (!step.asserted.empty() && step.asserted.back().first == kb.facts()[a.fact].id)
          step.asserted.back().second.push_back(to_answer_value(rules, a.fact, a.value));
        else
          step.asserted.push_back(
              {kb.facts()[a.fact].id, {to_answer_value(rules, a.fact, a.value)}});
      }
      r.trace.push_back(std::move(step));
    }
  }
  return r;
}

}  // namespace backtriage::report
