// Build-time tool: loads a YAML rule file with the ordinary loader and
// writes a C++ file defining embedded_compact_rules(), its compact form.
// usage: backtriage_compile_rules RULES.yaml OUTPUT.cpp
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

#include "ruleset/compact_rule_set.h"
#include "ruleset/loader.h"

int main(int argc, char** argv) {
  using namespace backtriage::ruleset;
  if (argc != 3) {
    std::fprintf(stderr, "usage: backtriage_compile_rules RULES.yaml OUTPUT.cpp\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::fprintf(stderr, "backtriage_compile_rules: cannot read %s\n", argv[1]);
    return 66;
  }
  // Reports name the embedded set as "<embedded>", as the YAML path did.
  auto result = load_rule_set(text, "<embedded>");
  if (!result.rule_set) {
    for (const auto& d : result.diagnostics)
      std::fprintf(stderr, "%s: %s\n", argv[1], format_line(d).c_str());
    return 65;
  }
  const std::string bytes = write_compact(*result.rule_set);
  std::ostringstream out;
  out << "// Generated from " << argv[1] << " by backtriage_compile_rules. Do not edit.\n"
      << "#include <string_view>\n\nnamespace backtriage::ruleset {\nnamespace {\n"
      << "const unsigned char kBytes[] = {";
  for (std::size_t i = 0; i < bytes.size(); ++i)
    out << (i % 20 == 0 ? "\n" : "") << static_cast<unsigned>(static_cast<unsigned char>(bytes[i]))
        << ',';
  out << "0};\n}  // namespace\n\nstd::string_view embedded_compact_rules() {\n"
      << "  return {reinterpret_cast<const char*>(kBytes), " << bytes.size() << "};\n}\n\n"
      << "}  // namespace backtriage::ruleset\n";
  std::ofstream file(argv[2], std::ios::binary);
  file << out.str();
  if (!file.flush()) {
    std::fprintf(stderr, "backtriage_compile_rules: cannot write %s\n", argv[2]);
    return 74;
  }
  return 0;
}
