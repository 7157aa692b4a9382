#include "report/render_ics.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "report/dose_text.h"

namespace backtriage::report {

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date, and back (Howard
// Hinnant's civil-from-days algorithms).
int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

std::optional<int> number(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11).
std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// A content line, folded at 75 octets without splitting a UTF-8 character
// (RFC 5545 3.1), ending in CRLF.
void line(std::string& out, std::string_view text) {
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    len = std::min(len, text.size() - i);
    if (used + len > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(text.data() + i, len);
    used += len;
    i += len;
  }
  out += "\r\n";
}

std::string stamp(Date d) {
  return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day);
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ULL;
  return hash;
}

}  // namespace

Date Date::plus_days(int days) const {
  return civil_from_days(days_from_civil(year, month, day) + days);
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = number(text.substr(0, 4)), m = number(text.substr(5, 2)), d = number(text.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *y < 1900 || *y > 9999) return std::nullopt;
  const Date date{*y, *m, *d};
  // A day past the month's end (2026-02-30) comes back as another date.
  const Date back = date.plus_days(0);
  if (back.month != date.month || back.day != date.day) return std::nullopt;
  return date;
}

std::optional<int> parse_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto h = number(text.substr(0, 2)), m = number(text.substr(3, 2));
  if (!h || !m || *h < 0 || *h > 23 || *m < 0 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

std::string render_ics(const Report& r, const IcsOptions& o) {
  const auto& rules = *r.rules;
  const std::string start = stamp(o.start);
  const std::string time = fmt::format("T{:02}{:02}00", o.minutes / 60, o.minutes % 60);
  // Identify this plan: the rule set, what the report recommends, and when.
  std::string identity =
      fmt::format("{} {} {} {}{}", rules.id, rules.version, r.level->id, start, time);
  for (const auto* item : r.routine) identity += " " + item->id;
  const std::string uid_base = fmt::format("{:016x}", fnv1a(identity));
  // DTSTAMP must be UTC; derived from the start, so two runs agree.
  const std::string dtstamp = start + "T000000Z";

  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, fmt::format("PRODID:-//backtriage//{} {}//EN", rules.id, rules.version));
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:PUBLISH");
  line(out, "X-WR-CALNAME:" + escaped(rules.title.empty() ? rules.id : rules.title));
  auto event = [&](const std::string& uid, const std::string& when, bool all_day, Date day,
                   const std::string& summary, const std::string& description) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + uid + "@backtriage");
    line(out, "DTSTAMP:" + dtstamp);
    if (all_day) {
      line(out, "DTSTART;VALUE=DATE:" + stamp(day));
      line(out, "DTEND;VALUE=DATE:" + stamp(day.plus_days(1)));
    } else {
      line(out, "DTSTART:" + when);
      line(out, fmt::format("DURATION:PT{}M", o.session_minutes));
    }
    line(out, "SUMMARY:" + escaped(summary));
    line(out, "DESCRIPTION:" + escaped(description));
    line(out, "TRANSP:" + std::string(all_day ? "TRANSPARENT" : "OPAQUE"));
    line(out, "END:VEVENT");
  };

  // Each check-in repeats which new signs mean going where, so the
  // reminder carries the safety net with it.
  std::string watch;
  for (const auto* entry : r.watch_for) {
    watch += fmt::format("\n\n{}{}", entry->label, entry->when.empty() ? "" : " " + entry->when);
    for (const auto& sign : entry->signs) watch += "\n- " + sign;
  }
  const auto& plan = rules.advice.plan;
  if (r.with_routine() && plan && !r.routine.empty()) {
    const int per_week = plan->sessions_per_week;
    const int total = plan->weeks * per_week;
    std::string exercises;
    for (const auto* item : r.routine)
      exercises += fmt::format("\n- {}: {}", item->name, item->dose ? dose_text(*item->dose) : "");
    for (int s = 0; s < total; ++s) {
      // Spread evenly over each week: 3 a week falls on days 0, 2 and 4.
      const int day = (s / per_week) * 7 + (s % per_week) * 7 / per_week;
      const Date date = o.start.plus_days(day);
      event(fmt::format("{}-session-{:02}", uid_base, s + 1), stamp(date) + time, false, date,
            fmt::format("Back exercises: session {} of {}", s + 1, total),
            fmt::format("Week {} of {}. Do each exercise as described in your handout:{}",
                        s / per_week + 1, plan->weeks, exercises));
    }
    for (const auto& check_in : plan->check_ins) {
      const Date date = o.start.plus_days(7 * check_in.week);
      event(fmt::format("{}-check-in-week-{}", uid_base, check_in.week), "", true, date,
            fmt::format("Back pain check-in: week {}", check_in.week), check_in.text + watch);
    }
  } else {
    // No sessions with this level; one event says what to do instead, so the
    // calendar is not empty (RFC 5545 wants a component).
    event(uid_base + "-advice", "", true, o.start, r.label(), r.advice() + watch);
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace backtriage::report
