#include "cli/line_reader.h"

#include <cstring>

namespace backtriage::cli {

bool LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  char buffer[8192];
  bool any = false;
  while (std::fgets(buffer, sizeof buffer, file_)) {
    any = true;
    std::size_t n = std::strlen(buffer);
    // fgets stops at NUL bytes too; a NUL inside a line makes it shorter
    // than it is, which the JSON parser then rejects. Either way, the line
    // ends only at '\n'.
    bool ended = n > 0 && buffer[n - 1] == '\n';
    if (!too_long) {
      if (line.size() + n > kMaxLineBytes) {
        too_long = true;
        line.clear();
      } else {
        line.append(buffer, n);
      }
    }
    if (ended) break;
  }
  if (!any) return false;
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace backtriage::cli
