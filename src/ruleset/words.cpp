#include "ruleset/words.h"

#include <algorithm>

namespace backtriage::ruleset {

namespace {

using enum Word;

// Grouped as in the rule file: report, handout, dose, calendar, card,
// answers, interview, help. A word's text never starts or ends with a space: YAML
// would want it quoted and a translator would not see it; the code puts the
// spaces between words.
constexpr WordSpec kWords[] = {
    {ReportAvoid, "report.avoid", "", "Activities to avoid for now"},
    {ReportSafeActivities, "report.safe_activities", "", "Safe ways to stay active"},
    {ReportTips, "report.tips", "", "Preventing back pain"},
    {ReportDoNow, "report.do_now", "", "What to do now"},
    {ReportRedFlags, "report.red_flags", "", "Warning signs in your answers"},
    {ReportUnsureCounts, "report.unsure_counts", "", "You were not sure about this, so it counts."},
    {ReportWhy, "report.why", "", "Why"},
    {ReportClassification, "report.classification", "", "Your back pain"},
    {ReportNotKnown, "report.not_known", "", "not known yet"},
    {ReportRoutine, "report.routine", "", "Your home routine"},
    {ReportNoRoutine, "report.no_routine", "",
     "Your exercises depend on the answers still missing (below). Answer them to get your "
     "routine."},
    {ReportPurpose, "report.purpose", "", "Why"},
    {ReportEquipment, "report.equipment", "", "Need"},
    {ReportDose, "report.dose", "", "Dose"},
    {ReportCaution, "report.caution", "", "Care"},
    {ReportExpect, "report.expect", "", "What to expect"},
    {ReportSessions, "report.sessions", "sessions weeks",
     "Do the routine {sessions} times a week for {weeks} weeks."},
    {ReportCheckIn, "report.check_in", "text week", "Week {week}: {text}"},
    {ReportStretch, "report.stretch", "", "stretch"},
    {ReportStrengthening, "report.strengthening", "", "strengthening"},
    {ReportUnanswered, "report.unanswered", "", "Not answered yet: these could change the advice"},
    {ReportAssumes, "report.assumes", "", "What this advice assumes"},
    {ReportDecided, "report.decided", "", "How this was decided"},
    {ReportNoRuleFired, "report.no_rule_fired", "", "No rule fired."},
    {HandoutMadeOn, "handout.made_on", "", "Made on"},
    {HandoutNoRoutine, "handout.no_routine", "",
     "Your exercises depend on the answers still missing (listed above). Answer them to get your "
     "routine."},
    {HandoutEquipment, "handout.equipment", "", "You need:"},
    {HandoutPlan, "handout.plan", "weeks", "Your {weeks}-week plan"},
    {HandoutTick, "handout.tick", "sessions",
     "Tick a box each time you do the routine: {sessions} times a week."},
    {HandoutWeek, "handout.week", "week", "Week {week}"},
    {HandoutSession, "handout.session", "session", "Session {session}"},
    {HandoutNotDone, "handout.not_done", "session week",
     "week {week} session {session}, not done yet"},
    {HandoutCheckIn, "handout.check_in", "week", "Check-in, end of week {week}:"},
    {HandoutDidNotKnow, "handout.did_not_know", "", "What this advice did not know"},
    {HandoutNotAnswered, "handout.not_answered", "question", "Not answered: {question}"},
    {HandoutRules, "handout.rules", "id version", "{id} rules {version}"},
    {HandoutFigurePoses, "handout.figure_poses", "description",
     "Start and end positions side by side: {description}"},
    {DoseRange, "dose.range", "max min", "{min} to {max}"},
    {DoseHoldSeconds, "dose.hold_seconds", "seconds", "hold {seconds} seconds"},
    {DoseHoldBreath, "dose.hold_breath", "breaths", "hold for {breaths} breath"},
    {DoseHoldBreaths, "dose.hold_breaths", "breaths", "hold for {breaths} breaths"},
    {DoseTime, "dose.time", "reps", "{reps} time"},
    {DoseTimes, "dose.times", "reps", "{reps} times"},
    {DoseEachSide, "dose.each_side", "", "on each side"},
    {DoseAlternating, "dose.alternating", "", "changing sides each time"},
    {DoseSets, "dose.sets", "sets", "{sets} sets"},
    {DosePerWeek, "dose.per_week", "times", "{times} times a week"},
    {CalendarSession, "calendar.session", "session total",
     "Back exercises: session {session} of {total}"},
    {CalendarSessionText, "calendar.session_text", "session sessions week weeks",
     "Week {week} of {weeks}, session {session} of {sessions} this week. Your exercises:"},
    {CalendarCheckIn, "calendar.check_in", "week", "Back pain check-in: week {week}"},
    {CardWarningSigns, "card.warning_signs", "count level", "{level}: {count} warning signs"},
    {CardQuestionLeft, "card.question_left", "count level",
     "{level}: {count} question still to answer"},
    {CardQuestionsLeft, "card.questions_left", "count level",
     "{level}: {count} questions still to answer"},
    {CardRoutine, "card.routine", "count", "home routine of {count} exercises"},
    {CardRedFlags, "card.red_flags", "", "Warning signs"},
    {CardUnsure, "card.unsure", "", "(not sure)"},
    {CardWhy, "card.why", "", "Why"},
    {CardUnanswered, "card.unanswered", "", "Still to answer"},
    {CardRoutineHeading, "card.routine_heading", "", "Home routine"},
    {CardAvoid, "card.avoid", "", "Avoid"},
    {CardSource, "card.source", "id version", "backtriage ({id} rules {version})"},
    {AnswerYes, "answers.yes", "", "Yes"},
    {AnswerNo, "answers.no", "", "No"},
    {AnswerUnsure, "answers.unsure", "", "Not sure"},
    {InterviewIntro, "interview.intro", "",
     "A few questions, one at a time. Type your answer in your own words and press Enter. Type ? "
     "to see why a question is asked, or back to change your previous answer. Type quit (or press "
     "Ctrl-C) to stop at any time."},
    {InterviewWarningSection, "interview.warning_section", "",
     "First, some questions about warning signs that need a doctor's attention."},
    {InterviewOtherSection, "interview.other_section", "",
     "Thank you. Now some questions about your symptoms."},
    {InterviewEnough, "interview.enough", "",
     "Thank you: that is enough to advise you. Please read the advice below."},
    {InterviewDone, "interview.done", "", "Thank you, that is all the questions."},
    {InterviewYesNoUnsure, "interview.yes_no_unsure", "", "Answer yes, no or not sure."},
    {InterviewYesNo, "interview.yes_no", "", "Answer yes or no."},
    {InterviewUnit, "interview.unit", "unit", "({unit})"},
    {InterviewTypeNumber, "interview.type_number", "max min unit",
     "Type a number from {min} to {max}{unit}."},
    {InterviewTypeChoice, "interview.type_choice", "numbers",
     "Type {numbers}, or the words before the colon."},
    {InterviewTwoNumbers, "interview.two_numbers", "", "1 or 2"},
    {InterviewNumbers, "interview.numbers", "count", "a number from 1 to {count}"},
    {InterviewOutOfRange, "interview.out_of_range", "max min typed unit",
     "{typed} is outside the range. Please type a number from {min} to {max}{unit}."},
    {InterviewNumberAgain, "interview.number_again", "example max min unit",
     "Please type a number from {min} to {max}{unit}, such as {example}."},
    {InterviewOneWord, "interview.one_word", "",
     "Please answer with just one word: yes, no, or not sure if you cannot tell."},
    {InterviewYesNoAgain, "interview.yes_no_again", "", "Please answer yes or no."},
    {InterviewChoiceAgain, "interview.choice_again", "numbers",
     "Please type {numbers}, or the words of one of the answers."},
    {InterviewWhy, "interview.why", "", "This answer helps decide the advice."},
    {InterviewSkip, "interview.skip", "", "Press Enter to skip."},
    {InterviewCommandsBack, "interview.commands_back", "",
     "(? for why, back for the previous question)"},
    {InterviewCommands, "interview.commands", "", "(? for why)"},
    {InterviewAnswerWas, "interview.answer_was", "answer",
     "Your answer was: {answer}. Type it again, or a new one."},
    {InterviewNone, "interview.none", "", "none"},
    {InterviewFirstQuestion, "interview.first_question", "",
     "This is the first question, so there is nothing to go back to."},
    {InterviewSkipped, "interview.skipped", "", "Skipped."},
    {InterviewNoted, "interview.noted", "answer", "Noted: {answer}."},
    {InterviewCouldMean, "interview.could_mean", "choices",
     "That could mean {choices}. Please type the number of the one that fits best."},
    {InterviewChecklistAgain, "interview.checklist_again", "count",
     "Please type the numbers of those that apply (1 to {count}) with spaces between them, or "
     "none. Add ? to a number if you are not sure."},
    {InterviewNotedNone, "interview.noted_none", "", "Noted: none of these."},
    {InterviewNotedChecklist, "interview.noted_checklist", "answers",
     "Noted: {answers}; no to the rest."},
    {InterviewYesTo, "interview.yes_to", "numbers", "yes to {numbers}"},
    {InterviewUnsureAbout, "interview.unsure_about", "numbers", "not sure about {numbers}"},
    {HelpDescription, "help.description", "title",
     "backtriage - rule-based triage: {title}. Not medical advice."},
    {HelpRange, "help.range", "max min unit", "({min} to {max}{unit})"},
    {HelpRedFlag, "help.red_flag", "", "[red flag]"},
    {HelpOptional, "help.optional", "", "[optional]"},
};

constexpr bool in_order() {
  if (std::size(kWords) != static_cast<std::size_t>(Word::Count)) return false;
  for (std::size_t i = 0; i < std::size(kWords); ++i)
    if (static_cast<std::size_t>(kWords[i].word) != i) return false;
  return true;
}
static_assert(in_order(), "kWords lists every Word once, in the enum's order");

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::span<const WordSpec> word_specs() {
  return kWords;
}

const WordSpec& word_spec(Word word) {
  return kWords[static_cast<std::size_t>(word)];
}

const WordSpec* find_word(std::string_view id) {
  for (const auto& spec : kWords)
    if (spec.id == id) return &spec;
  return nullptr;
}

std::vector<std::string> english_words() {
  std::vector<std::string> out;
  for (const auto& spec : kWords) out.emplace_back(spec.english);
  return out;
}

Placeholders placeholders_of(std::string_view text) {
  Placeholders out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      ++i;  // "{{" and "}}" print a brace
      continue;
    }
    if (c == '}') {
      out.error = "a '}' without its '{' (write '}}' for a brace)";
      return out;
    }
    if (c != '{') continue;
    const std::size_t end = text.find('}', i);
    const std::string_view name =
        end == std::string_view::npos ? text.substr(i + 1) : text.substr(i + 1, end - i - 1);
    if (end == std::string_view::npos) {
      out.error = "a '{' without its '}' (write '{{' for a brace)";
      return out;
    }
    if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z') ||
        !std::all_of(name.begin(), name.end(), name_char)) {
      out.error = "'{" + std::string(name) +
                  "}' is not a placeholder: a placeholder is a name in braces, such as {week}";
      return out;
    }
    out.names.emplace_back(name);
    i = end;
  }
  std::sort(out.names.begin(), out.names.end());
  out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
  return out;
}

Word exercise_kind_word(std::string_view kind) {
  return kind == "stretch" ? Word::ReportStretch : Word::ReportStrengthening;
}

}  // namespace backtriage::ruleset
