#include "report/fhir_questionnaire.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "ruleset/answer_domain.h"
#include "ruleset/relevance.h"

namespace backtriage::report {

namespace {

using engine::FactId;
using engine::Value;

constexpr const char* kItemControl =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
constexpr const char* kItemControlSystem = "http://hl7.org/fhir/questionnaire-item-control";

// A yes/no question that also takes "not sure" is coded, so the three
// answers are one choice; the codes are the answers the flags take.
// The displays are the rule set's words (`words: answers`).
struct Code {
  const char* code;
  ruleset::Word display;
};
constexpr Code kYes{"yes", ruleset::Word::AnswerYes}, kNo{"no", ruleset::Word::AnswerNo},
    kUnsure{"unsure", ruleset::Word::AnswerUnsure};

bool coded_yes_no(const ruleset::Question& q) {
  return q.type == engine::FactType::Bool && q.accepts_unsure();
}

void coding(JsonOut& out, const std::string& system, const std::string& code,
            const std::string& display) {
  out.begin_object();
  out.key("system"), out.string(system);
  out.key("code"), out.string(code);
  if (!display.empty()) out.key("display"), out.string(display);
  out.end_object();
}

// "back-pain" -> "BackPain": FHIR wants a name a computer can use.
std::string computable_name(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (out.empty() || !std::isupper(static_cast<unsigned char>(out[0]))) out = "Q" + out;
  return out;
}

// The values of `trigger` with which `follow_up` matters, found by asking
// the rules with only the trigger answered: the answers that bring it in.
std::vector<Value> enabling_values(const ruleset::RuleSet& rules, FactId trigger,
                                   FactId follow_up) {
  const auto& q = rules.questions[trigger];
  std::vector<Value> candidates;
  if (q.type == engine::FactType::Bool) {
    candidates = {Value::boolean(true), Value::boolean(false)};
    if (q.accepts_unsure()) candidates.push_back(ruleset::unsure_answer());
  } else if (q.type == engine::FactType::Choice) {
    for (std::size_t i = 0; i < q.choices.size(); ++i)
      candidates.push_back(Value::symbol(static_cast<int>(i)));
  }
  const auto& kb = rules.knowledge_base();
  const engine::Evaluator evaluator(kb);
  std::vector<Value> out;
  for (const Value& v : candidates) {
    engine::Answers answers(kb.facts().size());
    answers[trigger] = v;
    engine::Evaluation evaluation(kb);
    evaluator.run(answers, evaluation);
    const auto due = ruleset::questions_that_matter(rules, evaluation);
    if (std::find(due.begin(), due.end(), follow_up) != due.end()) out.push_back(v);
  }
  return out;
}

class Writer {
 public:
  Writer(const ruleset::RuleSet& rules, JsonOut& out)
      : rules_(rules), out_(out), system_(answer_code_system(rules)) {}

  void write() {
    out_.begin_object();
    out_.key("resourceType"), out_.string("Questionnaire");
    out_.key("id"), out_.string(rules_.id);
    out_.key("meta");
    out_.begin_object();
    out_.key("profile");
    out_.begin_array();
    out_.string("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire");
    out_.end_array();
    out_.end_object();
    out_.key("url"), out_.string(questionnaire_url(rules_));
    out_.key("version"), out_.string(rules_.version);
    out_.key("name"), out_.string(computable_name(rules_.id));
    out_.key("title"), out_.string(rules_.title.empty() ? rules_.id : rules_.title);
    out_.key("status"), out_.string("active");
    out_.key("subjectType");
    out_.begin_array();
    out_.string("Patient");
    out_.end_array();
    out_.key("description"), out_.string(rules_.disclaimer);
    out_.key("item");
    out_.begin_array();
    // The disclaimer where a form filler shows it: first, as a display item
    // (form fillers do not show `description`).
    if (!rules_.disclaimer.empty()) {
      out_.begin_object();
      out_.key("linkId"), out_.string("backtriage.disclaimer");  // no question id has a dot
      out_.key("type"), out_.string("display");
      out_.key("text"), out_.string(rules_.disclaimer);
      out_.end_object();
    }
    const auto count = static_cast<FactId>(rules_.questions.size());
    for (FactId f = 0; f < count;) {
      const std::string& list = rules_.questions[f].checklist;
      if (list.empty()) {
        question(f++);
        continue;
      }
      // A checklist's questions follow one another (check makes sure).
      const ruleset::Checklist* checklist = rules_.find_checklist(list);
      out_.begin_object();
      out_.key("linkId"), out_.string(list);
      out_.key("type"), out_.string("group");
      out_.key("text"), out_.string(checklist ? checklist->prompt : list);
      out_.key("item");
      out_.begin_array();
      while (f < count && rules_.questions[f].checklist == list) question(f++);
      out_.end_array();
      out_.end_object();
    }
    out_.end_array();
    out_.end_object();
  }

 private:
  void question(FactId f) {
    const ruleset::Question& q = rules_.questions[f];
    out_.begin_object();
    out_.key("linkId"), out_.string(q.id);
    out_.key("text"), out_.string(q.prompt);
    out_.key("type");
    switch (q.type) {
      case engine::FactType::Bool: out_.string(coded_yes_no(q) ? "choice" : "boolean"); break;
      case engine::FactType::Number: out_.string(q.whole ? "integer" : "decimal"); break;
      default: out_.string("choice"); break;
    }
    out_.key("required"), out_.boolean(!q.optional);
    if (q.type == engine::FactType::Number) range(q);
    if (coded_yes_no(q)) {
      // Yes, No and Not sure in sight, as the interview says them, not behind
      // a drop-down: SDC's radio-button control.
      out_.key("extension");
      out_.begin_array();
      item_control("radio-button", "Radio Button");
      out_.end_array();
      out_.key("answerOption");
      out_.begin_array();
      for (const Code& c : {kYes, kNo, kUnsure}) option(c.code, rules_.word(c.display));
      out_.end_array();
    } else if (q.type == engine::FactType::Choice) {
      out_.key("answerOption");
      out_.begin_array();
      for (const auto& c : q.choices) {
        option(c.id, ruleset::label_or_id(c));
      }
      out_.end_array();
    }
    enable_when(f);
    help(q);
    out_.end_object();
  }

  void option(const std::string& code, const std::string& display) {
    out_.begin_object();
    out_.key("valueCoding");
    coding(out_, system_, code, display);
    out_.end_object();
  }

  // SDC's minValue and maxValue, in the item's own type.
  void range(const ruleset::Question& q) {
    out_.key("extension");
    out_.begin_array();
    for (const auto& [url, value] : {std::pair{"minValue", q.min}, std::pair{"maxValue", q.max}}) {
      out_.begin_object();
      out_.key("url"), out_.string(fmt::format("http://hl7.org/fhir/StructureDefinition/{}", url));
      if (q.whole)
        out_.key("valueInteger");
      else
        out_.key("valueDecimal");
      out_.number(value);
      out_.end_object();
    }
    out_.end_array();
  }

  // A follow-up is shown once its trigger is answered in a way that brings
  // it in (a number trigger has no such answer list: the item stays shown).
  void enable_when(FactId f) {
    const auto& triggers = rules_.triggers_of(f);
    if (triggers.empty()) return;
    // Answers of one trigger are alternatives (any); several triggers must
    // all be met, which FHIR can say only with one answer each: otherwise
    // the first trigger alone decides, so the item is shown too often
    // rather than hidden when it matters.
    std::vector<std::vector<Value>> values;
    for (FactId t : triggers) {
      if (rules_.questions[t].type == engine::FactType::Number) return;
      values.push_back(enabling_values(rules_, t, f));
      if (values.back().empty()) return;
    }
    const bool all = values.size() > 1 && std::all_of(values.begin(), values.end(),
                                                      [](auto& v) { return v.size() == 1; });
    std::vector<std::pair<FactId, Value>> conditions;
    for (std::size_t i = 0; i < (all ? values.size() : 1); ++i)
      for (const Value& v : values[i]) conditions.emplace_back(triggers[i], v);
    out_.key("enableWhen");
    out_.begin_array();
    for (const auto& [t, v] : conditions) {
      const ruleset::Question& trigger = rules_.questions[t];
      out_.begin_object();
      out_.key("question"), out_.string(trigger.id);
      out_.key("operator"), out_.string("=");
      if (trigger.type == engine::FactType::Bool && !coded_yes_no(trigger)) {
        out_.key("answerBoolean"), out_.boolean(v.as_bool());
      } else {
        out_.key("answerCoding");
        const std::string code = rules_.format_value(t, v);
        coding(out_, system_, code, "");
      }
      out_.end_object();
    }
    out_.end_array();
    if (conditions.size() > 1) out_.key("enableBehavior"), out_.string(all ? "all" : "any");
  }

  // The help, shown under the prompt as the interview shows it (a warning
  // sign's help lists the signs: it must not hide behind a button), and why
  // it is asked, behind SDC's help button as `?` is at the prompt.
  // A help line each ("- " a bullet, as the interview shows it): form
  // fillers show a display item's text as one paragraph.
  void help(const ruleset::Question& q) {
    if (q.help.empty() && q.why.empty()) return;
    out_.key("item");
    out_.begin_array();
    int n = 0;
    for (std::size_t start = 0; start < q.help.size();) {
      std::size_t end = q.help.find('\n', start);
      if (end == std::string::npos) end = q.help.size();
      std::string line = q.help.substr(start, end - start);
      start = end + 1;
      if (line.find_first_not_of(' ') == std::string::npos) continue;
      if (line.rfind("- ", 0) == 0) line = "\u2022 " + line.substr(2);
      display(fmt::format("{}.help{}", q.id, n++ == 0 ? "" : fmt::format(".{}", n)), line, false);
    }
    if (!q.why.empty()) display(q.id + ".why", q.why, true);
    out_.end_array();
  }

  void display(const std::string& link_id, const std::string& text, bool behind_button) {
    out_.begin_object();
    out_.key("linkId"), out_.string(link_id);
    out_.key("type"), out_.string("display");
    out_.key("text"), out_.string(text);
    if (behind_button) {
      out_.key("extension");
      out_.begin_array();
      item_control("help", "Help-Button");
      out_.end_array();
    }
    out_.end_object();
  }

  void item_control(const char* code, const char* display) {
    out_.begin_object();
    out_.key("url"), out_.string(kItemControl);
    out_.key("valueCodeableConcept");
    out_.begin_object();
    out_.key("coding");
    out_.begin_array();
    coding(out_, kItemControlSystem, code, display);
    out_.end_array();
    out_.end_object();
    out_.end_object();
  }

  const ruleset::RuleSet& rules_;
  JsonOut& out_;
  std::string system_;
};

}  // namespace

std::string questionnaire_url(const ruleset::RuleSet& rules) {
  return "urn:backtriage:questionnaire:" + rules.id;
}

std::string answer_code_system(const ruleset::RuleSet& rules) {
  return "urn:backtriage:answers:" + rules.id;
}

void write_fhir_questionnaire(const ruleset::RuleSet& rules, JsonOut& out) {
  Writer(rules, out).write();
}

}  // namespace backtriage::report
