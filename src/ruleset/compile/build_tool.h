#pragma once
// What the build-time tools that write C++ share (compile/ and
// report/draw/): reading and loading the rule file as the program embeds
// it, writing the generated file, and bytes as an array definition. Each
// failure is a line on stderr and the exit code the tool returns.
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "ruleset/loader.h"

namespace backtriage::ruleset::build_tool {

inline std::optional<std::string> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

// `text` (read from `path`) loaded as the embedded rule set: named
// "<embedded>", as a run names it, so every location comes out the same.
// Its diagnostics go to stderr when it does not load.
inline LoadResult load_embedded(const char* path, const std::string& text,
                                const LocaleRequest& locale = {}) {
  LoadResult result = load_rule_set(text, "<embedded>", locale);
  if (!result.rule_set)
    for (const auto& d : result.diagnostics)
      std::fprintf(stderr, "%s: %s\n", path, format_line(d).c_str());
  return result;
}

// What every tool starts from: its command line, RULES.yaml OUTPUT.cpp,
// and the rule file read and loaded as above.
struct Input {
  const char* rules_path = nullptr;
  const char* output_path = nullptr;
  std::string text;
  LoadResult loaded;
};
// 0 with `in` filled; or the exit code, with a line on stderr: 2 for a bad
// command line, 66 for a rule file that cannot be read, 65 for one that
// does not load.
inline int open_input(const char* tool, int argc, char** argv, Input& in) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s RULES.yaml OUTPUT.cpp\n", tool);
    return 2;
  }
  in.rules_path = argv[1];
  in.output_path = argv[2];
  auto text = read_file(in.rules_path);
  if (!text) {
    std::fprintf(stderr, "%s: cannot read %s\n", tool, in.rules_path);
    return 66;
  }
  in.text = std::move(*text);
  in.loaded = load_embedded(in.rules_path, in.text);
  return in.loaded.rule_set ? 0 : 65;
}

// 0, or 74 when `text` could not be written to `path`.
inline int write_file(const char* tool, const char* path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
  if (file.flush()) return 0;
  std::fprintf(stderr, "%s: cannot write %s\n", tool, path);
  return 74;
}

// `const unsigned char NAME[] = {...,0};` (the 0 after the last byte lets an
// empty one compile), which no escaping can get wrong.
inline void write_cpp_bytes(std::ostream& out, std::string_view name, std::string_view bytes) {
  out << "const unsigned char " << name << "[] = {";
  for (std::size_t i = 0; i < bytes.size(); ++i)
    out << (i % 20 == 0 ? "\n" : "") << static_cast<unsigned>(static_cast<unsigned char>(bytes[i]))
        << ',';
  out << "0};\n";
}

}  // namespace backtriage::ruleset::build_tool
