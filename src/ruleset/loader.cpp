#include "ruleset/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

#include "ruleset/condition_parser.h"
#include "ruleset/spelling.h"
#include "ruleset/spoken_answer.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

using engine::FactId;
using engine::FactType;
using engine::Value;

const std::vector<std::string>& cds_indicators() {
  static const std::vector<std::string> values{"info", "warning", "critical"};
  return values;
}

const std::vector<std::string>& level_colors() {
  static const std::vector<std::string> values{"red",  "yellow",  "green", "blue",
                                               "cyan", "magenta", "none"};
  return values;
}

const std::vector<std::string>& exercise_kinds() {
  static const std::vector<std::string> values{"stretch", "strengthening"};
  return values;
}

namespace {

// Id shapes, checked by hand: std::regex is slow to build and to match.
enum class IdShape {
  Fact,  // [a-z][a-z0-9_]*
  Rule,  // [a-z0-9][a-z0-9_.-]*
};

bool has_shape(std::string_view id, IdShape shape) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty()) return false;
  if (shape == IdShape::Fact ? !(id[0] >= 'a' && id[0] <= 'z') : !lower_or_digit(id[0]))
    return false;
  for (char c : id.substr(1))
    if (!lower_or_digit(c) && c != '_' && !(shape == IdShape::Rule && (c == '.' || c == '-')))
      return false;
  return true;
}

// Where an enumerated value must come from, checked once every fact is
// known: a level id, or a value of a classification fact.
struct PendingReference {
  enum class Kind { Level, ClassificationValue, Position, Exercise, WatchFor } kind;
  YAML::Node node;
  std::string value, what;
};

}  // namespace

// Walks the YAML tree once, collecting diagnostics, and builds the rule set.
class RuleSetBuilder {
 public:
  explicit RuleSetBuilder(std::string file)
      : file_(file), yaml_(std::move(file)), conditions_(yaml_, facts_, rule_set_->questions) {}

  LoadResult build(std::string_view text, const LocaleRequest& locale);

 private:
  std::string id(const YAML::Node& node, std::string_view what, IdShape shape) {
    std::string value = yaml_.scalar(node, what);
    if (!value.empty() && !has_shape(value, shape))
      yaml_.error(node, fmt::format("{} '{}' must be lower case letters, digits and '_'{}", what,
                                    value, shape == IdShape::Rule ? " or '-'" : ""));
    return value;
  }
  void refer(PendingReference::Kind kind, const YAML::Node& node, std::string what) {
    if (node) pending_.push_back({kind, node, yaml_.scalar(node, what), std::move(what)});
  }

  void report_roles(const YAML::Node& node);
  Role role_of(const std::string& fact_id) const;
  std::optional<Range> range(const YAML::Node& node, std::string_view what);
  std::optional<Dose> dose(const YAML::Node& node);
  std::optional<Point> point(const YAML::Node& node, std::string_view what);
  // The optional joints a pose gives.
  struct PoseParts {
    bool toes = false, low_back = false;
  };
  std::optional<Pose> pose(const YAML::Node& node, std::string_view what, PoseParts& parts);
  std::optional<Figure> figure(const YAML::Node& node);
  Item item(const YAML::Node& node, Role role, const std::vector<std::string>& keys);
  std::vector<Item> items(const YAML::Node& node, Role role);
  void question(const YAML::Node& node);
  void derived_fact(const YAML::Node& node);
  void declare(const std::string& id, const YAML::Node& where);
  void rule(const YAML::Node& node);
  void advice(const YAML::Node& node);
  void interview(const YAML::Node& node);
  void spoken(const YAML::Node& node);
  std::vector<std::string> spoken_words(const YAML::Node& node, std::string_view what);
  std::vector<SpokenAmount> spoken_amounts(const YAML::Node& node, std::string_view what);
  void views(const YAML::Node& node);
  void words(const YAML::Node& node);
  void resolve_roles(const YAML::Node& root);
  void resolve_references();
  void check_questions();

  std::string file_;
  YamlReader yaml_;
  std::unique_ptr<RuleSet> rule_set_ = std::make_unique<RuleSet>();
  std::vector<engine::FactDecl> facts_;
  ConditionParser conditions_;
  std::vector<engine::Rule> rules_;
  std::set<std::string> rule_ids_;
  std::map<std::string, Role> roles_;          // fact id -> role, from `report:`
  std::map<std::string, YAML::Node> role_at_;  // fact id -> where `report:` names it
  std::vector<PendingReference> pending_;
  std::string region_fact_;  // `report: region`: the classification exercises' regions are from
  YAML::Node role_at_region_;
};

// The words around the content: `group: {name: text}`, each "group.name"
// one of kWords, its text holding exactly the word's placeholders (a
// translation that dropped or misspelt one would print wrong or throw).
void RuleSetBuilder::words(const YAML::Node& node) {
  if (!node) return;
  std::vector<std::string> groups;
  for (const auto& spec : word_specs()) {
    std::string group(spec.id.substr(0, spec.id.find('.')));
    if (std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
  }
  if (!yaml_.check_map(node, "words", groups)) return;
  for (const auto& group_entry : node) {
    const YAML::Node& group_key = group_entry.first;
    const YAML::Node& group = group_entry.second;
    if (!group_key.IsScalar()) continue;
    const std::string prefix = group_key.Scalar() + ".";
    std::vector<std::string> names;
    for (const auto& spec : word_specs())
      if (spec.id.starts_with(prefix)) names.emplace_back(spec.id.substr(prefix.size()));
    if (names.empty()) continue;  // check_map named the unknown group
    const std::string what = "words: " + group_key.Scalar();
    if (!yaml_.check_map(group, what, names)) continue;
    for (const auto& entry : group) {
      const YAML::Node& key = entry.first;
      const YAML::Node& value = entry.second;
      if (!key.IsScalar()) continue;
      const WordSpec* spec = find_word(prefix + key.Scalar());
      if (!spec) continue;
      const std::string id(spec->id);
      const std::string text = yaml_.scalar(value, id);
      if (!value.IsScalar()) continue;
      if (text.empty()) {
        yaml_.error(value, fmt::format("word '{}' is empty", id));
        continue;
      }
      const Placeholders found = placeholders_of(text);
      if (!found.error.empty()) {
        yaml_.error(value, fmt::format("word '{}': {}", id, found.error));
        continue;
      }
      std::vector<std::string> expected;
      for (std::string_view rest = spec->placeholders; !rest.empty();) {
        const auto space = rest.find(' ');
        expected.emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
      std::sort(expected.begin(), expected.end());
      if (found.names != expected) {
        std::vector<std::string> missing, unknown;
        std::set_difference(expected.begin(), expected.end(), found.names.begin(),
                            found.names.end(), std::back_inserter(missing));
        std::set_difference(found.names.begin(), found.names.end(), expected.begin(),
                            expected.end(), std::back_inserter(unknown));
        auto braced = [](const std::vector<std::string>& names) {
          std::vector<std::string> out;
          for (const auto& n : names) out.push_back("{" + n + "}");
          return list_and(out);
        };
        std::string problem;
        if (!missing.empty()) problem = fmt::format("lacks {}", braced(missing));
        if (!unknown.empty())
          problem += fmt::format("{}has {}, which it cannot fill{}", problem.empty() ? "" : " and ",
                                 braced(unknown),
                                 unknown.size() == 1 ? did_you_mean(unknown[0], expected) : "");
        yaml_.error(value, fmt::format("word '{}' {} (its placeholders: {})", id, problem,
                                       expected.empty() ? "none" : braced(expected)));
        continue;
      }
      rule_set_->words[static_cast<std::size_t>(spec->word)] = text;
    }
  }
}

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

void RuleSetBuilder::report_roles(const YAML::Node& node) {
  std::vector<std::string> keys;
  for (const RoleSpec& spec : role_specs())
    if (spec.in_report()) keys.emplace_back(spec.report_key);
  keys.insert(keys.end(), {"classification", "region"});
  if (!yaml_.check_map(node, "report", keys)) return;
  yaml_.require(node, "level", "report");
  for (const RoleSpec& spec : role_specs()) {
    if (!spec.in_report()) continue;
    const YAML::Node named = node[std::string(spec.report_key)];
    if (!named) continue;
    std::string fact = yaml_.scalar(named, spec.report_key);
    if (fact.empty()) continue;
    roles_[fact] = spec.role;
    role_at_[fact] = named;
  }
  for (const auto& fact : yaml_.text_list(node["classification"], "classification"))
    if (!fact.empty()) roles_.emplace(fact, Role::Classification);
  region_fact_ = yaml_.scalar(node["region"], "region");
  if (node["region"]) role_at_region_.reset(node["region"]);
}

Role RuleSetBuilder::role_of(const std::string& fact_id) const {
  auto it = roles_.find(fact_id);
  return it == roles_.end() ? Role::Value : it->second;
}

std::optional<Range> RuleSetBuilder::range(const YAML::Node& node, std::string_view what) {
  if (!node) return std::nullopt;
  auto whole = [&](const YAML::Node& n) -> std::optional<int> {
    auto value = yaml_.number(n, what);
    if (!value) return std::nullopt;
    if (*value < 0 || *value > 100000 || *value != static_cast<int>(*value)) {
      yaml_.error(n, fmt::format("{} must be a whole number from 0 to 100000", what));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  };
  if (node.IsSequence()) {
    if (node.size() != 2) {
      yaml_.error(node, fmt::format("{} must be a number or [min, max]", what));
      return std::nullopt;
    }
    auto low = whole(node[0]), high = whole(node[1]);
    if (!low || !high) return std::nullopt;
    if (*low > *high) {
      yaml_.error(node, fmt::format("{}: min {} is above max {}", what, *low, *high));
      return std::nullopt;
    }
    return Range{*low, *high};
  }
  auto value = whole(node);
  if (!value) return std::nullopt;
  return Range{*value, *value};
}

std::optional<Dose> RuleSetBuilder::dose(const YAML::Node& node) {
  if (!node) return std::nullopt;
  if (!yaml_.check_map(
          node, "dose",
          {"hold_seconds", "hold_breaths", "reps", "sets", "per_side", "alternating", "per_week"}))
    return std::nullopt;
  Dose d;
  d.hold_seconds = range(node["hold_seconds"], "hold_seconds");
  d.hold_breaths = range(node["hold_breaths"], "hold_breaths");
  d.reps = range(node["reps"], "reps");
  d.sets = range(node["sets"], "sets");
  d.per_side = yaml_.boolean(node["per_side"], "per_side").value_or(false);
  d.alternating = yaml_.boolean(node["alternating"], "alternating").value_or(false);
  if (auto per_week = range(node["per_week"], "per_week")) d.per_week = per_week->max;
  return d;
}

std::optional<Point> RuleSetBuilder::point(const YAML::Node& node, std::string_view what) {
  if (!node.IsSequence() || node.size() != 2) {
    yaml_.error(node, fmt::format("{} must be a point [x, y]", what));
    return std::nullopt;
  }
  auto x = yaml_.number(node[0], what), y = yaml_.number(node[1], what);
  if (!x || !y) return std::nullopt;
  return Point{*x, *y};
}

std::optional<Pose> RuleSetBuilder::pose(const YAML::Node& node, std::string_view what,
                                         PoseParts& parts) {
  std::vector<std::string> names(joint_names().begin(), joint_names().end());
  if (!yaml_.check_map(node, what, names)) return std::nullopt;
  Pose p;
  bool ok = true;
  int toes = 0;
  for (int j = 0; j < kJointCount; ++j) {
    const YAML::Node at = node[names[j]];
    const bool toe = j == static_cast<int>(Joint::LToe) || j == static_cast<int>(Joint::RToe);
    const bool low_back = j == static_cast<int>(Joint::LowBack);
    if (!at) {
      if (!toe && !low_back) {
        yaml_.error(node, fmt::format("{} needs '{}'", what, names[j]));
        ok = false;
      }
      continue;
    }
    toes += toe;
    parts.low_back |= low_back;
    if (auto pt = point(at, names[j]))
      p.at[j] = *pt;
    else
      ok = false;
  }
  if (toes == 1) {
    yaml_.error(node, fmt::format("{}: give both l_toe and r_toe, or neither", what));
    ok = false;
  }
  parts.toes = toes == 2;
  return ok ? std::optional<Pose>(p) : std::nullopt;
}

std::optional<Figure> RuleSetBuilder::figure(const YAML::Node& node) {
  if (!node) return std::nullopt;
  if (!yaml_.check_map(node, "figure", {"view", "face", "props", "start", "end"}))
    return std::nullopt;
  bool ok = yaml_.require(node, "view", "a figure");
  ok &= yaml_.require(node, "start", "a figure");
  ok &= yaml_.require(node, "end", "a figure");
  if (!ok) return std::nullopt;
  Figure f;
  const std::string view = yaml_.one_of(node["view"], "view", view_names());
  if (view.empty()) return std::nullopt;
  f.view = static_cast<Figure::View>(std::find(view_names().begin(), view_names().end(), view) -
                                     view_names().begin());
  // Seen from the side is how a figure is read; from anywhere else the
  // reader is told (`views` is read before the facts).
  if (f.view != Figure::View::Side && !rule_set_->find_view(view))
    yaml_.error(node["view"], fmt::format("a figure seen from '{}' needs a caption: give "
                                          "'views' an entry {{id: {}, label: ...}}",
                                          view, view));
  if (node["face"]) {
    const std::string face = yaml_.one_of(node["face"], "face", face_names());
    if (face.empty()) return std::nullopt;
    f.face = static_cast<Figure::Face>(
        1 + (std::find(face_names().begin(), face_names().end(), face) - face_names().begin()));
  }
  PoseParts start_parts, end_parts;
  auto start = pose(node["start"], "start pose", start_parts);
  auto end = pose(node["end"], "end pose", end_parts);
  if (!start || !end) return std::nullopt;
  if (start_parts.toes != end_parts.toes) {
    yaml_.error(node["end"], "give toes in both poses or in neither");
    return std::nullopt;
  }
  if (start_parts.low_back != end_parts.low_back) {
    yaml_.error(node["end"], "give low_back in both poses or in neither");
    return std::nullopt;
  }
  f.start = *start;
  f.end = *end;
  f.has_toes = start_parts.toes;
  f.has_low_back = start_parts.low_back;
  for (const auto& [which, p] : {std::pair{"start", &f.start}, std::pair{"end", &f.end}})
    for (const auto& problem : implausible_bones(f, *p))
      yaml_.error(node[which], fmt::format("implausible {} pose: {}", which, problem));

  const std::vector<std::string> joints(joint_names().begin(), joint_names().end());
  auto joint = [&](const YAML::Node& n) -> std::optional<Joint> {
    const std::string name = yaml_.one_of(n, "joint", joints);
    if (name.empty()) return std::nullopt;
    const auto j =
        static_cast<Joint>(std::find(joints.begin(), joints.end(), name) - joints.begin());
    if (!f.has(j)) {  // an optional joint the poses leave out has no place to draw to
      yaml_.error(n, fmt::format("'{}' is not in this figure's poses", name));
      return std::nullopt;
    }
    return j;
  };
  auto in_box = [](Point pt) { return pt.x >= 0 && pt.x <= 200 && pt.y >= 0 && pt.y <= 120; };
  if (const YAML::Node props = node["props"]) {
    if (!props.IsSequence()) {
      yaml_.error(props, "props must be a list");
      return std::nullopt;
    }
    for (const auto& p : props) {
      if (!yaml_.check_map(p, "a prop", {"kind", "from", "to", "anchor", "x", "via"})) continue;
      if (!yaml_.require(p, "kind", "a prop")) continue;
      const std::string kind = yaml_.one_of(p["kind"], "prop kind", prop_kind_names());
      if (kind.empty()) continue;
      Prop prop;
      prop.kind = static_cast<Prop::Kind>(
          std::find(prop_kind_names().begin(), prop_kind_names().end(), kind) -
          prop_kind_names().begin());
      auto needs = [&](std::initializer_list<const char*> wanted) {
        bool fine = true;
        for (const char* key : {"from", "to", "anchor", "x"}) {
          bool want = std::find_if(wanted.begin(), wanted.end(), [&](const char* w) {
                        return std::string_view(w) == key;
                      }) != wanted.end();
          if (want && !p[key]) {
            yaml_.error(p, fmt::format("{} needs '{}'", with_article(kind), key));
            fine = false;
          } else if (!want && p[key]) {
            yaml_.error(p[key], fmt::format("'{}' does not apply to {}", key, with_article(kind)));
            fine = false;
          }
        }
        return fine;
      };
      const bool via_fits = !p["via"] || prop.kind == Prop::Kind::Arrow;
      if (!via_fits)
        yaml_.error(p["via"], fmt::format("'via' does not apply to {}", with_article(kind)));
      bool fine = true;
      switch (prop.kind) {
        case Prop::Kind::Mat: fine = needs({}); break;
        case Prop::Kind::Band:
        case Prop::Kind::Towel: {
          fine = needs({"from", "to"});
          auto a = fine ? joint(p["from"]) : std::nullopt;
          auto b = fine ? joint(p["to"]) : std::nullopt;
          if (a && b) prop.joints = {*a, *b};
          fine = fine && a && b;
          break;
        }
        case Prop::Kind::FoamRoller:
        case Prop::Kind::Chair:
        case Prop::Kind::Arrow: {
          fine = needs({"from", "to"});
          auto a = fine ? point(p["from"], "from") : std::nullopt;
          auto b = fine ? point(p["to"], "to") : std::nullopt;
          if (a && b) prop.anchor = *a, prop.end = *b;
          fine = fine && a && b;
          for (const auto& [key, at] : {std::pair{"from", a}, std::pair{"to", b}})
            if (fine && !in_box(*at)) {
              yaml_.error(p[key], fmt::format("'{}' at ({}, {}) is outside the 200 x 120 box", key,
                                              at->x, at->y));
              fine = false;
            }
          if (fine && prop.kind == Prop::Kind::Arrow && a->x == b->x && a->y == b->y) {
            yaml_.error(p, "an arrow needs 'from' and 'to' apart");
            fine = false;
          }
          if (fine && prop.kind == Prop::Kind::Arrow && p["via"]) {
            prop.via = point(p["via"], "via");
            if (prop.via && !in_box(*prop.via)) {
              yaml_.error(p["via"], fmt::format("'via' at ({}, {}) is outside the 200 x 120 box",
                                                prop.via->x, prop.via->y));
              prop.via.reset();
            }
            fine = prop.via.has_value();
          }
          break;
        }
        case Prop::Kind::Wall: {
          fine = needs({"x"});
          auto x = fine ? yaml_.number(p["x"], "x") : std::nullopt;
          if (x) prop.anchor = Point{*x, 0};
          fine = fine && x;
          break;
        }
        case Prop::Kind::Cable: {
          fine = needs({"anchor", "to"});
          auto a = fine ? point(p["anchor"], "anchor") : std::nullopt;
          if (a) prop.anchor = *a;
          fine = fine && a;
          if (fine) {
            const YAML::Node to = p["to"];
            if (to.IsSequence()) {
              for (const auto& j : to)
                if (auto joint_id = joint(j)) prop.joints.push_back(*joint_id);
            } else if (auto joint_id = joint(to)) {
              prop.joints.push_back(*joint_id);
            }
            fine = !prop.joints.empty();
          }
          break;
        }
      }
      if (fine && via_fits) f.props.push_back(std::move(prop));
    }
  }
  return f;
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
  it.name = yaml_.scalar(node["name"], "name");
  it.label = yaml_.scalar(node["label"], "label");
  it.why = yaml_.scalar(node["why"], "why");
  it.purpose = yaml_.scalar(node["purpose"], "purpose");
  it.reason = yaml_.scalar(node["reason"], "reason");
  it.text = yaml_.scalar(node["text"], "text");
  it.advice = yaml_.scalar(node["advice"], "advice");
  it.source = yaml_.scalar(node["source"], "source");
  it.equipment = yaml_.text_list(node["equipment"], "equipment");
  it.steps = yaml_.text_list(node["steps"], "steps");
  it.dose = dose(node["dose"]);
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
  if (has("figure")) it.figure = figure(node["figure"]);
  auto referred = [&](const char* key, PendingReference::Kind kind, std::string& slot) {
    if (!has(key) || !node[key]) return;
    slot = yaml_.scalar(node[key], key);
    refer(kind, node[key], key);
  };
  referred("position", PendingReference::Kind::Position, it.position);
  referred("exercise", PendingReference::Kind::Exercise, it.exercise);
  it.signs = yaml_.text_list(node["signs"], "signs");
  if (has("says")) it.says = spoken_words(node["says"], "says");
  it.action = yaml_.scalar(node["action"], "action");
  if (const YAML::Node levels = node["watch_for"]; role == Role::Level && levels) {
    it.watch_levels = yaml_.text_list(levels, "watch_for");
    if (levels.IsSequence())
      for (const YAML::Node& level : levels)
        if (level.IsScalar()) refer(PendingReference::Kind::Level, level, "level");
  }
  it.when = yaml_.scalar(node["when"], "when");
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

void RuleSetBuilder::declare(const std::string& fact_id, const YAML::Node& where) {
  const auto& keywords = condition_keywords();
  if (std::find(keywords.begin(), keywords.end(), fact_id) != keywords.end())
    yaml_.error(where, fmt::format("'{}' is a condition keyword and cannot name a fact", fact_id));
  if (fact_id == "id")
    yaml_.error(where, "'id' cannot name a fact: batch lines use it for the record id");
  for (const auto& existing : facts_)
    if (existing.id == fact_id) yaml_.error(where, fmt::format("duplicate fact id '{}'", fact_id));
}

void RuleSetBuilder::question(const YAML::Node& node) {
  if (!yaml_.check_map(node, "a question",
                       {"id",        "type",         "prompt",         "help",
                        "why",       "title",        "source",         "min",
                        "max",       "unit",         "whole",          "choices",
                        "red_flag",  "unsure",       "optional",       "assumed",
                        "checklist", "spoken_units", "spoken_phrases", "spoken_help"}))
    return;
  Question q;
  q.where = yaml_.at(node);
  bool ok = yaml_.require(node, "id", "a question");
  yaml_.require(node, "type", "a question");
  yaml_.require(node, "prompt", "a question");
  yaml_.require(node, "source", "a question");
  q.id = ok ? id(node["id"], "question id", IdShape::Fact) : "";
  q.prompt = yaml_.scalar(node["prompt"], "prompt");
  q.help = yaml_.scalar(node["help"], "help");
  q.why = yaml_.scalar(node["why"], "why");
  q.spoken_help = yaml_.scalar(node["spoken_help"], "spoken_help");
  q.title = yaml_.scalar(node["title"], "title");
  q.source = yaml_.scalar(node["source"], "source");
  q.unit = yaml_.scalar(node["unit"], "unit");
  q.whole = yaml_.boolean(node["whole"], "whole").value_or(false);
  q.red_flag = yaml_.boolean(node["red_flag"], "red_flag").value_or(false);
  q.optional = yaml_.boolean(node["optional"], "optional").value_or(false);
  q.assumed = yaml_.scalar(node["assumed"], "assumed");
  q.checklist = yaml_.scalar(node["checklist"], "checklist");
  if (node["unsure"]) {
    q.unsure = yaml_.scalar(node["unsure"], "unsure");
    refer(PendingReference::Kind::Level, node["unsure"], "level");
  }
  const std::string type =
      yaml_.one_of(node["type"], "question type", {"bool", "number", "choice"});
  auto wrong_for_type = [&](const char* key) {
    if (node[key])
      yaml_.error(node[key], fmt::format("'{}' does not apply to a {} question", key, type));
  };
  if (type == "bool") {
    q.type = FactType::Bool;
    for (const char* key :
         {"min", "max", "unit", "whole", "choices", "spoken_units", "spoken_phrases"})
      wrong_for_type(key);
  } else if (type == "number") {
    q.type = FactType::Number;
    for (const char* key : {"choices", "unsure"}) wrong_for_type(key);
    q.spoken_units = spoken_amounts(node["spoken_units"], "spoken_units");
    q.spoken_phrases = spoken_amounts(node["spoken_phrases"], "spoken_phrases");
    yaml_.require(node, "min", "a number question");
    yaml_.require(node, "max", "a number question");
    q.min = yaml_.number(node["min"], "min").value_or(0);
    q.max = yaml_.number(node["max"], "max").value_or(0);
    if (q.min > q.max)
      yaml_.error(node["max"], fmt::format("max {} is below min {}", q.max, q.min));
  } else if (type == "choice") {
    q.type = FactType::Choice;
    for (const char* key :
         {"min", "max", "unit", "whole", "unsure", "spoken_units", "spoken_phrases"})
      wrong_for_type(key);
    if (yaml_.require(node, "choices", "a choice question")) {
      q.choices = items(node["choices"], Role::Choice);
      if (q.choices.empty())
        yaml_.error(node["choices"], "a choice question needs at least one choice");
      // A word that names two choices could never pick one.
      std::map<std::string, std::string> said_by;
      for (std::size_t i = 0; i < q.choices.size(); ++i)
        for (const auto& word : q.choices[i].says)
          if (auto [at, fresh] = said_by.emplace(word, q.choices[i].id); !fresh)
            yaml_.error(node["choices"][i]["says"],
                        fmt::format("'{}' already says choice '{}'", word, at->second));
    }
  }
  if (q.red_flag && q.type == FactType::Bool && !node["unsure"])
    yaml_.error(node,
                "a red flag needs 'unsure': the level for a person who is not sure "
                "(red flags accept \"unsure\")");
  if (q.red_flag && q.optional)
    yaml_.error(node["optional"],
                "a red flag cannot be optional: unanswered, it must leave the report incomplete");
  if (q.optional && q.assumed.empty())
    yaml_.error(node, "an optional question needs 'assumed': what the report assumes without it");
  if (!q.optional && node["assumed"])
    yaml_.error(node["assumed"], "'assumed' applies only to an optional question");
  if (!q.checklist.empty() && q.type != FactType::Bool)
    yaml_.error(node["checklist"], "only yes/no questions can be in a checklist");
  if (q.id.empty()) return;
  declare(q.id, node["id"]);
  engine::FactDecl decl{q.id, q.type, {}, true, q.optional};
  if (q.accepts_unsure()) decl = {q.id, FactType::Choice, {"no", "yes", "unsure"}, true, false};
  for (const auto& c : q.choices) decl.symbols.push_back(c.id);
  facts_.push_back(std::move(decl));
  rule_set_->questions.push_back(std::move(q));
}

void RuleSetBuilder::derived_fact(const YAML::Node& node) {
  if (!yaml_.check_map(node, "a fact",
                       {"id", "type", "title", "choices", "items", "undecided", "source"}))
    return;
  DerivedFact f;
  f.where = yaml_.at(node);
  bool ok = yaml_.require(node, "id", "a fact");
  yaml_.require(node, "type", "a fact");
  f.id = ok ? id(node["id"], "fact id", IdShape::Fact) : "";
  f.title = yaml_.scalar(node["title"], "title");
  const Role role = role_of(f.id);
  const std::string type =
      yaml_.one_of(node["type"], "fact type", {"choice", "set", "ranked", "bool", "number"});
  if (type == "choice" || type == "ranked") {
    f.type = type == "choice" ? FactType::Choice : FactType::Ranked;
    if (node["items"])
      yaml_.error(node["items"], fmt::format("a {} fact lists 'choices', not 'items'", type));
    if (yaml_.require(node, "choices", with_article(type + " fact")))
      f.values = items(node["choices"], role);
  } else if (type == "set") {
    f.type = FactType::Set;
    if (node["choices"]) yaml_.error(node["choices"], "a set fact lists 'items', not 'choices'");
    if (yaml_.require(node, "items", "a set fact")) f.values = items(node["items"], role);
  } else if (type == "bool" || type == "number") {
    f.type = type == "bool" ? FactType::Bool : FactType::Number;
    if (node["choices"])
      yaml_.error(node["choices"], fmt::format("a {} fact has no choices", type));
    if (node["items"]) yaml_.error(node["items"], fmt::format("a {} fact has no items", type));
  }
  if (const YAML::Node undecided = node["undecided"]) {
    if (role != Role::Level)
      yaml_.error(undecided, "'undecided' applies only to the report's level fact");
    else
      rule_set_->undecided = item(undecided, Role::Level,
                                  {"id", "label", "advice", "cds", "color", "watch_for", "source"});
  } else if (role == Role::Level) {
    yaml_.error(node,
                "the level fact needs 'undecided': the level reported when it is not decided");
  }
  if (f.id.empty()) return;
  declare(f.id, node["id"]);
  engine::FactDecl decl{f.id, f.type, {}, false};
  for (const auto& v : f.values) decl.symbols.push_back(v.id);
  facts_.push_back(std::move(decl));
  rule_set_->derived.push_back(std::move(f));
}

void RuleSetBuilder::rule(const YAML::Node& node) {
  if (!yaml_.check_map(node, "a rule", {"id", "when", "then", "source", "note"})) return;
  bool ok = yaml_.require(node, "id", "a rule");
  ok &= yaml_.require(node, "when", "a rule");
  ok &= yaml_.require(node, "then", "a rule");
  yaml_.require(node, "source", "a rule");
  engine::Rule r;
  r.id = node["id"] ? id(node["id"], "rule id", IdShape::Rule) : "";
  r.source = yaml_.scalar(node["source"], "source");
  if (!r.id.empty() && !rule_ids_.insert(r.id).second) {
    yaml_.error(node["id"], fmt::format("duplicate rule id '{}'", r.id));
    ok = false;
  }
  if (!ok) return;
  auto when = conditions_.condition(node["when"]);
  const YAML::Node then = node["then"];
  if (!then.IsMap() || then.size() == 0) {
    yaml_.error(then, "'then' must be a mapping of fact: value");
    return;
  }
  if (!yaml_.check_map(then, "'then'", {})) return;
  for (const auto& entry : then) {
    auto fact = conditions_.fact_ref(entry.first);
    if (!fact) continue;
    const auto& decl = facts_[*fact];
    if (decl.is_input) {
      yaml_.error(
          entry.first,
          fmt::format("'{}' is a question; a rule may assert only declared facts", decl.id));
      continue;
    }
    if (entry.second.IsSequence()) {
      if (decl.type != FactType::Set) {
        yaml_.error(entry.second,
                    fmt::format("'{}' holds one value; only a set takes a list", decl.id));
        continue;
      }
      for (const auto& element : entry.second)
        if (auto value = conditions_.literal(*fact, element)) r.then.push_back({*fact, *value});
    } else if (auto value = conditions_.literal(*fact, entry.second)) {
      r.then.push_back({*fact, *value});
    }
  }
  if (!when) return;
  r.when = std::move(*when);
  rule_set_->rule_locations.push_back(yaml_.at(node));
  rules_.push_back(std::move(r));
}

void RuleSetBuilder::advice(const YAML::Node& node) {
  if (!yaml_.check_map(node, "advice", {"frequency", "expected_course", "safe_activities", "plan"}))
    return;
  auto single = [&](const char* key) -> std::optional<Item> {
    const YAML::Node n = node[key];
    if (!n) return std::nullopt;
    if (!yaml_.check_map(n, key, {"text", "per_week", "source"})) return std::nullopt;
    Item it;
    it.id = key;
    yaml_.require(n, "text", key);
    it.text = yaml_.scalar(n["text"], "text");
    it.source = yaml_.scalar(n["source"], "source");
    if (auto per_week = range(n["per_week"], "per_week")) it.per_week = per_week->max;
    return it;
  };
  auto& advice = rule_set_->advice;
  advice.frequency = single("frequency");
  advice.expected_course = single("expected_course");
  advice.safe_activities = items(node["safe_activities"], Role::Tips);
  if (const YAML::Node plan = node["plan"]) {
    if (!yaml_.check_map(plan, "plan", {"weeks", "sessions_per_week", "check_ins", "source"}))
      return;
    Plan p;
    for (const char* key : {"weeks", "sessions_per_week", "check_ins", "source"})
      yaml_.require(plan, key, "plan");
    auto count = [&](const char* key, int most) {
      auto r = range(plan[key], key);
      if (r && (r->min != r->max || r->max < 1 || r->max > most)) {
        yaml_.error(plan[key], fmt::format("{} must be a whole number from 1 to {}", key, most));
        return 0;
      }
      return r ? r->max : 0;
    };
    p.weeks = count("weeks", 52);
    p.sessions_per_week = count("sessions_per_week", 7);
    p.source = yaml_.scalar(plan["source"], "source");
    if (const YAML::Node check_ins = plan["check_ins"]; check_ins && check_ins.IsSequence()) {
      for (const auto& c : check_ins) {
        if (!yaml_.check_map(c, "a check-in", {"week", "text"})) continue;
        yaml_.require(c, "week", "a check-in");
        yaml_.require(c, "text", "a check-in");
        CheckIn in;
        auto week = range(c["week"], "week");
        in.week = week ? week->max : 0;
        if (week && (in.week < 1 || in.week > p.weeks))
          yaml_.error(c["week"], fmt::format("week must be within the plan's {} weeks", p.weeks));
        in.text = yaml_.scalar(c["text"], "text");
        p.check_ins.push_back(std::move(in));
      }
    } else if (check_ins) {
      yaml_.error(check_ins, "check_ins must be a list");
    }
    advice.plan = std::move(p);
  }
}

void RuleSetBuilder::interview(const YAML::Node& node) {
  if (!yaml_.check_map(node, "interview", {"checklists", "spoken"})) return;
  spoken(node["spoken"]);
  const YAML::Node lists = node["checklists"];
  if (!lists) return;
  if (!lists.IsSequence()) {
    yaml_.error(lists, "checklists must be a list");
    return;
  }
  for (const auto& c : lists) {
    if (!yaml_.check_map(c, "a checklist", {"id", "prompt", "help"})) continue;
    yaml_.require(c, "id", "a checklist");
    yaml_.require(c, "prompt", "a checklist");
    Checklist list{id(c["id"], "checklist id", IdShape::Fact), yaml_.scalar(c["prompt"], "prompt"),
                   yaml_.scalar(c["help"], "help")};
    if (rule_set_->find_checklist(list.id))
      yaml_.error(c["id"], fmt::format("duplicate checklist '{}'", list.id));
    rule_set_->checklists.push_back(std::move(list));
  }
}

// Everyday words, kept in the form typed text is compared in.
std::vector<std::string> RuleSetBuilder::spoken_words(const YAML::Node& node,
                                                      std::string_view what) {
  std::vector<std::string> out;
  for (const auto& word : yaml_.text_list(node, what)) {
    std::string normal = normalize_spoken(word);
    if (normal.empty()) {
      yaml_.error(node, fmt::format("{} has an empty word", what));
      continue;
    }
    if (std::find(out.begin(), out.end(), normal) != out.end())
      yaml_.error(node, fmt::format("{} lists '{}' twice", what, normal));
    out.push_back(std::move(normal));
  }
  return out;
}

// [{says: [days, day], equals: 1/7}]: `equals` a number, or a fraction
// written a/b so a day is exactly a seventh of a week.
std::vector<SpokenAmount> RuleSetBuilder::spoken_amounts(const YAML::Node& node,
                                                         std::string_view what) {
  // A unit is worth something; a phrase may mean none ("yesterday": 0 weeks).
  const bool unit = what == "spoken_units";
  std::vector<SpokenAmount> out;
  if (!node) return out;
  if (!node.IsSequence()) {
    yaml_.error(node, fmt::format("{} must be a list", what));
    return out;
  }
  for (const auto& entry : node) {
    if (!yaml_.check_map(entry, what, {"says", "equals"})) continue;
    yaml_.require(entry, "says", what);
    yaml_.require(entry, "equals", what);
    SpokenAmount amount{spoken_words(entry["says"], "says"), 1, 1};
    const std::string equals = yaml_.scalar(entry["equals"], "equals");
    const auto slash = equals.find('/');
    // A number from 0, or -1 for text that is not one.
    auto number = [](std::string_view text) {
      double value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      return ec == std::errc() && end == text.data() + text.size() && value >= 0 ? value : -1.0;
    };
    const double times = number(std::string_view(equals).substr(0, slash));
    const double per =
        slash == std::string::npos ? 1.0 : number(std::string_view(equals).substr(slash + 1));
    const bool fits = per > 0 && (unit ? times > 0 : times >= 0);
    if (!equals.empty() && !fits)
      yaml_.error(entry["equals"],
                  fmt::format("equals '{}' is not a number {} or a fraction such as 1/7", equals,
                              unit ? "above 0" : "from 0"));
    if (fits) amount.times = times, amount.per = per;
    out.push_back(std::move(amount));
  }
  return out;
}

void RuleSetBuilder::spoken(const YAML::Node& node) {
  if (!node) return;
  if (!yaml_.check_map(node, "spoken",
                       {"yes", "no", "unsure", "none", "why", "back", "skip", "quit", "fillers",
                        "contrasts", "negations", "numbers"}))
    return;
  SpokenWords& w = rule_set_->spoken;
  w.yes = spoken_words(node["yes"], "yes");
  w.no = spoken_words(node["no"], "no");
  w.unsure = spoken_words(node["unsure"], "unsure");
  w.none = spoken_words(node["none"], "none");
  w.why = spoken_words(node["why"], "why");
  w.back = spoken_words(node["back"], "back");
  w.skip = spoken_words(node["skip"], "skip");
  w.quit = spoken_words(node["quit"], "quit");
  w.fillers = spoken_words(node["fillers"], "fillers");
  w.contrasts = spoken_words(node["contrasts"], "contrasts");
  w.negations = spoken_words(node["negations"], "negations");
  if (const YAML::Node numbers = node["numbers"];
      numbers && yaml_.check_map(numbers, "numbers", {}))
    for (const auto& entry : numbers) {
      const std::string word = normalize_spoken(entry.first.as<std::string>(""));
      if (auto value = yaml_.number(entry.second, "a number")) w.numbers.emplace_back(word, *value);
    }
  // One word, one meaning: a red flag must not hear yes in a word that also
  // means no, and a command is never taken for an answer.
  const std::vector<std::pair<const char*, const std::vector<std::string>*>> meanings{
      {"yes", &w.yes},   {"no", &w.no},     {"unsure", &w.unsure}, {"why", &w.why},
      {"back", &w.back}, {"skip", &w.skip}, {"quit", &w.quit}};
  for (std::size_t i = 0; i < meanings.size(); ++i)
    for (std::size_t j = i + 1; j < meanings.size(); ++j)
      for (const auto& word : *meanings[i].second)
        if (std::find(meanings[j].second->begin(), meanings[j].second->end(), word) !=
            meanings[j].second->end())
          yaml_.error(node[meanings[j].first],
                      fmt::format("'{}' is listed under both {} and {}", word, meanings[i].first,
                                  meanings[j].first));
}

// The `report:` names resolved to facts of the right type.
void RuleSetBuilder::resolve_roles(const YAML::Node& root) {
  Roles& roles = rule_set_->roles;
  auto find = [&](const std::string& name) -> std::optional<FactId> {
    for (FactId f = 0; f < static_cast<FactId>(facts_.size()); ++f)
      if (facts_[f].id == name) return f;
    return std::nullopt;
  };
  auto names = [&] {
    std::vector<std::string> out;
    for (const auto& f : facts_) out.push_back(f.id);
    return out;
  };
  const YAML::Node report = root["report"];
  auto one = [&](const char* key, FactId& slot, FactType type) {
    if (!report || !report[key]) return;
    const std::string name = report[key].Scalar();
    auto fact = find(name);
    if (!fact) {
      yaml_.error(report[key],
                  fmt::format("unknown fact '{}'{}", name, did_you_mean(name, names())));
      return;
    }
    if (facts_[*fact].type != type || rule_set_->is_question(*fact)) {
      yaml_.error(
          report[key],
          fmt::format(
              "the report's {} must be a derived {} fact; '{}' is {}", key, engine::to_string(type),
              name,
              rule_set_->is_question(*fact)
                  ? "a question"
                  : with_article(std::string(engine::to_string(facts_[*fact].type)) + " fact")));
      return;
    }
    slot = *fact;
  };
  for (const RoleSpec& spec : role_specs())
    if (spec.in_report()) one(std::string(spec.report_key).c_str(), roles.*spec.fact, spec.type);
  if (report && report["classification"] && report["classification"].IsSequence()) {
    for (const auto& n : report["classification"]) {
      const std::string name = n.Scalar();
      auto fact = find(name);
      if (!fact) {
        yaml_.error(n, fmt::format("unknown fact '{}'{}", name, did_you_mean(name, names())));
      } else if (facts_[*fact].type != FactType::Choice && facts_[*fact].type != FactType::Ranked) {
        yaml_.error(n, fmt::format("a classification must be a choice; '{}' is a {} fact", name,
                                   engine::to_string(facts_[*fact].type)));
      } else {
        roles.classification.push_back(*fact);
      }
    }
  }
}

void RuleSetBuilder::resolve_references() {
  const RuleSet& rs = *rule_set_;
  if (!region_fact_.empty() &&
      std::none_of(rs.roles.classification.begin(), rs.roles.classification.end(),
                   [&](FactId f) { return facts_[f].id == region_fact_; }))
    yaml_.error(role_at_region_, fmt::format("the report's region '{}' must be one of its "
                                             "classification facts",
                                             region_fact_));
  std::vector<std::string> levels, values;
  if (rs.roles.level >= 0)
    for (const auto& l : rs.derived_fact(rs.roles.level).values) levels.push_back(l.id);
  // An exercise's region is a value of the fact `report: region` names, or
  // else of any classification fact.
  for (FactId f : rs.roles.classification)
    if (region_fact_.empty() || facts_[f].id == region_fact_)
      for (const auto& v : rs.items_of(f)) values.push_back(v.id);
  auto ids_of = [&](FactId fact) {
    std::vector<std::string> ids;
    if (fact >= 0)
      for (const auto& v : rs.derived_fact(fact).values) ids.push_back(v.id);
    return ids;
  };
  std::vector<std::string> positions;
  for (const auto& p : rs.positions) positions.push_back(p.id);
  const std::vector<std::string> exercises = ids_of(rs.roles.routine),
                                 watched = ids_of(rs.roles.watch_for);
  for (const auto& ref : pending_) {
    if (ref.value.empty()) continue;
    using Kind = PendingReference::Kind;
    const auto& allowed = ref.kind == Kind::Level      ? levels
                          : ref.kind == Kind::Position ? positions
                          : ref.kind == Kind::Exercise ? exercises
                          : ref.kind == Kind::WatchFor ? watched
                                                       : values;
    if (rs.roles.level < 0 && ref.kind == PendingReference::Kind::Level) continue;
    if (std::find(allowed.begin(), allowed.end(), ref.value) == allowed.end())
      yaml_.error(ref.node, fmt::format("unknown {} '{}'{} (expected {})", ref.what, ref.value,
                                        did_you_mean(ref.value, allowed), list_or(allowed)));
  }
}

// What only makes sense once everything is loaded: red flags reported and
// read, checklists contiguous.
void RuleSetBuilder::check_questions() {
  RuleSet& rs = *rule_set_;
  const auto& kb = rs.knowledge_base();
  std::set<std::string> finished_checklists;
  std::string current;
  for (FactId f = 0; f < static_cast<FactId>(rs.questions.size()); ++f) {
    const Question& q = rs.questions[f];
    if (q.red_flag && kb.readers(f).empty())
      yaml_.error(q.where, fmt::format("red flag '{}' is read by no rule, so it would never be "
                                       "asked and never change the level",
                                       q.id));
    if (q.red_flag && rs.roles.red_flags >= 0) {
      const auto& items = rs.derived_fact(rs.roles.red_flags).values;
      if (std::none_of(items.begin(), items.end(), [&](const Item& i) { return i.id == q.id; }))
        yaml_.error(q.where, fmt::format("red flag '{}' has no entry of the same id in '{}', "
                                         "which the report lists red flags from",
                                         q.id, kb.facts()[rs.roles.red_flags].id));
    }
    if (!q.checklist.empty() && !rs.find_checklist(q.checklist)) {
      std::vector<std::string> ids;
      for (const auto& c : rs.checklists) ids.push_back(c.id);
      yaml_.error(q.where, fmt::format("question '{}' names the unknown checklist '{}'{}", q.id,
                                       q.checklist, did_you_mean(q.checklist, ids)));
    }
    if (q.checklist != current) {
      if (!current.empty()) finished_checklists.insert(current);
      if (finished_checklists.count(q.checklist))
        yaml_.error(q.where, fmt::format("the questions of checklist '{}' must follow one "
                                         "another in the file",
                                         q.checklist));
      current = q.checklist;
    }
  }
  for (FactId f : rs.roles.classification)
    if (rs.is_question(f) && rs.questions[f].type != FactType::Choice)
      yaml_.error(rs.questions[f].where,
                  fmt::format("question '{}' is a classification, so it must be a choice",
                              rs.questions[f].id));
}

LoadResult RuleSetBuilder::build(std::string_view text, const LocaleRequest& locale) {
  LoadResult result;
  auto parsed = yaml_.parse(text, kMaxRuleFileBytes);
  if (!parsed) {
    result.diagnostics = yaml_.take_diagnostics();
    return result;
  }
  const YAML::Node root = *parsed;
  if (!root || root.IsNull()) {
    yaml_.error(Location{file_, 1, 1}, "the rule file is empty");
  } else if (yaml_.check_map(root, "the rule file",
                             {"id", "version", "title", "disclaimer", "language", "locales",
                              "paper", "report", "interview", "questions", "facts", "rules",
                              "advice", "positions", "views", "words"})) {
    RuleSet& rs = *rule_set_;
    rs.origin = file_;
    auto localized = localize(root, yaml_, locale);
    result.locales = localized.locales;
    result.overlay_files = std::move(localized.files);
    if (localized.unknown) {
      result.unknown_locale = true;
      return result;
    }
    rs.language = localized.language;
    rs.locale = localized.locale;
    rs.locales = localized.locales;
    rs.paper = localized.paper;
    for (const char* key : {"id", "version", "disclaimer", "report", "questions", "facts", "rules"})
      yaml_.require(root, key, "the rule file");
    rs.id = yaml_.scalar(root["id"], "id");
    rs.version = yaml_.scalar(root["version"], "version");
    rs.title = yaml_.scalar(root["title"], "title");
    rs.disclaimer = yaml_.scalar(root["disclaimer"], "disclaimer");
    if (root["report"]) report_roles(root["report"]);
    if (root["interview"]) interview(root["interview"]);
    rs.positions = items(root["positions"], Role::Classification);
    views(root["views"]);
    words(root["words"]);
    auto each = [&](const char* key, auto&& read) {
      const YAML::Node list = root[key];
      if (!list) return;
      if (!list.IsSequence()) {
        yaml_.error(list, fmt::format("'{}' must be a list", key));
        return;
      }
      for (const auto& element : list) read(element);
    };
    each("questions", [&](const YAML::Node& n) { question(n); });
    each("facts", [&](const YAML::Node& n) { derived_fact(n); });
    resolve_roles(root);
    each("rules", [&](const YAML::Node& n) { rule(n); });
    if (root["advice"]) advice(root["advice"]);
    resolve_references();
  }
  if (!yaml_.has_errors()) {
    auto built = engine::KnowledgeBase::build(std::move(facts_), std::move(rules_));
    for (const auto& problem : built.problems)
      yaml_.error(rule_set_->rule_locations[problem.rule], problem.message);
    if (built.knowledge_base) {
      rule_set_->finish(std::make_unique<engine::KnowledgeBase>(std::move(*built.knowledge_base)));
      check_questions();
    }
  }
  if (!yaml_.has_errors()) result.rule_set = std::move(rule_set_);
  result.diagnostics = yaml_.take_diagnostics();
  return result;
}

LoadResult load_rule_set(std::string_view text, const std::string& file_name,
                         const LocaleRequest& locale) {
  try {
    return RuleSetBuilder(file_name).build(text, locale);
  } catch (const YAML::Exception& e) {
    // yaml-cpp throws from node access on malformed trees; never let that
    // escape as a crash.
    LoadResult result;
    result.diagnostics.push_back({Diagnostic::Severity::Error,
                                  {file_name, e.mark.is_null() ? 0 : e.mark.line + 1,
                                   e.mark.is_null() ? 0 : e.mark.column + 1},
                                  "YAML error: " + e.msg});
    return result;
  }
}

}  // namespace backtriage::ruleset
