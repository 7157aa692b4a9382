#include "cli/prompter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>
#include <tuple>

#include "cli/exit_code.h"
#include "report/text_wrap.h"
#include "ruleset/answer_domain.h"
#include "ruleset/relevance.h"
#include "ruleset/spelling.h"
#include "ruleset/spoken_answer.h"

namespace backtriage::cli {

namespace {

using engine::FactId;
using report::wrap;

using W = ruleset::Word;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// A warning sign, or a follow-up to one: the part of the interview that
// comes first and may stop it early.
bool warning_question(const ruleset::Question& q) {
  return q.red_flag || q.accepts_unsure();
}

// "one_spot" as a person would write it.
std::string spoken(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

// The words to type shown before a choice's label: its id, or, in a
// language other than the rule file's, its first everyday word ("sordo",
// not "dull": the ids are the rule file's language).
std::string choice_key(const ruleset::RuleSet& rules, const ruleset::Item& choice) {
  auto language = [](const std::string& tag) { return tag.substr(0, tag.find('-')); };
  const auto& says = choice.as<ruleset::Named>().says;
  if (language(rules.locale) != language(rules.language) && !says.empty()) return says.front();
  return spoken(choice.id);
}

// "1 or 2", "a number from 1 to 5": the numbers of the choices listed.
std::string choice_numbers(const ruleset::RuleSet& rules,
                           const ruleset::AcceptedAnswers& accepted) {
  const std::size_t n = accepted.words.size();
  if (n == 1) return "1";
  if (n == 2) return rules.word(W::InterviewTwoNumbers);
  return rules.format_word(W::InterviewNumbers, fmt::arg("count", n));
}

// " (weeks)", or nothing for a number without a unit.
std::string unit_of(const ruleset::RuleSet& rules, const ruleset::AcceptedAnswers& accepted) {
  return accepted.unit.empty()
             ? ""
             : " " + rules.format_word(W::InterviewUnit, fmt::arg("unit", accepted.unit));
}

std::string hint(const ruleset::RuleSet& rules, const ruleset::Question& q) {
  const auto accepted = ruleset::accepted_answers(q);
  switch (accepted.kind) {
    case ruleset::AcceptedAnswers::Kind::YesNo:
      return rules.word(q.accepts_unsure() ? W::InterviewYesNoUnsure : W::InterviewYesNo);
    case ruleset::AcceptedAnswers::Kind::Number:
      return rules.format_word(W::InterviewTypeNumber, fmt::arg("min", accepted.min),
                               fmt::arg("max", accepted.max),
                               fmt::arg("unit", unit_of(rules, accepted)));
    case ruleset::AcceptedAnswers::Kind::Choice:
      return rules.format_word(W::InterviewTypeChoice,
                               fmt::arg("numbers", choice_numbers(rules, accepted)));
  }
  return "";
}

// What to say after an answer that is not one: plain words, never the
// parser's message.
std::string try_again(const ruleset::RuleSet& rules, const ruleset::Question& q,
                      std::string_view typed) {
  const auto accepted = ruleset::accepted_answers(q);
  if (accepted.kind == ruleset::AcceptedAnswers::Kind::Number) {
    double value = 0;
    const std::string text(trim(typed));
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!text.empty() && ec == std::errc() && end == text.data() + text.size())
      return rules.format_word(W::InterviewOutOfRange, fmt::arg("typed", text),
                               fmt::arg("min", accepted.min), fmt::arg("max", accepted.max),
                               fmt::arg("unit", unit_of(rules, accepted)));
    return rules.format_word(
        W::InterviewNumberAgain, fmt::arg("min", accepted.min), fmt::arg("max", accepted.max),
        fmt::arg("unit", unit_of(rules, accepted)), fmt::arg("example", accepted.min + 1));
  }
  if (accepted.kind == ruleset::AcceptedAnswers::Kind::YesNo)
    // A warning sign takes only the listed words: ask for one of them.
    return rules.word(q.accepts_unsure() ? W::InterviewOneWord : W::InterviewYesNoAgain);
  return rules.format_word(W::InterviewChoiceAgain,
                           fmt::arg("numbers", choice_numbers(rules, accepted)));
}

}  // namespace

std::string why_asked(const ruleset::RuleSet& rules, const ruleset::Question& q, bool explain) {
  std::string out = q.why.empty() ? rules.word(W::InterviewWhy) : q.why;
  if (!explain) return out;
  const auto& kb = rules.knowledge_base();
  const FactId fact = *rules.find_fact(q.id);
  std::vector<std::string> readers;
  for (int r : kb.readers(fact))
    readers.push_back(fmt::format("{} ({})", kb.rules()[r].id, kb.rules()[r].source));
  out += fmt::format("\nQuestion '{}' ({}) is read by: {}.", q.id, q.flag(),
                     readers.empty() ? "no rule" : fmt::format("{}", fmt::join(readers, "; ")));
  return out;
}

void Prompter::say(std::string_view text) const {
  std::fputs(std::string(text).c_str(), io_.err);
  std::fflush(io_.err);
}

const std::string* Prompter::earlier_answer(FactId f) {
  if (!earlier_ || !(*earlier_)[f]) return nullptr;
  const engine::Value value = *(*earlier_)[f];
  const ruleset::Question& q = rules_.questions[f];
  earlier_text_ = q.type == engine::FactType::Number ? ruleset::say_amount(q, value.as_number())
                                                     : rules_.format_value(f, value);
  std::replace(earlier_text_.begin(), earlier_text_.end(), '_', ' ');
  return &earlier_text_;
}

void Prompter::quit(int number) const {
  throw CliError(kInterrupted,
                 fmt::format("stopped at question {} (quit); no report was made", number));
}

std::string Prompter::read_answer(int number) {
  say("   > ");
  std::string line;
  int c;
  while ((c = std::fgetc(io_.in)) != EOF && c != '\n')
    if (line.size() < 4096) line += static_cast<char>(c);  // an answer is short
  if (c == EOF && line.empty()) {
    say("\n");  // the cursor is still after the prompt
    throw CliError(
        kInterrupted,
        fmt::format("stopped at question {} (end of input); no report was made", number));
  }
  return line;
}

bool Prompter::ask_one(FactId f, int number, engine::Answers& answers, bool can_go_back) {
  const ruleset::Question& q = rules_.questions[f];
  const int w = style_.width;
  const std::string head = fmt::format("{}. ", number);
  // Everything under the question lines up with its first word, from
  // question 10 on too.
  const std::size_t in = std::max<std::size_t>(head.size(), 3);
  const std::string pad(in, ' ');
  std::string text = "\n" + wrap(q.prompt, w, head, in);
  std::size_t start = 0;
  while (!q.help.empty() && start <= q.help.size()) {  // help lines; "- " starts a bullet
    std::size_t end = q.help.find('\n', start);
    if (end == std::string::npos) end = q.help.size();
    std::string_view line = std::string_view(q.help).substr(start, end - start);
    if (line.substr(0, 2) == "- ")
      text += wrap(line.substr(2), w, pad + "- ", in + 2);
    else if (!trim(line).empty())
      text += wrap(line, w, pad, in);
    start = end + 1;
  }
  if (!q.spoken_help.empty()) text += wrap(q.spoken_help, w, pad, in);
  const auto accepted = ruleset::accepted_answers(q);
  for (std::size_t i = 0; i < accepted.words.size(); ++i)
    if (accepted.kind == ruleset::AcceptedAnswers::Kind::Choice)
      text += wrap(accepted.labels[i], w,
                   fmt::format("{}{}. {}: ", pad, i + 1, choice_key(rules_, q.choices[i])), in + 3);
  text += wrap(hint(rules_, q) + (q.optional ? " " + rules_.word(W::InterviewSkip) : "") + " " +
                   rules_.word(can_go_back ? W::InterviewCommandsBack : W::InterviewCommands),
               w, pad, in);
  if (const auto* earlier = earlier_answer(f))  // came back to it: what it was
    text +=
        wrap(rules_.format_word(W::InterviewAnswerWas, fmt::arg("answer", *earlier)), w, pad, in);
  say(text);
  for (;;) {
    const std::string line = read_answer(number);
    const auto command = ruleset::command_in(rules_, line);
    if (command == ruleset::PromptCommand::Quit) quit(number);
    if (command == ruleset::PromptCommand::Why) {
      say(wrap(why_asked(rules_, q, style_.explain), w, pad, in));
      continue;
    }
    if (command == ruleset::PromptCommand::Back) {
      if (can_go_back) return false;
      say(wrap(rules_.word(W::InterviewFirstQuestion), w, pad, in));
      continue;
    }
    if (q.optional && (trim(line).empty() || command == ruleset::PromptCommand::Skip)) {
      skipped_[f] = true;
      say(wrap(rules_.word(W::InterviewSkipped), w, pad, in));
      return true;
    }
    const auto understood = ruleset::understand(rules_, q, line);
    if (auto* answer = std::get_if<ruleset::Understood>(&understood)) {
      answers[f] = answer->value;
      // An amount or a choice read from everyday words is said back, so a
      // misreading shows before the report rests on it.
      if (!answer->echo.empty())
        say(wrap(rules_.format_word(W::InterviewNoted, fmt::arg("answer", answer->echo)), w, pad,
                 in));
      return true;
    }
    if (auto* both = std::get_if<ruleset::Ambiguous>(&understood)) {
      std::vector<std::string> named;
      for (int i : both->choices)
        named.push_back(fmt::format("{} ({})", i + 1, spoken(q.choices[i].id)));
      say(wrap(
          rules_.format_word(W::InterviewCouldMean, fmt::arg("choices", ruleset::list_or(named))),
          w, pad, in));
      continue;
    }
    say(wrap(try_again(rules_, q, line), w, pad, in));
  }
}

bool Prompter::ask_checklist(const std::vector<FactId>& items, int number, engine::Answers& answers,
                             bool can_go_back) {
  const ruleset::RuleSet& rules = rules_;
  const ruleset::Checklist& list = *rules.find_checklist(rules.questions[items.front()].checklist);
  const int w = style_.width;
  const std::string head = fmt::format("{}. ", number);
  const std::size_t in = std::max<std::size_t>(head.size(), 3);
  const std::string pad(in, ' ');
  std::string text = "\n" + wrap(list.prompt, w, head, in);
  for (std::size_t i = 0; i < items.size(); ++i)
    text += wrap(rules.questions[items[i]].prompt, w, fmt::format("{}{}. ", pad, i + 1), in + 3);
  if (!list.help.empty()) text += wrap(list.help, w, pad, in);
  text +=
      wrap(rules.word(can_go_back ? W::InterviewCommandsBack : W::InterviewCommands), w, pad, in);
  if (earlier_) {  // came back to it: what was ticked
    std::vector<std::string> ticked;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (const auto& value = (*earlier_)[items[i]];
          value && *value != engine::Value::boolean(false))
        ticked.push_back(
            fmt::format("{}{}", i + 1, *value == engine::Value::boolean(true) ? "" : "?"));
    text +=
        wrap(rules.format_word(
                 W::InterviewAnswerWas,
                 fmt::arg("answer", ticked.empty() ? rules.word(W::InterviewNone)
                                                   : fmt::format("{}", fmt::join(ticked, " ")))),
             w, pad, in);
  }
  say(text);
  for (;;) {
    const std::string typed = read_answer(number);
    const std::string line = ruleset::normalize_spoken(typed);
    const auto command = ruleset::command_in(rules_, line);
    if (command == ruleset::PromptCommand::Quit) quit(number);
    if (command == ruleset::PromptCommand::Why) {
      std::string why;
      for (std::size_t i = 0; i < items.size(); ++i)
        why += wrap(why_asked(rules, rules.questions[items[i]], style_.explain), w,
                    fmt::format("{}{}. ", pad, i + 1), in + 3);
      say(why);
      continue;
    }
    if (command == ruleset::PromptCommand::Back) {
      if (can_go_back) return false;
      say(wrap(rules_.word(W::InterviewFirstQuestion), w, pad, in));
      continue;
    }
    // "none", or the numbers that apply, a number with ? for "not sure".
    std::vector<engine::Value> chosen(items.size(), engine::Value::boolean(false));
    bool ok = !line.empty();
    if (!ruleset::says_none(rules_, line)) {
      // The numbers as typed (a final "3?" keeps its ?), between words that
      // change nothing ("2 and 7").
      std::string tokens;
      for (char c : typed)
        tokens += c == ',' || c == '\t' || c == '\r'
                      ? ' '
                      : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      tokens = ruleset::without_words(tokens, rules_.spoken.fillers);
      std::size_t pos = 0;
      bool any = false;
      while (ok && (pos = tokens.find_first_not_of(' ', pos)) != std::string::npos) {
        std::size_t end = tokens.find(' ', pos);
        std::string_view token = std::string_view(tokens).substr(
            pos, end == std::string::npos ? std::string::npos : end - pos);
        pos = end;
        const bool unsure = !token.empty() && token.back() == '?';
        if (unsure) token.remove_suffix(1);
        std::size_t n = 0;
        auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), n);
        ok = ec == std::errc() && ptr == token.data() + token.size() && n >= 1 &&
             n <= items.size() && (!unsure || rules.questions[items[n - 1]].accepts_unsure());
        if (ok) chosen[n - 1] = unsure ? ruleset::unsure_answer() : engine::Value::boolean(true);
        any = true;
      }
      ok = ok && any;
    }
    if (!ok) {
      say(wrap(rules.format_word(W::InterviewChecklistAgain, fmt::arg("count", items.size())), w,
               pad, in));
      continue;
    }
    std::vector<std::string> yes, unsure;
    for (std::size_t i = 0; i < items.size(); ++i) {
      answers[items[i]] = chosen[i];
      if (chosen[i] == engine::Value::boolean(true)) yes.push_back(std::to_string(i + 1));
      if (chosen[i] == ruleset::unsure_answer()) unsure.push_back(std::to_string(i + 1));
    }
    std::vector<std::string> said;
    if (!yes.empty())
      said.push_back(rules.format_word(
          W::InterviewYesTo, fmt::arg("numbers", fmt::format("{}", fmt::join(yes, ", ")))));
    if (!unsure.empty())
      said.push_back(
          rules.format_word(W::InterviewUnsureAbout,
                            fmt::arg("numbers", fmt::format("{}", fmt::join(unsure, ", ")))));
    const std::string noted =
        said.empty()
            ? rules.word(W::InterviewNotedNone)
            : rules.format_word(W::InterviewNotedChecklist,
                                fmt::arg("answers", fmt::format("{}", fmt::join(said, ", "))));
    say(wrap(noted, w, pad, in));
    return true;
  }
}

bool Prompter::ask(const std::vector<FactId>& questions, int number, engine::Answers& answers,
                   bool can_go_back) {
  if (questions.size() > 1) return ask_checklist(questions, number, answers, can_go_back);
  return ask_one(questions.front(), number, answers, can_go_back);
}

void Prompter::interview(engine::Answers& answers) {
  const engine::Evaluator evaluator(rules_.knowledge_base());
  engine::Evaluation evaluation(rules_.knowledge_base());
  skipped_.assign(answers.size(), false);
  evaluator.run(answers, evaluation, skipped_);
  // The answers (and skips) before each prompt, so `back` can return to it.
  std::vector<std::pair<engine::Answers, std::vector<bool>>> history;
  // Each section is announced once: follow-ups can take the interview back
  // and forth (a pregnancy's weeks between its signs), and "first" and "now"
  // said again would not be true.
  bool in_warnings = false, asked = false, warned = false, moved_on = false;
  for (;;) {
    const auto prompt = ruleset::next_prompt(rules_, evaluation);
    if (prompt.empty()) break;
    const bool warning = warning_question(rules_.questions[prompt.front()]);
    if (!asked) say(wrap(rules_.word(W::InterviewIntro), style_.width));
    if (warning && !warned) say("\n" + wrap(rules_.word(W::InterviewWarningSection), style_.width));
    if (!warning && in_warnings && !moved_on) {
      say("\n" + wrap(rules_.word(W::InterviewOtherSection), style_.width));
      moved_on = true;
    }
    warned = warned || warning;
    in_warnings = warning;
    asked = true;
    history.emplace_back(answers, skipped_);
    const bool answered =
        ask(prompt, static_cast<int>(history.size()), answers, history.size() > 1);
    earlier_.reset();
    if (!answered) {
      history.pop_back();  // this prompt's snapshot: the answers just after the previous one
      earlier_ = answers;  // shown when the previous prompt is asked again
      std::tie(answers, skipped_) = std::move(history.back());  // as before the previous prompt
      history.pop_back();
    }
    try {
      evaluator.run(answers, evaluation, skipped_);
    } catch (const engine::ConflictError&) {
      return;  // the caller's evaluation reports it
    }
  }
  if (!asked) return;
  const auto level = ruleset::reported_level(rules_, evaluation.facts());
  const bool urgent = level.level != &rules_.undecided && !ruleset::gives_routine(*level.level);
  say("\n" + wrap(rules_.word(urgent ? W::InterviewEnough : W::InterviewDone), style_.width) +
      "\n");
}

}  // namespace backtriage::cli
