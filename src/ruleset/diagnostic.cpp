#include "ruleset/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>

#include "ruleset/utf8.h"

namespace backtriage::ruleset {

std::string format_location(const Location& where) {
  std::string out = where.file;
  if (where.line > 0) out += fmt::format(":{}", where.line);
  if (where.column > 0) out += fmt::format(":{}", where.column);
  return out;
}

std::string format_line(const Diagnostic& d) {
  return fmt::format("{}: {}", format_location(d.where), d.message);
}

std::string format_with_context(const Diagnostic& d, std::string_view text) {
  const std::string where = format_location(d.where);
  std::string out =
      fmt::format("{}: {}: {}", where,
                  d.severity == Diagnostic::Severity::Error ? "error" : "warning", d.message);
  if (d.where.line <= 0) return out;
  std::size_t start = 0;
  for (int line = 1; line < d.where.line && start != std::string_view::npos; ++line) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start >= text.size()) return out;
  std::string_view line = text.substr(start, text.find('\n', start) - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() > 200) return out;  // a caret under a huge line helps no one
  // Shown, not copied: a byte that is not UTF-8 prints as '?' (one column,
  // as the column count takes it).
  std::string shown;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = utf8_sequence_length(line, i);
    shown += n == 0 ? std::string_view("?") : line.substr(i, n);
    i += n == 0 ? 1 : n;
  }
  out += fmt::format("\n  {}", shown);
  if (d.where.column > 0 && static_cast<std::size_t>(d.where.column) <= line.size() + 1)
    out += fmt::format("\n  {}^", std::string(d.where.column - 1, ' '));
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

}  // namespace backtriage::ruleset
