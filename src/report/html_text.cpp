#include "report/html_text.h"

#include <array>

namespace backtriage::report {

namespace {

// By byte: its entity, or nullptr for a byte that goes in as it is.
constexpr std::array<const char*, 256> kEntities = [] {
  std::array<const char*, 256> entities{};
  entities['&'] = "&amp;";
  entities['<'] = "&lt;";
  entities['>'] = "&gt;";
  entities['"'] = "&quot;";
  entities['\''] = "&#39;";
  return entities;
}();

}  // namespace

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Runs with nothing to escape, as most are, go in whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = kEntities[static_cast<unsigned char>(text[i])];
    if (!entity) continue;
    out.append(text, run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text, run);
  return out;
}

}  // namespace backtriage::report
