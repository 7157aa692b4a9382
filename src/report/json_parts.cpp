#include "report/json_parts.h"

#include <algorithm>
#include <type_traits>

#include "ruleset/answer_domain.h"

namespace backtriage::report {

using engine::FactId;
using engine::Value;
using ruleset::Item;

namespace {

void range(JsonOut& out, const JsonKey& key, const std::optional<ruleset::Range>& r) {
  if (!r) return;
  out.key(key);
  out.begin_object();
  out.key("min");
  out.integer(r->min);
  out.key("max");
  out.integer(r->max);
  out.end_object();
}

void text_advice(JsonOut& out, const std::optional<ruleset::AdviceText>& item) {
  if (!item) return out.null();
  out.begin_object();
  out.key("text"), out.string(item->text);
  if (item->per_week) out.key("per_week"), out.integer(*item->per_week);
  out.key("source"), out.string(item->source);
  out.end_object();
}

void plan(JsonOut& out, const std::optional<ruleset::Plan>& p) {
  if (!p) return out.null();
  out.begin_object();
  out.key("weeks"), out.integer(p->weeks);
  out.key("sessions_per_week"), out.integer(p->sessions_per_week);
  out.key("check_ins");
  out.begin_array();
  for (const auto& c : p->check_ins) {
    out.begin_object();
    out.key("week"), out.integer(c.week);
    out.key("text"), out.string(c.text);
    out.end_object();
  }
  out.end_array();
  out.key("source"), out.string(p->source);
  out.end_object();
}

}  // namespace

void write_answer(JsonOut& out, const ruleset::RuleSet& rules, FactId fact, Value value) {
  const auto& decl = rules.knowledge_base().facts()[fact];
  if (rules.is_question(fact) && rules.questions[fact].type == engine::FactType::Bool) {
    if (ruleset::is_unsure(rules.questions[fact], value))
      out.string("unsure");
    else
      out.boolean(value.as_bool());
    return;
  }
  switch (decl.type) {
    case engine::FactType::Bool: out.boolean(value.as_bool()); break;
    case engine::FactType::Number: out.number(value.as_number()); break;
    default: out.string(decl.symbols.at(value.as_symbol()));
  }
}

void json_exercise_with(JsonOut& out, const Item& item, std::string_view caution) {
  const auto& e = item.as<ruleset::Exercise>();
  out.begin_object();
  out.key("id"), out.string(item.id);
  out.key("name"), out.string(e.name);
  out.key("region"), out.string(e.region);
  out.key("kind"), out.string(e.kind);
  out.key("position"), out.string(e.position);
  out.key("purpose"), out.string(e.purpose);
  out.key("equipment"), out.string_list(e.equipment);
  out.key("steps"), out.string_list(e.steps);
  out.key("dose");
  out.begin_object();
  if (e.dose) {
    const auto& d = *e.dose;
    range(out, "hold_seconds", d.hold_seconds);
    range(out, "hold_breaths", d.hold_breaths);
    range(out, "reps", d.reps);
    range(out, "sets", d.sets);
    out.key("per_side"), out.boolean(d.per_side);
    out.key("alternating"), out.boolean(d.alternating);
    if (d.per_week) out.key("per_week"), out.integer(*d.per_week);
  }
  out.end_object();
  out.key("source"), out.string(item.source);
  if (!caution.empty()) out.key("caution"), out.string(caution);
  out.end_object();
}

void json_item(JsonOut& out, ruleset::Role role, const Item& item) {
  if (role == ruleset::Role::Routine) return json_exercise_with(out, item, {});
  const ruleset::RoleSpec& spec = ruleset::spec_of(role);
  out.begin_object();
  out.key("id"), out.string(item.id);
  for (const std::string& key : spec.json) {
    const bool required =
        std::find(spec.required.begin(), spec.required.end(), key) != spec.required.end();
    ruleset::text_field(item, key, [&](const auto& text) {
      if (!required && text.empty()) return;
      out.key_text(key);
      if constexpr (std::is_same_v<std::decay_t<decltype(text)>, std::string>)
        out.string(text);
      else
        out.string_list(text);
    });
  }
  out.key("source"), out.string(item.source);
  out.end_object();
}

void json_advice_tail(JsonOut& out, const ruleset::RuleSet& rules, bool with_routine,
                      bool with_exercises) {
  const auto& advice = rules.advice;
  out.key("safe_activities");
  out.begin_array();
  if (with_routine)
    for (const auto& a : advice.safe_activities) json_item(out, ruleset::Role::Tips, a);
  out.end_array();
  out.key("frequency"), text_advice(out, with_exercises ? advice.frequency : std::nullopt);
  out.key("expected_course"),
      text_advice(out, with_routine ? advice.expected_course : std::nullopt);
  out.key("plan"), plan(out, with_exercises ? advice.plan : std::nullopt);
}

void json_then(JsonOut& out, const ruleset::RuleSet& rules, const engine::Rule& rule) {
  // Values of one fact together: one is itself, several a list.
  out.begin_object();
  const auto& then = rule.then;
  for (std::size_t i = 0; i < then.size();) {
    std::size_t j = i;
    while (j < then.size() && then[j].fact == then[i].fact) ++j;
    out.key_text(rules.knowledge_base().facts()[then[i].fact].id);
    if (j - i > 1) out.begin_array();
    for (std::size_t k = i; k < j; ++k) write_answer(out, rules, then[k].fact, then[k].value);
    if (j - i > 1) out.end_array();
    i = j;
  }
  out.end_object();
}

void json_red_flag_head(JsonOut& out, const Item& item) {
  out.key("id"), out.string(item.id);
  out.key("label"), out.string(item.as<ruleset::RedFlag>().label);
}
void json_red_flag_tail(JsonOut& out, const Item& item) {
  out.key("why"), out.string(item.as<ruleset::RedFlag>().why);
  out.key("source"), out.string(item.source);
}

void json_assumed(JsonOut& out, const ruleset::Question& q) {
  out.begin_object();
  out.key("id"), out.string(q.id);
  out.key("text"), out.string(q.assumed);
  out.end_object();
}

void json_report_head(JsonOut& out, const ruleset::RuleSet& rules, const Item& level,
                      const Item* action) {
  out.key("schema_version"), out.integer(kSchemaVersion);
  out.key("ruleset");
  out.begin_object();
  out.key("id"), out.string(rules.id);
  out.key("version"), out.string(rules.version);
  out.end_object();
  out.key("locale"), out.string(rules.locale);
  out.key("level"), out.string(level.id);
  const auto& step = level.as<ruleset::Level>();
  const auto* flag = action ? &action->as<ruleset::RedFlag>() : nullptr;
  out.key("level_label"), out.string(flag ? flag->action : step.label);
  out.key("advice"), out.string(flag ? flag->advice : step.advice);
}

void json_rule_head(JsonOut& out, const engine::Rule& rule) {
  out.key("id"), out.string(rule.id);
  out.key("source"), out.string(rule.source);
}

}  // namespace backtriage::report
