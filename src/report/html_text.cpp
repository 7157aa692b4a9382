#include "report/html_text.h"

#include "report/escaped.h"

namespace backtriage::report {

namespace {

// By byte: its entity, or nullptr for a byte that goes in as it is.
constexpr EscapeTable kEntities = [] {
  EscapeTable entities{};
  entities['&'] = "&amp;";
  entities['<'] = "&lt;";
  entities['>'] = "&gt;";
  entities['"'] = "&quot;";
  entities['\''] = "&#39;";
  return entities;
}();

}  // namespace

std::string html_text(std::string_view text) {
  return escaped(text, kEntities);
}

}  // namespace backtriage::report
