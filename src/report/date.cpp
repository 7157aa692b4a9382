#include "report/date.h"

#include <fmt/format.h>

#include <charconv>

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

}  // namespace

Date Date::plus_days(int days) const {
  return civil_from_days(days_from_civil(year, month, day) + days);
}

std::string Date::iso() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
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

std::optional<int> parse_minutes(std::string_view text) {
  auto minutes = number(text);
  if (!minutes || *minutes < 0 || *minutes > 24 * 60) return std::nullopt;
  return minutes;
}

}  // namespace backtriage::report
