#pragma once
// Calendar dates as the handout and the calendar use them: parsed from
// YYYY-MM-DD, counted in days, and written back in ISO 8601, which reads
// the same in every country (4/12 does not).
#include <optional>
#include <string>
#include <string_view>

namespace backtriage::report {

struct Date {
  int year = 0, month = 0, day = 0;
  Date plus_days(int days) const;
  std::string iso() const;  // "2026-12-04"
};

// "2026-11-25" -> a real calendar date, or nothing.
std::optional<Date> parse_date(std::string_view text);
// "18:00" -> minutes after midnight, or nothing.
std::optional<int> parse_time(std::string_view text);
// "30" -> a whole number of minutes, 0 to a day (1440), or nothing.
std::optional<int> parse_minutes(std::string_view text);

}  // namespace backtriage::report
