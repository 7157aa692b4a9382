#pragma once
// Reading YAML so that every problem names its place: parsing with a size
// and nesting limit, and typed accessors that record a Diagnostic at
// file:line:col instead of throwing. The rule loader and the answers-file
// reader both read through it, so both word their errors alike.
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/diagnostic.h"

namespace backtriage::ruleset {

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  // The document's root; on a syntax error, a document nested too deeply or
  // larger than `max_bytes`, records the problem and returns nothing.
  std::optional<YAML::Node> parse(std::string_view text, std::size_t max_bytes);

  const std::string& file() const { return file_; }
  Location at(const YAML::Node& node) const;
  // Says that `node` and all under it came from `file` (a locale overlay
  // laid over this document), so that `at` names that file for them.
  void adopt(const YAML::Node& node, const std::string& file);
  void error(Location where, std::string message);
  void error(const YAML::Node& node, std::string message) { error(at(node), std::move(message)); }
  void warning(Location where, std::string message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }
  bool has_errors() const;

  // Checks a mapping's keys: each a scalar, none repeated and, unless
  // `known` is empty, each one of `known` (else "did you mean"). yaml-cpp
  // keeps repeated keys in iteration but answers lookups with the first, so
  // repeats must be caught here. False when `node` is not a mapping.
  bool check_map(const YAML::Node& node, std::string_view what,
                 const std::vector<std::string>& known);
  bool require(const YAML::Node& map, const char* key, std::string_view what);

  // Each returns the value, or records an error and returns a default.
  std::string scalar(const YAML::Node& node, std::string_view what);
  std::optional<double> number(const YAML::Node& node, std::string_view what);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
  std::vector<std::string> text_list(const YAML::Node& node, std::string_view what);
  // An enumerated value: one of `allowed`, or an error naming the allowed
  // values and the nearest one. "" when absent or wrong.
  std::string one_of(const YAML::Node& node, std::string_view what,
                     const std::vector<std::string>& allowed);

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  // Adopted nodes by their offset in their own file, with that file.
  std::multimap<std::size_t, std::pair<YAML::Node, std::string>> adopted_;
};

}  // namespace backtriage::ruleset
