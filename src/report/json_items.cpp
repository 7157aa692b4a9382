#include "report/json_items.h"

#include <cmath>
#include <cstdint>

namespace backtriage::report::json_items {

namespace {

// Whole numbers print as integers (2, not 2.0): scripts compare them.
Json number(double x) {
  if (std::nearbyint(x) == x && std::fabs(x) < 9.0e15) return static_cast<std::int64_t>(x);
  return x;
}

Json optional_text(const std::optional<std::string>& s) {
  return s ? Json(*s) : Json(nullptr);
}

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

}  // namespace

Json answer_value(const AnswerValue& v) {
  if (auto* b = std::get_if<bool>(&v)) return *b;
  if (auto* d = std::get_if<double>(&v)) return number(*d);
  return std::get<std::string>(v);
}

Json classification(const Report& r) {
  return Json{{"duration", optional_text(r.duration)},
              {"pain_type", optional_text(r.pain_type)},
              {"region", optional_text(r.region)}};
}

Json red_flag(const ruleset::Item& item) {
  return Json{{"id", item.id}, {"label", item.label}, {"care", item.care}, {"source", item.source}};
}

Json routine_item(const ruleset::Item& item) {
  return Json{{"id", item.id},       {"name", item.name},       {"region", item.region},
              {"kind", item.kind},   {"purpose", item.purpose}, {"equipment", item.equipment},
              {"steps", item.steps}, {"dose", dose(item)},      {"source", item.source}};
}

Json avoid_item(const ruleset::Item& item) {
  return Json{
      {"id", item.id}, {"name", item.name}, {"reason", item.reason}, {"source", item.source}};
}

Json text_item(const ruleset::Item& item) {
  return Json{{"id", item.id}, {"name", item.name}, {"text", item.text}, {"source", item.source}};
}

Json text_advice(const std::optional<ruleset::Item>& item) {
  if (!item) return nullptr;
  Json out{{"text", item->text}};
  if (item->per_week) out["per_week"] = *item->per_week;
  out["source"] = item->source;
  return out;
}

std::string dump_compact(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace backtriage::report::json_items
