#include "ruleset/figure_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "ruleset/spelling.h"

namespace backtriage::ruleset {

namespace {

// The optional joints a pose gives.
struct PoseParts {
  bool toes = false, low_back = false;
};

std::optional<Point> point(YamlReader& yaml, const YAML::Node& node, std::string_view what) {
  if (!node.IsSequence() || node.size() != 2) {
    yaml.error(node, fmt::format("{} must be a point [x, y]", what));
    return std::nullopt;
  }
  auto x = yaml.number(node[0], what), y = yaml.number(node[1], what);
  if (!x || !y) return std::nullopt;
  return Point{*x, *y};
}

std::optional<Pose> pose(YamlReader& yaml, const YAML::Node& node, std::string_view what,
                         PoseParts& parts) {
  std::vector<std::string> names(joint_names().begin(), joint_names().end());
  if (!yaml.check_map(node, what, names)) return std::nullopt;
  Pose p;
  bool ok = true;
  int toes = 0;
  for (int j = 0; j < kJointCount; ++j) {
    const YAML::Node at = node[names[j]];
    const bool toe = j == static_cast<int>(Joint::LToe) || j == static_cast<int>(Joint::RToe);
    const bool low_back = j == static_cast<int>(Joint::LowBack);
    if (!at) {
      if (!toe && !low_back) {
        yaml.error(node, fmt::format("{} needs '{}'", what, names[j]));
        ok = false;
      }
      continue;
    }
    toes += toe;
    parts.low_back |= low_back;
    if (auto pt = point(yaml, at, names[j]))
      p.at[j] = *pt;
    else
      ok = false;
  }
  if (toes == 1) {
    yaml.error(node, fmt::format("{}: give both l_toe and r_toe, or neither", what));
    ok = false;
  }
  parts.toes = toes == 2;
  return ok ? std::optional<Pose>(p) : std::nullopt;
}

}  // namespace

std::optional<Figure> read_figure(YamlReader& yaml, const YAML::Node& node,
                                  const std::vector<Item>& views) {
  if (!node) return std::nullopt;
  if (!yaml.check_map(node, "figure", {"view", "face", "props", "start", "end"}))
    return std::nullopt;
  bool ok = yaml.require(node, "view", "a figure");
  ok &= yaml.require(node, "start", "a figure");
  ok &= yaml.require(node, "end", "a figure");
  if (!ok) return std::nullopt;
  Figure f;
  const std::string view = yaml.one_of(node["view"], "view", view_names());
  if (view.empty()) return std::nullopt;
  f.view = static_cast<Figure::View>(std::find(view_names().begin(), view_names().end(), view) -
                                     view_names().begin());
  // Seen from the side is how a figure is read; from anywhere else the
  // reader is told (`views` is read before the facts).
  if (f.view != Figure::View::Side &&
      std::none_of(views.begin(), views.end(), [&](const Item& v) { return v.id == view; }))
    yaml.error(node["view"], fmt::format("a figure seen from '{}' needs a caption: give "
                                         "'views' an entry {{id: {}, label: ...}}",
                                         view, view));
  if (node["face"]) {
    const std::string face = yaml.one_of(node["face"], "face", face_names());
    if (face.empty()) return std::nullopt;
    f.face = static_cast<Figure::Face>(
        1 + (std::find(face_names().begin(), face_names().end(), face) - face_names().begin()));
  }
  PoseParts start_parts, end_parts;
  auto start = pose(yaml, node["start"], "start pose", start_parts);
  auto end = pose(yaml, node["end"], "end pose", end_parts);
  if (!start || !end) return std::nullopt;
  if (start_parts.toes != end_parts.toes) {
    yaml.error(node["end"], "give toes in both poses or in neither");
    return std::nullopt;
  }
  if (start_parts.low_back != end_parts.low_back) {
    yaml.error(node["end"], "give low_back in both poses or in neither");
    return std::nullopt;
  }
  f.start = *start;
  f.end = *end;
  f.has_toes = start_parts.toes;
  f.has_low_back = start_parts.low_back;
  for (const auto& [which, p] : {std::pair{"start", &f.start}, std::pair{"end", &f.end}})
    for (const auto& problem : implausible_bones(f, *p))
      yaml.error(node[which], fmt::format("implausible {} pose: {}", which, problem));

  const std::vector<std::string> joints(joint_names().begin(), joint_names().end());
  auto joint = [&](const YAML::Node& n) -> std::optional<Joint> {
    const std::string name = yaml.one_of(n, "joint", joints);
    if (name.empty()) return std::nullopt;
    const auto j =
        static_cast<Joint>(std::find(joints.begin(), joints.end(), name) - joints.begin());
    if (!f.has(j)) {  // an optional joint the poses leave out has no place to draw to
      yaml.error(n, fmt::format("'{}' is not in this figure's poses", name));
      return std::nullopt;
    }
    return j;
  };
  auto in_box = [](Point pt) { return pt.x >= 0 && pt.x <= 200 && pt.y >= 0 && pt.y <= 120; };
  if (const YAML::Node props = node["props"]) {
    if (!props.IsSequence()) {
      yaml.error(props, "props must be a list");
      return std::nullopt;
    }
    for (const auto& p : props) {
      if (!yaml.check_map(p, "a prop", {"kind", "from", "to", "anchor", "x", "via"})) continue;
      if (!yaml.require(p, "kind", "a prop")) continue;
      const std::string kind = yaml.one_of(p["kind"], "prop kind", prop_kind_names());
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
            yaml.error(p, fmt::format("{} needs '{}'", with_article(kind), key));
            fine = false;
          } else if (!want && p[key]) {
            yaml.error(p[key], fmt::format("'{}' does not apply to {}", key, with_article(kind)));
            fine = false;
          }
        }
        return fine;
      };
      const bool via_fits = !p["via"] || prop.kind == Prop::Kind::Arrow;
      if (!via_fits)
        yaml.error(p["via"], fmt::format("'via' does not apply to {}", with_article(kind)));
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
          auto a = fine ? point(yaml, p["from"], "from") : std::nullopt;
          auto b = fine ? point(yaml, p["to"], "to") : std::nullopt;
          if (a && b) prop.anchor = *a, prop.end = *b;
          fine = fine && a && b;
          for (const auto& [key, at] : {std::pair{"from", a}, std::pair{"to", b}})
            if (fine && !in_box(*at)) {
              yaml.error(p[key], fmt::format("'{}' at ({}, {}) is outside the 200 x 120 box", key,
                                             at->x, at->y));
              fine = false;
            }
          if (fine && prop.kind == Prop::Kind::Arrow && a->x == b->x && a->y == b->y) {
            yaml.error(p, "an arrow needs 'from' and 'to' apart");
            fine = false;
          }
          if (fine && prop.kind == Prop::Kind::Arrow && p["via"]) {
            prop.via = point(yaml, p["via"], "via");
            if (prop.via && !in_box(*prop.via)) {
              yaml.error(p["via"], fmt::format("'via' at ({}, {}) is outside the 200 x 120 box",
                                               prop.via->x, prop.via->y));
              prop.via.reset();
            }
            fine = prop.via.has_value();
          }
          break;
        }
        case Prop::Kind::Wall: {
          fine = needs({"x"});
          auto x = fine ? yaml.number(p["x"], "x") : std::nullopt;
          if (x) prop.anchor = Point{*x, 0};
          fine = fine && x;
          break;
        }
        case Prop::Kind::Cable: {
          fine = needs({"anchor", "to"});
          auto a = fine ? point(yaml, p["anchor"], "anchor") : std::nullopt;
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

}  // namespace backtriage::ruleset
