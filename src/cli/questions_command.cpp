#include "cli/questions_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/option_adder.h"
#include "cli/output.h"
#include "cli/shared_options.h"
#include "report/fhir_questionnaire.h"
#include "report/json_out.h"
#include "report/text_wrap.h"
#include "ruleset/answer_domain.h"

namespace backtriage::cli {

namespace {

std::vector<std::string> readers(const ruleset::RuleSet& rules, std::size_t question) {
  const auto& kb = rules.knowledge_base();
  std::vector<std::string> ids;
  for (int r : kb.readers(static_cast<engine::FactId>(question))) ids.push_back(kb.rules()[r].id);
  return ids;
}

void write_json(const ruleset::RuleSet& rules, std::size_t i, report::JsonOut& out) {
  const auto& q = rules.questions[i];
  const auto accepted = ruleset::accepted_answers(q);
  out.begin_object();
  out.key("id"), out.string(q.id);
  out.key("flag"), out.string(q.flag());
  out.key("type"), out.string(engine::to_string(q.type));
  out.key("prompt"), out.string(q.prompt);
  out.key("help"), out.string(q.help);
  out.key("why"), out.string(q.why);
  out.key("spoken_help"), out.string(q.spoken_help);
  out.key("priority"), out.integer(static_cast<std::int64_t>(i + 1));  // asking order
  out.key("red_flag"), out.boolean(q.red_flag);
  out.key("unsure");
  if (q.accepts_unsure())
    out.string(q.unsure);
  else
    out.null();
  out.key("optional"), out.boolean(q.optional);
  out.key("checklist");
  if (q.checklist.empty())
    out.null();
  else
    out.string(q.checklist);
  out.key("answers"), out.string_list(accepted.words);
  if (q.type == engine::FactType::Number) {
    out.key("min"), out.number(q.min);
    out.key("max"), out.number(q.max);
    out.key("unit"), out.string(q.unit);
    out.key("whole"), out.boolean(q.whole);
  }
  if (q.type == engine::FactType::Choice) {
    out.key("choices");
    out.begin_array();
    for (const auto& c : q.choices) {
      out.begin_object();
      out.key("id"), out.string(c.id);
      out.key("label"), out.string(c.as<ruleset::Named>().label);
      out.end_object();
    }
    out.end_array();
  }
  out.key("read_by"), out.string_list(readers(rules, i));
  out.key("source"), out.string(q.source);
  out.end_object();
}

// One block per question: a header line that lines up in columns, then the
// prompt, the choices and the rules that read the answer, indented.
std::string to_text(const ruleset::RuleSet& rules, int width) {
  std::size_t id_width = 0, flag_width = 0;
  for (const auto& q : rules.questions) {
    id_width = std::max(id_width, q.id.size());
    flag_width = std::max(flag_width, q.flag().size());
  }
  std::string text;
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    const auto& q = rules.questions[i];
    // The marks --help shows, in the rule file's words.
    const std::string marks = q.red_flag   ? "  " + rules.word(ruleset::Word::HelpRedFlag)
                              : q.optional ? "  " + rules.word(ruleset::Word::HelpOptional)
                                           : "";
    const std::string head =
        fmt::format("{:>2}. {:<{}}  {:<{}}", i + 1, q.id, id_width, q.flag(), flag_width);
    const std::string answers = ruleset::accepted_answers(q).brief() + marks;
    // What it accepts beside the flag, or under it where the line would not fit.
    if (head.size() + 2 + answers.size() <= static_cast<std::size_t>(width))
      text += fmt::format("{}  {}\n", head, answers);
    else
      text += head.substr(0, head.find_last_not_of(' ') + 1) + "\n" +
              report::wrap(answers, width, "    ", 4);
    text += report::wrap(q.prompt, width, "    ", 4);
    for (const auto& c : q.choices)
      if (const auto& label = c.as<ruleset::Named>().label; !label.empty())
        text += report::wrap(label, width, fmt::format("      {}: ", c.id), 8);
    auto read_by = readers(rules, i);
    const std::string read_by_label = "    " + rules.word(ruleset::Word::QuestionsReadBy) + " ";
    text += report::wrap(read_by.empty() ? rules.word(ruleset::Word::QuestionsNoRule)
                                         : fmt::format("{}", fmt::join(read_by, ", ")),
                         width, read_by_label, report::display_width(read_by_label));
  }
  return text;
}

}  // namespace

int run_questions(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  Output out(o.output_file, io);
  if (o.output_format() == Format::Fhir) {
    std::string text;
    report::JsonOut json(text, o.json_indent(out.to_terminal(io)));
    report::write_fhir_questionnaire(rules, json);
    out.write(text + "\n");
  } else if (o.output_format() == Format::Json) {
    std::string text;
    report::JsonOut json(text, o.json_indent(out.to_terminal(io)));
    json.begin_array();
    for (std::size_t i = 0; i < rules.questions.size(); ++i) write_json(rules, i, json);
    json.end_array();
    out.write(text + "\n");
  } else {
    out.write(to_text(rules, text_width(io, out.to_terminal(io), io.out_columns)));
  }
  out.finish(io);
  return 0;
}

void add_questions(const OptionAdder& add, Options& o) {
  using ruleset::Word;
  add_rules(add, o);
  add.flag("--json", o.json, Word::HelpQuestionsJson);
  if (auto* opt = add.option("--format", o.format_text, Word::HelpQuestionsFormat))
    opt->type_name("text|json|fhir");
  add_json_style(add, o);
  add_output(add, o);
  add.app().footer(add.rules().format_word(Word::HelpQuestionsFooter));
}

}  // namespace backtriage::cli
