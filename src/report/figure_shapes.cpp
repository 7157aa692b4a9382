#include "report/figure_shapes.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "report/svg_path.h"

namespace backtriage::report {

using ruleset::Figure;
using ruleset::Joint;
using ruleset::Point;
using ruleset::Pose;
using ruleset::Prop;

namespace {

using ruleset::kFloorY;
using ruleset::kHeadRadius;
constexpr const char* kNear = "#1f2937";
constexpr const char* kFar = "#9ca3af";
constexpr const char* kBand = "#ea580c";
constexpr const char* kArrow = "#be185d";

bool left_side(Joint j) {
  switch (j) {
    case Joint::LShoulder:
    case Joint::LElbow:
    case Joint::LHand:
    case Joint::LHip:
    case Joint::LKnee:
    case Joint::LFoot:
    case Joint::LToe: return true;
    default: return false;
  }
}

}  // namespace

std::vector<FigureShape> figure_shapes(const Figure& figure) {
  std::vector<FigureShape> out;
  auto limb = [](const char* color) {
    return fmt::format(
        "fill:none;stroke:{};stroke-width:6;stroke-linecap:round;"
        "stroke-linejoin:round",
        color);
  };
  // Props, behind the figure (arrows, over it, come last).
  const bool on_floor = figure.view != Figure::View::Top;
  // The mat: seen from the side or the front, a strip on the floor under the
  // figure; seen from above, a mat's shape (about 60 across) under the head,
  // the trunk and the legs, which arms stretched out to the sides may reach
  // beyond. Either way all of it inside the box.
  double min_x = 200, max_x = 0, min_y = 120, max_y = 0;
  for (const Pose* pose : {&figure.start, &figure.end})
    for (int j = 0; j < ruleset::kJointCount; ++j) {
      const auto joint = static_cast<Joint>(j);
      if (!figure.has(joint)) continue;
      const bool arm = joint == Joint::LElbow || joint == Joint::RElbow || joint == Joint::LHand ||
                       joint == Joint::RHand;
      if (!on_floor && arm) continue;
      const double r = joint == Joint::Head ? kHeadRadius : 3;  // the head's circle, a limb's width
      min_x = std::min(min_x, pose->at[j].x - r), max_x = std::max(max_x, pose->at[j].x + r);
      min_y = std::min(min_y, pose->at[j].y - r), max_y = std::max(max_y, pose->at[j].y + r);
    }
  for (const Prop& prop : figure.props)  // a foam roller lies on the mat too
    if (prop.kind == Prop::Kind::FoamRoller)
      for (const Point& p : {prop.anchor, prop.end}) {
        min_x = std::min(min_x, p.x - 6), max_x = std::max(max_x, p.x + 6);
        min_y = std::min(min_y, p.y - 6), max_y = std::max(max_y, p.y + 6);
      }
  constexpr double kMatMargin = 7, kMatWidth = 60, kInside = 2;
  const double mat_left = std::max(kInside, min_x - kMatMargin);
  const double mat_right = std::min(200 - kInside, max_x + kMatMargin);
  double mat_top = min_y - kMatMargin, mat_bottom = max_y + kMatMargin;
  if (mat_bottom - mat_top < kMatWidth) {
    const double grow = (kMatWidth - (mat_bottom - mat_top)) / 2;
    mat_top -= grow, mat_bottom += grow;
  }
  // Kept inside the box, moved rather than cut where it can be.
  if (mat_top < kInside) mat_bottom += kInside - mat_top, mat_top = kInside;
  if (mat_bottom > 120 - kInside)
    mat_top -= mat_bottom - (120 - kInside), mat_bottom = 120 - kInside;
  mat_top = std::max(mat_top, kInside);
  for (const Prop& prop : figure.props) {
    switch (prop.kind) {
      case Prop::Kind::Mat: {
        const double w = mat_right - mat_left;
        const std::string rect =
            on_floor
                ? fmt::format("M{} {}h{}v4h{}z", one_decimal(mat_left), one_decimal(kFloorY - 2),
                              one_decimal(w), one_decimal(-w))
                : fmt::format("M{} {}h{}v{}h{}z", one_decimal(mat_left), one_decimal(mat_top),
                              one_decimal(w), one_decimal(mat_bottom - mat_top), one_decimal(-w));
        out.push_back({"fill:#bfdbfe;stroke:#60a5fa;stroke-width:1",
                       [rect](const Pose&, std::string& d) { d += rect; }, false});
        break;
      }
      case Prop::Kind::FoamRoller: {
        const std::string axis = line_path(prop.anchor, prop.end);
        out.push_back({"fill:none;stroke:#14b8a6;stroke-width:12;stroke-linecap:round",
                       [axis](const Pose&, std::string& d) { d += axis; }, false});
        break;
      }
      case Prop::Kind::Chair: {
        // The seat; seen from the side or the front, a leg from each edge of
        // it down to the floor, and seen from the side a backrest rising
        // from the back edge (from the front it would hide the sitter).
        const Point front = prop.anchor, back = prop.end;
        const std::string seat = line_path(front, back);
        std::string frame;
        if (on_floor) {
          const double inset = front.x < back.x ? 2 : -2;  // legs just inside the seat
          append_line_path(frame, {front.x + inset, front.y}, {front.x + inset, kFloorY});
          append_line_path(frame, {back.x - inset, back.y}, {back.x - inset, kFloorY});
          if (figure.view == Figure::View::Side)
            append_line_path(frame, back, {back.x + inset, back.y - 34});
        }
        constexpr const char* kWood = "#a16207";
        if (!frame.empty())
          out.push_back(
              {fmt::format("fill:none;stroke:{};stroke-width:3;stroke-linecap:round", kWood),
               [frame](const Pose&, std::string& d) { d += frame; }, false});
        out.push_back(
            {fmt::format("fill:none;stroke:{};stroke-width:5;stroke-linecap:round", kWood),
             [seat](const Pose&, std::string& d) { d += seat; }, false});
        break;
      }
      case Prop::Kind::Wall: {
        const std::string wall = line_path({prop.anchor.x, kFloorY}, {prop.anchor.x, 8});
        out.push_back({"fill:none;stroke:#6b7280;stroke-width:4",
                       [wall](const Pose&, std::string& d) { d += wall; }, false});
        break;
      }
      case Prop::Kind::Arrow: break;  // over the figure, below
      case Prop::Kind::Band:
      case Prop::Kind::Towel: {
        const Joint a = prop.joints[0], b = prop.joints[1];
        out.push_back({fmt::format("fill:none;stroke:{};stroke-width:{};stroke-linecap:round",
                                   kBand, prop.kind == Prop::Kind::Towel ? 4 : 2.5),
                       [a, b](const Pose& p, std::string& d) { append_line_path(d, p[a], p[b]); }});
        break;
      }
      case Prop::Kind::Cable: {
        const std::string pulley = circle_path(prop.anchor, 3);
        out.push_back({fmt::format("fill:{};stroke:none", "#6b7280"),
                       [pulley](const Pose&, std::string& d) { d += pulley; }, false});
        for (Joint j : prop.joints) {
          const Point anchor = prop.anchor;
          out.push_back(
              {fmt::format("fill:none;stroke:{};stroke-width:2.5;stroke-linecap:round", kBand),
               [anchor, j](const Pose& p, std::string& d) { append_line_path(d, anchor, p[j]); }});
        }
        break;
      }
    }
  }
  if (on_floor) {
    const std::string floor = line_path({4, kFloorY}, {196, kFloorY});
    out.push_back({"fill:none;stroke:#9ca3af;stroke-width:1.5",
                   [floor](const Pose&, std::string& d) { d += floor; }, false});
  }
  // The body: the far side lighter when seen from the side.
  const bool side = figure.view == Figure::View::Side;
  auto bone_shapes = [&](bool far) {
    for (const auto& bone : ruleset::bones()) {
      if (bone.from == Joint::Head || (bone.from == Joint::LHip && bone.to == Joint::RHip))
        continue;
      if (!figure.has(bone.to)) continue;
      if (left_side(bone.to) != far) continue;
      const Joint a = bone.from, b = bone.to;
      out.push_back({limb(far && side ? kFar : kNear),
                     [a, b](const Pose& p, std::string& d) { append_line_path(d, p[a], p[b]); }});
    }
  };
  // The head: the neck, the nose when there is one, and the head's circle over its base.
  auto head = [&] {
    out.push_back({limb(kNear), [](const Pose& p, std::string& d) {
                     append_line_path(d, p[Joint::Head], p[Joint::Neck]);
                   }});
    // The nose, when the figure says which way the face looks: a small wedge on
    // the head's outline pointing that way (lying face down, it points at the
    // floor), so the figure is not read as lying the other way up.
    if (figure.face != Figure::Face::None) {
      const double angle = figure.face == Figure::Face::Up     ? -std::numbers::pi / 2
                           : figure.face == Figure::Face::Down ? std::numbers::pi / 2
                           : figure.face == Figure::Face::Left ? std::numbers::pi
                                                               : 0;
      out.push_back(
          {fmt::format("fill:#ffffff;stroke:{};stroke-width:2.5;stroke-linejoin:round", kNear),
           [angle](const Pose& p, std::string& d) {
             const Point c = p[Joint::Head];
             auto at = [&](double r, double a) {
               return Point{c.x + r * std::cos(a), c.y + r * std::sin(a)};
             };
             // The base on the outline, the tip a little beyond it.
             const Point a = at(kHeadRadius - 1, angle - 0.6), b = at(kHeadRadius - 1, angle + 0.6),
                         tip = at(kHeadRadius + ruleset::kNoseLength, angle);
             append_line_path(d, a, tip);
             d += 'L';
             append_one_decimal(d, b.x);
             d += ' ';
             append_one_decimal(d, b.y);
             d += 'z';
           }});
    }
    out.push_back(
        {fmt::format("fill:#ffffff;stroke:{};stroke-width:4", kNear),
         [](const Pose& p, std::string& d) { d += circle_path(p[Joint::Head], kHeadRadius - 1); }});
  };
  bone_shapes(true);
  out.push_back({limb(kNear), [](const Pose& p, std::string& d) {
                   append_line_path(d, p[Joint::LHip], p[Joint::RHip]);
                 }});
  // The torso: a straight line from the neck to the hips' midpoint, or bent
  // at the low back when the figure has one.
  if (figure.has_low_back)
    out.push_back({limb(kNear), [](const Pose& p, std::string& d) {
                     append_line_path(d, p[Joint::Neck], p[Joint::LowBack]);
                     const Point hips = ruleset::midpoint(p[Joint::LHip], p[Joint::RHip]);
                     d += 'L';
                     append_one_decimal(d, hips.x);
                     d += ' ';
                     append_one_decimal(d, hips.y);
                   }});
  else
    out.push_back({limb(kNear), [](const Pose& p, std::string& d) {
                     append_line_path(d, p[Joint::Neck],
                                      ruleset::midpoint(p[Joint::LHip], p[Joint::RHip]));
                   }});
  // With a face drawn, the head goes over the near limbs so that no arm hides the face
  // (an arm stretched past the head, lying face down, passes behind it).
  if (figure.face == Figure::Face::None) {
    head();
    bone_shapes(false);
  } else {
    bone_shapes(false);
    head();
  }
  // Arrows, over the figure: what the end pose does that cannot be seen.
  for (const Prop& prop : figure.props) {
    if (prop.kind != Prop::Kind::Arrow) continue;
    // A shaft, straight or a curve through `via` halfway along, and a head of
    // two strokes 6 long at 30 degrees to the shaft's end.
    const Point from = prop.anchor, to = prop.end;
    // The quadratic curve through `via` at its middle has this control point.
    const Point control = prop.via ? Point{2 * prop.via->x - (from.x + to.x) / 2,
                                           2 * prop.via->y - (from.y + to.y) / 2}
                                   : from;
    const double angle = std::atan2(to.y - control.y, to.x - control.x);
    std::string arrow;
    if (prop.via) {
      arrow = "M" + one_decimal(from.x) + " " + one_decimal(from.y) + "Q" + one_decimal(control.x) +
              " " + one_decimal(control.y) + " " + one_decimal(to.x) + " " + one_decimal(to.y);
    } else {
      arrow = line_path(from, to);
    }
    for (double side : {-1.0, 1.0}) {
      const double a = angle + std::numbers::pi + side * std::numbers::pi / 6;
      append_line_path(arrow, to, {to.x + 6 * std::cos(a), to.y + 6 * std::sin(a)});
    }
    out.push_back({fmt::format("fill:none;stroke:{};stroke-width:3;stroke-linecap:round;"
                               "stroke-linejoin:round",
                               kArrow),
                   [arrow](const Pose&, std::string& d) { d += arrow; }, false, true});
  }
  return out;
}

}  // namespace backtriage::report
