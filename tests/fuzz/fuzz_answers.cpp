// libFuzzer target: any bytes as an answers object (a batch line, or an
// --answers file in JSON or YAML) against the embedded rule set. What parses
// must evaluate and render; what does not must yield a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cli/answers_input.h"
#include "cli/compact_answer_reader.h"
#include "engine/evaluator.h"
#include "report/build_report.h"
#include "report/render_json.h"
#include "ruleset/loader.h"

using namespace backtriage;

namespace {

void evaluate_and_render(const ruleset::RuleSet& rules, const engine::Answers& answers) {
  static report::ReportBuilder builder(rules);
  static const report::JsonReportWriter writer(rules);
  engine::Trace trace;
  engine::Evaluation evaluation(rules.knowledge_base());
  engine::Evaluator(rules.knowledge_base())
      .run(answers, evaluation, &trace, engine::Unanswered::Final);
  const report::Report& r = builder.build(answers, evaluation, &trace);
  std::string json;
  report::JsonOut out(json, -1);
  writer.write(r, out, "1");
  // The contract's guarantees, checked on every input the fuzzer finds: the
  // level is at least as urgent as every flag listed, and no routine comes
  // with a level above doctor.
  const int level =
      r.decided() ? rules.level_rank(r.level->id) : static_cast<int>(rules.levels().size());
  for (const auto& flag : r.red_flags)
    if (!flag.level || level > rules.level_rank(flag.level->id)) std::abort();
  if (!r.with_routine() && (!r.routine.empty() || !r.avoid.empty())) std::abort();
  if (!r.red_flags.empty() && r.with_routine()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  const std::size_t facts = rules.knowledge_base().facts().size();

  engine::Answers answers(facts);
  std::string id;
  std::string error = cli::read_answers_json(rules, text, answers, &id);
  if (error.empty()) evaluate_and_render(rules, answers);

  // Batch's compact reader, kept from input to input as from line to line:
  // what it reads, the flat and nlohmann readers read alike.
  static cli::CompactAnswerReader compact(rules);
  engine::Answers compact_answers(facts);
  std::string compact_id;
  if (compact.read(text, compact_answers, &compact_id) &&
      (!error.empty() || compact_answers != answers || compact_id != id))
    std::abort();

  engine::Answers document_answers(facts);
  error = cli::read_answers_document(rules, text, "fuzz", document_answers);
  if (error.empty()) evaluate_and_render(rules, document_answers);
  return 0;
}
