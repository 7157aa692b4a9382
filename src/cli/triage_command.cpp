#include "cli/triage_command.h"

#include "cli/answers_from_options.h"
#include "cli/exit_code.h"
#include "cli/output.h"
#include "cli/prompter.h"
#include "report/build_report.h"
#include "report/render_cds_hooks.h"
#include "report/render_json.h"
#include "report/render_text.h"

namespace backtriage::cli {

int run_triage(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  engine::Answers answers = answers_from_options(o, rules, io);
  engine::Trace trace;
  const bool can_ask = io.in_tty && !o.no_input && o.answers_file != "-";
  auto evaluate = [&] {
    try {
      return can_ask ? Prompter(rules, io).interview(answers, trace)
                     : engine::Evaluator(rules.knowledge_base()).run(answers, &trace);
    } catch (const engine::ConflictError& e) {
      // The rule file contradicts itself for these answers: bad data (65),
      // not an internal error.
      throw CliError(kDataError, rules.origin + ": " + e.what());
    }
  };
  engine::Evaluation evaluation = evaluate();
  report::Report r = report::build_report(rules, answers, evaluation, &trace);

  Output out(io.out);
  const std::string format = o.output_format();
  if (format == "json") {
    out.write((o.brief ? report::to_brief_json(r).dump(2) : report::render_json(r)) + "\n");
  } else if (format == "cds-hooks") {
    out.write(report::render_cds_hooks(r) + "\n");
  } else {
    report::TextStyle style;
    style.color = use_color(o.color, io, io.out_tty);
    style.explain = o.explain;
    out.write(report::render_text(r, style));
  }
  out.flush();
  return kOk;
}

}  // namespace backtriage::cli
