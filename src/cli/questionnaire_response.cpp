#include "cli/questionnaire_response.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/answers_input.h"
#include "report/fhir_questionnaire.h"
#include "report/json_out.h"
#include "ruleset/answer_domain.h"
#include "ruleset/spelling.h"

namespace backtriage::cli {

namespace {

using nlohmann::json;

class ResponseReader {
 public:
  ResponseReader(const ruleset::RuleSet& rules, engine::Answers& answers)
      : rules_(rules), answers_(answers) {}

  std::string items(const json& list) {
    if (list.is_null()) return "";
    if (!list.is_array()) return "'item' must be a list of items";
    for (const json& item : list)
      if (auto error = one(item); !error.empty()) return error;
    return "";
  }

 private:
  std::string one(const json& item) {
    if (!item.is_object() || !item.contains("linkId") || !item["linkId"].is_string())
      return "an item without a linkId";
    const std::string link = item["linkId"];
    const auto* q = rules_.find_question(link);
    if (!q) {
      if (link == "backtriage.disclaimer" && !item.contains("answer"))
        return "";  // shown, not asked
      // A checklist's group: its questions are inside.
      if (rules_.find_checklist(link)) {
        if (item.contains("answer"))
          return fmt::format("item '{}' is a group: it has no answer", link);
        return items(item.value("item", json()));
      }
      // The help under a question ({id}.help, {id}.help.2..., {id}.why) is
      // shown, never answered.
      const auto dot = link.find('.');
      const std::string part = dot == std::string::npos ? "" : link.substr(dot);
      if (dot != std::string::npos && rules_.find_question(link.substr(0, dot)) &&
          (part == ".why" || part.rfind(".help", 0) == 0) && !item.contains("answer"))
        return "";
      return fmt::format("unknown item {}{}", ruleset::quote_input(link),
                         ruleset::did_you_mean(link, rules_.question_ids()));
    }
    if (!seen_.insert(link).second) return fmt::format("item '{}' is given twice", link);
    if (item.contains("item"))
      for (const json& inner : item["item"])
        if (!inner.is_object() || inner.contains("answer"))
          return fmt::format("item '{}' has nested items with answers, which it cannot read", link);
    const json answer = item.value("answer", json::array());
    if (!answer.is_array()) return fmt::format("item '{}': 'answer' must be a list", link);
    if (answer.empty()) return "";
    if (answer.size() > 1)
      return fmt::format("item '{}' has {} answers; it takes one", link, answer.size());
    const json& given = answer[0];
    if (given.contains("item") && !given["item"].empty())
      return fmt::format("item '{}' has nested items under its answer, which it cannot read", link);
    json value;
    int values = 0;
    for (const auto& [key, v] : given.items()) {
      if (key.rfind("value", 0) != 0) continue;
      ++values;
      if (key == "valueCoding") {
        if (!v.is_object() || !v.contains("code") || !v["code"].is_string())
          return fmt::format("item '{}': a valueCoding needs a code", link);
        value = v["code"];
      } else if (key == "valueBoolean" || key == "valueDecimal" || key == "valueInteger" ||
                 key == "valueString") {
        value = v;
      } else {
        return fmt::format(
            "item '{}': {} is not an answer it reads (it takes valueBoolean, "
            "valueCoding, valueDecimal, valueInteger or valueString)",
            link, key);
      }
    }
    if (values != 1) return fmt::format("item '{}': an answer needs one value[x]", link);
    const auto fact = static_cast<engine::FactId>(q - rules_.questions.data());
    auto error = answer_from_json(*q, value, answers_[fact]);
    return error.empty() ? "" : fmt::format("item {}", error.substr(std::string("answer ").size()));
  }

  const ruleset::RuleSet& rules_;
  engine::Answers& answers_;
  std::set<std::string> seen_;
};

// "url" or "url|version" against this rule set's Questionnaire.
std::string check_questionnaire(const ruleset::RuleSet& rules, const json& canonical) {
  if (canonical.is_null()) return "";
  if (!canonical.is_string()) return "'questionnaire' must be a canonical URL";
  const std::string text = canonical;
  const std::string url = report::questionnaire_url(rules);
  const auto bar = text.find('|');
  if (text.substr(0, bar) != url)
    return fmt::format(
        "this QuestionnaireResponse answers {}, not {} (backtriage questions "
        "--format fhir)",
        ruleset::quote_input(text.substr(0, bar)), url);
  if (bar != std::string::npos && text.substr(bar + 1) != rules.version)
    return fmt::format(
        "this QuestionnaireResponse answers version {} of the questionnaire; "
        "the rule set is version {}",
        ruleset::quote_input(text.substr(bar + 1)), rules.version);
  return "";
}

}  // namespace

std::string answers_from_questionnaire_response(const ruleset::RuleSet& rules, const json& resource,
                                                engine::Answers& answers, std::string* id) {
  const json& type = resource["resourceType"];
  if (!type.is_string() || type != "QuestionnaireResponse")
    return fmt::format("a FHIR {} is not answers: give a QuestionnaireResponse",
                       type.is_string() ? type.get<std::string>() : type.dump());
  if (id) {
    const json* record = nullptr;
    if (resource.contains("id") && resource["id"].is_string())
      record = &resource["id"];
    else if (resource.contains("identifier") && resource["identifier"].is_object() &&
             resource["identifier"].contains("value") &&
             resource["identifier"]["value"].is_string())
      record = &resource["identifier"]["value"];
    if (record) {
      id->clear();
      report::JsonOut writer(*id, -1);
      writer.string(record->get_ref<const std::string&>());
    }
  }
  if (auto error = check_questionnaire(rules, resource.value("questionnaire", json()));
      !error.empty())
    return error;
  return ResponseReader(rules, answers).items(resource.value("item", json()));
}

}  // namespace backtriage::cli
