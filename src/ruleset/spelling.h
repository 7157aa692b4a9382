#pragma once
// "Did you mean ...?" for misspelt keys, ids and choices: a typo must name
// the word the person most likely meant; and lists of alternatives.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backtriage::ruleset {

// The candidate closest to `word` by edit distance, if it is close enough to
// be a plausible typo (at most a third of the word's length, and at least 1).
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a stretch", "an exercise": the article a message puts before a noun.
std::string with_article(std::string_view noun);

// "a, b or c": a list of alternatives in a message.
std::string list_or(const std::vector<std::string>& words);
// "a, b and c": a list of things that all apply.
std::string list_and(const std::vector<std::string>& words);

}  // namespace backtriage::ruleset
