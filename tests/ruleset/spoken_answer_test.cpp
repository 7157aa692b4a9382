#include "ruleset/spoken_answer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ruleset/loader.h"

using namespace backtriage;
using ruleset::Ambiguous;
using ruleset::NotUnderstood;
using ruleset::PromptCommand;
using ruleset::Understood;

namespace {

const ruleset::RuleSet& rules() {
  return ruleset::embedded_rule_set();
}

ruleset::SpokenAnswer heard(const char* question, const char* typed) {
  return ruleset::understand(rules(), *rules().find_question(question), typed);
}

// What the report would receive, as the report prints it; "?" when asked again.
std::string value(const char* question, const char* typed) {
  auto answer = heard(question, typed);
  auto* understood = std::get_if<Understood>(&answer);
  if (!understood) return "?";
  return rules().format_value(*rules().find_fact(question), understood->value);
}

std::string echo(const char* question, const char* typed) {
  auto answer = heard(question, typed);
  return std::get<Understood>(answer).echo;
}

}  // namespace

TEST_CASE("everyday yes and no, and never a guess at a warning sign", "[spoken]") {
  for (const char* yes : {"yeah", "Yep", "yes i think so", "Yes, I think so.", "a bit", "YES"})
    CHECK(value("fever", yes) == "yes");
  for (const char* no : {"nope", "nah", "Nope.", "no i don't", "N"})
    CHECK(value("fever", no) == "no");
  for (const char* unsure : {"not sure", "Don\u2019t know", "dunno", "maybe", "probably"})
    CHECK(value("fever", unsure) == "unsure");
  // Anything else is asked again, however near it looks.
  for (const char* unknown : {"yess", "hmm", "I had one last week", "not really", "ok", "y e s"})
    CHECK(value("fever", unknown) == "?");
  // A question that takes no unsure asks a maybe again rather than guessing.
  CHECK(value("improving", "maybe") == "?");
  CHECK(value("improving", "a little") == "yes");
  CHECK(value("fever", "maybe?") == "unsure");
  CHECK(value("fever", "not sure really") == "unsure");
}

TEST_CASE("a yes or no with a reason: only where no warning sign is asked", "[spoken]") {
  // Patients' words from the hurried-patient round.
  CHECK(value("daily_life", "no still going to work") == "no");
  CHECK(value("pregnant", "no im a man") == "no");
  CHECK(value("improving", "yeah a bit easier now") == "yes");
  // A "but" turns it round: asked again.
  CHECK(value("daily_life", "no but it's getting worse") == "?");
  CHECK(value("improving", "yes but only in the mornings") == "?");
  // A warning sign hears only its words, however reassuring the rest sounds.
  CHECK(value("spine_injury", "no just lifting boxes at work") == "?");
  CHECK(value("leg_weakness", "no legs are fine") == "?");
  CHECK(value("saddle_numbness", "no i just cant feel my bum") == "?");
}

TEST_CASE("the yes, no and not-sure words are a fixed list", "[spoken]") {
  // A change here is a change to what a warning sign hears: review it, then
  // update this list and the interactive test.
  const auto& w = rules().spoken;
  CHECK(w.yes == std::vector<std::string>{"yes",         "y",          "yeah",
                                          "yea",         "yeh",        "yep",
                                          "yup",         "ya",         "aye",
                                          "sure",        "correct",    "definitely",
                                          "i do",        "i have",     "it does",
                                          "i am",        "yes i do",   "yes i have",
                                          "yes it does", "yes i am",   "yes i think so",
                                          "i think so",  "think so",   "think so yeah",
                                          "a bit",       "a bit yeah", "yeah a bit",
                                          "yes a bit",   "a little",   "a little bit",
                                          "slightly",    "sometimes",  "kind of",
                                          "sort of",     "kinda",      "sorta"});
  CHECK(w.no == std::vector<std::string>{"no", "n", "nope", "nah", "no way", "not at all", "never",
                                         "i don't", "i haven't", "it doesn't", "i'm not",
                                         "no i don't", "no i haven't", "no it doesn't",
                                         "no i'm not", "definitely not"});
  CHECK(w.unsure == std::vector<std::string>{"unsure",
                                             "not sure",
                                             "i'm not sure",
                                             "im not sure",
                                             "i am not sure",
                                             "don't know",
                                             "dont know",
                                             "do not know",
                                             "i don't know",
                                             "i dont know",
                                             "idk",
                                             "dunno",
                                             "no idea",
                                             "maybe",
                                             "probably",
                                             "possibly",
                                             "perhaps",
                                             "not certain",
                                             "can't tell",
                                             "cant tell",
                                             "hard to say",
                                             "not sure really",
                                             "not really sure",
                                             "i'm not sure really",
                                             "no clue",
                                             "unsure really"});
}

TEST_CASE("amounts in days, weeks, months and years, said back in the question's unit",
          "[spoken]") {
  CHECK(value("duration_weeks", "5 days") == "0.7142857142857143");
  CHECK(echo("duration_weeks", "5 days") == "5 days: 0.7 weeks");
  CHECK(value("duration_weeks", "2 wks") == "2");
  CHECK(echo("duration_weeks", "2 wks").empty());
  CHECK(value("duration_weeks", "about 2 weeks") == "2");
  CHECK(value("duration_weeks", "3 months") == "13");
  CHECK(echo("duration_weeks", "3 months") == "3 months: 13 weeks");
  CHECK(value("duration_weeks", "a month") == "4.333333333333333");
  CHECK(value("duration_weeks", "two") == "2");
  CHECK(echo("duration_weeks", "two") == "two: 2 weeks");
  CHECK(value("duration_weeks", "less than a week") == "0");
  CHECK(echo("duration_weeks", "less than a week") == "less than a week: 0 weeks");
  CHECK(value("duration_weeks", "a few days") == "0");
  CHECK(value("duration_weeks", "10 days") == "1.4285714285714286");
  CHECK(value("duration_weeks", "28 days") == "4");  // exactly: the 4-week threshold holds
  CHECK(value("duration_weeks", "a year") == "52");
  CHECK(value("age", "34 yrs") == "34");
  CHECK(value("age", "34yrs") == "34");
  CHECK(value("age", "34 years old") == "34");
  CHECK(value("age", "forty") == "40");
  CHECK(value("pregnancy_weeks", "6 months") == "26");
  // Out of range, not whole, or a unit the question does not take: asked again.
  CHECK(value("duration_weeks", "20 years") == "?");
  CHECK(value("age", "34.5") == "?");
  CHECK(value("age", "6 months") == "?");
  CHECK(value("duration_weeks", "5 parsecs") == "?");
  CHECK(value("duration_weeks", "weeks") == "?");
}

TEST_CASE("choices by their everyday words; two at once are asked again", "[spoken]") {
  CHECK(value("sensation", "ache") == "achy");
  CHECK(value("sensation", "it's sore") == "achy");
  CHECK(echo("sensation", "sore") == "sore: achy or sore");
  CHECK(value("sensation", "shooting") == "electric");
  CHECK(value("sensation", "tingling") == "tingling");
  CHECK(value("sensation", "pins and needles") == "tingling");
  CHECK(value("sensation", "a dull ache") == "dull");  // the longer words win
  CHECK(value("region", "lower back") == "lower");
  CHECK(value("region", "between my shoulder blades") == "upper");
  CHECK(value("region", "upper and lower") == "both");
  CHECK(value("spread", "stays in one place") == "one_spot");
  CHECK(value("spread", "it doesn't spread") == "one_spot");
  CHECK(value("spread", "down my leg") == "spreads");
  CHECK(value("spread", "just one leg") == "spreads");
  // Words turned round by a negation before them do not count.
  CHECK(value("spread", "neck and back, doesnt go down my legs") == "one_spot");
  CHECK(value("spread", "it doesn't go into my leg") == "?");
  CHECK(value("spread", "just in my lower back") == "one_spot");
  // By number and by a clear beginning, as before.
  CHECK(value("sensation", "2") == "sharp");
  CHECK(value("sensation", "elec") == "electric");
  CHECK(value("region", "up") == "upper");
  CHECK(value("sensation", "6") == "?");
  auto both = heard("sensation", "sharp and achy");
  REQUIRE(std::holds_alternative<Ambiguous>(both));
  CHECK(std::get<Ambiguous>(both).choices == std::vector<int>{1, 3});
  CHECK(std::holds_alternative<NotUnderstood>(heard("sensation", "purple")));
}

TEST_CASE("why, back, skip and quit at a prompt; none at a checklist", "[spoken]") {
  CHECK(ruleset::command_in(rules(), "?") == PromptCommand::Why);
  CHECK(ruleset::command_in(rules(), "Help") == PromptCommand::Why);
  CHECK(ruleset::command_in(rules(), "go back") == PromptCommand::Back);
  CHECK(ruleset::command_in(rules(), "skip") == PromptCommand::Skip);
  CHECK(ruleset::command_in(rules(), "quit") == PromptCommand::Quit);
  CHECK(ruleset::command_in(rules(), "yes") == PromptCommand::None);
  CHECK(ruleset::says_none(rules(), "None of them."));
  CHECK_FALSE(ruleset::says_none(rules(), "1 2"));
}

TEST_CASE("a typed answer is compared in one form", "[spoken]") {
  CHECK(ruleset::normalize_spoken("  Yes,  I think   so. ") == "yes i think so");
  CHECK(ruleset::normalize_spoken("Don\u2019t know!") == "don't know");
  CHECK(ruleset::normalize_spoken("") == "");
  // Spanish: accented capitals fold, an opening ¿ or ¡ goes.
  CHECK(ruleset::normalize_spoken("SÍ") == "sí");
  CHECK(ruleset::normalize_spoken("¿Por qué?") == "por qué");
  CHECK(ruleset::normalize_spoken("¡NO SÉ!") == "no sé");
  CHECK(ruleset::normalize_spoken("ÀÉÎÕÜÑ × ß") == "àéîõüñ × ß");
}
