#include "report/date.h"

#include <catch2/catch.hpp>

using backtriage::report::Date;
using backtriage::report::parse_date;
using backtriage::report::parse_minutes;
using backtriage::report::parse_time;

TEST_CASE("dates are real calendar days, counted across months and years", "[date]") {
  CHECK(parse_date("2026-12-04")->iso() == "2026-12-04");
  CHECK(parse_date("2028-02-29"));  // a leap year
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-1-01"));
  CHECK_FALSE(parse_date("04/12/2026"));
  CHECK(parse_date("2026-12-29")->plus_days(14).iso() == "2027-01-12");
  CHECK(parse_date("2028-02-28")->plus_days(1).iso() == "2028-02-29");
  CHECK(Date{2026, 3, 1}.plus_days(-1).iso() == "2026-02-28");
}

TEST_CASE("times of day and minutes before are whole and in range", "[date]") {
  CHECK(parse_time("07:30") == 450);
  CHECK_FALSE(parse_time("24:00"));
  CHECK_FALSE(parse_time("7:30"));
  CHECK(parse_minutes("30") == 30);
  CHECK(parse_minutes("0") == 0);
  CHECK(parse_minutes("1440") == 1440);
  CHECK_FALSE(parse_minutes("1441"));
  CHECK_FALSE(parse_minutes("-5"));
  CHECK_FALSE(parse_minutes("15m"));
  CHECK_FALSE(parse_minutes(""));
}
