#pragma once
// Text for HTML: &, <, >, " and ' escaped, so rule-file prose can go into
// element content and attribute values alike.
#include <string>
#include <string_view>

namespace backtriage::report {

std::string html_text(std::string_view text);

}  // namespace backtriage::report
