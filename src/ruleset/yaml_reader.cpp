#include "ruleset/yaml_reader.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "ruleset/spelling.h"
#include "ruleset/utf8.h"

namespace backtriage::ruleset {

namespace {

// Where a document's first content is, if it has any; builds nothing.
class FirstContent : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    note(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    note(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    note(m);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& m) {
    if (!mark) mark = m;
  }
};

}  // namespace

std::optional<YAML::Node> YamlReader::parse(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    error(Location{file_, 0, 0},
          fmt::format("the file is {} bytes; the limit is {} bytes", text.size(), max_bytes));
    return std::nullopt;
  }
  // yaml-cpp turns a stray byte into U+FFFD without a word; a rule or answer
  // must not change silently, so say where the file stops being UTF-8.
  // UTF-16 and UTF-32 with a byte order mark, which YAML allows (and some
  // Windows tools write), yaml-cpp decodes itself.
  const bool wide = text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
                    text.starts_with(std::string_view("\0\0\xFE\xFF", 4));
  if (auto bad = wide ? std::nullopt : first_invalid_utf8(text)) {
    const auto before = text.substr(0, *bad);
    const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0
    std::size_t column = 1;
    for (std::size_t i = line_start; i < *bad; i += utf8_sequence_length(text, i)) ++column;
    error(Location{file_, static_cast<int>(std::count(before.begin(), before.end(), '\n') + 1),
                   static_cast<int>(column)},
          fmt::format("invalid UTF-8 (byte 0x{:02x}): save the file as UTF-8",
                      static_cast<unsigned char>(text[*bad])));
    return std::nullopt;
  }
  try {
    const std::string copy(text);
    YAML::Node root = YAML::Load(copy);
    // Load reads the first document and silently drops the rest; look at
    // the second one's events. (Not LoadAll: on some broken input it makes
    // empty documents without end.)
    std::istringstream stream(copy);
    YAML::Parser parser(stream);
    FirstContent skip, second;
    if (parser.HandleNextDocument(skip) && parser.HandleNextDocument(second) && second.mark) {
      error(Location{file_, second.mark->line + 1, second.mark->column + 1},
            "a second YAML document ('---'): the file must hold one");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    Location where{file_, e.mark.is_null() ? 0 : e.mark.line + 1,
                   e.mark.is_null() ? 0 : e.mark.column + 1};
    // yaml-cpp stops deep nesting (before the stack runs out) with the
    // message "bad file"; say what happened instead.
    const auto* deep = dynamic_cast<const YAML::DeepRecursion*>(&e);
    error(where, deep ? fmt::format("YAML nests too deeply ({} levels)", deep->depth())
                      : "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
}

Location YamlReader::at(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_, 0, 0};
  const std::string* file = &file_;
  auto [first, last] = adopted_.equal_range(static_cast<std::size_t>(mark.pos));
  for (auto it = first; it != last; ++it)
    if (it->second.first.is(node)) file = &it->second.second;
  return {*file, mark.line + 1, mark.column + 1};
}

void YamlReader::adopt(const YAML::Node& node, const std::string& file) {
  if (!node.Mark().is_null())
    adopted_.emplace(static_cast<std::size_t>(node.Mark().pos), std::pair{node, file});
  if (node.IsMap())
    for (const auto& entry : node) adopt(entry.first, file), adopt(entry.second, file);
  else if (node.IsSequence())
    for (const auto& element : node) adopt(element, file);
}

void YamlReader::error(Location where, std::string message) {
  diagnostics_.push_back({Diagnostic::Severity::Error, std::move(where), std::move(message)});
}

void YamlReader::warning(Location where, std::string message) {
  diagnostics_.push_back({Diagnostic::Severity::Warning, std::move(where), std::move(message)});
}

bool YamlReader::has_errors() const {
  return ruleset::has_errors(diagnostics_);
}

bool YamlReader::check_map(const YAML::Node& node, std::string_view what,
                           const std::vector<std::string>& known) {
  if (!node.IsMap()) {
    error(node, fmt::format("{} must be a mapping", what));
    return false;
  }
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar()) {
      error(key, fmt::format("{}: keys must be plain words", what));
      continue;
    }
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second)
      error(key, fmt::format("duplicate key '{}' in {}", name, what));
    else if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end())
      error(key, fmt::format("unknown key '{}' in {}{}", name, what, did_you_mean(name, known)));
  }
  return true;
}

bool YamlReader::require(const YAML::Node& map, const char* key, std::string_view what) {
  if (map[key]) return true;
  error(map, fmt::format("{} needs '{}'", what, key));
  return false;
}

std::string YamlReader::scalar(const YAML::Node& node, std::string_view what) {
  if (!node) return "";
  if (!node.IsScalar()) {
    error(node, fmt::format("{} must be text", what));
    return "";
  }
  return node.Scalar();
}

std::optional<double> YamlReader::number(const YAML::Node& node, std::string_view what) {
  if (!node) return std::nullopt;
  if (node.IsScalar() && node.Tag() != "!") {
    const std::string& text = node.Scalar();
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') ++begin;
    double value = 0;
    auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (begin != end && ec == std::errc() && ptr == end && std::isfinite(value) &&
        (*begin == '-' || *begin == '.' || (*begin >= '0' && *begin <= '9')))
      return value;
  }
  error(node, fmt::format("{} must be a number", what));
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) {
  if (!node) return std::nullopt;
  bool value = false;
  if (node.IsScalar() && node.Tag() != "!" && YAML::convert<bool>::decode(node, value))
    return value;
  error(node, fmt::format("{} must be true or false", what));
  return std::nullopt;
}

std::vector<std::string> YamlReader::text_list(const YAML::Node& node, std::string_view what) {
  std::vector<std::string> out;
  if (!node) return out;
  if (!node.IsSequence()) {
    error(node, fmt::format("{} must be a list", what));
    return out;
  }
  for (const auto& element : node) out.push_back(scalar(element, what));
  return out;
}

std::string YamlReader::one_of(const YAML::Node& node, std::string_view what,
                               const std::vector<std::string>& allowed) {
  std::string value = scalar(node, what);
  if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end())
    return value;
  error(node, fmt::format("unknown {} '{}'{} (expected {})", what, value,
                          did_you_mean(value, allowed), list_or(allowed)));
  return "";
}

}  // namespace backtriage::ruleset
