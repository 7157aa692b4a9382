#include "report/svg_path.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace backtriage::report {

using ruleset::Point;

void append_one_decimal(std::string& out, double x) {
  char buffer[64];
  // The common case in integers: tenths that are not near a tie round the
  // same way whatever the last bits of x*10, and to_chars with a precision
  // costs ten times as much.
  const double tenths = x * 10;
  const double rounded = std::nearbyint(tenths);  // ties to even, as printf rounds
  const double off = std::abs(tenths - rounded);
  // fma gives the product's rounding error: zero means an exact tie is one.
  const bool exact_tie = off == 0.5 && std::fma(x, 10.0, -tenths) == 0;
  if (std::abs(tenths) < 1e9 && (std::abs(off - 0.5) > 1e-6 || exact_tie)) {
    const long long n = std::llabs(static_cast<long long>(rounded));
    char* p = buffer;
    if (std::signbit(x)) *p++ = '-';  // "-0.0" too, as "{:.1f}" writes it
    p = std::to_chars(p, buffer + sizeof buffer - 2, n / 10).ptr;
    *p++ = '.';
    *p++ = static_cast<char>('0' + n % 10);
    out.append(buffer, static_cast<std::size_t>(p - buffer));
    return;
  }
  const auto written =
      std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, 1);
  out.append(buffer, static_cast<std::size_t>(written.ptr - buffer));
}

std::string one_decimal(double x) {
  std::string out;
  append_one_decimal(out, x);
  return out;
}

void append_line_path(std::string& d, Point a, Point b) {
  d += 'M';
  append_one_decimal(d, a.x);
  d += ' ';
  append_one_decimal(d, a.y);
  d += 'L';
  append_one_decimal(d, b.x);
  d += ' ';
  append_one_decimal(d, b.y);
}

std::string line_path(Point a, Point b) {
  std::string d;
  append_line_path(d, a, b);
  return d;
}

std::string circle_path(Point c, double r) {
  // Two arcs make the circle.
  std::string d = "M";
  append_one_decimal(d, c.x - r);
  d += ' ';
  append_one_decimal(d, c.y);
  for (double dx : {2 * r, -2 * r}) {
    d += 'a';
    append_one_decimal(d, r);
    d += ' ';
    append_one_decimal(d, r);
    d += " 0 1 0 ";
    append_one_decimal(d, dx);
    d += " 0";
  }
  return d;
}

}  // namespace backtriage::report
