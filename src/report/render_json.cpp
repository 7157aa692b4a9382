#include "report/render_json.h"

#include <algorithm>
#include <optional>

#include "engine/key_writer.h"
#include "report/json_parts.h"
#include "ruleset/answer_domain.h"

namespace backtriage::report {

using engine::FactId;
using engine::Value;
using ruleset::Item;

namespace {

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

// `value` as an index below `limit`, when it is a whole number there: the
// values whose JSON is written once (answers) or that a code can hold.
std::optional<std::size_t> whole_below(Value value, std::size_t limit) {
  const double x = value.as_number();
  if (x >= 0 && x < static_cast<double>(limit) &&
      x == static_cast<double>(static_cast<std::size_t>(x)))
    return static_cast<std::size_t>(x);
  return std::nullopt;
}

// What a trace entry's `because` shows, as a number: 7 bits for each fact
// read, in order, 0 for no value and the value plus one for a small whole
// number; none when a fact holds more than one value or any other value.
// With at most nine facts, two codes of one rule are equal only when its
// facts hold the same values (a firing's `read` is always its rule's list:
// engine/trace.h).
std::optional<std::uint64_t> entry_code(const engine::FactTable& facts,
                                        std::span<const FactId> read) {
  std::uint64_t code = 0;
  for (FactId f : read) {
    const auto values = facts.certain(f);
    std::uint64_t value = 0;
    if (values.size() == 1) {
      const auto whole = whole_below(values.front(), 127);
      if (!whole) return std::nullopt;
      value = *whole + 1;
    } else if (!values.empty()) {
      return std::nullopt;
    }
    code = code << 7 | value;
  }
  return code;
}

}  // namespace

JsonReportWriter::JsonReportWriter(const ruleset::RuleSet& rules, Uses uses)
    : rules_(rules), cached_(uses == Uses::Many) {
  if (!cached_) return;
  for (ruleset::Role role : {ruleset::Role::Routine, ruleset::Role::Avoid, ruleset::Role::Tips,
                             ruleset::Role::Reasons, ruleset::Role::WatchFor}) {
    const engine::FactId fact = rules.roles.*ruleset::spec_of(role).fact;
    if (fact < 0) continue;
    for (const Item& item : rules.items_of(fact)) {
      std::string json;
      JsonOut out(json, -1);
      json_item(out, role, item);
      items_.add(&item, std::move(json));
    }
  }
  for (const auto& rule : rules.knowledge_base().rules()) {
    std::string json;
    JsonOut out(json, -1);
    json_then(out, rules, rule);
    const std::string head = members_of([&](JsonOut& o) { json_rule_head(o, rule); });
    entry_start_.push_back("{" + head + (head.empty() ? "" : ",") + "\"because\":");
    entry_end_.push_back(",\"then\":" + json + "}");
    const auto& kb = rules.knowledge_base();
    const auto& reads = kb.reads(static_cast<int>(entry_end_.size() - 1));
    entry_kept_.push_back(std::none_of(reads.begin(), reads.end(), [&](FactId f) {
      return kb.facts()[f].type == engine::FactType::Number;
    }));
    entry_coded_.push_back(reads.size() <= kMostCoded);
  }
  for (const Item& level : rules.levels())
    report_head_.add(&level, members_of([&](JsonOut& o) { json_report_head(o, rules, level); }));
  report_head_.add(&rules.undecided,
                   members_of([&](JsonOut& o) { json_report_head(o, rules, rules.undecided); }));
  coded_entries_.resize(entry_coded_.size());
  for (const auto& fact : rules.knowledge_base().facts()) {
    std::string json;
    append_json_string(json, fact.id);
    fact_id_.push_back(std::move(json));
  }
  auto quote_ids = [&](FactId fact) {
    if (fact < 0) return;
    for (const Item& item : rules.items_of(fact)) {
      std::string json;
      append_json_string(json, item.id);
      item_id_.add(&item, std::move(json));
    }
  };
  for (const FactId fact : {rules.roles.level, rules.roles.red_flags, rules.roles.reasons,
                            rules.roles.routine, rules.roles.avoid})
    quote_ids(fact);
  for (const FactId fact : rules.roles.classification) quote_ids(fact);
  for (FactId f = 0; f < static_cast<FactId>(rules.knowledge_base().facts().size()); ++f) {
    const auto& decl = rules.knowledge_base().facts()[f];
    // Numbers too, the whole ones an age or a count of weeks takes.
    const std::size_t values = decl.type == engine::FactType::Bool     ? ruleset::kUnsureValue + 1
                               : decl.has_symbols()                    ? decl.symbols.size()
                               : decl.type == engine::FactType::Number ? kWholeNumbersKept
                                                                       : 0;
    answer_.emplace_back();
    answer_member_.emplace_back();
    for (std::size_t v = 0; v < values; ++v) {
      std::string json;
      JsonOut out(json, -1);
      write_answer(out, rules, f, Value::symbol(static_cast<int>(v)));
      answer_member_.back().push_back(fact_id_[f] + ":" + json);
      answer_.back().push_back(std::move(json));
    }
  }
  for (const auto& q : rules.questions) {
    std::string json;
    JsonOut out(json, -1);
    json_assumed(out, q);
    assumed_.push_back(std::move(json));
  }
  if (rules.roles.red_flags >= 0)
    for (const Item& flag : rules.items_of(rules.roles.red_flags))
      red_flag_members_.emplace_back(members_of([&](JsonOut& o) { json_red_flag_head(o, flag); }),
                                     members_of([&](JsonOut& o) { json_red_flag_tail(o, flag); }));
  advice_tail_ = members_of([&](JsonOut& o) { json_advice_tail(o, rules, true, true); });
  disclaimer_ = members_of([&](JsonOut& o) { o.key("disclaimer"), o.string(rules.disclaimer); });
}

void JsonReportWriter::item(JsonOut& out, ruleset::Role role, const Item* item) const {
  if (out.compact() && cached_) {
    if (const std::string* json = items_.find(item)) return out.raw(*json);
  }
  json_item(out, role, *item);
}

void JsonReportWriter::fact_key(JsonOut& out, FactId fact) const {
  if (out.compact() && cached_) return out.quoted_key(fact_id_[fact]);
  out.key_text(rules_.knowledge_base().facts()[fact].id);
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
    json_red_flag_head(out, *flag.item);
  out.key("level"),
      out.string(flag.level ? flag.level->id : flag.item->as<ruleset::RedFlag>().level);
  out.key("answer"), out.string(flag.unsure ? "unsure" : "yes");
  if (pasted)
    out.raw_members(members.second);
  else
    json_red_flag_tail(out, *flag.item);
  out.end_object();
}

void JsonReportWriter::assumed(JsonOut& out, FactId question) const {
  if (out.compact() && cached_) return out.raw(assumed_[question]);
  json_assumed(out, rules_.questions[question]);
}

namespace {

// What was written for `value`, a small whole number, by the number; or
// null for any other value.
const std::string* written_for(const std::vector<std::string>& written, Value value) {
  const auto at = whole_below(value, written.size());
  return at ? &written[*at] : nullptr;
}

}  // namespace

void JsonReportWriter::answer(JsonOut& out, FactId fact, Value value) const {
  if (out.compact() && cached_)
    if (const std::string* json = written_for(answer_[fact], value)) return out.raw(*json);
  write_answer(out, rules_, fact, value);
}

void JsonReportWriter::answer_member(JsonOut& out, FactId fact, Value value) const {
  if (out.compact() && cached_)
    if (const std::string* json = written_for(answer_member_[fact], value))
      return out.raw_members(*json);
  fact_key(out, fact);
  answer(out, fact, value);
}

void JsonReportWriter::exercise(JsonOut& out, const Item* item, const std::string& caution) const {
  if (caution.empty()) return this->item(out, ruleset::Role::Routine, item);
  if (out.compact() && cached_) {
    if (const std::string* cached = items_.find(item)) {
      // The exercise as cached, its closing brace replaced by the caution:
      // what json_exercise_with writes last.
      std::string& json = exercise_scratch_;
      json.assign(*cached, 0, cached->size() - 1);
      json += ",\"caution\":";
      append_json_string(json, caution);
      json += '}';
      return out.raw(json);
    }
  }
  json_exercise_with(out, *item, caution);
}

void JsonReportWriter::item_id(JsonOut& out, const Item* item) const {
  if (out.compact() && cached_)
    if (const std::string* json = item_id_.find(item)) return out.raw(*json);
  out.string(item->id);
}

void JsonReportWriter::classification(const Report& r, JsonOut& out) const {
  out.begin_object();
  for (std::size_t i = 0; i < r.classification.size(); ++i) {
    fact_key(out, rules_.roles.classification[i]);
    if (r.classification[i])
      item_id(out, r.classification[i]);
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
    if (out.compact() && cached_) {
      // Each entry written whole, then pasted: the same bytes as the
      // member-by-member writing below.
      auto write_entry = [&](std::string& entry, const engine::Firing& firing) {
        entry = entry_start_[firing.rule];
        JsonOut members(entry, -1);
        members.begin_object();
        because(members, facts, firing.read);
        members.end_object();
        entry += entry_end_[firing.rule];
      };
      for (const auto& firing : r.trace->firings()) {
        if (entry_coded_[firing.rule]) {
          if (const auto code = entry_code(facts, firing.read)) {
            CodedEntries& kept = coded_entries_[firing.rule];
            auto at = static_cast<std::size_t>(
                std::find(kept.codes.begin(), kept.codes.end(), *code) - kept.codes.begin());
            if (at == kept.codes.size()) {
              if (at >= kCodedKept) {
                kept.codes.clear();
                kept.entries.clear();
              }
              at = kept.codes.size();
              kept.codes.push_back(*code);
              write_entry(kept.entries.emplace_back(), firing);
            }
            out.raw(kept.entries[at]);
            continue;
          }
        }
        if (!entry_kept_[firing.rule]) {
          write_entry(entry_scratch_, firing);
          out.raw(entry_scratch_);
          continue;
        }
        std::string& key = entry_key_;
        key.clear();
        {
          engine::KeyWriter out(key);  // appends as it goes out of scope
          out.raw(firing.rule);
          for (FactId f : firing.read) out.values(facts.certain(f));
        }
        const std::string* entry = entries_.find(key);
        if (!entry) {
          if (entries_.size() >= kEntriesKept) entries_.clear();
          std::string& written = entries_.add(key, std::string());
          write_entry(written, firing);
          entry = &written;
        }
        out.raw(*entry);
      }
    } else {
      for (const auto& firing : r.trace->firings()) {
        out.begin_object();
        json_rule_head(out, kb.rules()[firing.rule]);
        out.key("because");
        out.begin_object();
        because(out, facts, firing.read);
        out.end_object();
        out.key("then");
        json_then(out, rules_, kb.rules()[firing.rule]);
        out.end_object();
      }
    }
  }
  out.end_array();
}

// The members of a trace entry's `because`: each fact its rule read, with
// its certain values (null for none, an array for several).
void JsonReportWriter::because(JsonOut& out, const engine::FactTable& facts,
                               std::span<const FactId> read) const {
  for (FactId f : read) {
    auto values = facts.certain(f);
    if (values.size() == 1) {
      answer_member(out, f, values.front());
      continue;
    }
    fact_key(out, f);
    if (values.empty()) {
      out.null();
    } else {
      out.begin_array();
      for (Value v : values) answer(out, f, v);
      out.end_array();
    }
  }
}

void JsonReportWriter::write(const Report& r, JsonOut& out, std::string_view id) const {
  out.begin_object();
  if (!id.empty()) out.key("id"), out.raw(id);
  if (const std::string* head =
          out.compact() && cached_ && !r.action ? report_head_.find(r.level) : nullptr)
    out.raw_members(*head);
  else
    json_report_head(out, rules_, *r.level, r.action);
  out.key("complete"), out.boolean(r.complete);
  out.key("red_flags");
  out.begin_array();
  for (const auto& flag : r.red_flags) red_flag(out, flag);
  out.end_array();
  out.key("reasons");
  out.begin_array();
  for (const Item* reason : r.reasons) item(out, ruleset::Role::Reasons, reason);
  out.end_array();
  out.key("classification"), classification(r, out);
  out.key("routine");
  out.begin_array();
  for (const Item* exercise_item : r.routine)
    exercise(out, exercise_item, r.caution_for(*exercise_item));
  out.end_array();
  out.key("avoid");
  out.begin_array();
  for (const Item* a : r.avoid) item(out, ruleset::Role::Avoid, a);
  out.end_array();
  out.key("tips");
  out.begin_array();
  for (const Item* t : r.tips) item(out, ruleset::Role::Tips, t);
  out.end_array();
  if (out.compact() && cached_ && r.with_exercises()) {
    out.raw_members(advice_tail_);
  } else {
    json_advice_tail(out, rules_, r.with_routine(), r.with_exercises());
  }
  out.key("watch_for");
  out.begin_array();
  for (const Item* w : r.watch_for) item(out, ruleset::Role::WatchFor, w);
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
    if ((*r.answers)[q]) answer_member(out, q, *(*r.answers)[q]);
  out.end_object();
  out.key("trace"), trace(r, out);
  if (out.compact() && cached_)
    out.raw_members(disclaimer_);
  else
    out.key("disclaimer"), out.string(rules_.disclaimer);
  out.end_object();
}

void JsonReportWriter::write_brief(const Report& r, JsonOut& out, std::string_view id) const {
  out.begin_object();
  if (!id.empty()) out.key("id"), out.raw(id);
  if (!out.compact() || !cached_) {
    brief_members(r, out);
    return out.end_object();
  }
  // What brief_members reads: the lists' lengths keep one list's items
  // from passing for the next one's.
  std::vector<std::uintptr_t>& key = brief_key_;
  key.clear();
  auto add = [&](const Item* item) { key.push_back(reinterpret_cast<std::uintptr_t>(item)); };
  auto add_list = [&](const std::vector<const Item*>& items) {
    key.push_back(items.size());
    for (const Item* item : items) add(item);
  };
  add(r.level);
  key.push_back(r.complete);
  add_list(r.classification);
  key.push_back(r.red_flags.size());
  for (const auto& flag : r.red_flags) add(flag.item);
  add_list(r.reasons);
  add_list(r.routine);
  add_list(r.avoid);
  add_list(r.watch_for);
  if (const std::string* body = briefs_.find(key_bytes(key))) {
    out.raw_members(*body);
  } else {
    std::string written = members_of([&](JsonOut& o) { brief_members(r, o); });
    out.raw_members(written);
    if (briefs_.size() < kBriefsKept) briefs_.add(key_bytes(key), std::move(written));
  }
  out.end_object();
}

void JsonReportWriter::brief_members(const Report& r, JsonOut& out) const {
  auto ids = [&](const std::vector<const Item*>& items) {
    out.begin_array();
    for (const Item* i : items) item_id(out, i);
    out.end_array();
  };
  out.key("schema_version"), out.integer(kSchemaVersion);
  out.key("level"), item_id(out, r.level);
  out.key("complete"), out.boolean(r.complete);
  out.key("classification"), classification(r, out);
  out.key("red_flags");
  out.begin_array();
  for (const auto& flag : r.red_flags) item_id(out, flag.item);
  out.end_array();
  out.key("reasons"), ids(r.reasons);
  out.key("routine"), ids(r.routine);
  out.key("avoid"), ids(r.avoid);
  // The steps a person is told to watch for, most urgent first, once each.
  out.key("watch_for");
  out.begin_array();
  const Item* previous = nullptr;
  for (const Item* w : r.watch_for) {
    const std::string& level = w->as<ruleset::WatchFor>().level;
    if (!previous || previous->as<ruleset::WatchFor>().level != level) out.string(level);
    previous = w;
  }
  out.end_array();
}

std::string render_json(const Report& report, int indent) {
  std::string text;
  JsonOut out(text, indent);
  JsonReportWriter(*report.rules, JsonReportWriter::Uses::Once).write(report, out);
  return text;
}

}  // namespace backtriage::report
