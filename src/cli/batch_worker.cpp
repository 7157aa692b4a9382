#include "cli/batch_worker.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/answers_from_options.h"
#include "cli/answers_input.h"
#include "cli/line_reader.h"
#include "report/build_report.h"
#include "report/json_writer.h"

namespace backtriage::cli {

namespace {

void append_error(std::string& out, std::size_t line, const std::string& message) {
  // Ordered: `{"line": n, "error": ...}` as the contract writes it.
  out += nlohmann::ordered_json{{"line", line}, {"error", message}}.dump(
      -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  out += '\n';
}

}  // namespace

void BatchTally::add(const BatchTally& other) {
  errors += other.errors;
  for (const auto& [level, count] : other.levels) levels[level] += count;
}

BatchWorker::BatchWorker(const Options& options, const ruleset::RuleSet& rules)
    : options_(options),
      rules_(rules),
      evaluator_(rules.knowledge_base()),
      evaluation_(rules.knowledge_base()),
      answers_(rules.knowledge_base().facts().size()),
      json_writer_(rules) {}

void BatchWorker::run(const BatchLine& line, std::size_t number, std::string& out,
                      BatchTally& tally) {
  std::string message;
  if (line.too_long)
    message = fmt::format("line is longer than {} bytes", LineReader::kMaxLineBytes);
  else if (line.text.find_first_not_of(" \t") == std::string::npos)
    message = "blank line: expected a JSON object of answers";
  else {
    std::fill(answers_.begin(), answers_.end(), std::nullopt);
    message = read_answers_json(rules_, line.text, answers_);
  }
  if (!message.empty()) {
    ++tally.errors;
    append_error(out, number, message);
    return;
  }
  if (options_.no_red_flags) default_red_flags_to_no(rules_, answers_);
  engine::Trace* trace = options_.brief ? nullptr : &trace_;
  try {
    evaluator_.run(answers_, evaluation_, trace);
  } catch (const engine::ConflictError& e) {
    ++tally.errors;
    append_error(out, number, e.what());
    return;
  }
  auto r = options_.brief ? report::build_brief_report(rules_, evaluation_)
                          : report::build_report(rules_, answers_, evaluation_, trace);
  ++tally.levels[r.level];
  if (options_.brief)
    json_writer_.write_brief(r, out);
  else
    json_writer_.write(r, out);
  out += '\n';
}

}  // namespace backtriage::cli
