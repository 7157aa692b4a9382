#pragma once
// Content attached to a value of a choice, set or ranked fact, typed by the
// part its fact plays (roles.h): a level, a red flag, a reason, an exercise,
// an activity to avoid, a tip, a watch-for entry, a caution, or the plain
// words of any other value. Each struct lists its keys once, in `fields`,
// with how each is read; the item reader, the compact form and the JSON
// writer all go through that list, so a new report role is one struct here,
// one alternative of Item::Content and one row of role_specs(). (The compact
// rule set is written in `fields` order: a change to a list, or to the
// alternatives, bumps kMagic in compact_rule_set.cpp.)
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "ruleset/figure.h"

namespace backtriage::ruleset {

struct Range {
  int min = 0;
  int max = 0;
};

struct Dose {
  std::optional<Range> hold_seconds, hold_breaths, reps, sets;
  bool per_side = false;
  bool alternating = false;
  std::optional<int> per_week;
};

// How the item reader reads a key: text or a list of texts as written, an
// id that must name something elsewhere in the file (a level, a region, a
// position, an exercise, watch-for entries), one of a fixed list of words,
// or a shape with a reader of its own.
enum class Read {
  Text,
  Texts,
  Says,  // everyday words at a prompt (spoken_reader.h)
  LevelId,
  RegionId,
  PositionId,
  ExerciseId,
  WatchForIds,
  LevelIds,
  ExerciseKind,
  CdsIndicator,
  Color,
  Flag,
  Dose,
  Figure,
};

// A classification value, a choice, a position, a view, any other value.
struct Named {
  std::string label;
  // Choices: the everyday words that mean this choice at a prompt ("sore",
  // "down my leg"), beyond its id.
  std::vector<std::string> says;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("label", Read::Text, x.label);
    f("says", Read::Says, x.says);
  }
};

struct Level {
  std::string label, advice;
  // Whether the routine comes with it, the CDS Hooks card indicator (info |
  // warning | critical) and the terminal colour.
  bool routine = false;
  std::string cds, color;
  // The steps whose watch-for entries a report at this level keeps; when not
  // given, every step more urgent than it. (The undecided level keeps the
  // most urgent: a person sent away with too few answers is still told when
  // to call; the most urgent levels keep none.)
  std::optional<std::vector<std::string>> watch_levels;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("label", Read::Text, x.label);
    f("advice", Read::Text, x.advice);
    f("routine", Read::Flag, x.routine);
    f("cds", Read::CdsIndicator, x.cds);
    f("color", Read::Color, x.color);
    f("watch_for", Read::LevelIds, x.watch_levels);
  }
};

struct RedFlag {
  std::string label, level, why;
  // What to do instead of the level's label and advice when this sign alone
  // sets the level (the maternity unit, not A&E).
  std::string action, advice;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("label", Read::Text, x.label);
    f("level", Read::LevelId, x.level);
    f("why", Read::Text, x.why);
    f("action", Read::Text, x.action);
    f("advice", Read::Text, x.advice);
  }
};

struct Reason {
  std::string text, level;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("text", Read::Text, x.text);
    f("level", Read::LevelId, x.level);
  }
};

struct Exercise {
  std::string name, region, kind;
  std::string position;  // a `positions` id
  std::string purpose;
  std::vector<std::string> equipment, steps;
  std::optional<Dose> dose;
  // Shared and never changed once read: with its two poses inline, every
  // item of every role took 936 bytes, which a triage allocated, zeroed
  // and copied for each of the rule set's items at start-up.
  std::shared_ptr<const Figure> figure;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("name", Read::Text, x.name);
    f("region", Read::RegionId, x.region);
    f("kind", Read::ExerciseKind, x.kind);
    f("position", Read::PositionId, x.position);
    f("purpose", Read::Text, x.purpose);
    f("equipment", Read::Texts, x.equipment);
    f("steps", Read::Texts, x.steps);
    f("dose", Read::Dose, x.dose);
    f("figure", Read::Figure, x.figure);
  }
};

struct Avoid {
  std::string name, reason;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("name", Read::Text, x.name);
    f("reason", Read::Text, x.reason);
  }
};

// A tip, and a safe activity.
struct Tip {
  std::string name, text;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("name", Read::Text, x.name);
    f("text", Read::Text, x.text);
  }
};

// The new signs that mean going to `level`, by `when`; and the entries it
// stands in for when both apply (a tailored list in place of the general).
struct WatchFor {
  std::string level, label;
  std::vector<std::string> signs;
  std::string when;
  std::vector<std::string> replaces;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("level", Read::LevelId, x.level);
    f("label", Read::Text, x.label);
    f("signs", Read::Texts, x.signs);
    f("when", Read::Text, x.when);
    f("replaces", Read::WatchForIds, x.replaces);
  }
};

// What a person must take care over in one exercise.
struct Caution {
  std::string exercise, text;

  template <typename Self, typename F>
  static void fields(Self& x, F&& f) {
    f("exercise", Read::ExerciseId, x.exercise);
    f("text", Read::Text, x.text);
  }
};

struct Item {
  using Content =
      std::variant<Named, Level, RedFlag, Reason, Exercise, Avoid, Tip, WatchFor, Caution>;
  std::string id, source;
  Content content;

  // The content as its role's struct; a role's items always hold it.
  template <typename T>
  const T& as() const {
    return std::get<T>(content);
  }
  template <typename T>
  T& as() {
    return std::get<T>(content);
  }
};

// Whether a level comes with home care (the routine, what to avoid, tips)
// rather than sending the person to be seen first.
inline bool gives_routine(const Item& level) {
  return level.as<Level>().routine;
}

// A value's words (a classification value, a choice): its label, or its id
// when it has none.
inline const std::string& label_or_id(const Item& value) {
  const std::string& label = value.as<Named>().label;
  return label.empty() ? value.id : label;
}

// Calls `f` with the member of `key` of an item when it holds text or a list
// of texts (what a report's JSON shows of it); returns whether it does.
template <typename F>
bool text_field(const Item& item, std::string_view key, F&& f) {
  bool found = false;
  std::visit(
      [&](const auto& content) {
        content.fields(content, [&](std::string_view name, Read, const auto& member) {
          using Member = std::decay_t<decltype(member)>;
          if constexpr (std::is_same_v<Member, std::string> ||
                        std::is_same_v<Member, std::vector<std::string>>) {
            if (name != key) return;
            found = true;
            f(member);
          }
        });
      },
      item.content);
  return found;
}

}  // namespace backtriage::ruleset
