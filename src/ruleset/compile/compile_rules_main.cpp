// Build-time tool: loads a YAML rule file with the ordinary loader, in its
// own language and then in each locale its `locales` lists (the overlays
// read from beside it), and writes a C++ file defining
// embedded_compact_locales(): each one's compact form.
// usage: backtriage_compile_rules RULES.yaml OUTPUT.cpp
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "ruleset/compact_rule_set.h"
#include "ruleset/compile/cpp_bytes.h"
#include "ruleset/loader.h"
#include "ruleset/overlay_files.h"

namespace {

using namespace backtriage::ruleset;

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return std::nullopt;
  return text;
}

void print_errors(const char* path, const LoadResult& result) {
  for (const auto& d : result.diagnostics)
    std::fprintf(stderr, "%s: %s\n", path, format_line(d).c_str());
}

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
  if (argc != 3) {
    std::fprintf(stderr, "usage: backtriage_compile_rules RULES.yaml OUTPUT.cpp\n");
    return 2;
  }
  const auto text = read_file(argv[1]);
  if (!text) {
    std::fprintf(stderr, "backtriage_compile_rules: cannot read %s\n", argv[1]);
    return 66;
  }
  // Reports name the embedded set as "<embedded>", as the YAML path did.
  auto base = load_rule_set(*text, "<embedded>");
  if (!base.rule_set) {
    print_errors(argv[1], base);
    return 65;
  }
  std::vector<std::pair<std::string, std::string>> sets{
      {base.rule_set->locale, write_compact(*base.rule_set)}};
  // A shipped overlay that does not load is a build error, not a run's.
  for (std::size_t i = 1; i < base.locales.size(); ++i) {
    const std::string& tag = base.locales[i];
    // The overlays beside the rule file, named as a run names the embedded
    // ones, so that every location comes out the same.
    auto result =
        load_rule_set(*text, "<embedded>",
                      overlays_beside(argv[1], parse_locale_tag(tag), OverlayNames::Embedded));
    if (!result.rule_set || result.rule_set->locale != tag) {
      print_errors(argv[1], result);
      std::fprintf(stderr, "backtriage_compile_rules: %s does not load in %s\n", argv[1],
                   tag.c_str());
      return 65;
    }
    sets.emplace_back(tag, write_compact(*result.rule_set));
  }
  std::ofstream file(argv[2], std::ios::binary);
  file << cpp_file(argv[1], sets);
  if (!file.flush()) {
    std::fprintf(stderr, "backtriage_compile_rules: cannot write %s\n", argv[2]);
    return 74;
  }
  return 0;
}
