#include "report/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "report/json_items.h"
#include "report/render_json.h"

namespace backtriage::report {

namespace {

constexpr auto kReplace = JsonErrorHandler::replace;
constexpr auto kStrict = JsonErrorHandler::strict;

bool same_range(const std::optional<ruleset::Range>& a, const std::optional<ruleset::Range>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->min == b->min && a->max == b->max);
}

bool same_dose(const std::optional<ruleset::Dose>& a, const std::optional<ruleset::Dose>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (same_range(a->hold_seconds, b->hold_seconds) &&
                same_range(a->hold_breaths, b->hold_breaths) && same_range(a->reps, b->reps) &&
                same_range(a->sets, b->sets) && a->per_side == b->per_side &&
                a->alternating == b->alternating && a->per_week == b->per_week);
}

// Every field of ruleset::Item, not only those a shape shows, so a cached
// fragment is used only for an identical item. A field added to Item must
// be added here.
bool same_item(const ruleset::Item& a, const ruleset::Item& b) {
  return a.id == b.id && a.name == b.name && a.label == b.label && a.care == b.care &&
         a.region == b.region && a.kind == b.kind && a.purpose == b.purpose &&
         a.reason == b.reason && a.text == b.text && a.advice == b.advice && a.source == b.source &&
         a.equipment == b.equipment && a.steps == b.steps && same_dose(a.dose, b.dose) &&
         a.per_week == b.per_week;
}

template <typename Value>
bool has_duplicate_keys(const std::vector<std::pair<std::string, Value>>& entries) {
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (std::size_t j = i + 1; j < entries.size(); ++j)
      if (entries[i].first == entries[j].first) return true;
  return false;
}

// nlohmann merges or overwrites repeated keys of an object; such reports
// (none come from build_report) are left to render_json.
bool has_duplicate_keys(const Report& r) {
  if (has_duplicate_keys(r.answers)) return true;
  for (const auto& step : r.trace)
    if (has_duplicate_keys(step.because) || has_duplicate_keys(step.asserted)) return true;
  return false;
}

void append_integer(std::string& out, std::int64_t n) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

}  // namespace

JsonWriter::JsonWriter(const ruleset::RuleSet& rules) {
  auto cache_set = [&](const char* fact_name, ItemCache& cache, Shape shape) {
    auto fact = rules.find_fact(fact_name);
    if (!fact || rules.is_question(*fact)) return;
    for (const auto& item : rules.derived_fact(*fact).values)
      cache.try_emplace(item.id, CachedItem{item, json_items::dump_compact(shape(item))});
  };
  // As build_report picks them.
  cache_set("red_flag", red_flags_, json_items::red_flag);
  cache_set("routine", routine_, json_items::routine_item);
  cache_set("avoid", avoid_, json_items::avoid_item);
  cache_set("tip", tips_, json_items::text_item);
  for (const auto& item : rules.advice.safe_activities)
    safe_activities_.try_emplace(
        item.id, CachedItem{item, json_items::dump_compact(json_items::text_item(item))});
  auto cache_advice = [](const std::optional<ruleset::Item>& item,
                         std::optional<CachedItem>& cached) {
    if (item) cached = CachedItem{*item, json_items::dump_compact(json_items::text_advice(item))};
  };
  cache_advice(rules.advice.frequency, frequency_);
  cache_advice(rules.advice.expected_course, expected_course_);

  // The other strings a report takes from the rule set.
  remember_string(rules.id);
  remember_string(rules.version);
  remember_string(rules.disclaimer);
  for (const auto& q : rules.questions) {
    remember_string(q.id);
    for (const auto& choice : q.choices) remember_string(choice.id);
  }
  for (const auto& d : rules.derived) {
    remember_string(d.id);
    remember_string(d.undecided);
    remember_string(d.undecided_label);
    remember_string(d.undecided_advice);
    for (const auto& value : d.values) {
      remember_string(value.id);
      remember_string(value.label);
      remember_string(value.advice);
    }
  }
  for (const auto& fact : rules.knowledge_base().facts()) remember_string(fact.id);
  for (const auto& rule : rules.knowledge_base().rules()) {
    remember_string(rule.id);
    remember_string(rule.source);
  }
}

void JsonWriter::remember_string(const std::string& text) {
  if (is_ascii(text) || known_strings_.count(text)) return;
  try {
    known_strings_.emplace(text, nlohmann::ordered_json(text).dump(-1, ' ', false, kStrict));
  } catch (const nlohmann::ordered_json::type_error&) {
    // Not UTF-8: left to nlohmann each time, which replaces or throws.
  }
}

void JsonWriter::append_string(std::string& out, std::string_view text,
                               JsonErrorHandler handler) const {
  if (append_ascii_json_string(out, text)) return;
  if (auto it = known_strings_.find(std::string(text)); it != known_strings_.end())
    out += it->second;
  else
    append_json_string(out, text, handler);
}

void JsonWriter::append_value(std::string& out, const AnswerValue& v) const {
  if (auto* b = std::get_if<bool>(&v)) {
    out += *b ? "true" : "false";
  } else if (auto* d = std::get_if<double>(&v)) {
    // json_items::answer_value's rule: whole numbers as integers.
    if (std::nearbyint(*d) == *d && std::fabs(*d) < 9.0e15)
      append_integer(out, static_cast<std::int64_t>(*d));
    else
      out += json_items::dump_compact(json_items::answer_value(v));
  } else {
    append_string(out, std::get<std::string>(v), kReplace);
  }
}

// A trace fact's values as render_json writes them: null for none, the
// value alone for one, a list for more.
void JsonWriter::append_values(std::string& out, const std::vector<AnswerValue>& values) const {
  if (values.empty()) {
    out += "null";
  } else if (values.size() == 1) {
    append_value(out, values.front());
  } else {
    out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out += ',';
      append_value(out, values[i]);
    }
    out += ']';
  }
}

void JsonWriter::append_items(std::string& out, const std::vector<ruleset::Item>& items,
                              const ItemCache& cache, Shape shape) const {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    auto it = cache.find(items[i].id);
    if (it != cache.end() && same_item(it->second.item, items[i]))
      out += it->second.json;
    else
      out += json_items::dump_compact(shape(items[i]));
  }
  out += ']';
}

void JsonWriter::append_text_advice(std::string& out, const std::optional<ruleset::Item>& item,
                                    const std::optional<CachedItem>& cached) const {
  if (item && cached && same_item(cached->item, *item))
    out += cached->json;
  else
    out += json_items::dump_compact(json_items::text_advice(item));
}

void JsonWriter::append_classification(std::string& out, const Report& r,
                                       JsonErrorHandler handler) const {
  auto field = [&](const char* key, const std::optional<std::string>& value) {
    out += key;
    if (value)
      append_string(out, *value, handler);
    else
      out += "null";
  };
  field("{\"duration\":", r.duration);
  field(",\"pain_type\":", r.pain_type);
  field(",\"region\":", r.region);
  out += '}';
}

void JsonWriter::append_ids(std::string& out, const std::vector<ruleset::Item>& items) const {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append_string(out, items[i].id, kStrict);
  }
  out += ']';
}

void JsonWriter::write(const Report& r, std::string& out) const {
  if (has_duplicate_keys(r)) {
    out += render_json(r, -1);
    return;
  }
  out += "{\"schema_version\":";
  append_integer(out, kSchemaVersion);
  out += ",\"ruleset\":{\"id\":";
  append_string(out, r.ruleset_id, kReplace);
  out += ",\"version\":";
  append_string(out, r.ruleset_version, kReplace);
  out += "},\"level\":";
  append_string(out, r.level, kReplace);
  out += ",\"level_label\":";
  append_string(out, r.level_label, kReplace);
  out += ",\"advice\":";
  append_string(out, r.level_advice, kReplace);
  out += ",\"red_flags\":";
  append_items(out, r.red_flags, red_flags_, json_items::red_flag);
  out += ",\"classification\":";
  append_classification(out, r, kReplace);
  out += ",\"routine\":";
  append_items(out, r.routine, routine_, json_items::routine_item);
  out += ",\"avoid\":";
  append_items(out, r.avoid, avoid_, json_items::avoid_item);
  out += ",\"tips\":";
  append_items(out, r.tips, tips_, json_items::text_item);
  out += ",\"safe_activities\":";
  append_items(out, r.safe_activities, safe_activities_, json_items::text_item);
  out += ",\"frequency\":";
  append_text_advice(out, r.frequency, frequency_);
  out += ",\"expected_course\":";
  append_text_advice(out, r.expected_course, expected_course_);
  out += ",\"unanswered\":[";
  for (std::size_t i = 0; i < r.unanswered.size(); ++i) {
    if (i) out += ',';
    append_string(out, r.unanswered[i], kReplace);
  }
  out += "],\"answers\":{";
  for (std::size_t i = 0; i < r.answers.size(); ++i) {
    if (i) out += ',';
    append_string(out, r.answers[i].first, kReplace);
    out += ':';
    append_value(out, r.answers[i].second);
  }
  out += "},\"trace\":[";
  for (std::size_t s = 0; s < r.trace.size(); ++s) {
    const auto& step = r.trace[s];
    if (s) out += ',';
    out += "{\"id\":";
    append_string(out, step.rule, kReplace);
    out += ",\"source\":";
    append_string(out, step.source, kReplace);
    out += ",\"because\":{";
    // As render_json: no value is null, one is itself, more an array.
    bool first = true;
    for (const auto& [fact, values] : step.because) {
      if (!first) out += ',';
      first = false;
      append_string(out, fact, kReplace);
      out += ':';
      append_values(out, values);
    }
    out += "},\"then\":{";
    // As render_json: a fact asserted with no value does not appear.
    first = true;
    for (const auto& [fact, values] : step.asserted) {
      if (values.empty()) continue;
      if (!first) out += ',';
      first = false;
      append_string(out, fact, kReplace);
      out += ':';
      append_values(out, values);
    }
    out += "}}";
  }
  out += "],\"disclaimer\":";
  append_string(out, r.disclaimer, kReplace);
  out += '}';
}

void JsonWriter::write_brief(const Report& r, std::string& out) const {
  out += "{\"level\":";
  append_string(out, r.level, kStrict);
  out += ",\"classification\":";
  append_classification(out, r, kStrict);
  out += ",\"red_flags\":";
  append_ids(out, r.red_flags);
  out += ",\"routine\":";
  append_ids(out, r.routine);
  out += ",\"avoid\":";
  append_ids(out, r.avoid);
  out += '}';
}

}  // namespace backtriage::report
