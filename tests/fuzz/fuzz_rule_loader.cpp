// libFuzzer target: any bytes as a rule file. Loading must end in a rule set
// or diagnostics, never a crash, hang or unbounded recursion; a set that
// loads must also survive linting, and an evaluation and its report (text
// and JSON) with nothing answered and with every question given its first
// answer (yes, the first choice, the smallest number), so that rules fire
// and each part of the report shows its items. Then, with the optional
// questions left out and the others given their first and then their last
// answer, what is assumed must be what a builder that remembers findings
// across the triages says (engine::RerunKey): a difference is a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/evaluator.h"
#include "report/build_report.h"
#include "report/render_json.h"
#include "report/render_text.h"
#include "ruleset/diagnostic.h"
#include "ruleset/lint.h"
#include "ruleset/loader.h"

using namespace backtriage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = ruleset::load_rule_set(text, "fuzz.yaml");
  // `check` prints every diagnostic with the offending line under it.
  for (const auto& d : loaded.diagnostics) (void)ruleset::format_with_context(d, text);
  if (!loaded.rule_set) return 0;
  const ruleset::RuleSet& rules = *loaded.rule_set;
  for (const auto& d : ruleset::lint(rules)) (void)ruleset::format_with_context(d, text);
  const auto& kb = rules.knowledge_base();
  report::ReportBuilder remembering(rules);
  auto triage = [&](const engine::Answers& answers) {
    try {
      engine::Trace trace;
      engine::Evaluation evaluation(kb);
      engine::Evaluator(kb).run(answers, evaluation, &trace, engine::Unanswered::Final);
      const std::vector<engine::FactId> remembered =
          remembering.build(answers, evaluation, &trace).assumed;
      report::ReportBuilder builder(rules);
      const report::Report& r = builder.build(answers, evaluation, &trace);
      if (r.assumed != remembered) __builtin_trap();
      std::string json;
      report::JsonOut out(json, 2);
      report::JsonReportWriter(rules).write(r, out);
      (void)report::render_text(r, {});
    } catch (const engine::ConflictError&) {
      // A documented outcome: two rules disagreed on a single-valued fact.
    }
  };
  // Every question given its first answer (`last`: its last), or only
  // those not optional.
  auto answered = [&](bool last, bool optional_too) {
    engine::Answers answers(kb.facts().size());
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
      const ruleset::Question& question = rules.questions[q];
      if (question.optional && !optional_too) continue;
      const auto& symbols = kb.facts()[q].symbols;
      switch (question.type) {
        case engine::FactType::Bool: answers[q] = engine::Value::boolean(!last); break;
        case engine::FactType::Number:
          answers[q] = engine::Value::number(last ? question.max : question.min);
          break;
        default:
          if (!symbols.empty())
            answers[q] = engine::Value::symbol(last ? static_cast<int>(symbols.size()) - 1 : 0);
      }
    }
    return answers;
  };
  triage(engine::Answers(kb.facts().size()));
  triage(answered(false, true));
  triage(answered(false, false));
  triage(answered(true, false));
  return 0;
}
