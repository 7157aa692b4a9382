#include "report/render_ics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "report/dose_text.h"
#include "report/escaped.h"

namespace backtriage::report {

namespace {

using W = ruleset::Word;

// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11).
constexpr EscapeTable kIcsText = [] {
  EscapeTable text{};
  text['\\'] = "\\\\";
  text[';'] = "\\;";
  text[','] = "\\,";
  text['\n'] = "\\n";
  return text;
}();

std::string ics_escaped(std::string_view text) {
  return escaped(text, kIcsText);
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
  line(out, "X-WR-CALNAME:" + ics_escaped(rules.title.empty() ? rules.id : rules.title));
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
    line(out, "SUMMARY:" + ics_escaped(summary));
    line(out, "DESCRIPTION:" + ics_escaped(description));
    line(out, "TRANSP:" + std::string(all_day ? "TRANSPARENT" : "OPAQUE"));
    if (o.alarm_minutes) {
      // An all-day event starts at midnight: remind on the day, before the
      // sessions' usual time, not the evening before.
      const int before = all_day ? std::max(o.minutes - *o.alarm_minutes, 0) : 0;
      line(out, "BEGIN:VALARM");
      line(out, "ACTION:DISPLAY");
      line(out, "DESCRIPTION:" + ics_escaped(summary));
      line(out, all_day ? fmt::format("TRIGGER:PT{}M", before)
                        : fmt::format("TRIGGER:-PT{}M", *o.alarm_minutes));
      line(out, "END:VALARM");
    }
    line(out, "END:VEVENT");
  };

  // Each check-in repeats which new signs mean going where, so the
  // reminder carries the safety net with it.
  std::string watch;
  for (const auto* item : r.watch_for) {
    const auto& entry = item->as<ruleset::WatchFor>();
    watch += fmt::format("\n\n{}{}", entry.label, entry.when.empty() ? "" : " " + entry.when);
    for (const auto& sign : entry.signs) watch += "\n- " + sign;
  }
  const auto& plan = rules.advice.plan;
  if (r.with_routine() && plan && !r.routine.empty()) {
    const int per_week = plan->sessions_per_week;
    const int total = plan->weeks * per_week;
    // Each exercise once with its dose; how often is said once, above them.
    std::string exercises;
    for (const auto* item : r.routine) {
      const auto& exercise = item->as<ruleset::Exercise>();
      exercises += "\n- " + exercise.name;
      if (exercise.dose) exercises += ": " + dose_text(rules, *exercise.dose, Frequency::LeftOut);
    }
    for (int s = 0; s < total; ++s) {
      // Spread evenly over each week: 3 a week falls on days 0, 2 and 4.
      const int day = (s / per_week) * 7 + (s % per_week) * 7 / per_week;
      const Date date = o.start.plus_days(day);
      event(fmt::format("{}-session-{:02}", uid_base, s + 1), stamp(date) + time, false, date,
            rules.format_word(W::CalendarSession, fmt::arg("session", s + 1),
                              fmt::arg("total", total)),
            rules.format_word(W::CalendarSessionText, fmt::arg("week", s / per_week + 1),
                              fmt::arg("weeks", plan->weeks), fmt::arg("session", s % per_week + 1),
                              fmt::arg("sessions", per_week)) +
                exercises);
    }
    for (const auto& check_in : plan->check_ins) {
      const Date date = o.start.plus_days(7 * check_in.week);
      event(fmt::format("{}-check-in-week-{}", uid_base, check_in.week), "", true, date,
            rules.format_word(W::CalendarCheckIn, fmt::arg("week", check_in.week)),
            check_in.text + watch);
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
