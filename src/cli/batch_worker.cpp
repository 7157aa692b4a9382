#include "cli/batch_worker.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/answers_from_options.h"
#include "cli/answers_input.h"
#include "cli/line_reader.h"
#include "cli/record_id.h"
#include "report/json_out.h"
#include "report/render_cds_hooks.h"

namespace backtriage::cli {

void BatchTally::add(const BatchTally& other) {
  errors += other.errors;
  if (other.levels.size() > levels.size()) levels.resize(other.levels.size());
  for (std::size_t rank = 0; rank < other.levels.size(); ++rank) levels[rank] += other.levels[rank];
}

BatchWorker::BatchWorker(const Options& options, const ruleset::RuleSet& rules)
    : options_(options),
      rules_(rules),
      evaluator_(rules.knowledge_base()),
      evaluation_(rules.knowledge_base()),
      answers_(rules.knowledge_base().facts().size()),
      compact_(rules),
      builder_(rules),
      json_(rules) {}

// `{"id": ..., "line": n, "error": "..."}`, the id first when the line had one.
void BatchWorker::error_line(std::string& out, std::size_t number, const std::string& message) {
  report::JsonOut json(out, -1);
  json.begin_object();
  if (!id_.empty()) json.key("id"), json.raw(id_);
  json.key("line"), json.integer(static_cast<std::int64_t>(number));
  json.key("error"), json.string(message);
  json.end_object();
  out += '\n';
}

void BatchWorker::run(const BatchLine& line, std::size_t number, std::string& out,
                      BatchTally& tally) {
  std::string message;
  id_.clear();
  if (line.too_long)
    message = fmt::format("line is longer than {} bytes", LineReader::kMaxLineBytes);
  else if (line.text.find_first_not_of(" \t") == std::string::npos)
    message = "blank line: expected a JSON object of answers";
  else {
    std::fill(answers_.begin(), answers_.end(), std::nullopt);
    message = read_answers_json(rules_, line.text, answers_, &id_, &compact_);
  }
  if (!message.empty()) {
    ++tally.errors;
    if (id_.empty()) id_ = leading_record_id(line.text);
    return error_line(out, number, message);
  }
  if (options_.no_red_flags) ruleset::answer_red_flags_no(rules_, answers_);
  const bool brief = options_.brief;
  engine::Trace* trace = brief ? nullptr : &trace_;
  try {
    evaluator_.run(answers_, evaluation_, trace, engine::Unanswered::Final);
  } catch (const engine::ConflictError& e) {
    ++tally.errors;
    return error_line(out, number, e.what());
  }
  const report::Report& r = builder_.build(answers_, evaluation_, trace,
                                           brief ? report::Detail::Brief : report::Detail::Full);
  // By rank, the undecided level after the rest.
  const int rank = rules_.level_rank(*r.level);
  tally.count(rank < 0 ? rules_.levels().size() : static_cast<std::size_t>(rank));
  report::JsonOut json(out, -1);
  if (options_.output_format() == Format::CdsHooks)
    report::write_cds_hooks(r, json_, json, id_);
  else if (brief)
    json_.write_brief(r, json, id_);
  else
    json_.write(r, json, id_);
  out += '\n';
}

}  // namespace backtriage::cli
