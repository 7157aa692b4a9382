#include "report/render_figure.h"

#include <fmt/format.h>

#include <array>
#include <iterator>
#include <string_view>
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
void open_svg(std::string& out, const FigureText& text, const std::string& kind, int width,
              const std::string& description) {
  const std::string id = text.id + "-" + kind;
  fmt::format_to(
      std::back_inserter(out),
      "<svg class=\"figure {}\" viewBox=\"0 0 {} 120\" role=\"img\" aria-labelledby=\"{}-t {}-d\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{}-t\">{}</title><desc id=\"{}-d\">{}"
      "</desc>",
      kind, width, id, id, id, html_text(text.name), id, html_text(description));
}

// The animation's <style> and the figure in its start pose.
std::string draw_animated(const Figure& figure, const std::vector<FigureShape>& list,
                          std::string_view id) {
  // Keyframes: hold the start, move, hold the end, move back. Each move is
  // sampled so the limbs turn rather than slide, with an eased pace. The way
  // back passes through the very poses of the way out (1 - k/8 and (8-k)/8
  // are the same double), so each is drawn once and pasted twice.
  constexpr int kSteps = 8;
  auto ease = [](double t) { return t * t * (3 - 2 * t); };
  std::array<Pose, kSteps + 1> moving;
  for (int k = 0; k <= kSteps; ++k)
    moving[k] =
        pose_between(figure, figure.start, figure.end, ease(static_cast<double>(k) / kSteps));
  // Each keyframe's opening ("13.8%{d:path(\"", the same for every shape)
  // and which pose it shows: -1 the start, else moving[].
  struct Frame {
    std::string head;
    int pose;
  };
  std::array<Frame, 2 * kSteps + 4> frames;
  auto frame = [](double percent, int pose) {
    Frame f{{}, pose};
    append_one_decimal(f.head, percent);
    f.head += "%{d:path(\"";
    return f;
  };
  frames.front() = frame(0, -1);
  for (int k = 0; k <= kSteps; ++k) {
    frames[1 + k] = frame(10 + 30.0 * k / kSteps, k);
    frames[kSteps + 2 + k] = frame(60 + 30.0 * k / kSteps, kSteps - k);
  }
  frames.back() = frame(100, -1);

  // Room for every keyframe's path at once (a few KB a shape), so the
  // string is not copied again as it grows.
  std::string css;
  css.reserve(list.size() * frames.size() * 48);
  css += "<style>";
  std::string body;
  // One shape's path in each pose: [start] then moving[0..kSteps], by offset.
  std::string drawn;
  std::array<std::size_t, kSteps + 3> at{};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const FigureShape& shape = list[i];
    const std::string cls = std::string(id) + '-' + std::to_string(i);
    drawn.clear();
    shape.path(figure.start, drawn);
    at[1] = drawn.size();
    body += "<path class=\"";
    body += cls;
    body += "\" style=\"";
    body += shape.style;
    body += "\" d=\"";
    body.append(drawn, 0, at[1]);
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
    for (int k = 0; k <= kSteps; ++k) {
      shape.path(moving[k], drawn);
      at[k + 2] = drawn.size();
    }
    css += '.';
    css += cls;
    css += "{animation:";
    css += cls;
    css += " 7s linear infinite}@keyframes ";
    css += cls;
    css += '{';
    for (const Frame& f : frames) {
      css += f.head;
      css.append(drawn, at[f.pose + 1], at[f.pose + 2] - at[f.pose + 1]);
      css += "\")}";
    }
    css += "}";
  }
  css += "</style>";
  css += body;
  return css;
}

// The start and the end pose side by side, and the arrow between them.
std::string draw_poses(const Figure& figure, const std::vector<FigureShape>& list) {
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
  return body;
}

}  // namespace

FigureDrawing draw_figure(const Figure& figure, std::string_view id) {
  const auto list = figure_shapes(figure);
  return {draw_animated(figure, list, id), draw_poses(figure, list)};
}

void append_animated_svg(std::string& out, std::string_view drawn, const FigureText& text) {
  open_svg(out, text, "figure-animated", 200, text.description);
  out += drawn;
  out += "</svg>";
}

void append_poses_svg(std::string& out, std::string_view drawn, const FigureText& text,
                      const std::string& described) {
  open_svg(out, text, "figure-poses", 430, described.empty() ? text.description : described);
  out += drawn;
  out += "</svg>";
}

std::string figure_animated_svg(const Figure& figure, const FigureText& text) {
  std::string svg;
  append_animated_svg(svg, draw_figure(figure, text.id).animated, text);
  return svg;
}

std::string figure_poses_svg(const Figure& figure, const FigureText& text,
                             const std::string& described) {
  std::string svg;
  append_poses_svg(svg, draw_figure(figure, text.id).poses, text, described);
  return svg;
}

}  // namespace backtriage::report
