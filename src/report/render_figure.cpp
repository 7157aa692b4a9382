#include "report/render_figure.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <numbers>
#include <vector>

#include "report/html_text.h"

namespace backtriage::report {

namespace {

using ruleset::Figure;
using ruleset::Joint;
using ruleset::Point;
using ruleset::Pose;
using ruleset::Prop;

constexpr double kFloor = ruleset::kFloorY;
// A joint this close to the floor in both poses rests on it (a hand, a knee):
// between the poses it slides along the floor rather than swinging.
constexpr double kContact = 6;
constexpr double kHead = ruleset::kHeadRadius;
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

Point mid(Point a, Point b) {
  return {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

// --- Moving between the poses --------------------------------------------------------------

// Each joint hangs from a parent; the hips' midpoint is the root.
constexpr std::array<int, ruleset::kJointCount> kParent{
    /*Head*/ 1,    /*Neck*/ -1,  /*LShoulder*/ 1, /*RShoulder*/ 1,
    /*LElbow*/ 2,  /*RElbow*/ 3,
    /*LHand*/ 4,   /*RHand*/ 5,  /*LHip*/ -2,     /*RHip*/ -2,
    /*LKnee*/ 8,   /*RKnee*/ 9,
    /*LFoot*/ 10,  /*RFoot*/ 11, /*LToe*/ 12,     /*RToe*/ 13,
    /*LowBack*/ -1};
// -1: the neck (or, when the figure has one, the low back) hangs from the
// root; -2: a hip hangs from the root. With a low back, the neck hangs from it.
int parent_of(const Figure& figure, int j) {
  if (j == static_cast<int>(Joint::Neck) && figure.has_low_back)
    return static_cast<int>(Joint::LowBack);
  return kParent[j];
}

// The pose a fraction `t` of the way from `a` to `b`. Seen from the side,
// limbs turn about their joints (each bone's angle and length move
// smoothly, so a limb does not shrink as it swings); seen from above or the
// front, a limb that rises toward the viewer does shorten, so joints move
// in straight lines.
Pose between(const Figure& figure, const Pose& a, const Pose& b, double t) {
  Pose out;
  if (figure.view != Figure::View::Side) {
    for (int j = 0; j < ruleset::kJointCount; ++j)
      out.at[j] = {a.at[j].x + (b.at[j].x - a.at[j].x) * t,
                   a.at[j].y + (b.at[j].y - a.at[j].y) * t};
    return out;
  }
  const Point root_a = mid(a[Joint::LHip], a[Joint::RHip]);
  const Point root_b = mid(b[Joint::LHip], b[Joint::RHip]);
  const Point root{root_a.x + (root_b.x - root_a.x) * t, root_a.y + (root_b.y - root_a.y) * t};
  auto parent_point = [&](const Pose& pose, int j, Point root_point) {
    const int parent = parent_of(figure, j);
    return parent < 0 ? root_point : pose.at[parent];
  };
  // Parents come before children in this order.
  constexpr std::array<int, ruleset::kJointCount> kOrder{16, 1, 0,  2,  3,  4,  5,  6, 7,
                                                         8,  9, 10, 11, 12, 13, 14, 15};
  for (int j : kOrder) {
    Point& at = out.at[j];
    const Point pa = parent_point(a, j, root_a), pb = parent_point(b, j, root_b);
    const int parent = parent_of(figure, j);
    const Point from = parent < 0 ? root : out.at[parent];
    const double ax = a.at[j].x - pa.x, ay = a.at[j].y - pa.y;
    const double bx = b.at[j].x - pb.x, by = b.at[j].y - pb.y;
    const double la = std::hypot(ax, ay), lb = std::hypot(bx, by);
    if (std::hypot(b.at[j].x - a.at[j].x, b.at[j].y - a.at[j].y) < 0.5) {
      // In the same place in both poses (a knee on the mat, feet planted in
      // a bridge): it stays there, and the bone to it stretches a little
      // instead, which the eye forgives far more than a foot that wanders.
      at = a.at[j];
    } else if (a.at[j].y >= kFloor - kContact && b.at[j].y >= kFloor - kContact) {
      at = {a.at[j].x + (b.at[j].x - a.at[j].x) * t, a.at[j].y + (b.at[j].y - a.at[j].y) * t};
    } else if (la < 0.5 || lb < 0.5) {  // no direction to turn: slide
      at = {from.x + ax + (bx - ax) * t, from.y + ay + (by - ay) * t};
    } else {
      double turn = std::atan2(by, bx) - std::atan2(ay, ax);
      while (turn > std::numbers::pi) turn -= 2 * std::numbers::pi;
      while (turn < -std::numbers::pi) turn += 2 * std::numbers::pi;
      const double angle = std::atan2(ay, ax) + turn * t, length = la + (lb - la) * t;
      at = {from.x + std::cos(angle) * length, from.y + std::sin(angle) * length};
    }
    // Nothing sinks into the floor on the way.
    at.y = std::min(at.y, j == static_cast<int>(Joint::Head) ? kFloor - kHead : kFloor);
  }
  return out;
}

// --- What is drawn -------------------------------------------------------------------------

// Numbers with one decimal, as "{:.1f}" writes them (exactly rounded).
// Paths are most of an animated figure's bytes, so they are written with
// to_chars rather than through format strings: a handout has thousands.
void append_num(std::string& out, double x) {
  char buffer[64];
  // The common case in integers: tenths that are not near a tie round the
  // same way whatever the last bits of x*10, and to_chars with a precision
  // costs ten times as much.
  const double tenths = x * 10;
  const double rounded = std::nearbyint(tenths);  // ties to even, as printf rounds
  const double off = std::abs(tenths - rounded);
  // fma gives the product's rounding error: zero means an exact tie is one.
  const bool exact_tie = off == 0.5 && std::fma(x, 10.0, -tenths) == 0;
  if (std::abs(tenths) < 1e9 && (std::abs(off - 0.5) > 1e-6 || exact_tie)) {
    const long long n = std::llabs(static_cast<long long>(rounded));
    char* p = buffer;
    if (std::signbit(x)) *p++ = '-';  // "-0.0" too, as "{:.1f}" writes it
    p = std::to_chars(p, buffer + sizeof buffer - 2, n / 10).ptr;
    *p++ = '.';
    *p++ = static_cast<char>('0' + n % 10);
    out.append(buffer, p);
    return;
  }
  const auto written =
      std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, 1);
  out.append(buffer, written.ptr);
}

std::string num(double x) {
  std::string out;
  append_num(out, x);
  return out;
}

void append_line_path(std::string& d, Point a, Point b) {
  d += 'M';
  append_num(d, a.x);
  d += ' ';
  append_num(d, a.y);
  d += 'L';
  append_num(d, b.x);
  d += ' ';
  append_num(d, b.y);
}

std::string line_path(Point a, Point b) {
  std::string d;
  append_line_path(d, a, b);
  return d;
}

std::string circle_path(Point c, double r) {
  // Two arcs make the circle.
  std::string d = "M";
  append_num(d, c.x - r);
  d += ' ';
  append_num(d, c.y);
  for (double dx : {2 * r, -2 * r}) {
    d += 'a';
    append_num(d, r);
    d += ' ';
    append_num(d, r);
    d += " 0 1 0 ";
    append_num(d, dx);
    d += " 0";
  }
  return d;
}

// One drawn shape: its style, and its path for a pose appended to a string
// (static shapes ignore the pose). Appending, not returning, keeps the
// thousands of paths of a handout from allocating one string each.
struct Shape {
  std::string style;
  std::function<void(const Pose&, std::string&)> path;
  bool moves = true;
  bool end_only = false;  // drawn with the end pose alone (an arrow)
};

std::vector<Shape> shapes(const Figure& figure) {
  std::vector<Shape> out;
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
      const double r = joint == Joint::Head ? kHead : 3;  // the head's circle, a limb's width
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
                ? fmt::format("M{} {}h{}v4h{}z", num(mat_left), num(kFloor - 2), num(w), num(-w))
                : fmt::format("M{} {}h{}v{}h{}z", num(mat_left), num(mat_top), num(w),
                              num(mat_bottom - mat_top), num(-w));
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
          append_line_path(frame, {front.x + inset, front.y}, {front.x + inset, kFloor});
          append_line_path(frame, {back.x - inset, back.y}, {back.x - inset, kFloor});
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
        const std::string wall = line_path({prop.anchor.x, kFloor}, {prop.anchor.x, 8});
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
    const std::string floor = line_path({4, kFloor}, {196, kFloor});
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
             const Point a = at(kHead - 1, angle - 0.6), b = at(kHead - 1, angle + 0.6),
                         tip = at(kHead + ruleset::kNoseLength, angle);
             append_line_path(d, a, tip);
             d += 'L';
             append_num(d, b.x);
             d += ' ';
             append_num(d, b.y);
             d += 'z';
           }});
    }
    out.push_back(
        {fmt::format("fill:#ffffff;stroke:{};stroke-width:4", kNear),
         [](const Pose& p, std::string& d) { d += circle_path(p[Joint::Head], kHead - 1); }});
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
                     const Point hips = mid(p[Joint::LHip], p[Joint::RHip]);
                     d += 'L';
                     append_num(d, hips.x);
                     d += ' ';
                     append_num(d, hips.y);
                   }});
  else
    out.push_back({limb(kNear), [](const Pose& p, std::string& d) {
                     append_line_path(d, p[Joint::Neck], mid(p[Joint::LHip], p[Joint::RHip]));
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
      arrow = "M" + num(from.x) + " " + num(from.y) + "Q" + num(control.x) + " " + num(control.y) +
              " " + num(to.x) + " " + num(to.y);
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

// <svg> with its accessible name and description.
std::string open_svg(const FigureText& text, const std::string& kind, int width,
                     const std::string& description) {
  const std::string id = text.id + "-" + kind;
  return fmt::format(
      "<svg class=\"figure {}\" viewBox=\"0 0 {} 120\" role=\"img\" aria-labelledby=\"{}-t {}-d\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{}-t\">{}</title><desc id=\"{}-d\">{}"
      "</desc>",
      kind, width, id, id, id, html_text(text.name), id, html_text(description));
}

}  // namespace

std::string figure_animated_svg(const Figure& figure, const FigureText& text) {
  const auto list = shapes(figure);
  // Keyframes: hold the start, move, hold the end, move back. Each move is
  // sampled so the limbs turn rather than slide, with an eased pace.
  constexpr int kSteps = 8;
  struct Frame {
    double percent;
    Pose pose;
  };
  std::vector<Frame> frames;
  auto ease = [](double t) { return t * t * (3 - 2 * t); };
  frames.push_back({0, figure.start});
  for (int k = 0; k <= kSteps; ++k)
    frames.push_back({10 + 30.0 * k / kSteps, between(figure, figure.start, figure.end,
                                                      ease(static_cast<double>(k) / kSteps))});
  for (int k = 0; k <= kSteps; ++k)
    frames.push_back({60 + 30.0 * k / kSteps, between(figure, figure.start, figure.end,
                                                      ease(1 - static_cast<double>(k) / kSteps))});
  frames.push_back({100, figure.start});

  std::string css = "<style>";
  std::string body;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Shape& shape = list[i];
    const std::string cls = fmt::format("{}-{}", text.id, i);
    body += fmt::format("<path class=\"{}\" style=\"{}\" d=\"", cls, shape.style);
    shape.path(figure.start, body);
    body += "\"/>";
    if (shape.end_only) {
      // Seen while the figure reaches and holds the end pose (40% to 60%).
      css += fmt::format(
          ".{}{{opacity:0;animation:{} 7s linear infinite}}@keyframes {}{{0%,25%,75%,100%{{"
          "opacity:0}}40%,60%{{opacity:1}}}}",
          cls, cls, cls);
      continue;
    }
    if (!shape.moves) continue;
    css += fmt::format(".{}{{animation:{} 7s linear infinite}}@keyframes {}{{", cls, cls, cls);
    for (const Frame& f : frames) {
      append_num(css, f.percent);
      css += "%{d:path(\"";
      shape.path(f.pose, css);
      css += "\")}";
    }
    css += "}";
  }
  css += "</style>";
  return open_svg(text, "figure-animated", 200, text.description) + css + body + "</svg>";
}

std::string figure_poses_svg(const Figure& figure, const FigureText& text,
                             const std::string& described) {
  const auto list = shapes(figure);
  std::string body;
  for (const auto& [pose, dx] : {std::pair{&figure.start, 0}, std::pair{&figure.end, 230}}) {
    body += fmt::format("<g transform=\"translate({} 0)\">", dx);
    for (const Shape& shape : list) {
      if (shape.end_only && pose == &figure.start) continue;
      body += "<path style=\"" + shape.style + "\" d=\"";
      shape.path(*pose, body);
      body += "\"/>";
    }
    body += "</g>";
  }
  // The arrow from the start pose to the end pose.
  body +=
      "<path style=\"fill:none;stroke:#374151;stroke-width:3;stroke-linecap:round;"
      "stroke-linejoin:round\" d=\"M204 60H224M217 53L225 60L217 67\"/>";
  return open_svg(text, "figure-poses", 430, described.empty() ? text.description : described) +
         body + "</svg>";
}

Pose pose_between(const Figure& figure, const Pose& a, const Pose& b, double t) {
  return between(figure, a, b, t);
}

}  // namespace backtriage::report
