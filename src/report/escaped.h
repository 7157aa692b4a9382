#pragma once
// Text escaped for a format by a table of what replaces each byte: the one
// way HTML, Markdown and iCalendar text are escaped (html_text.h,
// render_cds_hooks.cpp, render_ics.cpp).
#include <array>
#include <string>
#include <string_view>

namespace backtriage::report {

// By byte: what it becomes, or nullptr for a byte that goes in as it is.
using EscapeTable = std::array<const char*, 256>;

// `text` with each byte the table names replaced. Runs of bytes that stay,
// as most do, go in whole: an append a byte was a quarter of a batch of
// CDS Hooks cards.
std::string escaped(std::string_view text, const EscapeTable& table);

}  // namespace backtriage::report
