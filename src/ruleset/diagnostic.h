#pragma once
// A problem found in an input file, with where it is. Printed as
// `file:line:col: message` so editors and terminals can jump to it.
#include <string>
#include <string_view>
#include <vector>

namespace backtriage::ruleset {

struct Location {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

struct Diagnostic {
  enum class Severity { Error, Warning };
  Severity severity = Severity::Error;
  Location where;
  std::string message;
};

// `file:line:col`, leaving out what is unknown.
std::string format_location(const Location& where);
// `file:line:col: message` (one line).
std::string format_line(const Diagnostic& d);
// As format_line, with the severity, then the offending line of `text` and
// a caret under the column, as compilers print it.
std::string format_with_context(const Diagnostic& d, std::string_view text);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace backtriage::ruleset
