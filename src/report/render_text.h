#pragma once
// The report for people: short sections that read well on an 80-column
// terminal, with colour only when the caller says the terminal wants it.
#include <string>

#include "report/report.h"

namespace backtriage::report {

struct TextStyle {
  bool color = false;
  bool explain = false;  // add "How this was decided" (the trace)
  int width = 80;
};

std::string render_text(const Report& report, const TextStyle& style);

}  // namespace backtriage::report
