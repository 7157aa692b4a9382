// Build-time tool: loads a YAML rule file with the ordinary loader, in its
// own language and then in each locale its `locales` lists (the overlays
// read from beside it), and writes a C++ file defining
// embedded_compact_locales(): each one's compact form.
// usage: backtriage_compile_rules RULES.yaml OUTPUT.cpp
#include <cstdio>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "ruleset/compact_rule_set.h"
#include "ruleset/compile/build_tool.h"
#include "ruleset/overlay_files.h"

namespace {

using namespace backtriage::ruleset;
using build_tool::write_cpp_bytes;

std::string cpp_file(const char* source,
                     const std::vector<std::pair<std::string, std::string>>& sets) {
  std::ostringstream out;
  out << "// Generated from " << source << " by backtriage_compile_rules. Do not edit.\n"
      << "#include \"ruleset/embedded/compact_locales.h\"\n\n"
      << "namespace backtriage::ruleset {\nnamespace {\n";
  for (std::size_t i = 0; i < sets.size(); ++i)
    write_cpp_bytes(out, "kBytes" + std::to_string(i), sets[i].second);
  out << "}  // namespace\n\nstd::span<const CompactLocale> embedded_compact_locales() {\n"
      << "  static const CompactLocale locales[] = {\n";
  for (std::size_t i = 0; i < sets.size(); ++i)
    out << "      {\"" << sets[i].first << "\", {reinterpret_cast<const char*>(kBytes" << i << "), "
        << sets[i].second.size() << "}},\n";
  out << "  };\n  return locales;\n}\n\n}  // namespace backtriage::ruleset\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  constexpr const char* kTool = "backtriage_compile_rules";
  build_tool::Input in;
  if (const int code = build_tool::open_input(kTool, argc, argv, in)) return code;
  const LoadResult& base = in.loaded;
  std::vector<std::pair<std::string, std::string>> sets{
      {base.rule_set->locale, write_compact(*base.rule_set)}};
  // A shipped overlay that does not load is a build error, not a run's.
  for (std::size_t i = 1; i < base.locales.size(); ++i) {
    const std::string& tag = base.locales[i];
    // The overlays beside the rule file, named as a run names the embedded
    // ones, so that every location comes out the same.
    auto result = build_tool::load_embedded(
        in.rules_path, in.text,
        overlays_beside(in.rules_path, parse_locale_tag(tag), OverlayNames::Embedded));
    if (!result.rule_set || result.rule_set->locale != tag) {
      std::fprintf(stderr, "%s: %s does not load in %s\n", kTool, in.rules_path, tag.c_str());
      return 65;
    }
    sets.emplace_back(tag, write_compact(*result.rule_set));
  }
  return build_tool::write_file(kTool, in.output_path, cpp_file(in.rules_path, sets));
}
