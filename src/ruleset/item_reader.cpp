#include <fmt/format.h>

#include <algorithm>

#include "ruleset/dose_reader.h"
#include "ruleset/figure_reader.h"
#include "ruleset/item_fields.h"
#include "ruleset/rule_set_builder.h"
#include "ruleset/spelling.h"
#include "ruleset/spoken_reader.h"

namespace backtriage::ruleset {

// The figures' captions by view: each id a view name, once, with a label.
void RuleSetBuilder::views(const YAML::Node& node) {
  rule_set_->views = items(node, Role::Classification);
  if (!node || !node.IsSequence()) return;
  for (const YAML::Node& element : node) {
    if (element.IsScalar())
      yaml_.error(element, fmt::format("view '{}' needs a label, the caption: {{id: {}, label: "
                                       "...}}",
                                       element.Scalar(), element.Scalar()));
    else if (element.IsMap() && element["id"])
      yaml_.one_of(element["id"], "view", view_names());
  }
}

Item RuleSetBuilder::item(const YAML::Node& node, Role role, const std::vector<std::string>& keys) {
  Item it;
  const std::string what(spec_of(role).word);
  if (node.IsScalar()) {  // a bare id
    it.id = id(node, what + " id", IdShape::Fact);
    return it;
  }
  if (!yaml_.check_map(node, with_article(what), keys)) return it;
  if (yaml_.require(node, "id", with_article(what)))
    it.id = id(node["id"], what + " id", IdShape::Fact);
  // Keys outside `keys` were reported by check_map; read only the allowed.
  auto has = [&](const char* key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  for (const ItemField& field : item_fields()) {
    if (field.checked) continue;
    const YAML::Node value = node[std::string(field.key)];
    if (field.text)
      it.*field.text = yaml_.scalar(value, field.key);
    else
      it.*field.list = yaml_.text_list(value, field.key);
  }
  it.dose = read_dose(yaml_, node["dose"]);
  if (has("kind")) it.kind = yaml_.one_of(node["kind"], "exercise kind", exercise_kinds());
  if (has("cds")) it.cds = yaml_.one_of(node["cds"], "CDS indicator", cds_indicators());
  if (has("color")) it.color = yaml_.one_of(node["color"], "colour", level_colors());
  if (has("routine")) it.routine = yaml_.boolean(node["routine"], "routine").value_or(false);
  if (has("level") && node["level"]) {
    it.level = yaml_.scalar(node["level"], "level");
    refer(PendingReference::Kind::Level, node["level"], "level");
  }
  if (has("region") && node["region"]) {
    it.region = yaml_.scalar(node["region"], "region");
    refer(PendingReference::Kind::ClassificationValue, node["region"], "region");
  }
  if (has("figure")) it.figure = read_figure(yaml_, node["figure"], rule_set_->views);
  auto referred = [&](const char* key, PendingReference::Kind kind, std::string& slot) {
    if (!has(key) || !node[key]) return;
    slot = yaml_.scalar(node[key], key);
    refer(kind, node[key], key);
  };
  referred("position", PendingReference::Kind::Position, it.position);
  referred("exercise", PendingReference::Kind::Exercise, it.exercise);
  if (has("says")) it.says = read_spoken_words(yaml_, node["says"], "says");
  if (const YAML::Node levels = node["watch_for"]; role == Role::Level && levels) {
    it.watch_levels = yaml_.text_list(levels, "watch_for");
    if (levels.IsSequence())
      for (const YAML::Node& level : levels)
        if (level.IsScalar()) refer(PendingReference::Kind::Level, level, "level");
  }
  if (has("replaces"))
    for (const YAML::Node& replaced : node["replaces"])
      if (replaced.IsScalar()) refer(PendingReference::Kind::WatchFor, replaced, "replaces");
  it.replaces = yaml_.text_list(node["replaces"], "replaces");
  // What each role cannot do without, and the two needs that depend on the
  // rest of the file.
  for (const std::string& key : spec_of(role).required)
    yaml_.require(node, key.c_str(), with_article(what));
  if (role == Role::RedFlags && (node["action"] || node["advice"])) {
    yaml_.require(node, "action", with_article(what));
    yaml_.require(node, "advice", with_article(what));
  }
  // A rule set that names positions places every exercise in one.
  if (role == Role::Routine && !rule_set_->positions.empty())
    yaml_.require(node, "position", with_article(what));
  return it;
}

std::vector<Item> RuleSetBuilder::items(const YAML::Node& node, Role role) {
  std::vector<Item> out;
  if (!node) return out;
  if (!node.IsSequence()) {
    yaml_.error(node, fmt::format("the {}s must be a list", spec_of(role).word));
    return out;
  }
  std::set<std::string> seen;
  for (const auto& element : node) {
    Item it = item(element, role, spec_of(role).keys);
    if (!it.id.empty() && !seen.insert(it.id).second)
      yaml_.error(element, fmt::format("duplicate {} '{}'", spec_of(role).word, it.id));
    out.push_back(std::move(it));
  }
  return out;
}

}  // namespace backtriage::ruleset
