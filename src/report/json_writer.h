#pragma once
// Writes reports as compact JSON without building a json value per report:
// the JSON of every item a rule set can put in a report (exercises, red
// flags, advice...) is rendered once, up front, and pasted in. Output is byte
// for byte render_json(r, -1) and to_brief_json(r).dump(), for any report —
// an item that differs from the rule set's copy is rendered afresh.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "report/json_string.h"
#include "report/report.h"
#include "ruleset/rule_set.h"

namespace backtriage::report {

class JsonWriter {
 public:
  explicit JsonWriter(const ruleset::RuleSet& rules);

  // Appends render_json(r, -1), without the newline.
  void write(const Report& r, std::string& out) const;
  // Appends to_brief_json(r).dump(); throws as it does on text not UTF-8.
  void write_brief(const Report& r, std::string& out) const;

 private:
  struct CachedItem {
    ruleset::Item item;  // to check a report's item is this one
    std::string json;
  };
  using ItemCache = std::unordered_map<std::string, CachedItem>;
  using Shape = nlohmann::ordered_json (*)(const ruleset::Item&);

  void append_items(std::string& out, const std::vector<ruleset::Item>& items,
                    const ItemCache& cache, Shape shape) const;
  void append_text_advice(std::string& out, const std::optional<ruleset::Item>& item,
                          const std::optional<CachedItem>& cached) const;
  void append_classification(std::string& out, const Report& r, JsonErrorHandler handler) const;
  void append_string(std::string& out, std::string_view text, JsonErrorHandler handler) const;
  void append_value(std::string& out, const AnswerValue& v) const;
  void append_values(std::string& out, const std::vector<AnswerValue>& values) const;
  void append_ids(std::string& out, const std::vector<ruleset::Item>& items) const;
  void remember_string(const std::string& text);

  ItemCache red_flags_, routine_, avoid_, tips_, safe_activities_;
  std::optional<CachedItem> frequency_, expected_course_;
  // The JSON of the rule set's strings that are not ASCII (which would
  // otherwise go through nlohmann each time); valid UTF-8 only.
  std::unordered_map<std::string, std::string> known_strings_;
};

}  // namespace backtriage::report
