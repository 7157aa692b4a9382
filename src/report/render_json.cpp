#include "report/render_json.h"

#include "ruleset/answer_domain.h"

namespace backtriage::report {

using engine::FactId;
using engine::Value;
using ruleset::Item;

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

namespace {

void range(JsonOut& out, const char* key, const std::optional<ruleset::Range>& r) {
  if (!r) return;
  out.key(key);
  out.begin_object();
  out.key("min");
  out.integer(r->min);
  out.key("max");
  out.integer(r->max);
  out.end_object();
}

// An exercise, with what the person must take care over when the rules
// gave a caution for it.
void exercise_with(JsonOut& out, const Item& item, std::string_view caution) {
  out.begin_object();
  out.key("id"), out.string(item.id);
  out.key("name"), out.string(item.name);
  out.key("region"), out.string(item.region);
  out.key("kind"), out.string(item.kind);
  out.key("position"), out.string(item.position);
  out.key("purpose"), out.string(item.purpose);
  out.key("equipment"), out.string_list(item.equipment);
  out.key("steps"), out.string_list(item.steps);
  out.key("dose");
  out.begin_object();
  if (item.dose) {
    const auto& d = *item.dose;
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

void exercise(JsonOut& out, const Item& item) {
  exercise_with(out, item, {});
}

void watch_item(JsonOut& out, const Item& item) {
  out.begin_object();
  out.key("id"), out.string(item.id);
  out.key("level"), out.string(item.level);
  out.key("label"), out.string(item.label);
  out.key("signs"), out.string_list(item.signs);
  if (!item.when.empty()) out.key("when"), out.string(item.when);
  out.key("source"), out.string(item.source);
  out.end_object();
}

void avoid_item(JsonOut& out, const Item& item) {
  out.begin_object();
  out.key("id"), out.string(item.id);
  out.key("name"), out.string(item.name);
  out.key("reason"), out.string(item.reason);
  out.key("source"), out.string(item.source);
  out.end_object();
}

void text_item(JsonOut& out, const Item& item) {  // tips and safe activities
  out.begin_object();
  out.key("id"), out.string(item.id);
  out.key("name"), out.string(item.name);
  out.key("text"), out.string(item.text);
  out.key("source"), out.string(item.source);
  out.end_object();
}

void reason_item(JsonOut& out, const Item& item) {
  out.begin_object();
  out.key("id"), out.string(item.id);
  out.key("text"), out.string(item.text);
  out.key("source"), out.string(item.source);
  out.end_object();
}

void text_advice(JsonOut& out, const std::optional<Item>& item) {
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

// The keys that come with home care and never change: safe_activities and
// expected_course with the level's routine; frequency and plan only with
// exercises to do.
void advice_tail(JsonOut& out, const ruleset::RuleSet& rules, bool with_routine,
                 bool with_exercises) {
  const auto& advice = rules.advice;
  out.key("safe_activities");
  out.begin_array();
  if (with_routine)
    for (const auto& a : advice.safe_activities) text_item(out, a);
  out.end_array();
  out.key("frequency"), text_advice(out, with_exercises ? advice.frequency : std::nullopt);
  out.key("expected_course"),
      text_advice(out, with_routine ? advice.expected_course : std::nullopt);
  out.key("plan"), plan(out, with_exercises ? advice.plan : std::nullopt);
}

void then_object(JsonOut& out, const ruleset::RuleSet& rules, const engine::Rule& rule) {
  // Values of one fact together: one is itself, several a list.
  out.begin_object();
  const auto& then = rule.then;
  for (std::size_t i = 0; i < then.size();) {
    std::size_t j = i;
    while (j < then.size() && then[j].fact == then[i].fact) ++j;
    out.key(rules.knowledge_base().facts()[then[i].fact].id);
    if (j - i > 1) out.begin_array();
    for (std::size_t k = i; k < j; ++k) write_answer(out, rules, then[k].fact, then[k].value);
    if (j - i > 1) out.end_array();
    i = j;
  }
  out.end_object();
}

// A red flag's entry: its item's fixed members around the two that depend
// on the answer.
void red_flag_head(JsonOut& out, const Item& item) {
  out.key("id"), out.string(item.id);
  out.key("label"), out.string(item.label);
}
void red_flag_tail(JsonOut& out, const Item& item) {
  out.key("why"), out.string(item.why);
  out.key("source"), out.string(item.source);
}

void assumed_entry(JsonOut& out, const ruleset::Question& q) {
  out.begin_object();
  out.key("id"), out.string(q.id);
  out.key("text"), out.string(q.assumed);
  out.end_object();
}

// The members that open a report: the schema, the rule set, the level.
void report_head(JsonOut& out, const ruleset::RuleSet& rules, const Item& level,
                 const Item* action = nullptr) {
  out.key("schema_version"), out.integer(kSchemaVersion);
  out.key("ruleset");
  out.begin_object();
  out.key("id"), out.string(rules.id);
  out.key("version"), out.string(rules.version);
  out.end_object();
  out.key("locale"), out.string(rules.locale);
  out.key("level"), out.string(level.id);
  out.key("level_label"), out.string(action ? action->action : level.label);
  out.key("advice"), out.string(action ? action->advice : level.advice);
}

void rule_head(JsonOut& out, const engine::Rule& rule) {
  out.key("id"), out.string(rule.id);
  out.key("source"), out.string(rule.source);
}

// Members written into a scratch object and returned without its braces,
// for raw_members to paste.
template <typename Write>
std::string members_of(Write write) {
  std::string object;
  JsonOut out(object, -1);
  out.begin_object();
  write(out);
  out.end_object();
  return object.substr(1, object.size() - 2);
}

}  // namespace

JsonReportWriter::JsonReportWriter(const ruleset::RuleSet& rules, Uses uses)
    : rules_(rules), cached_(uses == Uses::Many) {
  if (!cached_) return;
  auto cache = [&](engine::FactId fact, void (*shape)(JsonOut&, const Item&)) {
    if (fact < 0) return;
    for (const Item& item : rules.items_of(fact)) {
      std::string json;
      JsonOut out(json, -1);
      shape(out, item);
      items_.emplace(&item, std::move(json));
    }
  };
  cache(rules.roles.routine, exercise);
  cache(rules.roles.avoid, avoid_item);
  cache(rules.roles.tips, text_item);
  cache(rules.roles.reasons, reason_item);
  cache(rules.roles.watch_for, watch_item);
  for (const auto& rule : rules.knowledge_base().rules()) {
    std::string json;
    JsonOut out(json, -1);
    then_object(out, rules, rule);
    rule_then_.push_back(std::move(json));
    rule_head_.push_back(members_of([&](JsonOut& o) { rule_head(o, rule); }));
  }
  for (const Item& level : rules.levels())
    report_head_.emplace(&level, members_of([&](JsonOut& o) { report_head(o, rules, level); }));
  report_head_.emplace(&rules.undecided,
                       members_of([&](JsonOut& o) { report_head(o, rules, rules.undecided); }));
  for (const auto& fact : rules.knowledge_base().facts()) {
    std::string json;
    append_json_string(json, fact.id);
    fact_id_.push_back(std::move(json));
  }
  for (const auto& q : rules.questions) {
    std::string json;
    JsonOut out(json, -1);
    assumed_entry(out, q);
    assumed_.push_back(std::move(json));
  }
  if (rules.roles.red_flags >= 0)
    for (const Item& flag : rules.items_of(rules.roles.red_flags))
      red_flag_members_.emplace_back(members_of([&](JsonOut& o) { red_flag_head(o, flag); }),
                                     members_of([&](JsonOut& o) { red_flag_tail(o, flag); }));
  advice_tail_ = members_of([&](JsonOut& o) { advice_tail(o, rules, true, true); });
  disclaimer_ = members_of([&](JsonOut& o) { o.key("disclaimer"), o.string(rules.disclaimer); });
}

void JsonReportWriter::item(JsonOut& out, const Item* item,
                            void (*shape)(JsonOut&, const Item&)) const {
  if (out.compact() && cached_) {
    if (auto it = items_.find(item); it != items_.end()) return out.raw(it->second);
  }
  shape(out, *item);
}

void JsonReportWriter::fact_key(JsonOut& out, FactId fact) const {
  if (out.compact() && cached_) return out.quoted_key(fact_id_[fact]);
  out.key(rules_.knowledge_base().facts()[fact].id);
}

void JsonReportWriter::fact_string(JsonOut& out, FactId fact) const {
  if (out.compact() && cached_) return out.raw(fact_id_[fact]);
  out.string(rules_.knowledge_base().facts()[fact].id);
}

void JsonReportWriter::red_flag(JsonOut& out, const RedFlagEntry& flag) const {
  const bool pasted = out.compact() && cached_;
  const auto& members = pasted ? red_flag_members_[static_cast<std::size_t>(
                                     flag.item - rules_.items_of(rules_.roles.red_flags).data())]
                               : std::pair<std::string, std::string>();
  out.begin_object();
  if (pasted)
    out.raw_members(members.first);
  else
    red_flag_head(out, *flag.item);
  out.key("level"), out.string(flag.level ? flag.level->id : flag.item->level);
  out.key("answer"), out.string(flag.unsure ? "unsure" : "yes");
  if (pasted)
    out.raw_members(members.second);
  else
    red_flag_tail(out, *flag.item);
  out.end_object();
}

void JsonReportWriter::assumed(JsonOut& out, FactId question) const {
  if (out.compact() && cached_) return out.raw(assumed_[question]);
  assumed_entry(out, rules_.questions[question]);
}

void JsonReportWriter::classification(const Report& r, JsonOut& out) const {
  out.begin_object();
  for (std::size_t i = 0; i < r.classification.size(); ++i) {
    fact_key(out, rules_.roles.classification[i]);
    if (r.classification[i])
      out.string(r.classification[i]->id);
    else
      out.null();
  }
  out.end_object();
}

void JsonReportWriter::trace(const Report& r, JsonOut& out) const {
  const auto& kb = rules_.knowledge_base();
  const engine::FactTable& facts = r.evaluation->facts();
  out.begin_array();
  if (r.trace) {
    for (const auto& firing : r.trace->firings()) {
      const auto& rule = kb.rules()[firing.rule];
      out.begin_object();
      if (out.compact() && cached_)
        out.raw_members(rule_head_[firing.rule]);
      else
        rule_head(out, rule);
      out.key("because");
      out.begin_object();
      for (FactId f : firing.read) {
        fact_key(out, f);
        auto values = facts.certain(f);
        if (values.empty()) {
          out.null();
        } else if (values.size() == 1) {
          write_answer(out, rules_, f, values.front());
        } else {
          out.begin_array();
          for (Value v : values) write_answer(out, rules_, f, v);
          out.end_array();
        }
      }
      out.end_object();
      out.key("then");
      if (out.compact() && cached_)
        out.raw(rule_then_[firing.rule]);
      else
        then_object(out, rules_, rule);
      out.end_object();
    }
  }
  out.end_array();
}

void JsonReportWriter::write(const Report& r, JsonOut& out, std::string_view id) const {
  out.begin_object();
  if (!id.empty()) out.key("id"), out.raw(id);
  if (out.compact() && cached_ && !r.action)
    out.raw_members(report_head_.at(r.level));
  else
    report_head(out, rules_, *r.level, r.action);
  out.key("complete"), out.boolean(r.complete);
  out.key("red_flags");
  out.begin_array();
  for (const auto& flag : r.red_flags) red_flag(out, flag);
  out.end_array();
  out.key("reasons");
  out.begin_array();
  for (const Item* reason : r.reasons) item(out, reason, reason_item);
  out.end_array();
  out.key("classification"), classification(r, out);
  out.key("routine");
  out.begin_array();
  for (const Item* exercise_item : r.routine) {
    if (const std::string caution = r.caution_for(*exercise_item); !caution.empty())
      exercise_with(out, *exercise_item, caution);
    else
      item(out, exercise_item, exercise);
  }
  out.end_array();
  out.key("avoid");
  out.begin_array();
  for (const Item* a : r.avoid) item(out, a, avoid_item);
  out.end_array();
  out.key("tips");
  out.begin_array();
  for (const Item* t : r.tips) item(out, t, text_item);
  out.end_array();
  if (out.compact() && cached_ && r.with_exercises()) {
    out.raw_members(advice_tail_);
  } else {
    advice_tail(out, rules_, r.with_routine(), r.with_exercises());
  }
  out.key("watch_for");
  out.begin_array();
  for (const Item* w : r.watch_for) item(out, w, watch_item);
  out.end_array();
  out.key("unanswered");
  out.begin_array();
  for (FactId q : r.unanswered) fact_string(out, q);
  out.end_array();
  out.key("assumed");
  out.begin_array();
  for (FactId q : r.assumed) assumed(out, q);
  out.end_array();
  out.key("answers");
  out.begin_object();
  for (FactId q = 0; q < static_cast<FactId>(rules_.questions.size()); ++q)
    if ((*r.answers)[q]) {
      fact_key(out, q);
      write_answer(out, rules_, q, *(*r.answers)[q]);
    }
  out.end_object();
  out.key("trace"), trace(r, out);
  if (out.compact() && cached_)
    out.raw_members(disclaimer_);
  else
    out.key("disclaimer"), out.string(rules_.disclaimer);
  out.end_object();
}

void JsonReportWriter::write_brief(const Report& r, JsonOut& out, std::string_view id) const {
  auto ids = [&](const std::vector<const Item*>& items) {
    out.begin_array();
    for (const Item* i : items) out.string(i->id);
    out.end_array();
  };
  out.begin_object();
  if (!id.empty()) out.key("id"), out.raw(id);
  out.key("schema_version"), out.integer(kSchemaVersion);
  out.key("level"), out.string(r.level->id);
  out.key("complete"), out.boolean(r.complete);
  out.key("classification"), classification(r, out);
  out.key("red_flags");
  out.begin_array();
  for (const auto& flag : r.red_flags) out.string(flag.item->id);
  out.end_array();
  out.key("reasons"), ids(r.reasons);
  out.key("routine"), ids(r.routine);
  out.key("avoid"), ids(r.avoid);
  // The steps a person is told to watch for, most urgent first, once each.
  out.key("watch_for");
  out.begin_array();
  const Item* previous = nullptr;
  for (const Item* w : r.watch_for) {
    if (!previous || previous->level != w->level) out.string(w->level);
    previous = w;
  }
  out.end_array();
  out.end_object();
}

std::string render_json(const Report& report, int indent) {
  std::string text;
  JsonOut out(text, indent);
  JsonReportWriter(*report.rules, JsonReportWriter::Uses::Once).write(report, out);
  return text;
}

}  // namespace backtriage::report
