#pragma once
// CLI11 validators for the values of single options, each failing with the
// whole of what a person reads after "option '--name': " (app.cpp's rewrite
// adds that head), so an option is declared with its check beside it rather
// than checked by hand after the parse. Each is a CLI::Validator made by a
// named function, as CLI11's own CLI::Range is, and only checks the text:
// CLI11 then reads it into the option's own type (an int, a double), so
// nothing reads an option's text a second time.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace backtriage::cli {

// --color's values, in the order --help gives them.
inline const std::vector<std::string> kColorModes{"auto", "always", "never"};

// One of `words`: "'blue' is not auto, always or never", with the nearest.
CLI::Validator one_of(std::vector<std::string> words);
// A whole number from `low` to `high`: "'0' is not a whole number from 1 to 256".
CLI::Validator whole_number(int low, int high);
// A number from 0 to 100: "'200' is not a percentage from 0 to 100".
CLI::Validator percentage();
// YYYY-MM-DD, a real day.
CLI::Validator date_text();
// HH:MM, 00:00 to 23:59.
CLI::Validator time_text();
// Whole minutes from 0 to 1440, or "none".
CLI::Validator minutes_or_none();

}  // namespace backtriage::cli
