#include "ruleset/locale_overlay.h"

#include <catch2/catch.hpp>

using namespace backtriage::ruleset;

namespace {

struct Laid {
  YAML::Node base;
  std::set<std::string> replaced;
  std::vector<std::string> errors;  // "file:line:col: message"
};

Laid lay(const char* base_text, const char* overlay_text) {
  YamlReader base_reader("base.yaml"), reader("es.yaml");
  Laid out;
  out.base = *base_reader.parse(base_text, 1 << 20);
  const auto parsed = reader.parse(overlay_text, 1 << 20);
  REQUIRE(parsed);
  const YAML::Node overlay = *parsed;
  out.replaced = lay_over(out.base, overlay, reader, base_reader);
  for (const auto& d : reader.diagnostics()) out.errors.push_back(format_line(d));
  return out;
}

const char* kBase = R"(id: knee
title: Knee pain
questions:
  - id: swollen
    type: bool
    prompt: Is your knee swollen?
    help: [one, two]
    source: s
  - id: weeks
    type: number
    unit: weeks
    spoken_units:
      - {says: [week, weeks], equals: 1}
      - {says: [day, days], equals: 1/7}
    prompt: How long?
    source: s
interview:
  spoken: {"yes": ["yes", yeah], numbers: {one: 1}}
advice:
  frequency: {text: Three times a week., per_week: 3}
  plan:
    check_ins: [{week: 2, text: "Two weeks in, {name}."}]
words:
  report: {avoid: Things to avoid}
rules:
  - {id: r, when: {swollen: true}, then: {level: doctor}, source: s}
)";

}  // namespace

TEST_CASE("an overlay replaces texts found by id, by position and by key") {
  auto laid = lay(kBase, R"(locale: es
translates: knee
title: Dolor de rodilla
questions:
  - id: weeks
    unit: semanas
    spoken_units: [{says: [semana, semanas]}, {says: [día, días]}]
  - id: swollen
    prompt: ¿Tiene la rodilla hinchada?
    help: [uno, dos]
interview:
  spoken: {"yes": [sí, si], numbers: {uno: 1}}
advice:
  frequency: {text: Tres veces por semana.}
  plan: {check_ins: [{week: 2, text: "A las dos semanas, {name}."}]}
words:
  report: {avoid: Qué evitar}
)");
  CHECK(laid.errors.empty());
  CHECK(laid.base["title"].Scalar() == "Dolor de rodilla");
  CHECK(laid.base["questions"][0]["prompt"].Scalar() == "¿Tiene la rodilla hinchada?");
  CHECK(laid.base["questions"][0]["type"].Scalar() == "bool");
  CHECK(laid.base["questions"][1]["spoken_units"][1]["says"][0].Scalar() == "día");
  CHECK(laid.base["questions"][1]["spoken_units"][1]["equals"].Scalar() == "1/7");
  CHECK(laid.base["interview"]["spoken"]["numbers"]["uno"].Scalar() == "1");
  CHECK(laid.base["advice"]["frequency"]["per_week"].Scalar() == "3");
  CHECK(laid.base["words"]["report"]["avoid"].Scalar() == "Qué evitar");
  const YAML::Node base_root = YAML::Load(kBase);
  std::set<std::string> all;
  for (const auto& text : texts_of(base_root)) all.insert(text.path);
  CHECK(all == std::set<std::string>{
                   "title", "questions[swollen].prompt", "questions[swollen].help",
                   "questions[weeks].unit", "questions[weeks].spoken_units[1].says",
                   "questions[weeks].spoken_units[2].says", "questions[weeks].prompt",
                   "interview.spoken.yes", "interview.spoken.numbers", "advice.frequency.text",
                   "advice.plan.check_ins[1].text", "words.report.avoid"});
  std::set<std::string> missing;
  for (const auto& path : all)
    if (!laid.replaced.count(path)) missing.insert(path);
  CHECK(missing == std::set<std::string>{"questions[weeks].prompt"});
}

TEST_CASE("an overlay changes only texts, where the base has them, with its placeholders") {
  auto error_of = [](const char* overlay) {
    auto laid = lay(kBase, overlay);
    INFO(overlay);
    for (const auto& e : laid.errors) UNSCOPED_INFO(e);
    REQUIRE(laid.errors.size() == 1);
    return laid.errors[0];
  };
  CHECK(error_of("rules: []\n") ==
        "es.yaml:1:1: 'rules' cannot change with the language: an overlay holds only what a "
        "person reads");
  CHECK(error_of("questions:\n  - {id: swollen, type: number}\n") ==
        "es.yaml:2:19: 'type' is not a text: an overlay holds only what a person reads");
  CHECK(error_of("questions:\n  - {id: sore, prompt: x}\n") ==
        "es.yaml:2:10: the base has no 'sore' in questions");
  CHECK(error_of("questions:\n  - {prompt: x}\n") ==
        "es.yaml:2:5: each item of questions needs the 'id' of the base's item it translates");
  CHECK(error_of("titel: x\n") == "es.yaml:1:1: the base has no 'titel' at the top");
  CHECK(error_of("questions:\n  - {id: swollen, help: uno}\n") ==
        "es.yaml:2:25: 'help' must be a list of texts, as in the base");
  CHECK(error_of("advice: {plan: {check_ins: [{week: 3, text: \"x {name}\"}]}}\n") ==
        "es.yaml:1:36: week '3' is not the base's here (advice.plan.check_ins[1])");
  CHECK(error_of("advice: {plan: {check_ins: [{week: 2, text: \"x {nombre}\"}]}}\n") ==
        "es.yaml:1:45: 'text' must keep the base's placeholders ({name}), and add none");
  CHECK(error_of("questions:\n  - {id: weeks, spoken_units: [{says: [semana]}]}\n") ==
        "es.yaml:2:31: questions[weeks].spoken_units has 2 items in the base and 1 here: they "
        "are matched in order");
}
