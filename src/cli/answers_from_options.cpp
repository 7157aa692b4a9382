#include "cli/answers_from_options.h"

#include <fmt/format.h>

#include "cli/answers_input.h"
#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "ruleset/answer_domain.h"

namespace backtriage::cli {

engine::Answers answers_from_options(const Options& o, const ruleset::RuleSet& rules,
                                     const Io& io) {
  engine::Answers answers(rules.knowledge_base().facts().size());
  if (!o.answers_file.empty()) {
    const std::string name = o.answers_file == "-" ? "<stdin>" : o.answers_file;
    std::string text = read_input(o.answers_file, io.in);
    std::string error = read_answers_document(rules, text, name, answers);
    if (!error.empty()) throw CliError(kDataError, error);
  }
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    if (!o.answer_flags[i]) continue;
    const auto& q = rules.questions[i];
    auto parsed = ruleset::parse_answer(q, *o.answer_flags[i]);
    if (auto* error = std::get_if<ruleset::AnswerError>(&parsed))
      throw CliError(kUsage,
                     fmt::format("{}: {}; run 'backtriage --help'", q.flag(), error->message));
    answers[i] = std::get<engine::Value>(parsed);
  }
  if (o.no_red_flags) ruleset::answer_red_flags_no(rules, answers);
  return answers;
}

}  // namespace backtriage::cli
