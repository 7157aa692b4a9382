#include "ruleset/spoken_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "ruleset/spoken_answer.h"

namespace backtriage::ruleset {

namespace {

// What a prompt understands in a rule file that says nothing of it, in the
// English of the interview's default words ("Answer yes, no or not sure",
// "? for why"), so that what the prompt offers is taken. Kept small: a
// warning sign is never guessed from a word these do not list.
SpokenWords english_spoken() {
  SpokenWords w;
  w.yes = {"yes", "y", "yeah", "yep"};
  w.no = {"no", "n", "nope"};
  w.unsure = {"unsure", "not sure", "don't know", "dont know", "i don't know", "dunno"};
  w.none = {"none", "no", "n", "nothing"};
  w.why = {"?", "why", "help"};
  w.back = {"back", "go back"};
  w.skip = {"skip"};
  w.quit = {"quit", "q", "exit"};
  w.fillers = {"about", "around", "old", "ago", "and"};
  w.contrasts = {"but", "except"};
  w.negations = {"not", "doesn't", "don't"};
  return w;
}

}  // namespace

// Everyday words, kept in the form typed text is compared in.
std::vector<std::string> read_spoken_words(YamlReader& yaml, const YAML::Node& node,
                                           std::string_view what) {
  std::vector<std::string> out;
  for (const auto& word : yaml.text_list(node, what)) {
    std::string normal = normalize_spoken(word);
    if (normal.empty()) {
      yaml.error(node, fmt::format("{} has an empty word", what));
      continue;
    }
    if (std::find(out.begin(), out.end(), normal) != out.end())
      yaml.error(node, fmt::format("{} lists '{}' twice", what, normal));
    out.push_back(std::move(normal));
  }
  return out;
}

// [{says: [days, day], equals: 1/7}]: `equals` a number, or a fraction
// written a/b so a day is exactly a seventh of a week.
std::vector<SpokenAmount> read_spoken_amounts(YamlReader& yaml, const YAML::Node& node,
                                              std::string_view what) {
  // A unit is worth something; a phrase may mean none ("yesterday": 0 weeks).
  const bool unit = what == "spoken_units";
  std::vector<SpokenAmount> out;
  if (!node) return out;
  if (!node.IsSequence()) {
    yaml.error(node, fmt::format("{} must be a list", what));
    return out;
  }
  for (const auto& entry : node) {
    if (!yaml.check_map(entry, what, {"says", "equals"})) continue;
    yaml.require(entry, "says", what);
    yaml.require(entry, "equals", what);
    SpokenAmount amount{read_spoken_words(yaml, entry["says"], "says"), 1, 1};
    const std::string equals = yaml.scalar(entry["equals"], "equals");
    const auto slash = equals.find('/');
    // A number from 0, or -1 for text that is not one.
    auto number = [](std::string_view text) {
      double value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      return ec == std::errc() && end == text.data() + text.size() && value >= 0 ? value : -1.0;
    };
    const double times = number(std::string_view(equals).substr(0, slash));
    const double per =
        slash == std::string::npos ? 1.0 : number(std::string_view(equals).substr(slash + 1));
    const bool fits = per > 0 && (unit ? times > 0 : times >= 0);
    if (!equals.empty() && !fits)
      yaml.error(entry["equals"],
                 fmt::format("equals '{}' is not a number {} or a fraction such as 1/7", equals,
                             unit ? "above 0" : "from 0"));
    if (fits) amount.times = times, amount.per = per;
    out.push_back(std::move(amount));
  }
  return out;
}

SpokenWords read_spoken(YamlReader& yaml, const YAML::Node& node) {
  SpokenWords w = english_spoken();
  if (!node) return w;
  if (!yaml.check_map(node, "spoken",
                      {"yes", "no", "unsure", "none", "why", "back", "skip", "quit", "fillers",
                       "contrasts", "negations", "numbers"}))
    return w;
  // Each list the file gives replaces the English one.
  for (auto [key, list] :
       {std::pair{"yes", &w.yes}, std::pair{"no", &w.no}, std::pair{"unsure", &w.unsure},
        std::pair{"none", &w.none}, std::pair{"why", &w.why}, std::pair{"back", &w.back},
        std::pair{"skip", &w.skip}, std::pair{"quit", &w.quit}, std::pair{"fillers", &w.fillers},
        std::pair{"contrasts", &w.contrasts}, std::pair{"negations", &w.negations}})
    if (node[key]) *list = read_spoken_words(yaml, node[key], key);
  if (const YAML::Node numbers = node["numbers"]; numbers && yaml.check_map(numbers, "numbers", {}))
    for (const auto& entry : numbers) {
      const std::string word = normalize_spoken(entry.first.as<std::string>(""));
      if (auto value = yaml.number(entry.second, "a number")) w.numbers.emplace_back(word, *value);
    }
  // One word, one meaning: a red flag must not hear yes in a word that also
  // means no, and a command is never taken for an answer.
  const std::vector<std::pair<const char*, const std::vector<std::string>*>> meanings{
      {"yes", &w.yes},   {"no", &w.no},     {"unsure", &w.unsure}, {"why", &w.why},
      {"back", &w.back}, {"skip", &w.skip}, {"quit", &w.quit}};
  for (std::size_t i = 0; i < meanings.size(); ++i)
    for (std::size_t j = i + 1; j < meanings.size(); ++j)
      for (const auto& word : *meanings[i].second)
        if (std::find(meanings[j].second->begin(), meanings[j].second->end(), word) !=
            meanings[j].second->end())
          yaml.error(node[meanings[j].first] ? node[meanings[j].first] : node[meanings[i].first],
                     fmt::format("'{}' is listed under both {} and {}", word, meanings[i].first,
                                 meanings[j].first));
  return w;
}

}  // namespace backtriage::ruleset
