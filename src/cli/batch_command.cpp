#include "cli/batch_command.h"

#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/answers_from_options.h"
#include "cli/answers_input.h"
#include "cli/exit_code.h"
#include "cli/line_reader.h"
#include "cli/output.h"
#include "report/build_report.h"
#include "report/render_json.h"

namespace backtriage::cli {

namespace {

std::string error_line(std::size_t line, const std::string& message) {
  return nlohmann::json{{"line", line}, {"error", message}}.dump(
             -1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace

int run_batch(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  std::FILE* in = io.in;
  if (o.input_file != "-") {
    owned.reset(std::fopen(o.input_file.c_str(), "rb"));
    if (!owned)
      throw CliError(kNoInput,
                     fmt::format("cannot open {}: {}", o.input_file, std::strerror(errno)));
    in = owned.get();
  }
  const auto& kb = rules.knowledge_base();
  const engine::Evaluator evaluator(kb);
  engine::Evaluation evaluation(kb);  // reused: no allocation per line once warm
  engine::Trace trace;
  engine::Answers answers(kb.facts().size());
  Output out(io.out);
  LineReader reader(in);
  std::string line;
  bool too_long = false;
  std::size_t number = 0, errors = 0;
  std::map<std::string, std::size_t> levels;
  while (reader.next(line, too_long)) {
    ++number;
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    std::string message;
    if (too_long)
      message = fmt::format("line is longer than {} bytes", LineReader::kMaxLineBytes);
    else if (line.find_first_not_of(" \t") == std::string::npos)
      message = "blank line: expected a JSON object of answers";
    else {
      std::fill(answers.begin(), answers.end(), std::nullopt);
      message = read_answers_json(rules, line, answers);
    }
    if (!message.empty()) {
      ++errors;
      out.write(error_line(number, message));
      continue;
    }
    if (o.no_red_flags) default_red_flags_to_no(rules, answers);
    try {
      evaluator.run(answers, evaluation, o.brief ? nullptr : &trace);
    } catch (const engine::ConflictError& e) {
      ++errors;
      out.write(error_line(number, e.what()));
      continue;
    }
    auto r = report::build_report(rules, answers, evaluation, o.brief ? nullptr : &trace);
    ++levels[r.level];
    out.write((o.brief ? report::to_brief_json(r).dump() : report::render_json(r, -1)) + "\n");
  }
  if (reader.failed())
    throw CliError(kNoInput, fmt::format("cannot read {}: {}",
                                         o.input_file == "-" ? "<stdin>" : o.input_file,
                                         std::strerror(errno)));
  out.flush();
  if (o.summary || io.err_tty) {
    std::string counts;
    for (const auto& [level, count] : levels) counts += fmt::format(", {} {}", count, level);
    fmt::print(io.err, "backtriage batch: {} line{}{}, {} error{}\n", number,
               number == 1 ? "" : "s", counts, errors, errors == 1 ? "" : "s");
  }
  return errors > 0 ? kDataError : kOk;
}

}  // namespace backtriage::cli
