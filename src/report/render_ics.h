#pragma once
// The home plan as an RFC 5545 calendar: the routine's sessions spread over
// the plan's weeks (never on consecutive days where the week allows), each
// listing its exercises and doses, and the plan's check-ins as all-day
// events with their advice and the warning signs, each with a reminder. Times are floating local
// time, so 18:00 stays 18:00 wherever the phone is. The same report, start and time always give the
// same bytes (stable UIDs and DTSTAMP).
#include <optional>
#include <string>

#include "report/date.h"
#include "report/report.h"

namespace backtriage::report {

struct IcsOptions {
  Date start;
  int minutes = 18 * 60;  // the sessions' time of day
  int session_minutes = 30;
  // A reminder this many minutes before each session (check-ins: before
  // the sessions' time that day); none when empty.
  std::optional<int> alarm_minutes = 30;
};

std::string render_ics(const Report& report, const IcsOptions& options);

}  // namespace backtriage::report
