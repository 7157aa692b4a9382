#include "report/render_figure.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <optional>

#include "report/figure_motion.h"
#include "report/figure_shapes.h"
#include "ruleset/loader.h"

using namespace backtriage;
using ruleset::Joint;

TEST_CASE("a chair is drawn as a seat with legs to the floor, and a backrest seen from the side",
          "[figure]") {
  ruleset::Figure f;
  // Its seat from the front edge (`anchor`) to the back edge (`end`).
  f.props = {ruleset::Prop{ruleset::Prop::Kind::Chair, {}, {110, 80}, {90, 80}, {}}};
  const report::FigureText text{"chair", "Sitting", "Sitting on a chair"};
  const std::string side = report::figure_poses_svg(f, text);
  CHECK(side.find("d=\"M110.0 80.0L90.0 80.0\"") != std::string::npos);  // the seat
  // Legs just inside the seat's edges, down to the floor; the backrest leans back a little.
  CHECK(side.find("d=\"M108.0 80.0L108.0 112.0M92.0 80.0L92.0 112.0M90.0 80.0L88.0 46.0\"") !=
        std::string::npos);
  f.view = ruleset::Figure::View::Front;  // from the front a backrest would hide the sitter
  const std::string front = report::figure_poses_svg(f, text);
  CHECK(front.find("d=\"M108.0 80.0L108.0 112.0M92.0 80.0L92.0 112.0\"") != std::string::npos);
  f.view = ruleset::Figure::View::Top;  // from above, the seat alone
  const std::string top = report::figure_poses_svg(f, text);
  CHECK(top.find("L108.0 112.0") == std::string::npos);
  CHECK(top.find("d=\"M110.0 80.0L90.0 80.0\"") != std::string::npos);
}

TEST_CASE("the rule file's seated exercise reads its chair's seat from `from` and `to`",
          "[figure]") {
  const auto& rules = ruleset::embedded_rule_set();
  const ruleset::Figure* seated = nullptr;
  for (const auto& item : rules.items_of(rules.roles.routine))
    if (const auto& figure = item.as<ruleset::Exercise>().figure;
        item.id == "pelvic_floor" && figure)
      seated = &*figure;
  REQUIRE(seated);
  REQUIRE(seated->props.size() == 2);  // the chair, and the arrow of the squeeze
  const ruleset::Prop& chair = seated->props[0];
  CHECK(chair.kind == ruleset::Prop::Kind::Chair);
  CHECK((chair.anchor.x == 104 && chair.anchor.y == 86));
  CHECK((chair.end.x == 76 && chair.end.y == 86));
}

namespace {

// "L100.0 112.0": a path's line to that point, as the figure writes it.
std::string fmt_tip(double x, double y) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "L%.1f %.1f", x, y);
  return buffer;
}

struct Rect {
  double left, top, right, bottom;
};

// The mat as drawn: the rectangle of the first path in the mat's style.
std::optional<Rect> drawn_mat(const std::string& svg) {
  const std::string style = "fill:#bfdbfe;stroke:#60a5fa;stroke-width:1\" d=\"";
  const auto at = svg.find(style);
  if (at == std::string::npos) return std::nullopt;
  double x = 0, y = 0, w = 0, h = 0, back = 0;
  // Seen from above "Mx yhWvHh-Wz"; on the floor "Mx yhWv4h-Wz".
  if (std::sscanf(svg.c_str() + at + style.size(), "M%lf %lfh%lfv%lfh%lfz", &x, &y, &w, &h,
                  &back) != 5)
    return std::nullopt;
  CHECK(back == -w);
  return Rect{x, y, x + w, y + h};
}

}  // namespace

TEST_CASE("every mat is drawn whole inside the figure's box, and seen from above under the body",
          "[figure]") {
  const auto& rules = ruleset::embedded_rule_set();
  int mats = 0, from_above = 0;
  for (const auto& item : rules.items_of(rules.roles.routine)) {
    const auto& exercise = item.as<ruleset::Exercise>();
    const ruleset::Figure& f = *exercise.figure;
    const auto mat =
        drawn_mat(report::figure_poses_svg(f, {item.id, exercise.name, exercise.name}));
    const bool has_mat = std::any_of(f.props.begin(), f.props.end(), [](const auto& p) {
      return p.kind == ruleset::Prop::Kind::Mat;
    });
    REQUIRE(has_mat == static_cast<bool>(mat));
    if (!mat) continue;
    ++mats;
    INFO(item.id);
    // Its outline (1 wide) in the 200 x 120 box.
    CHECK(mat->left >= 0.5);
    CHECK(mat->top >= 0.5);
    CHECK(mat->right <= 199.5);
    CHECK(mat->bottom <= 119.5);
    if (f.view != ruleset::Figure::View::Top) continue;
    ++from_above;
    CHECK(mat->bottom - mat->top >= 55);  // the shape of a mat, not a strip
    // The head, the trunk and the legs lie on it in both poses (arms may reach beyond).
    for (const auto* pose : {&f.start, &f.end})
      for (Joint j : {Joint::Head, Joint::Neck, Joint::LShoulder, Joint::RShoulder, Joint::LHip,
                      Joint::RHip, Joint::LKnee, Joint::RKnee, Joint::LFoot, Joint::RFoot}) {
        const ruleset::Point p = (*pose)[j];
        INFO(ruleset::joint_names()[static_cast<int>(j)]);
        CHECK((p.x > mat->left && p.x < mat->right && p.y > mat->top && p.y < mat->bottom));
      }
  }
  CHECK(mats >= 10);
  CHECK(from_above == 3);
}

TEST_CASE("an arrow is drawn over the end pose only, and seen in the animation at the end",
          "[figure]") {
  ruleset::Figure f;
  ruleset::Prop arrow{ruleset::Prop::Kind::Arrow, {}, {90, 86}, {90, 70}, {}};
  f.props = {arrow};
  const report::FigureText text{"lift", "Lift", "Lifting"};
  const std::string poses = report::figure_poses_svg(f, text);
  // A shaft up, and a head of two strokes at 30 degrees.
  const std::string straight = "d=\"M90.0 86.0L90.0 70.0M90.0 70.0L93.0 75.2M90.0 70.0L87.0 75.2\"";
  const auto at = poses.find(straight);
  REQUIRE(at != std::string::npos);
  CHECK(poses.find(straight, at + 1) == std::string::npos);      // once: not in the start pose
  CHECK(at > poses.find("<g transform=\"translate(230 0)\">"));  // but in the end pose
  // Over the figure: the last shape of the end pose.
  const auto next_shape = poses.find("<path", at);
  const bool last = next_shape > poses.rfind("</g>");
  CHECK(last);
  const std::string animated = report::figure_animated_svg(f, text);
  CHECK(animated.find(straight) != std::string::npos);
  CHECK(animated.find("opacity:0;animation:") != std::string::npos);
  CHECK(animated.find("40%,60%{opacity:1}") != std::string::npos);
  // Curved through `via`: a quadratic curve whose middle is `via`, the head along its end.
  arrow.anchor = {110, 30}, arrow.via = ruleset::Point{96, 14}, arrow.end = {88, 28};
  f.props = {arrow};
  const std::string curved = report::figure_poses_svg(f, text);
  CHECK(curved.find("d=\"M110.0 30.0Q93.0 -1.0 88.0 28.0M88.0 28.0") != std::string::npos);
}

TEST_CASE("a figure's face is drawn as a nose on the head, pointing that way, over the limbs",
          "[figure]") {
  ruleset::Figure f;
  f.start = f.end = {};
  auto at = [&](Joint j, double x, double y) {
    f.start.at[static_cast<int>(j)] = f.end.at[static_cast<int>(j)] = {x, y};
  };
  at(Joint::Head, 100, 98), at(Joint::Neck, 88, 104);
  const report::FigureText text{"face", "Face", "Face down"};
  const std::string nose_style = "fill:#ffffff;stroke:#1f2937;stroke-width:2.5";
  const std::string head_style = "fill:#ffffff;stroke:#1f2937;stroke-width:4";
  // Without a face: no nose, and the near limbs over the head.
  const std::string plain = report::figure_poses_svg(f, text);
  CHECK(plain.find(nose_style) == std::string::npos);
  CHECK(plain.find(head_style) < plain.rfind("stroke:#1f2937;stroke-width:6"));
  // Face down: a wedge under the head, its tip the nose's length beyond the circle, and the
  // head (nose and all) drawn after every limb, so no arm lying past it hides the face.
  f.face = ruleset::Figure::Face::Down;
  const std::string down = report::figure_poses_svg(f, text);
  const auto nose = down.find(nose_style);
  REQUIRE(nose != std::string::npos);
  const double tip = 98 + ruleset::kHeadRadius + ruleset::kNoseLength;
  CHECK(down.find(fmt_tip(100, tip), nose) != std::string::npos);
  CHECK(nose > down.rfind("stroke:#1f2937;stroke-width:6", down.find("</g>")));
  CHECK(down.find(head_style, nose) != std::string::npos);  // the circle over the nose's base
  // Face up: the tip above the head.
  f.face = ruleset::Figure::Face::Up;
  const std::string up = report::figure_poses_svg(f, text);
  CHECK(up.find(fmt_tip(100, 98 - ruleset::kHeadRadius - ruleset::kNoseLength)) !=
        std::string::npos);
}

TEST_CASE("each keyframe draws the pose of its moment, the way back through the way out's poses",
          "[figure]") {
  // The animation is drawn from 10 poses, not 20: this holds it to the
  // poses of each moment, computed here the plain way.
  auto ease = [](double t) { return t * t * (3 - 2 * t); };
  const auto& rules = ruleset::embedded_rule_set();
  int checked = 0;
  for (const auto& item : rules.items_of(rules.roles.routine)) {
    const auto& figure = item.as<ruleset::Exercise>().figure;
    if (!figure) continue;
    const report::FigureText text{"f", item.id, item.id};
    const std::string svg = report::figure_animated_svg(*figure, text);
    const auto shapes = report::figure_shapes(*figure);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      if (!shapes[i].moves || shapes[i].end_only) continue;
      std::string expected = "@keyframes f-" + std::to_string(i) + "{";
      auto frame = [&](const char* percent, const ruleset::Pose& pose) {
        expected += percent;
        expected += "%{d:path(\"";
        shapes[i].path(pose, expected);
        expected += "\")}";
      };
      auto moving = [&](int k) {
        return report::pose_between(*figure, figure->start, figure->end, ease(k / 8.0));
      };
      const char* out[] = {"10.0", "13.8", "17.5", "21.2", "25.0", "28.8", "32.5", "36.2", "40.0"};
      const char* back[] = {"60.0", "63.8", "67.5", "71.2", "75.0", "78.8", "82.5", "86.2", "90.0"};
      frame("0.0", figure->start);
      for (int k = 0; k <= 8; ++k) frame(out[k], moving(k));
      for (int k = 0; k <= 8; ++k)
        frame(back[k],
              report::pose_between(*figure, figure->start, figure->end, ease(1 - k / 8.0)));
      frame("100.0", figure->start);
      expected += "}";
      INFO(item.id << " shape " << i);
      CHECK(svg.find(expected) != std::string::npos);
      ++checked;
    }
  }
  CHECK(checked > 50);
}
