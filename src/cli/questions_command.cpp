#include "cli/questions_command.h"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "cli/output.h"
#include "ruleset/answer_parser.h"

namespace backtriage::cli {

int run_questions(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  const auto& kb = rules.knowledge_base();
  Output out(io.out);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::string text;
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    const auto& q = rules.questions[i];
    nlohmann::ordered_json read_by = nlohmann::ordered_json::array();
    for (int r : kb.readers(static_cast<engine::FactId>(i))) read_by.push_back(kb.rules()[r].id);
    nlohmann::ordered_json entry{{"id", q.id},
                                 {"flag", q.flag()},
                                 {"type", engine::to_string(q.type)},
                                 {"prompt", q.prompt},
                                 {"help", q.help},
                                 {"priority", i + 1},
                                 {"red_flag", q.red_flag}};
    if (q.type == engine::FactType::Number) {
      entry["min"] = q.min;
      entry["max"] = q.max;
      entry["unit"] = q.unit;
    }
    if (q.type == engine::FactType::Choice) {
      entry["choices"] = nlohmann::ordered_json::array();
      for (const auto& c : q.choices) entry["choices"].push_back({{"id", c.id}, {"label", c.label}});
    }
    entry["read_by"] = read_by;
    entry["source"] = q.source;
    list.push_back(std::move(entry));
    text += fmt::format("{:>2}. {:<16} {:<18} {}{}\n    {}\n", i + 1, q.id, q.flag(),
                        ruleset::accepted_answers(q), q.red_flag ? "  [red flag]" : "", q.prompt);
  }
  if (o.output_format() == "json")
    out.write(list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  else
    out.write(text);
  out.flush();
  return 0;
}

}  // namespace backtriage::cli
