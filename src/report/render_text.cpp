#include "report/render_text.h"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "report/dose_text.h"
#include "report/text_wrap.h"

namespace backtriage::report {

namespace {

using ruleset::Item;
using W = ruleset::Word;

// The rule set names a level's colour; ANSI styles come from fmt.
struct Palette {
  bool on;
  std::string paint(fmt::text_style style, std::string_view text) const {
    return on ? fmt::format("{}", fmt::styled(text, style)) : std::string(text);
  }
  std::string heading(std::string_view text) const { return paint(fmt::emphasis::bold, text); }
  std::string level(const Item& level, std::string_view text) const {
    static const std::pair<const char*, fmt::terminal_color> colors[] = {
        {"red", fmt::terminal_color::red},     {"yellow", fmt::terminal_color::yellow},
        {"green", fmt::terminal_color::green}, {"blue", fmt::terminal_color::blue},
        {"cyan", fmt::terminal_color::cyan},   {"magenta", fmt::terminal_color::magenta}};
    fmt::text_style style = fmt::emphasis::bold;
    for (const auto& [name, color] : colors)
      if (level.as<ruleset::Level>().color == name) style |= fmt::fg(color);
    return paint(style, text);
  }
};

// The columns a text takes: its code points.
std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string value_text(const Report& r, engine::FactId fact) {
  const auto values = r.evaluation->facts().certain(fact);
  if (values.empty()) return "?";
  if (values.size() == 1) return r.rules->format_value(fact, values.front());
  // Several values, spaced so that a long list can wrap.
  std::vector<std::string> texts;
  for (engine::Value v : values) texts.push_back(r.rules->format_value(fact, v));
  return fmt::format("[{}]", fmt::join(texts, ", "));
}

class Writer {
 public:
  Writer(const Report& r, const TextStyle& style) : r_(r), s_(style), p_{style.color} {}

  std::string render() {
    headline();
    red_flags();
    reasons();
    classification();
    routine();
    items(word(W::ReportAvoid), r_.avoid, [](const Item& item) {
      const auto& a = item.as<ruleset::Avoid>();
      return fmt::format("{}: {}", a.name, a.reason);
    });
    if (r_.with_routine()) {
      const auto& advice = r_.rules->advice;
      section(word(W::ReportSafeActivities));
      for (const auto& item : advice.safe_activities) {
        const auto& a = item.as<ruleset::Tip>();
        bullet(a.text.empty() ? a.name : fmt::format("{}: {}", a.name, a.text));
      }
      if (advice.safe_activities.empty()) drop_section();
    }
    items(word(W::ReportTips), r_.tips, [](const Item& item) {
      const auto& t = item.as<ruleset::Tip>();
      return fmt::format("{}: {}", t.name, t.text);
    });
    plan();
    watch_for();
    unanswered();
    assumed();
    if (s_.explain) trace();
    // A report taller than the screen ends with what to do now, so the
    // advice is on screen when the reading stops.
    const auto lines = std::count(out_.begin(), out_.end(), '\n') + 4;
    if (s_.height > 0 && lines > s_.height) {
      section(word(W::ReportDoNow));
      out_ += p_.level(*r_.level, wrap(shouted(r_.label()), s_.width, "  ", 2));
      paragraph(r_.advice());
    }
    out_ += "\n" + wrap(r_.rules->disclaimer, s_.width);
    return std::move(out_);
  }

 private:
  const std::string& word(W w) const { return r_.rules->word(w); }
  void section(std::string_view title) {
    section_start_ = out_.size();
    out_ += "\n" + p_.heading(title) + "\n";
  }
  void drop_section() { out_.resize(section_start_); }
  void paragraph(std::string_view text) { out_ += wrap(text, s_.width, "  ", 2); }
  void bullet(std::string_view text, std::string_view mark = "-") {
    out_ += wrap(text, s_.width, fmt::format("  {} ", mark), 4);
  }
  template <typename Line>
  void items(std::string_view title, const std::vector<const Item*>& list, Line line) {
    if (list.empty()) return;
    section(title);
    for (const Item* item : list) bullet(line(*item));
  }

  // The level's label in capitals, so it stands out without colour too.
  static std::string shouted(std::string label) {
    for (char& c : label)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return label;
  }

  void headline() {
    const Item& level = *r_.level;
    std::string head = wrap(shouted(r_.label()), s_.width);
    head.pop_back();
    out_ += p_.level(level, head) + "\n";
    out_ += wrap(r_.advice(), s_.width);
  }

  void red_flags() {
    if (r_.red_flags.empty()) return;
    section(word(W::ReportRedFlags));
    for (const auto& flag : r_.red_flags) {
      const auto& sign = flag.item->as<ruleset::RedFlag>();
      out_ += wrap(sign.label, s_.width, "  ! ", 4);
      std::string said = flag.unsure ? word(W::ReportUnsureCounts) + " " : "";
      out_ += wrap(said + sign.why, s_.width, "    ", 4);
    }
  }

  void reasons() {
    if (r_.reasons.empty()) return;
    section(word(W::ReportWhy));
    for (const Item* reason : r_.reasons) bullet(reason->as<ruleset::Reason>().text);
  }

  void classification() {
    const auto& roles = r_.rules->roles;
    // Nothing known yet (an emergency asked before the pain): nothing to say.
    if (std::all_of(r_.classification.begin(), r_.classification.end(),
                    [](const Item* value) { return value == nullptr; }))
      return;
    section(word(W::ReportClassification));
    std::size_t width = 0;
    for (engine::FactId f : roles.classification)
      width = std::max(width, r_.rules->title_of(f).size());
    for (std::size_t i = 0; i < roles.classification.size(); ++i) {
      const Item* value = r_.classification[i];
      const std::string& shown = value ? ruleset::label_or_id(*value) : word(W::ReportNotKnown);
      std::string title = r_.rules->title_of(roles.classification[i]) + ":";
      out_ += wrap(shown, s_.width, fmt::format("  {:<{}} ", title, width + 1), width + 4);
    }
  }

  void routine() {
    if (!r_.with_exercises() && !r_.routine_pending()) return;
    section(word(W::ReportRoutine));
    if (r_.routine_pending()) {
      paragraph(word(W::ReportNoRoutine));
      return;
    }
    if (const auto& frequency = r_.rules->advice.frequency) paragraph(frequency->text);
    int n = 0;
    for (const Item* item : r_.routine) {
      const auto& exercise = item->as<ruleset::Exercise>();
      const ruleset::Item* position = r_.rules->find_position(exercise.position);
      out_ += "\n" + wrap(fmt::format("{} ({}, {}{}{})", exercise.name,
                                      word(ruleset::exercise_kind_word(exercise.kind)),
                                      r_.rules->classification_label(exercise.region),
                                      position ? ", " : "",
                                      position ? position->as<ruleset::Named>().label : ""),
                          s_.width, fmt::format("  {}. ", ++n), 5);
      if (!exercise.purpose.empty()) field(W::ReportPurpose, exercise.purpose);
      if (!exercise.equipment.empty())
        field(W::ReportEquipment, fmt::format("{}", fmt::join(exercise.equipment, ", ")));
      if (exercise.dose) field(W::ReportDose, dose_text(*r_.rules, *exercise.dose));
      if (const std::string caution = r_.caution_for(*item); !caution.empty())
        field(W::ReportCaution, caution);
      int step = 0;
      for (const auto& text : exercise.steps)
        out_ += wrap(text, s_.width, fmt::format("     {}) ", static_cast<char>('a' + step++)), 8);
    }
  }

  // An exercise's "Why:", "Need:", "Dose:" or "Care:", the texts lined up
  // after the longest of the four.
  void field(W label, std::string_view text) {
    std::size_t width = 0;
    for (W w : {W::ReportPurpose, W::ReportEquipment, W::ReportDose, W::ReportCaution})
      width = std::max(width, columns(word(w)));
    const std::string head = word(label) + ":";
    const std::size_t pad = width + 2 - columns(word(label));
    out_ += wrap(text, s_.width, "     " + head + std::string(pad - 1, ' '), 5 + width + 2);
  }

  void plan() {
    if (!r_.with_routine()) return;
    const auto& advice = r_.rules->advice;
    if (!advice.expected_course && !advice.plan) return;
    section(word(W::ReportExpect));
    if (advice.expected_course) paragraph(advice.expected_course->text);
    if (const auto& plan = advice.plan; plan && r_.with_exercises()) {
      paragraph(r_.rules->format_word(W::ReportSessions,
                                      fmt::arg("sessions", plan->sessions_per_week),
                                      fmt::arg("weeks", plan->weeks)));
      for (const auto& check_in : plan->check_ins)
        bullet(r_.rules->format_word(W::ReportCheckIn, fmt::arg("week", check_in.week),
                                     fmt::arg("text", check_in.text)));
    }
  }

  // Which new signs mean going where, most urgent first; the section's
  // title is the watch-for fact's.
  void watch_for() {
    if (r_.watch_for.empty()) return;
    section(r_.rules->derived_fact(r_.rules->roles.watch_for).title);
    for (const WatchGroup& group : r_.watch_groups()) {
      const auto& first = group.first->as<ruleset::WatchFor>();
      out_ += p_.level(*level_of(first), wrap(first.label, s_.width, "  ", 2));
      for (const Item* item : group.entries) {
        const auto& entry = item->as<ruleset::WatchFor>();
        if (!entry.when.empty()) out_ += wrap(entry.when, s_.width, "    ", 4);
        for (const auto& sign : entry.signs) out_ += wrap(sign, s_.width, "    - ", 6);
      }
    }
  }
  const Item* level_of(const ruleset::WatchFor& entry) const {
    const Item* level = r_.rules->find_level(entry.level);
    return level ? level : r_.level;
  }

  void unanswered() {
    if (r_.unanswered.empty()) return;
    section(word(W::ReportUnanswered));
    for (engine::FactId q : r_.unanswered) {
      const auto& question = r_.rules->questions[q];
      bullet(fmt::format("{} ({})", question.prompt, question.flag()));
    }
  }

  void assumed() {
    if (r_.assumed.empty()) return;
    section(word(W::ReportAssumes));
    for (engine::FactId q : r_.assumed) bullet(r_.rules->questions[q].assumed);
  }

  void trace() {
    section(word(W::ReportDecided));
    if (!r_.trace || r_.trace->firings().empty()) {
      paragraph(word(W::ReportNoRuleFired));
      return;
    }
    const auto& kb = r_.rules->knowledge_base();
    for (const auto& firing : r_.trace->firings()) {
      const auto& rule = kb.rules()[firing.rule];
      std::vector<std::string> because, then;
      for (engine::FactId f : firing.read)
        because.push_back(fmt::format("{}={}", kb.facts()[f].id, value_text(r_, f)));
      for (const auto& a : rule.then)
        then.push_back(
            fmt::format("{}={}", kb.facts()[a.fact].id, r_.rules->format_value(a.fact, a.value)));
      bullet(fmt::format("{}: {} -> {} [{}]", rule.id, fmt::join(because, ", "),
                         fmt::join(then, ", "), rule.source));
    }
  }

  const Report& r_;
  const TextStyle& s_;
  const Palette p_;
  std::string out_;
  std::size_t section_start_ = 0;
};

}  // namespace

std::string render_text(const Report& report, const TextStyle& style) {
  return Writer(report, style).render();
}

}  // namespace backtriage::report
