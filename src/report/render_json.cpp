#include "report/render_json.h"

#include <cmath>

namespace backtriage::report {

namespace {

// Whole numbers print as integers (2, not 2.0): scripts compare them.
Json number(double x) {
  if (std::nearbyint(x) == x && std::fabs(x) < 9.0e15) return static_cast<std::int64_t>(x);
  return x;
}

Json value(const AnswerValue& v) {
  if (auto* b = std::get_if<bool>(&v)) return *b;
  if (auto* d = std::get_if<double>(&v)) return number(*d);
  return std::get<std::string>(v);
}

Json optional_text(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json range(const std::optional<ruleset::Range>& r) {
  if (!r) return nullptr;
  return Json{{"min", r->min}, {"max", r->max}};
}

Json dose(const ruleset::Item& item) {
  Json out = Json::object();
  if (!item.dose) return out;
  const auto& d = *item.dose;
  if (d.hold_seconds) out["hold_seconds"] = range(d.hold_seconds);
  if (d.hold_breaths) out["hold_breaths"] = range(d.hold_breaths);
  if (d.reps) out["reps"] = range(d.reps);
  if (d.sets) out["sets"] = range(d.sets);
  out["per_side"] = d.per_side;
  out["alternating"] = d.alternating;
  if (d.per_week) out["per_week"] = *d.per_week;
  return out;
}

Json ids(const std::vector<ruleset::Item>& items) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

Json classification(const Report& r) {
  return Json{{"duration", optional_text(r.duration)},
              {"pain_type", optional_text(r.pain_type)},
              {"region", optional_text(r.region)}};
}

Json text_advice(const std::optional<ruleset::Item>& item) {
  if (!item) return nullptr;
  Json out{{"text", item->text}};
  if (item->per_week) out["per_week"] = *item->per_week;
  out["source"] = item->source;
  return out;
}

}  // namespace

Json to_json(const Report& r) {
  Json out;
  out["schema_version"] = kSchemaVersion;
  out["ruleset"] = {{"id", r.ruleset_id}, {"version", r.ruleset_version}};
  out["level"] = r.level;
  out["level_label"] = r.level_label;
  out["advice"] = r.level_advice;
  Json flags = Json::array();
  for (const auto& f : r.red_flags)
    flags.push_back({{"id", f.id}, {"label", f.label}, {"care", f.care}, {"source", f.source}});
  out["red_flags"] = std::move(flags);
  out["classification"] = classification(r);
  Json routine = Json::array();
  for (const auto& item : r.routine)
    routine.push_back({{"id", item.id},
                       {"name", item.name},
                       {"region", item.region},
                       {"kind", item.kind},
                       {"purpose", item.purpose},
                       {"equipment", item.equipment},
                       {"steps", item.steps},
                       {"dose", dose(item)},
                       {"source", item.source}});
  out["routine"] = std::move(routine);
  Json avoid = Json::array();
  for (const auto& item : r.avoid)
    avoid.push_back(
        {{"id", item.id}, {"name", item.name}, {"reason", item.reason}, {"source", item.source}});
  out["avoid"] = std::move(avoid);
  Json tips = Json::array();
  for (const auto& item : r.tips)
    tips.push_back(
        {{"id", item.id}, {"name", item.name}, {"text", item.text}, {"source", item.source}});
  out["tips"] = std::move(tips);
  Json safe = Json::array();
  for (const auto& item : r.safe_activities)
    safe.push_back(
        {{"id", item.id}, {"name", item.name}, {"text", item.text}, {"source", item.source}});
  out["safe_activities"] = std::move(safe);
  out["frequency"] = text_advice(r.frequency);
  out["expected_course"] = text_advice(r.expected_course);
  out["unanswered"] = r.unanswered;
  Json answers = Json::object();
  for (const auto& [id, v] : r.answers) answers[id] = value(v);
  out["answers"] = std::move(answers);
  Json trace = Json::array();
  for (const auto& step : r.trace) {
    Json because = Json::object(), asserted = Json::object();
    for (const auto& [fact, values] : step.because) {
      if (values.empty()) because[fact] = nullptr;
      else if (values.size() == 1) because[fact] = value(values.front());
      else for (const auto& v : values) because[fact].push_back(value(v));
    }
    for (const auto& [fact, values] : step.asserted) {
      if (values.size() == 1) asserted[fact] = value(values.front());
      else for (const auto& v : values) asserted[fact].push_back(value(v));
    }
    trace.push_back({{"id", step.rule},
                     {"source", step.source},
                     {"because", std::move(because)},
                     {"then", std::move(asserted)}});
  }
  out["trace"] = std::move(trace);
  out["disclaimer"] = r.disclaimer;
  return out;
}

Json to_brief_json(const Report& r) {
  return Json{{"level", r.level},
              {"classification", classification(r)},
              {"red_flags", ids(r.red_flags)},
              {"routine", ids(r.routine)},
              {"avoid", ids(r.avoid)}};
}

std::string render_json(const Report& report, int indent) {
  // Replace, never throw, on text that is not UTF-8: the rule file is checked,
  // but a report must always come out.
  return to_json(report).dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace backtriage::report
