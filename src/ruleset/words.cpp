#include "ruleset/words.h"

#include <algorithm>

namespace backtriage::ruleset {

namespace {

using enum Word;

// The footers of --help, as fmt format strings (a brace doubled). An
// indented line is an example command, printed as it is; one indented more
// says what the example above it does; lines at the margin are prose.
constexpr const char* kFooter = R"(Examples:
  backtriage
      answer the questions in a terminal
  backtriage {flags}
      triage from flags, as text (asking only what is missing)
  backtriage --json --answers answers.json | jq .level
  backtriage --format html -o handout.html --answers answers.json
  backtriage --format ics -o plan.ics --answers answers.json --start 2026-12-01
  backtriage batch --input cases.jsonl > reports.jsonl
  backtriage questions --json
  backtriage check my-rules.yaml
  backtriage test my-cases.yaml --rules my-rules.yaml
  backtriage diff rules/back-pain.yaml my-rules.yaml

Exit status: 0 triage produced (any level), 1 a test case failed or diff found changes,
2 usage error, 3 diff found a case that became less urgent, 65 bad data, 66 unreadable input,
70 internal error, 74 output failed, 130 interrupted.

Not medical advice: in an emergency call your local emergency number.)";
constexpr const char* kBatchFooter = R"(Example:
  backtriage batch --input cases.jsonl --summary > reports.jsonl

Line n of the output answers line n of the input; a bad line gets
{{"line": n, "error": "..."}} and makes the exit status 65. A line's "id"
(a string or a number) is not an answer: it comes first in its output line.)";
constexpr const char* kQuestionsFooter = R"(Examples:
  backtriage questions --json | jq -r '.[].flag'
  backtriage questions --format fhir -o questionnaire.json)";
constexpr const char* kCheckFooter = R"(Example:
  backtriage check my-rules.yaml

Exit status: 0 valid (warnings allowed), 65 invalid, 66 unreadable file.)";
constexpr const char* kTestFooter = R"(Example:
  backtriage test rules/tests/back-pain.test.yaml --coverage

Exit status: 0 every case passed, 1 a case failed (or coverage too low),
65 a bad case or rule file, 66 unreadable file.)";
constexpr const char* kDiffFooter = R"(Example:
  backtriage diff rules/back-pain.yaml my-rules.yaml

Exit status: 0 no case changes, 1 some cases change but none becomes less
urgent, 3 some case becomes less urgent, 65 a bad rule file, 66 unreadable.)";
constexpr const char* kCompletionFooter = R"(Examples:
  backtriage completion bash > ~/.local/share/bash-completion/completions/backtriage
  source <(backtriage completion zsh)
      in ~/.zshrc, after compinit
  backtriage completion fish > ~/.config/fish/completions/backtriage.fish)";

// Grouped as in the rule file: report, handout, dose, calendar, card,
// answers, interview, help, questions. A word's text never starts or ends with a space: YAML
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
    {HelpUsage, "help.usage", "", "Usage"},
    {HelpOptionsMark, "help.options_mark", "", "OPTIONS"},
    {HelpSubcommandMark, "help.subcommand_mark", "", "SUBCOMMAND"},
    {HelpPositionals, "help.positionals", "", "Positionals"},
    {HelpOptions, "help.options", "", "Options"},
    {HelpSubcommands, "help.subcommands", "", "Subcommands"},
    {HelpRequired, "help.required", "", "REQUIRED"},
    {HelpAnswers, "help.answers", "rules", "Answers ({rules} rules)"},
    {HelpFooter, "help.footer", "flags", kFooter},
    {HelpCommandBatch, "help.command_batch", "",
     "Triage JSON Lines: one answers object per line in, one report per line out"},
    {HelpCommandQuestions, "help.command_questions", "",
     "List the rule set's questions: id, flag, type, answers, prompt"},
    {HelpCommandCheck, "help.command_check", "",
     "Validate rule files; every problem as file:line:col"},
    {HelpCommandTest, "help.command_test", "",
     "Run rule-set test cases and report pass/fail and coverage"},
    {HelpCommandDiff, "help.command_diff", "", "What changes in the triage between two rule sets"},
    {HelpCommandCompletion, "help.command_completion", "",
     "Print a shell completion script (answer flags complete their values)"},
    {HelpOptionHelp, "help.option_help", "", "Print this help message and exit"},
    {HelpOptionVersion, "help.option_version", "", "Display program version information and exit"},
    {HelpOptionRules, "help.option_rules", "", "Rule file to use instead of the embedded rules"},
    {HelpOptionLocale, "help.option_locale", "",
     "The language and country to answer and report in: en-GB, en-US, es, es-ES, es-US... "
     "(default: from LC_ALL, LC_MESSAGES or LANG, else the rules' own)"},
    {HelpOptionFormat, "help.option_format", "", "Output: text, json, cds-hooks, html or ics"},
    {HelpOptionJson, "help.option_json", "", "Same as --format json"},
    {HelpOptionBrief, "help.option_brief", "",
     "JSON: only level, complete, classification and the ids of red flags, reasons, routine and "
     "avoid"},
    {HelpOptionPretty, "help.option_pretty", "", "Indent JSON (the default on a terminal)"},
    {HelpOptionCompact, "help.option_compact", "",
     "JSON on one line (the default into a pipe or file)"},
    {HelpOptionOutput, "help.option_output", "", "Write to FILE instead of standard output"},
    {HelpOptionNoInput, "help.option_no_input", "", "Never ask questions, even on a terminal"},
    {HelpOptionExplain, "help.option_explain", "", "Show which rules fired and why"},
    {HelpOptionColor, "help.option_color", "",
     "Colour: auto (on a terminal, unless NO_COLOR is set), always or never"},
    {HelpOptionNoPager, "help.option_no_pager", "",
     "Never page a long report (default: $PAGER or less)"},
    {HelpOptionAnswers, "help.option_answers", "",
     "Answers as a JSON or YAML object, or a FHIR QuestionnaireResponse ('-': stdin)"},
    {HelpOptionNoRedFlags, "help.option_no_red_flags", "",
     "Answer every red-flag question no (an explicit flag wins)"},
    {HelpOptionStart, "help.option_start", "",
     "--format ics: first day of the plan (default: today)"},
    {HelpOptionTime, "help.option_time", "", "--format ics: time of each session (default: 18:00)"},
    {HelpOptionAlarm, "help.option_alarm", "",
     "--format ics: a reminder this many minutes before each session and check-in, or none "
     "(default: 30)"},
    {HelpOptionPaper, "help.option_paper", "",
     "--format html: the paper to print on (default: a4)"},
    {HelpBatchInput, "help.batch_input", "", "Read from FILE instead of stdin"},
    {HelpBatchFormat, "help.batch_format", "", "Output: json (the default) or cds-hooks"},
    {HelpBatchJson, "help.batch_json", "", "Same as --format json, the default"},
    {HelpBatchBrief, "help.batch_brief", "",
     "Brief reports (level, complete, classification, ids)"},
    {HelpBatchNoRedFlags, "help.batch_no_red_flags", "", "Unanswered red flags count as no"},
    {HelpBatchSummary, "help.batch_summary", "", "Print counts per level to stderr at the end"},
    {HelpBatchNoInput, "help.batch_no_input", "",
     "Accepted for scripts: batch never asks questions"},
    {HelpBatchExplain, "help.batch_explain", "",
     "Accepted for scripts: every full report carries its trace of the rules that fired"},
    {HelpBatchColor, "help.batch_color", "",
     "Accepted for scripts: batch output is never coloured"},
    {HelpBatchJobs, "help.batch_jobs", "",
     "Evaluate on N threads (1 to 256); output keeps the input order"},
    {HelpBatchFooter, "help.batch_footer", "", kBatchFooter},
    {HelpQuestionsJson, "help.questions_json", "", "As JSON"},
    {HelpQuestionsFormat, "help.questions_format", "",
     "text (the default), json, or fhir: a FHIR R4 Questionnaire (SDC) for form fillers, whose "
     "QuestionnaireResponse --answers and batch read"},
    {HelpQuestionsFooter, "help.questions_footer", "", kQuestionsFooter},
    {HelpCheckFiles, "help.check_files", "", "Rule files to check (default: the embedded set)"},
    {HelpCheckRules, "help.check_rules", "", "A rule file to check, as the other commands take it"},
    {HelpCheckFooter, "help.check_footer", "", kCheckFooter},
    {HelpTestFiles, "help.test_files", "",
     "Case files (default: the cases shipped with the embedded rules)"},
    {HelpTestCoverage, "help.test_coverage", "",
     "Also list rules never fired, levels never reached, questions never answered and choices "
     "never used"},
    {HelpTestMinCoverage, "help.test_min_coverage", "",
     "Fail (exit 1) when coverage is below N percent; implies --coverage"},
    {HelpTestFooter, "help.test_footer", "", kTestFooter},
    {HelpDiffOld, "help.diff_old", "", "The rule file before the change"},
    {HelpDiffNew, "help.diff_new", "", "The rule file after the change"},
    {HelpDiffCases, "help.diff_cases", "",
     "Compare only these cases (a test case file, or JSON Lines of answers)"},
    {HelpDiffFooter, "help.diff_footer", "", kDiffFooter},
    {HelpCompletionLocale, "help.completion_locale", "",
     "The language of the answer flags' descriptions, which fish shows: en-GB, es, es-US... "
     "(default: from LC_ALL, LC_MESSAGES or LANG, else the rules' own). The values completed are "
     "the ids every locale's flags take"},
    {HelpCompletionShell, "help.completion_shell", "",
     "The shell to complete for: bash, zsh or fish"},
    {HelpCompletionFooter, "help.completion_footer", "", kCompletionFooter},
    {QuestionsReadBy, "questions.read_by", "", "read by:"},
    {QuestionsNoRule, "questions.no_rule", "", "(no rule)"},
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
