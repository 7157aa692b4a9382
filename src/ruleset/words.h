#pragma once
// The words a person reads that are not medical content: a report's
// headings, the interview's replies, a calendar's titles, a form's answers,
// every other text of --help and the questions command's text.
// They come from the rule file's `words:` section, so that a locale overlay
// translates them with the rest; kWords lists each one with the
// placeholders its text must hold and its English default, used when a rule
// file leaves the word out.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backtriage::ruleset {

// In kWords' order.
enum class Word {
  // Report headings and lines (text and handout).
  ReportAvoid,
  ReportSafeActivities,
  ReportTips,
  ReportDoNow,
  ReportRedFlags,
  ReportUnsureCounts,
  ReportWhy,
  ReportClassification,
  ReportNotKnown,
  ReportRoutine,
  ReportNoRoutine,
  ReportPurpose,
  ReportEquipment,
  ReportDose,
  ReportCaution,
  ReportExpect,
  ReportSessions,
  ReportCheckIn,
  ReportStretch,
  ReportStrengthening,
  ReportUnanswered,
  ReportAssumes,
  ReportDecided,
  ReportNoRuleFired,
  // The printable handout only.
  HandoutMadeOn,
  HandoutNoRoutine,
  HandoutEquipment,
  HandoutPlan,
  HandoutTick,
  HandoutWeek,
  HandoutSession,
  HandoutNotDone,
  HandoutCheckIn,
  HandoutDidNotKnow,
  HandoutNotAnswered,
  HandoutRules,
  HandoutFigurePoses,
  // Doses of exercises.
  DoseRange,
  DoseHoldSeconds,
  DoseHoldBreath,
  DoseHoldBreaths,
  DoseTime,
  DoseTimes,
  DoseEachSide,
  DoseAlternating,
  DoseSets,
  DosePerWeek,
  // The calendar.
  CalendarSession,
  CalendarSessionText,
  CalendarCheckIn,
  // The CDS Hooks card.
  CardWarningSigns,
  CardQuestionLeft,
  CardQuestionsLeft,
  CardRoutine,
  CardRedFlags,
  CardUnsure,
  CardWhy,
  CardUnanswered,
  CardRoutineHeading,
  CardAvoid,
  CardSource,
  // Answers of a yes/no question in a form.
  AnswerYes,
  AnswerNo,
  AnswerUnsure,
  // The interview.
  InterviewIntro,
  InterviewWarningSection,
  InterviewOtherSection,
  InterviewEnough,
  InterviewDone,
  InterviewYesNoUnsure,
  InterviewYesNo,
  InterviewUnit,
  InterviewTypeNumber,
  InterviewTypeChoice,
  InterviewTwoNumbers,
  InterviewNumbers,
  InterviewOutOfRange,
  InterviewNumberAgain,
  InterviewOneWord,
  InterviewYesNoAgain,
  InterviewChoiceAgain,
  InterviewWhy,
  InterviewSkip,
  InterviewCommandsBack,
  InterviewCommands,
  InterviewAnswerWas,
  InterviewNone,
  InterviewFirstQuestion,
  InterviewSkipped,
  InterviewNoted,
  InterviewCouldMean,
  InterviewChecklistAgain,
  InterviewNotedNone,
  InterviewNotedChecklist,
  InterviewYesTo,
  InterviewUnsureAbout,
  // The first line of --help, and what follows an answer flag's text there
  // (and in fish's completions).
  HelpDescription,
  HelpRange,
  HelpRedFlag,
  HelpOptional,
  // The rest of --help: CLI11's headings and marks, the answer flags'
  // group, each command's summary, each option's text and each command's
  // footer (examples and exit status; an example's command stays as it is).
  HelpUsage,
  HelpOptionsMark,
  HelpSubcommandMark,
  HelpPositionals,
  HelpOptions,
  HelpSubcommands,
  HelpRequired,
  HelpAnswers,
  HelpFooter,
  HelpCommandBatch,
  HelpCommandQuestions,
  HelpCommandCheck,
  HelpCommandTest,
  HelpCommandDiff,
  HelpCommandCompletion,
  HelpOptionHelp,
  HelpOptionVersion,
  HelpOptionRules,
  HelpOptionLocale,
  HelpOptionFormat,
  HelpOptionJson,
  HelpOptionBrief,
  HelpOptionPretty,
  HelpOptionCompact,
  HelpOptionOutput,
  HelpOptionNoInput,
  HelpOptionExplain,
  HelpOptionColor,
  HelpOptionNoPager,
  HelpOptionAnswers,
  HelpOptionNoRedFlags,
  HelpOptionStart,
  HelpOptionTime,
  HelpOptionAlarm,
  HelpOptionPaper,
  HelpBatchInput,
  HelpBatchFormat,
  HelpBatchJson,
  HelpBatchBrief,
  HelpBatchNoRedFlags,
  HelpBatchSummary,
  HelpBatchNoInput,
  HelpBatchExplain,
  HelpBatchColor,
  HelpBatchJobs,
  HelpBatchFooter,
  HelpQuestionsJson,
  HelpQuestionsFormat,
  HelpQuestionsFooter,
  HelpCheckFiles,
  HelpCheckRules,
  HelpCheckFooter,
  HelpTestFiles,
  HelpTestCoverage,
  HelpTestMinCoverage,
  HelpTestFooter,
  HelpDiffOld,
  HelpDiffNew,
  HelpDiffCases,
  HelpDiffFooter,
  HelpCompletionLocale,
  HelpCompletionShell,
  HelpCompletionFooter,
  // The questions command's text.
  QuestionsReadBy,
  QuestionsNoRule,
  Count
};

struct WordSpec {
  Word word;
  std::string_view id;  // "group.name", as in the rule file
  // The placeholders its text must hold, each once or more and no others,
  // separated by spaces: "week text".
  std::string_view placeholders;
  std::string_view english;
};

std::span<const WordSpec> word_specs();
const WordSpec& word_spec(Word word);
const WordSpec* find_word(std::string_view id);

// The placeholder names in `text` ("{week}" -> "week"), sorted and without
// repeats; an error message instead when the text does not parse as a
// format string of named placeholders ("{}", "{0}", an unpaired brace).
struct Placeholders {
  std::vector<std::string> names;
  std::string error;
};
Placeholders placeholders_of(std::string_view text);

// Every word's English default, by Word.
std::vector<std::string> english_words();

// The word that names an exercise's kind (`stretch`, `strengthening`).
Word exercise_kind_word(std::string_view kind);

}  // namespace backtriage::ruleset
