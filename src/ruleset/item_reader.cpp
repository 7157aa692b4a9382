#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "ruleset/dose_reader.h"
#include "ruleset/figure_reader.h"
#include "ruleset/rule_set_builder.h"
#include "ruleset/spelling.h"
#include "ruleset/spoken_reader.h"

namespace backtriage::ruleset {

// The figures' captions by view: each id a view name, once, with a label.
void RuleSetBuilder::views(const YAML::Node& node) {
  // A caption is a value's words (Named), as a classification value's are.
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

namespace {

// A struct in item.h that declares a key with a way of reading its member
// cannot take: the program's mistake, which loading any file shows.
[[noreturn]] void unreadable(std::string_view key) {
  throw std::logic_error(fmt::format("item.h: the key '{}' is read as its member cannot be", key));
}

}  // namespace

// One key of an item, by how its struct says it is read (item.h).
void RuleSetBuilder::read_field(const YAML::Node& value, std::string_view key, Read how,
                                std::string& member) {
  const std::string name(key);
  auto referred = [&](PendingReference::Kind kind) {
    if (!value) return;
    member = yaml_.scalar(value, name);
    refer(kind, value, name);
  };
  switch (how) {
    case Read::LevelId: return referred(PendingReference::Kind::Level);
    case Read::RegionId: return referred(PendingReference::Kind::ClassificationValue);
    case Read::PositionId: return referred(PendingReference::Kind::Position);
    case Read::ExerciseId: return referred(PendingReference::Kind::Exercise);
    case Read::ExerciseKind:
      member = yaml_.one_of(value, "exercise kind", exercise_kinds());
      return;
    case Read::CdsIndicator:
      member = yaml_.one_of(value, "CDS indicator", cds_indicators());
      return;
    case Read::Color: member = yaml_.one_of(value, "colour", level_colors()); return;
    case Read::Text: member = yaml_.scalar(value, name); return;
    default: unreadable(key);
  }
}

void RuleSetBuilder::read_field(const YAML::Node& value, std::string_view key, Read how,
                                std::vector<std::string>& member) {
  const std::string name(key);
  if (how != Read::Texts && how != Read::Says && how != Read::WatchForIds) unreadable(key);
  if (how == Read::Says) {
    member = read_spoken_words(yaml_, value, name);
    return;
  }
  if (how == Read::WatchForIds && value && value.IsSequence())
    for (const YAML::Node& id : value)
      if (id.IsScalar()) refer(PendingReference::Kind::WatchFor, id, name);
  member = yaml_.text_list(value, name);
}

void RuleSetBuilder::read_field(const YAML::Node& value, std::string_view key, Read how,
                                std::optional<std::vector<std::string>>& member) {
  if (how != Read::LevelIds) unreadable(key);
  if (!value) return;
  member = yaml_.text_list(value, key);
  if (value.IsSequence())
    for (const YAML::Node& level : value)
      if (level.IsScalar()) refer(PendingReference::Kind::Level, level, "level");
}

void RuleSetBuilder::read_field(const YAML::Node& value, std::string_view key, Read how,
                                bool& member) {
  if (how != Read::Flag) unreadable(key);
  member = yaml_.boolean(value, key).value_or(false);
}

void RuleSetBuilder::read_field(const YAML::Node& value, std::string_view key, Read how,
                                std::optional<Dose>& member) {
  if (how != Read::Dose) unreadable(key);
  member = read_dose(yaml_, value);
}

void RuleSetBuilder::read_field(const YAML::Node& value, std::string_view key, Read how,
                                std::shared_ptr<const Figure>& member) {
  if (how != Read::Figure) unreadable(key);
  if (auto figure = read_figure(yaml_, value, rule_set_->views))
    member = std::make_shared<const Figure>(std::move(*figure));
}

Item RuleSetBuilder::item(const YAML::Node& node, Role role, const std::vector<std::string>& keys) {
  const RoleSpec& spec = spec_of(role);
  Item it{{}, {}, spec.make()};
  const std::string what(spec.word);
  if (node.IsScalar()) {  // a bare id
    it.id = id(node, what + " id", IdShape::Fact);
    return it;
  }
  if (!yaml_.check_map(node, with_article(what), keys)) return it;
  if (yaml_.require(node, "id", with_article(what)))
    it.id = id(node["id"], what + " id", IdShape::Fact);
  // Keys outside `keys` were reported by check_map; read only the allowed.
  std::visit(
      [&](auto& content) {
        content.fields(content, [&](std::string_view key, Read how, auto& member) {
          if (std::find(keys.begin(), keys.end(), key) == keys.end()) return;
          read_field(node[std::string(key)], key, how, member);
        });
      },
      it.content);
  it.source = yaml_.scalar(node["source"], "source");
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
