#pragma once
// A loaded rule set: the engine's knowledge base plus everything a person
// reads — prompts, labels, exercise steps and doses, reasons, sources — and
// the report's vocabulary: which fact is the level, what each level is
// called and whether it comes with a routine, which facts are the
// classification and which sets fill the report's sections.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/evaluator.h"
#include "engine/knowledge_base.h"
#include "ruleset/diagnostic.h"
#include "ruleset/item.h"
#include "ruleset/roles.h"
#include "ruleset/words.h"

namespace backtriage::ruleset {

// A number question's everyday amounts at a prompt: a unit ("days") or a
// whole phrase ("less than a week"), worth `times / per` of the question's
// unit each (a day is 1/7 of a week).
struct SpokenAmount {
  std::vector<std::string> says;
  double times = 1, per = 1;
};

struct Question {
  std::string id;
  engine::FactType type = engine::FactType::Bool;
  std::string prompt, help, why, source, unit;
  // Help for typing at a prompt only ("You can also type days..."): form
  // fillers and flags take the number in `unit`, so they never show it.
  std::string spoken_help;
  std::string title;          // its name as a classification ("Where it hurts")
  double min = 0, max = 0;    // numbers
  bool whole = false;         // numbers: whole numbers only (an age in years)
  std::vector<Item> choices;  // choices
  // Numbers: units a person may type after the number, and whole phrases.
  std::vector<SpokenAmount> spoken_units, spoken_phrases;
  bool red_flag = false;
  // A bool that also takes "unsure": the level an unsure answer counts at
  // (empty: unsure is not accepted).
  std::string unsure;
  // Optional questions never make a report incomplete: unanswered, and with
  // nobody to ask, they are declined and `assumed` says what that means.
  bool optional = false;
  std::string assumed;
  // Questions of one checklist are asked together at one prompt.
  std::string checklist;
  Location where;
  std::string flag() const;  // --duration-weeks
  bool accepts_unsure() const { return !unsure.empty(); }
};

struct DerivedFact {
  std::string id, title;
  engine::FactType type = engine::FactType::Choice;
  std::vector<Item> values;  // choice, set and ranked values with their content
  Location where;
};

struct CheckIn {
  int week = 0;
  std::string text;
};

// The home plan: sessions over some weeks, with check-ins.
struct Plan {
  int weeks = 0, sessions_per_week = 0;
  std::vector<CheckIn> check_ins;
  std::string source;
};

// Advice given in a sentence or two: how often to exercise (with the
// sessions a week), the expected course.
struct AdviceText {
  std::string text;
  std::optional<int> per_week;
  std::string source;
};

struct Advice {
  std::optional<AdviceText> frequency, expected_course;
  std::vector<Item> safe_activities;  // tips
  std::optional<Plan> plan;
};

// A prompt that asks several yes/no questions at once.
struct Checklist {
  std::string id, prompt, help;
};

// What people type at a prompt, beyond the exact spellings flags and answer
// files take: the words that mean yes, no and not sure (a fixed list: a red
// flag takes only these), "none" at a checklist, the words that ask why, go
// back, skip or quit, words to ignore around a number ("about", "old"), and
// numbers in words ("two", "a few").
struct SpokenWords {
  std::vector<std::string> yes, no, unsure, none, why, back, skip, quit, fillers;
  // A question that is not a warning sign may take "no, it's just sore":
  // a yes or no word first, then words with none of these ("but").
  std::vector<std::string> contrasts;
  // Words that turn a choice's words round: "doesn't go down my leg".
  std::vector<std::string> negations;
  std::vector<std::pair<std::string, double>> numbers;
};

class RuleSet;

// Every red flag left unanswered answered no: --no-red-flags, and a case's
// `no_red_flags: true`.
void answer_red_flags_no(const RuleSet& rules, engine::Answers& answers);

class RuleSet {
 public:
  RuleSet() = default;
  // For a reader that fills in every word itself (the compact form): the
  // English defaults would be made only to be replaced, 128 strings.
  struct WithoutWords {};
  explicit RuleSet(WithoutWords) : words() {}

  std::string id, version, title, disclaimer;
  std::string origin;  // the file it came from, or "<embedded>"
  // The base's language ("en-GB"), the locale its words are in ("es-US"),
  // every locale it has, and the handout's paper there ("a4", "letter").
  std::string language = "en", locale = "en", paper = "a4";
  std::vector<std::string> locales{"en"};
  // Questions hold fact ids 0..questions.size()-1, in asking order; derived
  // facts follow them.
  std::vector<Question> questions;
  std::vector<DerivedFact> derived;
  std::vector<Location> rule_locations;  // by rule index
  Roles roles;
  // The level reported when the level fact is undecided (incomplete).
  Item undecided{{}, {}, Level{}};
  std::vector<Checklist> checklists;
  SpokenWords spoken;
  Advice advice;
  // The positions exercises are done in, with their plain-words labels.
  std::vector<Item> positions;
  // The caption of a figure seen from each side (`id`: a view name, "top"),
  // in `label`: "Seen from above". A view not listed goes without one.
  std::vector<Item> views;
  // The words around the content (headings, the interview's replies), by
  // Word: the rule file's, or the English default of one it leaves out.
  std::vector<std::string> words = english_words();
  // The answers --help shows as flags (question id, answer as written), the
  // first also in a usage error's example. A rule file that gives none gets
  // the first three questions that are neither red flags nor optional, each
  // with its first answer: example_answers() in src/cli/app.cpp, the command
  // line's layer, which makes both.
  std::vector<std::pair<std::string, std::string>> example;

  const engine::KnowledgeBase& knowledge_base() const { return *kb_; }

  const std::string& word(Word w) const { return words[static_cast<std::size_t>(w)]; }
  // A word with its placeholders filled: format_word(Word::HandoutWeek,
  // fmt::arg("week", 2)). The loader has checked the text names exactly the
  // placeholders of kWords, so this never throws for the arguments listed.
  template <typename... Args>
  std::string format_word(Word w, const Args&... args) const {
    return fmt::format(fmt::runtime(word(w)), args...);
  }

  const Question* find_question(std::string_view id) const;
  // A question's fact id is its index: `find_question(id) - questions.data()`.
  std::optional<engine::FactId> find_fact(std::string_view id) const;
  bool is_question(engine::FactId fact) const {
    return fact < static_cast<engine::FactId>(questions.size());
  }
  const DerivedFact& derived_fact(engine::FactId fact) const {
    return derived[fact - questions.size()];
  }
  // The values of a fact with symbols and their content.
  const std::vector<Item>& items_of(engine::FactId fact) const;
  // The content of a choice, set or ranked value, if the rule set gives any.
  const Item* value_item(engine::FactId fact, engine::Value value) const;
  // A fact's name as a classification ("How long", "Where"): a question's
  // or a derived fact's `title`.
  const std::string& title_of(engine::FactId fact) const {
    return is_question(fact) ? questions[fact].title : derived_fact(fact).title;
  }
  // How a value prints: "yes", "unsure", "12", "electric".
  std::string format_value(engine::FactId fact, engine::Value value) const;

  // The levels, best (most urgent) first: the level fact's values.
  const std::vector<Item>& levels() const;
  const Item* find_level(std::string_view id) const;
  // The rank of a level id (0 most urgent), or -1.
  int level_rank(std::string_view id) const;
  // The same for one of levels() by address (its index there, found without
  // comparing ids: batch asks on every line); -1 for any other item, the
  // undecided level too.
  int level_rank(const Item& level) const {
    const auto& all = levels();
    return &level >= all.data() && &level < all.data() + all.size()
               ? static_cast<int>(&level - all.data())
               : -1;
  }
  const Checklist* find_checklist(std::string_view id) const;
  const Item* find_position(std::string_view id) const;
  const Item* find_view(std::string_view id) const;
  // The plain-words label of a classification value (an exercise's region),
  // or the id itself when no classification fact labels it.
  const std::string& classification_label(const std::string& id) const;

  std::vector<std::string> question_ids() const;
  // The earlier questions a question follows up (ruleset/follow_ups.h).
  const std::vector<engine::FactId>& triggers_of(engine::FactId question) const {
    return triggers_[question];
  }
  // A watch-for entry's step as its place on the ladder (0 the most
  // urgent), and the entries it stands in for; by the entry's index among
  // the watch_for fact's items.
  int watch_rank(std::size_t entry) const { return watch_ranks_[entry]; }
  const std::vector<std::size_t>& watch_replaces(std::size_t entry) const {
    return watch_replaces_[entry];
  }

 private:
  friend class RuleSetBuilder;
  friend class CompactReader;  // compact_rule_set.cpp
  // Sets the knowledge base, indexes the questions by id (batch looks up
  // every key of every line, so a scan of the questions would be its cost),
  // finds each question's triggers (unless given: a compact rule set
  // carries them), and ranks the watch-for entries (every report sorts them).
  void finish(std::unique_ptr<engine::KnowledgeBase> kb,
              std::optional<std::vector<std::vector<engine::FactId>>> triggers = std::nullopt);
  std::unique_ptr<engine::KnowledgeBase> kb_;
  std::vector<std::vector<engine::FactId>> triggers_;     // by question
  std::vector<int> watch_ranks_;                          // by watch-for entry
  std::vector<std::vector<std::size_t>> watch_replaces_;  // by watch-for entry
  struct IdHash {
    using is_transparent = void;  // look up by string_view, no string built
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::unordered_map<std::string, engine::FactId, IdHash, std::equal_to<>> question_index_;
};

}  // namespace backtriage::ruleset
