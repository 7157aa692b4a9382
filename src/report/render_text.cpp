#include "report/render_text.h"

#include <fmt/format.h>

#include <sstream>

namespace backtriage::report {

namespace {

// ANSI styles, or nothing when colour is off.
struct Palette {
  bool on;
  std::string paint(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
  std::string heading(std::string_view text) const { return paint("1", text); }
  std::string level(std::string_view level, std::string_view text) const {
    if (level == "emergency") return paint("1;31", text);
    if (level == "self_care") return paint("1;32", text);
    return paint("1;33", text);
  }
};

// Word-wraps `text` to `width` columns, every line starting with `indent`
// spaces except the first, which starts with `first` (already indented).
std::string wrap(std::string_view text, std::string_view first, std::size_t indent, int width) {
  std::string out(first);
  std::size_t column = first.size();
  const std::size_t limit = static_cast<std::size_t>(std::max(width, 40));
  std::istringstream words{std::string(text)};
  std::string word;
  bool line_empty = true;
  while (words >> word) {
    if (!line_empty && column + 1 + word.size() > limit) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    line_empty = false;
  }
  return out + "\n";
}

std::string range_text(const ruleset::Range& r) {
  return r.min == r.max ? fmt::format("{}", r.min) : fmt::format("{}-{}", r.min, r.max);
}

std::string dose_text(const ruleset::Dose& d) {
  std::vector<std::string> parts;
  if (d.hold_seconds) parts.push_back(fmt::format("hold {} s", range_text(*d.hold_seconds)));
  if (d.hold_breaths)
    parts.push_back(fmt::format("hold {} breath{}", range_text(*d.hold_breaths),
                                d.hold_breaths->max == 1 ? "" : "s"));
  if (d.reps) {
    std::string reps = fmt::format("{} time{}", range_text(*d.reps), d.reps->max == 1 ? "" : "s");
    if (d.per_side) reps += " each side";
    if (d.alternating) reps += ", alternating sides";
    parts.push_back(reps);
  }
  if (d.sets) parts.push_back(fmt::format("{} sets", range_text(*d.sets)));
  if (d.per_week) parts.push_back(fmt::format("{} times a week", *d.per_week));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c == '_') c = ' ';
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string value_text(const AnswerValue& v) {
  if (auto* b = std::get_if<bool>(&v)) return *b ? "yes" : "no";
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return std::get<std::string>(v);
}

}  // namespace

std::string render_text(const Report& r, const TextStyle& style) {
  const Palette p{style.color};
  const int w = style.width;
  std::string out;
  std::string headline = "TRIAGE: " + upper(r.level);
  if (!r.level_label.empty()) headline += " - " + r.level_label;
  out += p.level(r.level, headline) + "\n";
  if (!r.level_advice.empty()) out += wrap(r.level_advice, "  ", 2, w);

  if (!r.red_flags.empty()) {
    out += "\n" + p.heading("Red flags") + "\n";
    for (const auto& f : r.red_flags) {
      std::string where = f.care == "emergency_department" ? "go to an emergency department now"
                          : f.care == "same_day"           ? "see a doctor today"
                                                           : f.care;
      out += wrap(fmt::format("{} ({})", f.label, where), "  ! ", 4, w);
    }
  }

  auto shown = [](const std::optional<std::string>& s) { return s ? *s : "(not answered)"; };
  out += "\n" + p.heading("Your back pain") + "\n";
  out += fmt::format("  Duration:  {}\n  Pain type: {}\n  Region:    {}\n", shown(r.duration),
                     shown(r.pain_type), shown(r.region));

  if (r.has_routine()) {
    out += "\n" + p.heading("Home routine") + "\n";
    if (r.frequency) out += wrap(r.frequency->text, "  ", 2, w);
    int n = 0;
    for (const auto& item : r.routine) {
      ++n;
      out += fmt::format("\n  {}. {} ({}, {} back)\n", n, p.heading(item.name), item.kind,
                         item.region);
      if (!item.purpose.empty()) out += wrap(item.purpose, "     Why:  ", 11, w);
      if (!item.equipment.empty()) {
        std::string gear;
        for (const auto& e : item.equipment) gear += (gear.empty() ? "" : ", ") + e;
        out += wrap(gear, "     Need: ", 11, w);
      }
      if (item.dose) out += wrap(dose_text(*item.dose), "     Dose: ", 11, w);
      int step = 0;
      for (const auto& s : item.steps)
        out += wrap(s, fmt::format("     {}) ", static_cast<char>('a' + step++)), 8, w);
    }
  }
  if (!r.avoid.empty()) {
    out += "\n" + p.heading("Avoid") + "\n";
    for (const auto& a : r.avoid)
      out += wrap(fmt::format("{}: {}", a.name, a.reason), "  - ", 4, w);
  }
  if (!r.safe_activities.empty()) {
    out += "\n" + p.heading("Safe ways to stay active") + "\n";
    for (const auto& a : r.safe_activities)
      out += wrap(a.text.empty() ? a.name : fmt::format("{}: {}", a.name, a.text), "  - ", 4, w);
  }
  if (!r.tips.empty()) {
    out += "\n" + p.heading("Preventing back pain") + "\n";
    for (const auto& t : r.tips) out += wrap(fmt::format("{}: {}", t.name, t.text), "  - ", 4, w);
  }
  if (r.expected_course) {
    out += "\n" + p.heading("What to expect") + "\n";
    out += wrap(r.expected_course->text, "  ", 2, w);
  }
  if (!r.unanswered.empty()) {
    std::string list;
    for (const auto& q : r.unanswered) list += (list.empty() ? "" : ", ") + q;
    out += "\n" + p.heading("Not answered") + "\n" + wrap(list, "  ", 2, w);
  }
  if (style.explain) {
    out += "\n" + p.heading("How this was decided") + "\n";
    for (const auto& step : r.trace) {
      std::string because, then;
      for (const auto& [fact, values] : step.because) {
        std::string v;
        for (const auto& x : values) v += (v.empty() ? "" : "+") + value_text(x);
        because += (because.empty() ? "" : ", ") + fact + "=" + (v.empty() ? "?" : v);
      }
      for (const auto& [fact, values] : step.asserted) {
        std::string v;
        for (const auto& x : values) v += (v.empty() ? "" : "+") + value_text(x);
        then += (then.empty() ? "" : ", ") + fact + "=" + v;
      }
      out += wrap(fmt::format("{}: {} -> {} [{}]", step.rule, because, then, step.source), "  - ",
                  4, w);
    }
  }
  out += "\n" + wrap(r.disclaimer, "", 0, w);
  return out;
}

}  // namespace backtriage::report
