#include "report/render_json.h"

#include "report/json_items.h"

namespace backtriage::report {

namespace {

Json ids(const std::vector<ruleset::Item>& items) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

Json items(const std::vector<ruleset::Item>& items, Json (*shape)(const ruleset::Item&)) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(shape(item));
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
  out["red_flags"] = items(r.red_flags, json_items::red_flag);
  out["classification"] = json_items::classification(r);
  out["routine"] = items(r.routine, json_items::routine_item);
  out["avoid"] = items(r.avoid, json_items::avoid_item);
  out["tips"] = items(r.tips, json_items::text_item);
  out["safe_activities"] = items(r.safe_activities, json_items::text_item);
  out["frequency"] = json_items::text_advice(r.frequency);
  out["expected_course"] = json_items::text_advice(r.expected_course);
  out["unanswered"] = r.unanswered;
  Json answers = Json::object();
  for (const auto& [id, v] : r.answers) answers[id] = json_items::answer_value(v);
  out["answers"] = std::move(answers);
  Json trace = Json::array();
  for (const auto& step : r.trace) {
    Json because = Json::object(), asserted = Json::object();
    for (const auto& [fact, values] : step.because) {
      if (values.empty())
        because[fact] = nullptr;
      else if (values.size() == 1)
        because[fact] = json_items::answer_value(values.front());
      else
        for (const auto& v : values) because[fact].push_back(json_items::answer_value(v));
    }
    for (const auto& [fact, values] : step.asserted) {
      if (values.size() == 1)
        asserted[fact] = json_items::answer_value(values.front());
      else
        for (const auto& v : values) asserted[fact].push_back(json_items::answer_value(v));
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
              {"classification", json_items::classification(r)},
              {"red_flags", ids(r.red_flags)},
              {"routine", ids(r.routine)},
              {"avoid", ids(r.avoid)}};
}

std::string render_json(const Report& report, int indent) {
  // Replace, never throw, on text that is not UTF-8 (see json_items.h).
  return to_json(report).dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace backtriage::report
