#pragma once
// Everything the command line can say, filled in by the CLI11 app.
#include <optional>
#include <string>
#include <vector>

namespace backtriage::cli {

enum class Command { Triage, Batch, Questions, Check, Test, Diff, Completion };

enum class Format { Text, Json, CdsHooks, Html, Ics, Fhir };

struct Options {
  Command command = Command::Triage;
  std::string rules_file;  // empty: the embedded rule set
  std::string locale;      // --locale; the rule set is already in it
  std::optional<Format> format;
  std::string format_text;  // as given; check_options sets `format` from it
  bool json = false;        // same as --format json
  bool brief = false;
  bool pretty = false, compact = false;  // JSON indentation, over the default
  std::string output_file;               // -o; empty: stdout
  bool no_input = false;
  bool explain = false;
  std::string color = "auto";
  bool no_pager = false;
  std::string answers_file;
  bool no_red_flags = false;
  // One slot per question of the rule set, in question order.
  std::vector<std::optional<std::string>> answer_flags;
  // --format html
  std::string paper;  // a4 | letter; empty: a4
  // --format ics
  std::string start_date;  // YYYY-MM-DD; empty: today
  std::string start_time;  // HH:MM; empty: 18:00
  std::string alarm;       // minutes before, or none; empty: 30
  // batch
  std::string input_file = "-";
  bool summary = false;
  int jobs = 1;
  // check, test
  std::vector<std::string> files;
  // test
  bool coverage = false;
  std::optional<double> min_coverage;  // percent; given, it implies `coverage`
  // diff
  std::string diff_old, diff_new, diff_cases;
  // completion
  std::string completion_shell;  // bash | zsh | fish

  // --json or --format; text when neither was given.
  Format output_format() const { return json ? Format::Json : format.value_or(Format::Text); }
  // JSON is indented for a person at a terminal, compact for a program,
  // unless --pretty or --compact says otherwise: 2, or -1 for one line.
  int json_indent(bool to_terminal) const {
    if (pretty) return 2;
    if (compact) return -1;
    return to_terminal ? 2 : -1;
  }
};

}  // namespace backtriage::cli
