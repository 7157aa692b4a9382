#pragma once
// The report for people: the headline and what to do first, then short
// sections in plain words from the rule set, wrapped to the terminal, with
// colour only when the caller says the terminal wants it. No question,
// rule or fact id appears unless `explain` asks for the trace.
#include <string>

#include "report/report.h"

namespace backtriage::report {

struct TextStyle {
  bool color = false;
  bool explain = false;  // add "How this was decided" (the trace, with ids)
  int width = 80;        // columns
  int height = 0;        // rows of the screen, 0 if unknown; a longer report
                         // ends by repeating what to do now
};

std::string render_text(const Report& report, const TextStyle& style);

}  // namespace backtriage::report
