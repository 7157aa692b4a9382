// Build-time tool: loads a YAML rule file with the ordinary loader, draws
// the figure of each exercise as a handout would (render_figure.h), and
// writes a C++ file defining embedded_drawn_figures() (drawn_figures.h).
// The locale overlays change words, never a figure, and the drawing holds
// no words: one drawing serves every locale.
// usage: backtriage_draw_figures RULES.yaml OUTPUT.cpp
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/drawn_figures.h"
#include "report/render_html.h"
#include "ruleset/compact_rule_set.h"
#include "ruleset/compile/build_tool.h"

namespace {

using namespace backtriage;

std::string cpp_file(const char* source, const ruleset::RuleSet& rules) {
  std::ostringstream out, table;
  out << "// Generated from " << source << " by backtriage_draw_figures. Do not edit.\n"
      << "#include \"report/drawn_figures.h\"\n\n"
      << "namespace backtriage::report {\nnamespace {\n";
  int n = 0;
  static const std::vector<ruleset::Item> kNone;  // a rule file without a routine
  const auto& routine = rules.roles.routine < 0 ? kNone : rules.items_of(rules.roles.routine);
  for (const auto& item : routine) {
    const auto& figure = item.as<ruleset::Exercise>().figure;
    if (!figure) continue;
    const std::string id = report::figure_id(item.id);
    const report::FigureDrawing drawing = report::draw_figure(*figure, id);
    const std::string bytes = ruleset::write_compact(*figure);
    table << "      {";
    for (const auto& [part, text] :
         {std::pair{"Figure", std::string_view(bytes)}, std::pair{"Id", std::string_view(id)},
          std::pair{"Animated", std::string_view(drawing.animated)},
          std::pair{"Poses", std::string_view(drawing.poses)}}) {
      const std::string name = "k" + std::string(part) + std::to_string(n);
      ruleset::build_tool::write_cpp_bytes(out, name, text);
      table << "{reinterpret_cast<const char*>(" << name << "), " << text.size() << "}, ";
    }
    table << "},\n";
    ++n;
  }
  out << "}  // namespace\n\nstd::span<const DrawnFigure> embedded_drawn_figures() {\n";
  if (n == 0)  // no array of no elements in C++
    out << "  return {};\n";
  else
    out << "  static const DrawnFigure figures[] = {\n"
        << table.str() << "  };\n  return figures;\n";
  out << "}\n\n}  // namespace backtriage::report\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  constexpr const char* kTool = "backtriage_draw_figures";
  ruleset::build_tool::Input in;
  if (const int code = ruleset::build_tool::open_input(kTool, argc, argv, in)) return code;
  return ruleset::build_tool::write_file(kTool, in.output_path,
                                         cpp_file(in.rules_path, *in.loaded.rule_set));
}
