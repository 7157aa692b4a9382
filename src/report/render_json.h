#pragma once
// The report as JSON: the contract's keys, always present, in a fixed order
// (documented by rules/schema/report.schema.json). This is the one place the
// report's JSON shape is written; compact output pastes fragments rendered
// once per rule set (exercises, rule conclusions...), which the same code
// wrote (json_parts.h), so both forms always agree.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/byte_key_map.h"
#include "report/item_table.h"
#include "report/json_out.h"
#include "report/report.h"

namespace backtriage::report {

class JsonReportWriter {
 public:
  // Uses: Many (batch) renders the rule set's fixed parts once, for compact
  // output to paste; Once (a single report) writes everything as it goes,
  // which is cheaper than rendering every item for the few it shows.
  enum class Uses { Once, Many };
  explicit JsonReportWriter(const ruleset::RuleSet& rules, Uses uses = Uses::Many);

  // `id` is the batch line's id as JSON text (a string or a number), or
  // empty; it comes first.
  void write(const Report& report, JsonOut& out, std::string_view id = {}) const;
  // --brief: level, complete, classification and the ids of red flags,
  // reasons, routine and avoid.
  void write_brief(const Report& report, JsonOut& out, std::string_view id = {}) const;

 private:
  void item(JsonOut& out, ruleset::Role role, const ruleset::Item* item) const;
  // A fact's or question's id as a key, or as a string value.
  void fact_key(JsonOut& out, engine::FactId fact) const;
  void fact_string(JsonOut& out, engine::FactId fact) const;
  void red_flag(JsonOut& out, const RedFlagEntry& flag) const;
  void assumed(JsonOut& out, engine::FactId question) const;
  void answer(JsonOut& out, engine::FactId fact, engine::Value value) const;
  // `"fact":value`, a member of `answers` or of a trace entry's `because`.
  void answer_member(JsonOut& out, engine::FactId fact, engine::Value value) const;
  // An exercise of the routine, with the caution the report gives for it.
  void exercise(JsonOut& out, const ruleset::Item* item, const std::string& caution) const;
  void classification(const Report& report, JsonOut& out) const;
  // --brief's members after the id.
  void brief_members(const Report& report, JsonOut& out) const;
  // An item's id as a string value.
  void item_id(JsonOut& out, const ruleset::Item* item) const;
  void trace(const Report& report, JsonOut& out) const;
  void because(JsonOut& out, const engine::FactTable& facts,
               std::span<const engine::FactId> read) const;

  const ruleset::RuleSet& rules_;
  // Compact JSON of each item a report can show, and of each rule's
  // conclusions, rendered once.
  ItemTable<std::string> items_;
  // By rule, compact: a trace entry up to its `because` object (id and
  // source), and from after it to its end (`then`). A full report has a
  // dozen entries; pasting these took the trace from 17,300 to 14,800
  // instructions a line.
  std::vector<std::string> entry_start_, entry_end_;
  // Whole compact trace entries already written, by their rule and the
  // certain values of the facts it read, which decide every byte: most of a
  // line's dozen entries are another line's. Filled as lines are written,
  // so a writer belongs to one batch worker.
  //
  // First by a number (entry_code): for a rule that reads at most
  // kMostCoded facts (entry_coded_, by rule), when each holds one value at
  // most and that a whole number below 127 (a bool, a symbol, an age, a
  // number of weeks), 7 bits a fact tell its entries apart. They are kept by
  // rule and searched in order, at most kCodedKept a rule, then forgotten:
  // building and hashing a string key cost more than pasting the entry, and
  // took 1.8% of a full report.
  static constexpr std::size_t kMostCoded = 9, kCodedKept = 128;
  std::vector<char> entry_coded_;
  // A rule's codes apart from its entries: the search reads eight bytes an
  // entry, not a string's forty besides (a first-level cache miss or so a
  // rule, which a line's output had pushed out).
  struct CodedEntries {
    std::vector<std::uint64_t> codes;
    std::vector<std::string> entries;  // by the code's place
  };
  mutable std::vector<CodedEntries> coded_entries_;
  // Otherwise (a set with several values) by a string key (entry_key_), for
  // rules that read no number (entry_kept_, by rule): numbers would fill
  // the map with entries met once. At most kEntriesKept, then all forgotten.
  static constexpr std::size_t kEntriesKept = 4096;
  std::vector<char> entry_kept_;
  mutable ByteKeyMap<std::string> entries_;
  mutable std::string entry_key_, entry_scratch_, exercise_scratch_;
  ItemTable<std::string> report_head_;  // schema ... advice
  std::vector<std::string> fact_id_;    // by fact: its id as a JSON string
  // By item, for the kinds --brief lists (a level, a classification value,
  // a red flag, a reason, an exercise, an activity to avoid): its id as a
  // JSON string. Escaping thirty ids a line was 3% of a brief report.
  ItemTable<std::string> item_id_;
  std::vector<std::string> assumed_;  // by question: its `assumed` entry
  // --brief bodies (every member after the id) already written, compact, by
  // the items they name and `complete` (brief_key_), which decide every
  // byte: a body is a shape of report, and reports come in few shapes (832
  // in the bench's 100,000 lines), so writing them again was 14% of a brief
  // line. At most kBriefsKept, then no more are added.
  static constexpr std::size_t kBriefsKept = 4096;
  mutable ByteKeyMap<std::string> briefs_;
  mutable std::vector<std::uintptr_t> brief_key_;
  // By fact and value, for values that are small whole numbers (a bool,
  // the unsure answer, a symbol, a number below kWholeNumbersKept): the
  // value as write_answer writes it.
  static constexpr std::size_t kWholeNumbersKept = 128;
  std::vector<std::vector<std::string>> answer_;
  // The same as members, the key before each (`"fever":"no"`): one paste
  // for each answer of a full report, where key and value were two.
  std::vector<std::vector<std::string>> answer_member_;
  // By red-flag item: its members before and after `level` and `answer`.
  std::vector<std::pair<std::string, std::string>> red_flag_members_;
  std::string disclaimer_;
  std::string advice_tail_;  // safe_activities ... plan, with a routine
  bool cached_ = false;      // the above are filled in
};

// The whole report as text: indented by `indent`, or compact when < 0.
std::string render_json(const Report& report, int indent = 2);

}  // namespace backtriage::report
