#pragma once
// The home plan as an RFC 5545 calendar: the routine's sessions spread over
// the plan's weeks (never on consecutive days where the week allows), each
// listing its exercises and doses, and the plan's check-ins as all-day
// events with their advice. Times are floating local time, so 18:00 stays
// 18:00 wherever the phone is. The same report, start and time always give
// the same bytes (stable UIDs and DTSTAMP).
#include <optional>
#include <string>
#include <string_view>

#include "report/report.h"

namespace backtriage::report {

struct Date {
  int year = 0, month = 0, day = 0;
  Date plus_days(int days) const;
};

// "2026-11-25" -> a real calendar date, or nothing.
std::optional<Date> parse_date(std::string_view text);
// "18:00" -> minutes after midnight, or nothing.
std::optional<int> parse_time(std::string_view text);

struct IcsOptions {
  Date start;
  int minutes = 18 * 60;  // the sessions' time of day
  int session_minutes = 30;
};

std::string render_ics(const Report& report, const IcsOptions& options);

}  // namespace backtriage::report
