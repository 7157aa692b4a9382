#include "report/render_figure.h"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "report/figure_motion.h"
#include "report/figure_shapes.h"
#include "report/html_text.h"
#include "report/svg_path.h"

namespace backtriage::report {

namespace {

using ruleset::Figure;
using ruleset::Pose;

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
  const auto list = figure_shapes(figure);
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
    frames.push_back({10 + 30.0 * k / kSteps, pose_between(figure, figure.start, figure.end,
                                                           ease(static_cast<double>(k) / kSteps))});
  for (int k = 0; k <= kSteps; ++k)
    frames.push_back(
        {60 + 30.0 * k / kSteps, pose_between(figure, figure.start, figure.end,
                                              ease(1 - static_cast<double>(k) / kSteps))});
  frames.push_back({100, figure.start});

  // Room for every keyframe's path at once (a few KB a shape), so the
  // string is not copied again as it grows.
  std::string css;
  css.reserve(list.size() * frames.size() * 48);
  css += "<style>";
  std::string body;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const FigureShape& shape = list[i];
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
      append_one_decimal(css, f.percent);
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
  const auto list = figure_shapes(figure);
  std::string body;
  for (const auto& [pose, dx] : {std::pair{&figure.start, 0}, std::pair{&figure.end, 230}}) {
    body += fmt::format("<g transform=\"translate({} 0)\">", dx);
    for (const FigureShape& shape : list) {
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

}  // namespace backtriage::report
