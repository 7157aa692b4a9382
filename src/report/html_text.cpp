#include "report/html_text.h"

namespace backtriage::report {

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Runs with nothing to escape, as most are, go in whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text, run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text, run);
  return out;
}

}  // namespace backtriage::report
