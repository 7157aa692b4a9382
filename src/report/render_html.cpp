#include "report/render_html.h"

#include <fmt/format.h>

#include "report/dose_text.h"
#include "report/html_text.h"
#include "report/render_figure.h"

namespace backtriage::report {

namespace {

using ruleset::Item;
using W = ruleset::Word;

// Colours per level colour name (the rule file picks the name).
struct Tone {
  const char* name;
  const char* background;
  const char* border;
};
constexpr Tone kTones[] = {
    {"red", "#fee2e2", "#b91c1c"},   {"yellow", "#fef3c7", "#b45309"},
    {"green", "#dcfce7", "#15803d"}, {"blue", "#dbeafe", "#1d4ed8"},
    {"cyan", "#cffafe", "#0e7490"},  {"magenta", "#fae8ff", "#a21caf"},
    {"none", "#f3f4f6", "#374151"},
};

const Tone& tone_of(const Item& level) {
  for (const Tone& tone : kTones)
    if (level.as<ruleset::Level>().color == tone.name) return tone;
  return kTones[std::size(kTones) - 1];
}

// A CSS string literal: quotes and backslashes escaped, no line breaks.
std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Screen first (one column, phone to desktop); print lays exercises two to
// a row so one region's routine fits on 3 sheets and both on 5, each
// exercise whole on one page, in one type family down to the footer.
std::string style(const Report& r, Paper paper) {
  const Tone& tone = tone_of(*r.level);
  return fmt::format(R"(<style>
:root {{ --tone-bg: {bg}; --tone: {border}; --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color-scheme: light; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; }}
body {{ margin: 0; font-family: var(--font); line-height: 1.45; color: #111827; background: #fff; overflow-wrap: anywhere; }}
main, .headline, .disclaimer {{ max-width: 46rem; margin: 0 auto; padding: 0 1rem; }}
.headline {{ margin-top: 1rem; padding: 1rem 1.25rem; border-left: 0.5rem solid var(--tone); background: var(--tone-bg); border-radius: 0.25rem; }}
.headline h1 {{ margin: 0 0 0.4rem; font-size: 1.6rem; color: var(--tone); }}
.headline p {{ margin: 0; font-size: 1.1rem; }}
.about {{ margin: 0.8rem 0; }}
.about dl {{ display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0; }}
.about dt {{ font-weight: 600; color: #374151; }}
.about dd {{ margin: 0; }}
h2 {{ font-size: 1.3rem; margin: 1.6rem 0 0.6rem; border-bottom: 2px solid #e5e7eb; padding-bottom: 0.2rem; }}
h3 {{ font-size: 1.15rem; margin: 0 0 0.3rem; }}
.warning {{ border: 2px solid var(--tone); border-radius: 0.4rem; padding: 0.6rem 0.8rem; margin: 0.6rem 0; }}
.warning strong {{ display: block; }}
.warning .go {{ font-weight: 600; color: var(--tone); }}
.exercise {{ border: 1px solid #d1d5db; border-radius: 0.5rem; padding: 0.9rem; margin: 0.9rem 0; break-inside: avoid; page-break-inside: avoid; }}
.exercise .meta {{ color: #4b5563; margin: 0 0 0.5rem; }}
.exercise figure {{ margin: 0 0 0.6rem; break-inside: avoid; }}
.exercise figcaption {{ font-size: 0.9rem; font-weight: 600; color: #4b5563; margin: 0 0 0.2rem; }}
.figure {{ display: block; width: 100%; max-width: 24rem; height: auto; background: #f9fafb; border-radius: 0.4rem; }}
.figure-poses {{ display: none; max-width: 36rem; }}
.exercise ol {{ padding-left: 1.4rem; margin: 0.4rem 0; }}
.dose {{ font-weight: 600; }}
ul.plain {{ padding-left: 1.2rem; }}
.plan table {{ border-collapse: collapse; width: 100%; max-width: 40rem; margin: 0.6rem 0; }}
.plan th, .plan td {{ border: 1px solid #9ca3af; padding: 0.35rem; text-align: center; }}
.plan th[scope=row] {{ text-align: left; white-space: nowrap; }}
.tick {{ display: inline-block; width: 1.1rem; height: 1.1rem; border: 2px solid #374151; border-radius: 0.15rem; vertical-align: middle; }}
.check-in {{ border-left: 0.3rem solid #6b7280; background: #f3f4f6; padding: 0.5rem 0.8rem; margin: 0.6rem 0; break-inside: avoid; }}
.note {{ color: #374151; }}
.watch {{ border: 2px solid #b91c1c; border-radius: 0.5rem; padding: 0.3rem 0.9rem 0.6rem; margin: 0.9rem 0; break-inside: avoid; page-break-inside: avoid; }}
.watch h2 {{ margin-top: 0.4rem; }}
.watch h3 {{ font-size: 1.05rem; margin: 0.6rem 0 0.2rem; }}
.watch ul {{ margin: 0.2rem 0; padding-left: 1.3rem; }}
.watch-step {{ break-inside: avoid; }}
.watch-brief {{ display: none; }}
.caution {{ border-left: 0.3rem solid #b45309; padding-left: 0.6rem; }}
.disclaimer {{ margin-top: 2rem; margin-bottom: 2rem; font-size: 0.9rem; color: #374151; border-top: 1px solid #d1d5db; padding-top: 0.8rem; }}
@media (prefers-reduced-motion: reduce) {{
  .figure-animated {{ display: none; }}
  .figure-poses {{ display: block; }}
}}
@page {{ size: {paper}; margin: 9mm 11mm 15mm; @bottom-center {{ content: {disclaimer}; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: 7pt; color: #374151; }} }}
@media print {{
  body {{ font-size: 8.8pt; line-height: 1.25; }}
  main, .disclaimer {{ max-width: none; padding: 0; }}
  .headline {{ max-width: none; margin-top: 0; padding: 0.5rem 0.8rem; }}
  .headline h1 {{ font-size: 1.35rem; margin-bottom: 0.2rem; }}
  .headline p {{ font-size: 1rem; }}
  .about {{ margin: 0.3rem 0; }}
  .about dl {{ grid-template-columns: max-content 1fr max-content 1fr; }}
  h2 {{ font-size: 1.1rem; margin: 0.6rem 0 0.25rem; break-after: avoid; }}
  h3 {{ font-size: 1rem; }}
  .watch {{ margin: 0.4rem 0; padding: 0 0.7rem 0.3rem; }}
  .watch ul {{ margin: 0; }}
  .watch-steps {{ columns: 2; column-gap: 1.2rem; }}
  .watch h3 {{ font-size: 0.95rem; margin: 0.25rem 0 0; }}
  .exercises {{ columns: 2; column-gap: 0.6rem; }}
  .exercise {{ padding: 0.3rem 0.5rem; margin: 0 0 0.4rem; }}
  .exercise li {{ margin: 0; }}
  .exercise h3 {{ font-size: 1rem; }}
  .exercise .meta {{ margin-bottom: 0.2rem; }}
  .exercise ol {{ margin: 0.2rem 0; padding-left: 1.2rem; }}
  .exercise p {{ margin: 0.2rem 0; }}
  .figure-animated {{ display: none; }}
  .exercise figure {{ margin: 0.1rem 0 0.2rem; }}
  .exercise figcaption {{ font-size: 0.8rem; margin: 0; line-height: 1.1; }}
  .figure-poses {{ display: block; max-width: 56%; }}
  ul.plain {{ columns: 2; column-gap: 1.2rem; margin: 0.2rem 0; padding-left: 1rem; font-size: 8.5pt; }}
  ul.plain li {{ break-inside: avoid; }}
  .plan {{ break-inside: avoid; }}
  .plan table {{ margin: 0.3rem 0; }}
  .plan th, .plan td {{ padding: 0.05rem 0.3rem; }}
  .plan p {{ margin: 0.15rem 0; }}
  .tick {{ width: 0.9rem; height: 0.9rem; }}
  .check-ins {{ display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 0.4rem; margin: 0.2rem 0; }}
  .check-in {{ margin: 0; padding: 0.1rem 0.4rem; line-height: 1.2; }}
  .watch-brief {{ display: block; border: 1.5px solid #b91c1c; border-radius: 0.3rem; padding: 0 0.5rem 0.15rem; margin: 0.25rem 0 0; font-size: 6.9pt; line-height: 1.1; columns: 2; column-gap: 1rem; break-inside: avoid; }}
  .watch-brief h3 {{ font-size: 8pt; margin: 0.1rem 0 0; column-span: all; }}
  .plan .watch-brief p {{ margin: 0 0 0.1rem; orphans: 1; widows: 2; }}
  .disclaimer {{ display: none; }}
}}
</style>)",
                     fmt::arg("bg", tone.background), fmt::arg("border", tone.border),
                     fmt::arg("paper", paper == Paper::Letter ? "letter" : "A4"),
                     fmt::arg("disclaimer", css_string(r.rules->disclaimer)));
}

class Page {
 public:
  Page(const Report& r, const HtmlOptions& options) : r_(r), rules_(*r.rules), o_(options) {}

  std::string render() {
    // Room for the whole page at once: a figure's drawing takes some 25 KB,
    // and growing a string by doubling copies it each time, into pages never
    // touched before. Room not written to costs no page.
    out_.reserve((64 + 40 * r_.routine.size()) << 10);
    out_ += fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        html_text(rules_.locale));
    out_ += fmt::format("<title>{} - {}</title>\n", html_text(r_.label()),
                        html_text(rules_.title.empty() ? rules_.id : rules_.title));
    out_ += style(r_, o_.paper) + "\n</head>\n<body>\n";
    out_ += fmt::format("<header class=\"headline\"><h1>{}</h1><p>{}</p></header>\n<main>\n",
                        html_text(r_.label()), html_text(r_.advice()));
    about();
    warnings();
    reasons();
    watch_for();
    // What the advice did not know comes before the routine: an assumption
    // can be the reason to see a doctor, and must not sit behind the plan.
    unanswered();
    if (r_.with_routine()) {
      routine();
      list(word(W::ReportAvoid), r_.avoid, [](const Item& item) {
        const auto& a = item.as<ruleset::Avoid>();
        return fmt::format("<strong>{}</strong>: {}", html_text(a.name), html_text(a.reason));
      });
      safe_activities();
      list(word(W::ReportTips), r_.tips, [](const Item& item) {
        const auto& t = item.as<ruleset::Tip>();
        return fmt::format("<strong>{}</strong>: {}", html_text(t.name), html_text(t.text));
      });
      if (r_.with_exercises())
        plan();
      else if (const auto& course = rules_.advice.expected_course)
        out_ += fmt::format("<section><h2>{}</h2><p>{}</p></section>\n",
                            html_text(word(W::ReportExpect)), html_text(course->text));
    }
    out_ += "</main>\n";
    out_ += fmt::format(
        "<footer class=\"disclaimer\"><p>{}</p><p class=\"note\">{}"
        "</p></footer>\n</body>\n</html>\n",
        html_text(rules_.disclaimer),
        html_text(rules_.format_word(W::HandoutRules, fmt::arg("id", rules_.id),
                                     fmt::arg("version", rules_.version))));
    return std::move(out_);
  }

 private:
  const std::string& word(W w) const { return rules_.word(w); }

  // Whom and when the handout is for: the date it was made and the kind of
  // pain, as far as the answers tell, so two people's handouts differ where
  // they should and a clinician can see what it rests on.
  void about() {
    out_ += fmt::format("<section class=\"about\"><dl><dt>{}</dt><dd>{}</dd>",
                        html_text(word(W::HandoutMadeOn)), o_.made_on.iso());
    const auto& classification = rules_.roles.classification;
    for (std::size_t i = 0; i < classification.size(); ++i)
      if (const Item* value = r_.classification[i])
        out_ += fmt::format("<dt>{}</dt><dd>{}</dd>", html_text(rules_.title_of(classification[i])),
                            html_text(ruleset::label_or_id(*value)));
    out_ += "</dl></section>\n";
  }

  void warnings() {
    if (r_.red_flags.empty()) return;
    out_ += fmt::format("<section class=\"warnings\"><h2>{}</h2>\n",
                        html_text(word(W::ReportRedFlags)));
    for (const auto& flag : r_.red_flags) {
      const auto& sign = flag.item->as<ruleset::RedFlag>();
      out_ += fmt::format(
          "<div class=\"warning\"><strong>{}</strong><span class=\"go\">{}</span> {}{}</div>\n",
          html_text(sign.label), html_text(flag.sends_to()) + ".",
          flag.unsure ? html_text(word(W::ReportUnsureCounts)) + " " : "", html_text(sign.why));
    }
    out_ += "</section>\n";
  }

  // Which new signs mean going where, in a box that prints whole.
  void watch_for() {
    if (r_.watch_for.empty()) return;
    out_ += fmt::format("<section class=\"watch\"><h2>{}</h2>\n<div class=\"watch-steps\">",
                        html_text(rules_.derived_fact(rules_.roles.watch_for).title));
    // Each group stays together in print.
    for (const WatchGroup& group : r_.watch_groups()) {
      out_ += fmt::format("<div class=\"watch-step\"><h3>{}</h3>",
                          html_text(group.first->as<ruleset::WatchFor>().label));
      for (const Item* item : group.entries) {
        const auto& entry = item->as<ruleset::WatchFor>();
        if (!entry.when.empty()) out_ += fmt::format("<p>{}</p>", html_text(entry.when));
        out_ += "<ul>";
        for (const auto& sign : entry.signs) out_ += fmt::format("<li>{}</li>", html_text(sign));
        out_ += "</ul>\n";
      }
      out_ += "</div>";
    }
    out_ += "</div>\n</section>\n";
  }

  void reasons() {
    if (r_.reasons.empty()) return;
    out_ +=
        fmt::format("<section><h2>{}</h2><ul class=\"plain\">\n", html_text(word(W::ReportWhy)));
    for (const Item* reason : r_.reasons)
      out_ += fmt::format("<li>{}</li>\n", html_text(reason->as<ruleset::Reason>().text));
    out_ += "</ul></section>\n";
  }

  void routine() {
    if (r_.routine.empty()) {
      if (!r_.routine_pending()) return;
      out_ += fmt::format("<section class=\"routine\"><h2>{}</h2>\n<p>{}</p></section>\n",
                          html_text(word(W::ReportRoutine)), html_text(word(W::HandoutNoRoutine)));
      return;
    }
    out_ +=
        fmt::format("<section class=\"routine\"><h2>{}</h2>\n", html_text(word(W::ReportRoutine)));
    if (const auto& frequency = rules_.advice.frequency)
      out_ += fmt::format("<p>{}</p>\n", html_text(frequency->text));
    out_ += "<div class=\"exercises\">\n";
    int n = 0;
    for (const Item* item : r_.routine) {
      ++n;
      const auto& exercise = item->as<ruleset::Exercise>();
      out_ += fmt::format("<article class=\"exercise\" id=\"{}\"><h3>{}. {}</h3>",
                          html_text(item->id), n, html_text(exercise.name));
      const Item* position = rules_.find_position(exercise.position);
      out_ += fmt::format(
          "<p class=\"meta\">{} &middot; {}{}</p>",
          html_text(rules_.word(ruleset::exercise_kind_word(exercise.kind))),
          html_text(rules_.classification_label(exercise.region)),
          position ? " &middot; " + html_text(position->as<ruleset::Named>().label) : "");
      if (exercise.figure) {
        FigureText text{figure_id(item->id), exercise.name,
                        exercise.steps.empty() ? exercise.name : exercise.steps.front()};
        if (exercise.steps.size() > 1) text.description += " " + exercise.steps[1];
        // A figure not seen from the side says where it is seen from, in the
        // rule file's words.
        const Item* view =
            rules_.find_view(ruleset::view_names()[static_cast<int>(exercise.figure->view)]);
        out_ += "<figure>";
        if (view && !view->as<ruleset::Named>().label.empty())
          out_ += fmt::format("<figcaption>{}</figcaption>",
                              html_text(view->as<ruleset::Named>().label));
        // Pasted when drawn ahead of time, else drawn now.
        const DrawnFigure* drawn = find_drawn(*exercise.figure, text.id, o_.drawn);
        const FigureDrawing fresh =
            drawn ? FigureDrawing{} : draw_figure(*exercise.figure, text.id);
        append_animated_svg(out_, drawn ? drawn->animated : fresh.animated, text);
        append_poses_svg(
            out_, drawn ? drawn->poses : fresh.poses, text,
            rules_.format_word(W::HandoutFigurePoses, fmt::arg("description", text.description)));
        out_ += "</figure>";
      }
      if (!exercise.purpose.empty()) out_ += fmt::format("<p>{}</p>", html_text(exercise.purpose));
      if (!exercise.equipment.empty()) {
        std::vector<std::string> gear;
        for (const auto& e : exercise.equipment) gear.push_back(html_text(e));
        out_ += fmt::format("<p><strong>{}</strong> {}</p>", html_text(word(W::HandoutEquipment)),
                            fmt::join(gear, ", "));
      }
      out_ += "<ol>";
      for (const auto& step : exercise.steps) out_ += fmt::format("<li>{}</li>", html_text(step));
      out_ += "</ol>";
      if (exercise.dose)
        out_ += fmt::format("<p class=\"dose\">{}: {}</p>", html_text(word(W::ReportDose)),
                            html_text(dose_text(rules_, *exercise.dose)));
      if (const std::string caution = r_.caution_for(*item); !caution.empty())
        out_ += fmt::format("<p class=\"caution\">{}</p>", html_text(caution));
      out_ += "</article>\n";
    }
    out_ += "</div></section>\n";
  }

  template <typename Line>
  void list(std::string_view title, const std::vector<const Item*>& items, Line line) {
    if (items.empty()) return;
    out_ += fmt::format("<section><h2>{}</h2><ul class=\"plain\">\n", html_text(title));
    for (const Item* item : items) out_ += "<li>" + line(*item) + "</li>\n";
    out_ += "</ul></section>\n";
  }

  void safe_activities() {
    const auto& activities = rules_.advice.safe_activities;
    if (activities.empty()) return;
    out_ += fmt::format("<section><h2>{}</h2><ul class=\"plain\">\n",
                        html_text(word(W::ReportSafeActivities)));
    for (const auto& item : activities) {
      const auto& a = item.as<ruleset::Tip>();
      out_ +=
          fmt::format("<li><strong>{}</strong>: {}</li>\n", html_text(a.name), html_text(a.text));
    }
    out_ += "</ul></section>\n";
  }

  void plan() {
    const auto& plan = rules_.advice.plan;
    if (!plan) return;
    out_ +=
        fmt::format("<section class=\"plan\"><h2>{}</h2>\n",
                    html_text(rules_.format_word(W::HandoutPlan, fmt::arg("weeks", plan->weeks))));
    if (const auto& course = rules_.advice.expected_course)
      out_ += fmt::format("<p>{}</p>\n", html_text(course->text));
    out_ += fmt::format("<p>{}</p>\n",
                        html_text(rules_.format_word(
                            W::HandoutTick, fmt::arg("sessions", plan->sessions_per_week))));
    // Weeks across, sessions down: a short table that fits under the rest.
    out_ += "<table><thead><tr><td></td>";
    for (int week = 1; week <= plan->weeks; ++week)
      out_ += fmt::format("<th scope=\"col\">{}</th>",
                          html_text(rules_.format_word(W::HandoutWeek, fmt::arg("week", week))));
    out_ += "</tr></thead><tbody>\n";
    for (int s = 1; s <= plan->sessions_per_week; ++s) {
      out_ += fmt::format("<tr><th scope=\"row\">{}</th>",
                          html_text(rules_.format_word(W::HandoutSession, fmt::arg("session", s))));
      for (int week = 1; week <= plan->weeks; ++week)
        out_ += fmt::format("<td><span class=\"tick\" role=\"img\" aria-label=\"{}\"></span></td>",
                            html_text(rules_.format_word(W::HandoutNotDone, fmt::arg("week", week),
                                                         fmt::arg("session", s))));
      out_ += "</tr>\n";
    }
    out_ += "</tbody></table>\n";
    out_ += "<div class=\"check-ins\">\n";
    for (const auto& check_in : plan->check_ins)
      out_ += fmt::format(
          "<div class=\"check-in\"><strong>{}</strong> {}</div>\n",
          html_text(rules_.format_word(W::HandoutCheckIn, fmt::arg("week", check_in.week))),
          html_text(check_in.text));
    out_ += "</div>\n";
    watch_for_brief();
    out_ += "</section>\n";
  }

  // The signs to watch for again, in print only, under the plan: the page
  // that goes on the fridge says when to go up the ladder. Small type, each
  // step's signs run together in one paragraph after where to go.
  void watch_for_brief() {
    if (r_.watch_for.empty()) return;
    out_ += fmt::format("<div class=\"watch-brief\"><h3>{}</h3>",
                        html_text(rules_.derived_fact(rules_.roles.watch_for).title));
    for (const WatchGroup& group : r_.watch_groups()) {
      out_ += fmt::format("<p><strong>{}:</strong>",
                          html_text(group.first->as<ruleset::WatchFor>().label));
      for (std::size_t e = 0; e < group.entries.size(); ++e) {
        const auto& entry = group.entries[e]->as<ruleset::WatchFor>();
        if (e) out_ += ";";
        if (!entry.when.empty()) out_ += fmt::format(" <em>{}</em>", html_text(entry.when));
        for (std::size_t i = 0; i < entry.signs.size(); ++i)
          out_ += fmt::format("{} {}", i ? ";" : "", html_text(entry.signs[i]));
      }
      out_ += "</p>";
    }
    out_ += "</div>\n";
  }

  void unanswered() {
    if (r_.unanswered.empty() && r_.assumed.empty()) return;
    out_ += fmt::format("<section><h2>{}</h2><ul class=\"plain\">\n",
                        html_text(word(W::HandoutDidNotKnow)));
    for (engine::FactId q : r_.unanswered)
      out_ += fmt::format("<li>{}</li>\n", html_text(rules_.format_word(
                                               W::HandoutNotAnswered,
                                               fmt::arg("question", rules_.questions[q].prompt))));
    for (engine::FactId q : r_.assumed)
      out_ += fmt::format("<li>{}</li>\n", html_text(rules_.questions[q].assumed));
    out_ += "</ul></section>\n";
  }

  const Report& r_;
  const ruleset::RuleSet& rules_;
  const HtmlOptions& o_;
  std::string out_;
};

}  // namespace

std::string figure_id(std::string_view exercise_id) {
  return "fig-" + std::string(exercise_id);
}

std::string render_html(const Report& report, const HtmlOptions& options) {
  return Page(report, options).render();
}

}  // namespace backtriage::report
