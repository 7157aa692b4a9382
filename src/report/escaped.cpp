#include "report/escaped.h"

namespace backtriage::report {

std::string escaped(std::string_view text, const EscapeTable& table) {
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* replacement = table[static_cast<unsigned char>(text[i])];
    if (!replacement) continue;
    out.append(text, run, i - run);
    out += replacement;
    run = i + 1;
  }
  out.append(text, run);
  return out;
}

}  // namespace backtriage::report
