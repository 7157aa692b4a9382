#include "cli/questions_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "ruleset/answer_parser.h"

namespace backtriage::cli {

namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> readers(const ruleset::RuleSet& rules, std::size_t question) {
  const auto& kb = rules.knowledge_base();
  std::vector<std::string> ids;
  for (int r : kb.readers(static_cast<engine::FactId>(question))) ids.push_back(kb.rules()[r].id);
  return ids;
}

Json to_json(const ruleset::RuleSet& rules, std::size_t i) {
  const auto& q = rules.questions[i];
  Json entry{{"id", q.id},
             {"flag", q.flag()},
             {"type", engine::to_string(q.type)},
             {"prompt", q.prompt},
             {"help", q.help},
             {"priority", i + 1},  // asking order: 1 is asked first
             {"red_flag", q.red_flag}};
  if (q.type == engine::FactType::Number) {
    entry["min"] = q.min;
    entry["max"] = q.max;
    entry["unit"] = q.unit;
  }
  if (q.type == engine::FactType::Choice) {
    entry["choices"] = Json::array();
    for (const auto& c : q.choices) entry["choices"].push_back({{"id", c.id}, {"label", c.label}});
  }
  entry["read_by"] = readers(rules, i);
  entry["source"] = q.source;
  return entry;
}

// One block per question: a header line that lines up in columns, then the
// prompt, the choices and the rules that read the answer, indented.
std::string to_text(const ruleset::RuleSet& rules) {
  std::size_t id_width = 0, flag_width = 0;
  for (const auto& q : rules.questions) {
    id_width = std::max(id_width, q.id.size());
    flag_width = std::max(flag_width, q.flag().size());
  }
  std::string text;
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    const auto& q = rules.questions[i];
    text += fmt::format("{:>2}. {:<{}}  {:<{}}  {}{}\n    {}\n", i + 1, q.id, id_width, q.flag(),
                        flag_width, ruleset::accepted_answers(q), q.red_flag ? "  [red flag]" : "",
                        q.prompt);
    for (const auto& c : q.choices)
      if (!c.label.empty()) text += fmt::format("      {}: {}\n", c.id, c.label);
    auto read_by = readers(rules, i);
    text +=
        fmt::format("    read by: {}\n",
                    read_by.empty() ? "(no rule)" : fmt::format("{}", fmt::join(read_by, ", ")));
  }
  return text;
}

}  // namespace

int run_questions(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  Output out(io.out);
  if (o.output_format() == "json") {
    Json list = Json::array();
    for (std::size_t i = 0; i < rules.questions.size(); ++i) list.push_back(to_json(rules, i));
    out.write(list.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
  } else {
    out.write(to_text(rules));
  }
  out.flush();
  return 0;
}

}  // namespace backtriage::cli
