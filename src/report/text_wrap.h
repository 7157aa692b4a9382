#pragma once
// Word wrapping for everything a person reads in a terminal: the report,
// prompts, help and --explain. Lines break only between words (a word
// longer than the line stands alone on its line), and width counts
// characters, not bytes, so "—" is one column.
#include <string>
#include <string_view>

namespace backtriage::report {

// `text` wrapped to `width` columns: the first line starts with `first`,
// the others with `indent` spaces. Ends with a newline. Paragraph breaks
// ("\n") in `text` are kept.
std::string wrap(std::string_view text, int width, std::string_view first = "",
                 std::size_t indent = 0);

// Columns a string takes: UTF-8 characters, ANSI colour codes not counted.
std::size_t display_width(std::string_view text);

}  // namespace backtriage::report
