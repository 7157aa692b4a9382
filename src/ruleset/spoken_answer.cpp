#include "ruleset/spoken_answer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "ruleset/answer_domain.h"

namespace backtriage::ruleset {

namespace {

bool listed(const std::vector<std::string>& words, const std::string& text) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

// "34yrs" -> "34 yrs": a number written against its unit.
std::string spaced_digits(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) &&
        std::isalpha(static_cast<unsigned char>(text[i + 1])))
      out += ' ';
  }
  return out;
}

// "0.7", "13.1", "2": an amount said back, to a tenth.
std::string amount_text(double value, bool whole) {
  if (whole) return fmt::format("{}", static_cast<long long>(std::llround(value)));
  std::string out = fmt::format("{:.1f}", value);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out;
}

// The number a text starts with, in digits or in the rule file's words
// (the longest that fits: "a couple of" before "a"), and what follows.
std::optional<std::pair<double, std::string>> leading_number(const RuleSet& rules,
                                                             const std::string& text) {
  const std::string first = text.substr(0, text.find(' '));
  double value = 0;
  auto [end, ec] = std::from_chars(first.data(), first.data() + first.size(), value);
  if (!first.empty() && ec == std::errc() && end == first.data() + first.size())
    return std::pair{value, normalize_spoken(text.substr(first.size()))};
  const std::pair<std::string, double>* best = nullptr;
  for (const auto& entry : rules.spoken.numbers)
    if ((text == entry.first || text.rfind(entry.first + " ", 0) == 0) &&
        (!best || entry.first.size() > best->first.size()))
      best = &entry;
  if (!best) return std::nullopt;
  return std::pair{best->second, normalize_spoken(text.substr(best->first.size()))};
}

// The yes or no a text starts with, as whole words (the longest listed),
// and where the rest begins; nothing when it starts with neither.
std::optional<std::pair<bool, std::size_t>> leading_yes_no(const SpokenWords& words,
                                                           const std::string& text) {
  std::optional<std::pair<bool, std::size_t>> found;
  std::size_t longest = 0;
  for (const bool meaning : {true, false})
    for (const auto& word : meaning ? words.yes : words.no)
      if (word.size() > longest && text.size() > word.size() + 1 &&
          text.compare(0, word.size(), word) == 0 && text[word.size()] == ' ') {
        longest = word.size();
        found = std::pair{meaning, word.size() + 1};
      }
  return found;
}

SpokenAnswer understand_number(const RuleSet& rules, const Question& q, std::string_view typed,
                               const std::string& text) {
  auto said_back = [&](double value) {
    return fmt::format("{}: {}", normalize_spoken(typed), say_amount(q, value));
  };
  auto checked = [&](double value, bool echo) -> SpokenAnswer {
    auto parsed = check_number(q, value);
    if (auto* v = std::get_if<engine::Value>(&parsed))
      return Understood{*v, echo ? said_back(value) : ""};
    return NotUnderstood{};
  };
  const std::string bare =
      normalize_spoken(without_words(spaced_digits(text), rules.spoken.fillers));
  for (const std::string& candidate : {text, bare})
    for (const auto& phrase : q.spoken_phrases)
      if (listed(phrase.says, candidate)) return checked(phrase.times / phrase.per, true);
  const auto number = leading_number(rules, bare);
  if (!number) return NotUnderstood{};
  const auto& [n, unit] = *number;
  if (unit.empty()) return checked(n, bare != amount_text(n, false));
  // The question's own unit, singular or plural, then the units it lists.
  const std::string singular =
      !q.unit.empty() && q.unit.back() == 's' ? q.unit.substr(0, q.unit.size() - 1) : q.unit;
  if (!q.unit.empty() && (unit == q.unit || unit == singular)) return checked(n, false);
  for (const auto& spoken_unit : q.spoken_units)
    if (listed(spoken_unit.says, unit)) {
      const double value = n * spoken_unit.times / spoken_unit.per;
      return checked(value, spoken_unit.times != spoken_unit.per);
    }
  return NotUnderstood{};
}

SpokenAnswer understand_choice(const Question& q, const std::vector<std::string>& negations,
                               std::string_view typed, const std::string& text) {
  int number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) {
    if (number >= 1 && number <= static_cast<int>(q.choices.size()))
      return Understood{engine::Value::symbol(number - 1), ""};
    return NotUnderstood{};
  }
  // Words of a choice, found anywhere in what was typed ("a dull ache"). Where
  // one choice's words lie inside another's ("spread" in "doesn't spread"),
  // the longer says what was meant.
  struct Span {
    int choice;
    std::size_t from, to;
    bool negated;
  };
  std::vector<Span> spans;
  const std::string padded = " " + text + " ";
  // A phrase with a negation up to two words before it does not count, nor
  // any words inside it: "doesn't go down my leg" is not "down my leg", nor
  // "leg".
  auto negated = [&](std::size_t at) {
    std::vector<std::string> before;
    std::size_t end = at;
    while (before.size() < 2 && end > 0) {
      const std::size_t start = padded.rfind(' ', end - 1);
      if (start == std::string::npos || start + 1 >= end) break;
      before.push_back(padded.substr(start + 1, end - start - 1));
      end = start;
    }
    return std::any_of(before.begin(), before.end(),
                       [&](const std::string& w) { return listed(negations, w); });
  };
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    std::vector<std::string> phrases = q.choices[i].as<Named>().says;
    std::string spoken_id = q.choices[i].id;
    std::replace(spoken_id.begin(), spoken_id.end(), '_', ' ');
    phrases.push_back(spoken_id);
    for (const auto& phrase : phrases)
      for (std::size_t at = padded.find(" " + phrase + " "); at != std::string::npos;
           at = padded.find(" " + phrase + " ", at + 1))
        spans.push_back({static_cast<int>(i), at, at + phrase.size() + 2, negated(at)});
  }
  std::vector<int> matches;
  for (const Span& span : spans) {
    if (span.negated) continue;
    const bool inside_another = std::any_of(spans.begin(), spans.end(), [&](const Span& other) {
      return (other.choice != span.choice || other.negated) && other.from <= span.from &&
             span.to <= other.to && other.to - other.from > span.to - span.from;
    });
    if (!inside_another && std::find(matches.begin(), matches.end(), span.choice) == matches.end())
      matches.push_back(span.choice);
  }
  std::sort(matches.begin(), matches.end());
  if (matches.size() == 1) {
    // Not the id itself (the exact spellings came first): say how it was read.
    const Item& choice = q.choices[matches.front()];
    return Understood{engine::Value::symbol(matches.front()),
                      fmt::format("{}: {}", normalize_spoken(typed), label_or_id(choice))};
  }
  if (matches.size() > 1) return Ambiguous{matches};
  // An unambiguous beginning of an id: "elec".
  int found = -1, beginnings = 0;
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    if (text.size() >= 2 && q.choices[i].id.compare(0, text.size(), text) == 0) {
      found = static_cast<int>(i);
      ++beginnings;
    }
  if (beginnings == 1) return Understood{engine::Value::symbol(found), ""};
  return NotUnderstood{};
}

}  // namespace

std::string normalize_spoken(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Curly quotes from a phone keyboard: "don’t" is "don't".
    if (text.substr(i, 3) == "\u2019" || text.substr(i, 3) == "\u2018") {
      out += '\'';
      i += 2;
      continue;
    }
    // Spanish opens a question or an exclamation: "¿por qué?" is "por qué".
    if (text.substr(i, 2) == "\u00bf" || text.substr(i, 2) == "\u00a1") {
      ++i;
      continue;
    }
    // Accented capitals (Latin-1: À to Þ, but not ×) as their small letters,
    // so "SÍ" is "sí": two bytes, the second 0x20 lower.
    if (static_cast<unsigned char>(text[i]) == 0xc3 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      out += text[i];
      out += static_cast<char>(next >= 0x80 && next <= 0x9e && next != 0x97 ? next + 0x20 : next);
      ++i;
      continue;
    }
    const char c = text[i];
    if (c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n') {
      out += ' ';
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // A final ? too ("maybe?"), unless it is all there is: "?" asks why.
  while (!out.empty() && (out.back() == '.' || out.back() == '!' || out.back() == ' ' ||
                          (out.back() == '?' && out.find_first_not_of("? ") != std::string::npos)))
    out.pop_back();
  std::string collapsed;
  for (char c : out)
    if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' ')) collapsed += c;
  return collapsed;
}

SpokenAnswer understand(const RuleSet& rules, const Question& q, std::string_view typed) {
  const std::string text = normalize_spoken(typed);
  if (text.empty()) return NotUnderstood{};
  switch (q.type) {
    case engine::FactType::Bool: {
      const SpokenWords& words = rules.spoken;
      if (listed(words.yes, text)) return Understood{engine::Value::boolean(true), ""};
      if (listed(words.no, text)) return Understood{engine::Value::boolean(false), ""};
      if (q.accepts_unsure() && listed(words.unsure, text)) return Understood{unsure_answer(), ""};
      // "no, it's just sore": a yes or no first and no "but" after it. Never
      // for a warning sign, which takes only the listed words.
      if (!q.red_flag && !q.accepts_unsure())
        if (auto leading = leading_yes_no(words, text)) {
          const std::string rest = " " + text.substr(leading->second) + " ";
          const bool turned = std::any_of(
              words.contrasts.begin(), words.contrasts.end(),
              [&](const auto& c) { return rest.find(" " + c + " ") != std::string::npos; });
          if (!turned) return Understood{engine::Value::boolean(leading->first), ""};
        }
      break;
    }
    case engine::FactType::Number: {
      auto exact = parse_answer(q, typed);
      if (auto* value = std::get_if<engine::Value>(&exact)) return Understood{*value, ""};
      return understand_number(rules, q, typed, text);
    }
    case engine::FactType::Choice:
    case engine::FactType::Set:
    case engine::FactType::Ranked: {
      auto exact = parse_answer(q, typed);
      if (auto* value = std::get_if<engine::Value>(&exact)) return Understood{*value, ""};
      return understand_choice(q, rules.spoken.negations, typed, text);
    }
  }
  // The exact spellings, as a flag takes them (y, true, 1...).
  auto exact = parse_answer(q, typed);
  if (auto* value = std::get_if<engine::Value>(&exact)) return Understood{*value, ""};
  return NotUnderstood{};
}

std::string without_words(std::string text, std::vector<std::string> words) {
  auto collapse = [](const std::string& s) {
    std::string out;
    for (char c : s)
      if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  std::sort(words.begin(), words.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  text = collapse(text);
  for (const auto& word : words) {
    std::string padded = " " + text + " ";
    for (std::size_t at; (at = padded.find(" " + word + " ")) != std::string::npos;)
      padded.replace(at, word.size() + 1, "");
    text = collapse(padded);
  }
  return text;
}

std::string say_amount(const Question& q, double value) {
  return amount_text(value, q.whole) + (q.unit.empty() ? "" : " " + q.unit);
}

PromptCommand command_in(const RuleSet& rules, std::string_view typed) {
  const std::string text = normalize_spoken(typed);
  const SpokenWords& words = rules.spoken;
  if (listed(words.why, text)) return PromptCommand::Why;
  if (listed(words.back, text)) return PromptCommand::Back;
  if (listed(words.skip, text)) return PromptCommand::Skip;
  if (listed(words.quit, text)) return PromptCommand::Quit;
  return PromptCommand::None;
}

bool says_none(const RuleSet& rules, std::string_view typed) {
  return listed(rules.spoken.none, normalize_spoken(typed));
}

}  // namespace backtriage::ruleset
