#include "cli/option_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "report/date.h"
#include "report/render_ics.h"
#include "ruleset/spelling.h"

namespace backtriage::cli {

namespace {

// `text`, all of it, as a number of type N; none when it is not one.
template <typename N>
std::optional<N> number_in(const std::string& text) {
  N value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

CLI::Validator one_of(std::vector<std::string> words) {
  return CLI::Validator(
      [words](std::string& text) -> std::string {
        if (std::find(words.begin(), words.end(), text) != words.end()) return "";
        return fmt::format("'{}' is not {}{}", text, ruleset::list_or(words),
                           ruleset::did_you_mean(text, words));
      },
      "", "one of");
}

CLI::Validator whole_number(int low, int high) {
  return CLI::Validator(
      [low, high](std::string& text) -> std::string {
        const auto value = number_in<int>(text);
        if (value && *value >= low && *value <= high) return "";
        return fmt::format("'{}' is not a whole number from {} to {}", text, low, high);
      },
      "", "whole number");
}

CLI::Validator percentage() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto value = number_in<double>(text);
        if (value && *value >= 0 && *value <= 100) return "";
        return fmt::format("'{}' is not a percentage from 0 to 100", text);
      },
      "", "percentage");
}

CLI::Validator date_text() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (report::parse_date(text)) return "";
        return fmt::format("'{}' is not a date written YYYY-MM-DD", text);
      },
      "", "date");
}

CLI::Validator time_text() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (report::parse_time(text)) return "";
        return fmt::format("'{}' is not a time written HH:MM (00:00 to 23:59)", text);
      },
      "", "time");
}

CLI::Validator minutes_or_none() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (text == "none" || report::parse_minutes(text)) return "";
        return fmt::format("'{}' is not a whole number of minutes from 0 to 1440, or none", text);
      },
      "", "minutes");
}

}  // namespace backtriage::cli
