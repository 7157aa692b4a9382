#include "cli/triage_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ctime>

#include "cli/answers_from_options.h"
#include "cli/exit_code.h"
#include "cli/option_adder.h"
#include "cli/option_values.h"
#include "cli/output.h"
#include "cli/pager.h"
#include "cli/prompter.h"
#include "cli/shared_options.h"
#include "report/build_report.h"
#include "report/render_cds_hooks.h"
#include "report/render_html.h"
#include "report/render_ics.h"
#include "report/render_json.h"
#include "report/render_text.h"
#include "ruleset/spelling.h"

namespace backtriage::cli {

namespace {

// The local date: a plan starts today unless --start says otherwise, and a
// handout says the day it was made.
report::Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace

int run_triage(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  // A handout or a calendar on the screen is a wall of markup: say where to
  // put it before asking anything, not after the interview.
  const Format format = o.output_format();
  if ((format == Format::Html || format == Format::Ics) && o.output_file.empty() && io.out_tty)
    throw CliError(kUsage, format == Format::Html
                               ? "the handout is a web page to open or print: write it to a "
                                 "file with -o handout.html, or into a pipe"
                               : "the calendar is a file for a calendar app: write it with "
                                 "-o plan.ics, or into a pipe");
  engine::Answers answers = answers_from_options(o, rules, io);
  const bool can_ask = io.in_tty && !o.no_input && o.answers_file != "-";
  if (can_ask)
    Prompter(rules, io, {text_width(io, io.err_tty, io.err_columns), o.explain}).interview(answers);

  const auto& kb = rules.knowledge_base();
  engine::Trace trace;
  engine::Evaluation evaluation(kb);
  try {
    engine::Evaluator(kb).run(answers, evaluation, &trace, engine::Unanswered::Final);
  } catch (const engine::ConflictError& e) {
    // The rule file contradicts itself for these answers: bad data (65),
    // not an internal error.
    throw CliError(kDataError, rules.origin + ": " + e.what());
  }
  report::ReportBuilder builder(rules, report::ReportBuilder::Uses::Once);
  const report::Report& r = builder.build(answers, evaluation, &trace);
  if (!can_ask && !io.in_tty && !o.no_input && !r.unanswered.empty()) {
    // Named, the first few, in asking order: one line still.
    constexpr std::size_t kNamed = 3;
    std::vector<std::string> flags;
    for (std::size_t i = 0; i < r.unanswered.size() && i < kNamed; ++i)
      flags.push_back(rules.questions[r.unanswered[i]].flag());
    const std::size_t more = r.unanswered.size() - flags.size();
    if (more > 0) flags.push_back(fmt::format("{} more", more));
    fmt::print(io.err,
               "backtriage: no questions were asked because standard input is not a terminal, "
               "and {} answer{} missing ({}): give {} as flags (backtriage questions lists them) "
               "or with --answers FILE\n",
               r.unanswered.size(), r.unanswered.size() == 1 ? " is" : "s are",
               ruleset::list_and(flags), r.unanswered.size() == 1 ? "it" : "them");
  }

  Output out(o.output_file, io);
  const bool terminal = out.to_terminal(io);
  std::string text;
  switch (o.output_format()) {
    case Format::Json: {
      report::JsonOut json(text, o.json_indent(terminal));
      report::JsonReportWriter writer(rules, report::JsonReportWriter::Uses::Once);
      if (o.brief)
        writer.write_brief(r, json);
      else
        writer.write(r, json);
      text += '\n';
      break;
    }
    case Format::CdsHooks: {
      report::JsonOut json(text, o.json_indent(terminal));
      report::write_cds_hooks(
          r, report::JsonReportWriter(rules, report::JsonReportWriter::Uses::Once), json);
      text += '\n';
      break;
    }
    case Format::Html: {
      report::HtmlOptions html;
      html.made_on = today();
      // The locale's paper unless --paper says (Letter in the United States).
      const std::string& paper = o.paper.empty() ? rules.paper : o.paper;
      html.paper = paper == "letter" ? report::Paper::Letter : report::Paper::A4;
      html.drawn = report::embedded_drawn_figures();
      text = report::render_html(r, html);
      break;
    }
    case Format::Ics: {
      report::IcsOptions ics;
      ics.start = o.start_date.empty() ? today() : *report::parse_date(o.start_date);
      if (!o.start_time.empty()) ics.minutes = *report::parse_time(o.start_time);
      if (o.alarm == "none")
        ics.alarm_minutes.reset();
      else if (!o.alarm.empty())
        ics.alarm_minutes = report::parse_minutes(o.alarm);
      text = report::render_ics(r, ics);
      if (!r.with_routine())
        fmt::print(io.err,
                   "backtriage: the calendar has no exercise sessions: the advice is \"{}\", "
                   "which comes without the home routine\n",
                   r.label());
      break;
    }
    case Format::Text: {
      report::TextStyle style;
      style.color = use_color(o.color, io, terminal);
      style.explain = o.explain;
      style.width = text_width(io, terminal, io.out_columns);
      style.height = terminal ? screen_height(io) : 0;
      text = report::render_text(r, style);
      if (terminal && show_in_pager(text, io, !o.no_pager)) return kOk;
      break;
    }
    case Format::Fhir:  // check_options allows it for `questions` only
      throw CliError(kInternal, "the triage writes no FHIR resource");
  }
  out.write(text);
  out.finish(io);
  return kOk;
}

void add_triage(const OptionAdder& add, Options& o) {
  using ruleset::Word;
  add_rules(add, o);
  if (auto* opt = add.option("--format", o.format_text, Word::HelpOptionFormat))
    opt->type_name("text|json|cds-hooks|html|ics");
  add.flag("--json", o.json, Word::HelpOptionJson);
  add.flag("--brief", o.brief, Word::HelpOptionBrief);
  add_json_style(add, o);
  add_output(add, o);
  add.flag("--no-input", o.no_input, Word::HelpOptionNoInput);
  add.flag("--explain", o.explain, Word::HelpOptionExplain);
  add_color(add, o);
  add.flag("--no-pager", o.no_pager, Word::HelpOptionNoPager);
  if (auto* opt = add.option("--answers", o.answers_file, Word::HelpOptionAnswers))
    opt->type_name("FILE|-");
  add.flag("--no-red-flags", o.no_red_flags, Word::HelpOptionNoRedFlags);
  if (auto* opt = add.option("--start", o.start_date, Word::HelpOptionStart))
    opt->type_name("YYYY-MM-DD")->check(date_text());
  if (auto* opt = add.option("--time", o.start_time, Word::HelpOptionTime))
    opt->type_name("HH:MM")->check(time_text());
  if (auto* opt = add.option("--alarm", o.alarm, Word::HelpOptionAlarm))
    opt->type_name("MINUTES|none")->check(minutes_or_none());
  if (auto* opt = add.option("--paper", o.paper, Word::HelpOptionPaper))
    opt->type_name("a4|letter")->check(one_of({"a4", "letter"}));
}

}  // namespace backtriage::cli
