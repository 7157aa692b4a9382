// libFuzzer target: any bytes as an answers object (a batch line, or an
// --answers file in JSON or YAML) against the embedded rule set. What parses
// must evaluate and render; what does not must yield a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cli/answers_input.h"
#include "engine/evaluator.h"
#include "report/build_report.h"
#include "report/render_json.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {

void evaluate_and_render(const ruleset::RuleSet& rules, const engine::Answers& answers) {
  engine::Trace trace;
  auto evaluation = engine::Evaluator(rules.knowledge_base()).run(answers, &trace);
  auto report = report::build_report(rules, answers, evaluation, &trace);
  (void)report::render_json(report, -1);
  // The contract's guarantee, checked on every input the fuzzer finds.
  if (!report.red_flags.empty() && (report.level != "emergency" || report.has_routine()))
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  const std::size_t facts = rules.knowledge_base().facts().size();

  engine::Answers answers(facts);
  std::string error = cli::read_answers_json(rules, text, answers);
  if (error.empty()) evaluate_and_render(rules, answers);

  engine::Answers document_answers(facts);
  error = cli::read_answers_document(rules, text, "fuzz", document_answers);
  if (error.empty()) evaluate_and_render(rules, document_answers);
  return 0;
}
