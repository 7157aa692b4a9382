#include "ruleset/figure.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {

// A person lying on their back on the mat, seen from the side.
Pose lying() {
  Pose p;
  auto at = [&](Joint j, double x, double y) { p.at[static_cast<int>(j)] = {x, y}; };
  at(Joint::Head, 30, 103), at(Joint::Neck, 42, 106);
  at(Joint::LShoulder, 43, 105.5), at(Joint::RShoulder, 44, 106.5);
  at(Joint::LElbow, 67, 106.7), at(Joint::RElbow, 68, 107.6);
  at(Joint::LHand, 86, 107.7), at(Joint::RHand, 88, 108.5);
  at(Joint::LHip, 89.5, 105.2), at(Joint::RHip, 90.5, 106);
  at(Joint::LKnee, 111.2, 76.4), at(Joint::RKnee, 111.8, 76.8);
  at(Joint::LFoot, 123, 108.6), at(Joint::RFoot, 124, 109);
  return p;
}

}  // namespace

TEST_CASE("a plausible pose has no complaint", "[figure]") {
  Figure f;
  CHECK(implausible_bones(f, lying()).empty());
}

TEST_CASE("a head or a joint below the floor is implausible, except seen from above", "[figure]") {
  Figure f;
  Pose p = lying();
  p.at[static_cast<int>(Joint::Head)] = {31, 108.5};
  p.at[static_cast<int>(Joint::RHand)] = {88, 115};
  const auto problems = implausible_bones(f, p);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "head at (31, 108.5) is sunk into the floor (y 112); at most y 104");
  CHECK(problems[1] == "r_hand at (88, 115) is below the floor (y 112); at most y 112");
  f.view = Figure::View::Top;  // seen from above, y is a place on the mat
  CHECK(implausible_bones(f, p).empty());
}

namespace {

// A pose as the rule file writes it: "{head: [30, 103], neck: [42, 106], ...}", with the
// joints `figure` has.
std::string yaml_pose(const Figure& figure, const Pose& p) {
  std::string out = "{";
  for (int j = 0; j < kJointCount; ++j) {
    if (!figure.has(static_cast<Joint>(j))) continue;
    if (out.size() > 1) out += ", ";
    out += std::string(joint_names()[j]) + ": [" + std::to_string(p.at[j].x) + ", " +
           std::to_string(p.at[j].y) + "]";
  }
  return out + "}";
}

// A rule file whose one exercise has `figure` (its view, and its start and end poses written
// out), with `props` (a YAML list), `end_extra` after the end pose's joints, and `views` (the
// top-level list of captions, if given); what loading it gives.
LoadResult load_figure(const Figure& figure, const std::string& props = "[]",
                       const std::string& end_extra = "", const std::string& views = "") {
  std::string end = yaml_pose(figure, figure.end);
  if (!end_extra.empty()) end = end.substr(0, end.size() - 1) + ", " + end_extra + "}";
  const std::string text =
      "id: t\nversion: \"1\"\ndisclaimer: d\nreport: {level: step, routine: routine}\n" +
      (views.empty() ? "" : "views: " + views + "\n") +
      "questions:\n  - {id: fever, type: bool, prompt: p, source: s}\n"
      "facts:\n"
      "  - {id: step, type: ranked, choices: [{id: go, label: Go, advice: Go., cds: critical, "
      "color: red}, {id: stay, label: Stay, advice: Stay., routine: true, cds: info, color: "
      "green}], undecided: {id: unknown, label: Unknown, advice: More., cds: warning, color: "
      "none}}\n"
      "  - id: routine\n    type: set\n    items:\n"
      "      - id: tilt\n        name: T\n        kind: stretch\n        steps: [s]\n"
      "        dose: {reps: 1}\n        source: s\n        figure:\n          view: " +
      view_names()[static_cast<int>(figure.view)] +
      (figure.face == Figure::Face::None
           ? ""
           : "\n          face: " + face_names()[static_cast<int>(figure.face) - 1]) +
      "\n          props: " + props + "\n          start: " + yaml_pose(figure, figure.start) +
      "\n          end: " + end +
      "\nrules:\n  - {id: r, when: {fever: false}, then: {step: stay, routine: tilt}, "
      "source: s}\n";
  return load_rule_set(text, "t.yaml");
}

std::vector<std::string> errors(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d.message);
  return out;
}

const Figure& only_figure(const LoadResult& result) {
  const RuleSet& rules = *result.rule_set;
  return *rules.items_of(rules.roles.routine).front().as<Exercise>().figure;
}

Pose with(Pose p, Joint j, double x, double y) {
  p.at[static_cast<int>(j)] = {x, y};
  return p;
}

}  // namespace

TEST_CASE("the low back is optional; without it the figure has none", "[figure]") {
  Figure f;
  f.start = f.end = lying();
  const auto result = load_figure(f);
  REQUIRE(errors(result).empty());
  CHECK_FALSE(only_figure(result).has_low_back);
  CHECK_FALSE(only_figure(result).has(Joint::LowBack));
}

TEST_CASE("a low back given in both poses bends the torso there", "[figure]") {
  Figure f;
  f.has_low_back = true;
  f.start = with(lying(), Joint::LowBack, 74, 99);  // the arch: lifted off the mat
  f.end = with(lying(), Joint::LowBack, 74, 106);   // flat on it
  CHECK(implausible_bones(f, f.start).empty());
  const auto result = load_figure(f);
  REQUIRE(errors(result).empty());
  const Figure& loaded = only_figure(result);
  CHECK(loaded.has_low_back);
  CHECK(loaded.start[Joint::LowBack].y == 99);
  CHECK(loaded.end[Joint::LowBack].y == 106);
}

TEST_CASE("a low back in one pose only is an error", "[figure]") {
  Figure f;
  f.start = f.end = lying();
  CHECK(errors(load_figure(f, "[]", "low_back: [74, 106]")) ==
        std::vector<std::string>{"give low_back in both poses or in neither"});
}

TEST_CASE("a low back is held to the torso's lengths, the floor and the box", "[figure]") {
  Figure f;
  f.has_low_back = true;
  // Halfway along, but far off the line between the neck and the hips.
  CHECK(implausible_bones(f, with(lying(), Joint::LowBack, 74, 70)) ==
        std::vector<std::string>{"neck to low_back is 48 long; at most 41",
                                 "low_back to hips is 39 long; at most 21"});
  CHECK(
      implausible_bones(f, with(lying(), Joint::LowBack, 74, 114)) ==
      std::vector<std::string>{"low_back at (74, 114) is below the floor (y 112); at most y 112"});
  // Without a low back, whatever its slot holds is not looked at.
  f.has_low_back = false;
  CHECK(implausible_bones(f, with(lying(), Joint::LowBack, 74, 70)).empty());
  // Loading reports it as an implausible pose.
  f.has_low_back = true;
  f.start = with(lying(), Joint::LowBack, 74, 70);
  f.end = with(lying(), Joint::LowBack, 74, 106);
  const auto problems = errors(load_figure(f));
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "implausible start pose: neck to low_back is 48 long; at most 41");
}

TEST_CASE("a band fixed to a joint the poses leave out is an error", "[figure]") {
  Figure f;
  f.start = f.end = lying();
  CHECK(errors(load_figure(f, "[{kind: band, from: r_hand, to: low_back}]")) ==
        std::vector<std::string>{"'low_back' is not in this figure's poses"});
  CHECK(errors(load_figure(f, "[{kind: towel, from: r_hand, to: r_toe}]")) ==
        std::vector<std::string>{"'r_toe' is not in this figure's poses"});
  f.has_low_back = true;
  f.start = f.end = with(lying(), Joint::LowBack, 74, 106);
  CHECK(errors(load_figure(f, "[{kind: band, from: r_hand, to: low_back}]")).empty());
}

TEST_CASE("a figure not seen from the side needs a caption from `views`", "[figure]") {
  Figure f;
  f.view = Figure::View::Top;
  f.start = f.end = lying();
  CHECK(errors(load_figure(f)) ==
        std::vector<std::string>{"a figure seen from 'top' needs a caption: give 'views' an entry "
                                 "{id: top, label: ...}"});
  // A caption for another view does not do.
  CHECK(errors(load_figure(f, "[]", "", "[{id: front, label: Seen from the front}]")).size() == 1);
  const auto result = load_figure(f, "[]", "", "[{id: top, label: Seen from above}]");
  REQUIRE(errors(result).empty());
  REQUIRE(result.rule_set->find_view("top"));
  CHECK(result.rule_set->find_view("top")->as<Named>().label == "Seen from above");
  CHECK_FALSE(result.rule_set->find_view("side"));
  // Seen from the side, none is needed.
  f.view = Figure::View::Side;
  CHECK(errors(load_figure(f)).empty());
}

TEST_CASE("`views` names views, each once and with a label", "[figure]") {
  Figure f;
  f.start = f.end = lying();
  CHECK(errors(load_figure(f, "[]", "", "[{id: frnt, label: Seen from the front}]")) ==
        std::vector<std::string>{
            "unknown view 'frnt' (did you mean 'front'?) (expected side, top or front)"});
  CHECK(errors(load_figure(f, "[]", "", "[{id: top}]")) ==
        std::vector<std::string>{"a value needs 'label'"});
  CHECK(errors(load_figure(f, "[]", "", "[top]")) ==
        std::vector<std::string>{"view 'top' needs a label, the caption: {id: top, label: ...}"});
  CHECK(errors(load_figure(f, "[]", "", "[{id: top, label: A}, {id: top, label: B}]")) ==
        std::vector<std::string>{"duplicate value 'top'"});
}

TEST_CASE("an arrow's points are in the box, apart, and only an arrow curves through `via`",
          "[figure]") {
  Figure f;
  f.start = f.end = lying();
  CHECK(errors(load_figure(f, "[{kind: arrow, from: [90, 86], to: [90, 70]}]")).empty());
  const auto curved =
      load_figure(f, "[{kind: arrow, from: [90, 86], via: [80, 78], to: [90, 70]}]");
  REQUIRE(errors(curved).empty());
  const Prop& arrow = only_figure(curved).props.front();
  CHECK(arrow.kind == Prop::Kind::Arrow);
  REQUIRE(arrow.via);
  CHECK((arrow.via->x == 80 && arrow.via->y == 78));
  CHECK(errors(load_figure(f, "[{kind: arrow, from: [90, 86], to: [90, 130]}]")) ==
        std::vector<std::string>{"'to' at (90, 130) is outside the 200 x 120 box"});
  CHECK(errors(load_figure(f, "[{kind: arrow, from: [90, 86], via: [-5, 70], to: [90, 70]}]")) ==
        std::vector<std::string>{"'via' at (-5, 70) is outside the 200 x 120 box"});
  CHECK(errors(load_figure(f, "[{kind: arrow, from: [90, 86], to: [90, 86]}]")) ==
        std::vector<std::string>{"an arrow needs 'from' and 'to' apart"});
  CHECK(errors(load_figure(f,
                           "[{kind: foam_roller, from: [10, 60], via: [50, 50], to: [90, "
                           "60]}]")) ==
        std::vector<std::string>{"'via' does not apply to a foam_roller"});
  CHECK(errors(load_figure(f, "[{kind: chair, from: [210, 86], to: [76, 86]}]")) ==
        std::vector<std::string>{"'from' at (210, 86) is outside the 200 x 120 box"});
}

TEST_CASE("a figure's face is read as the way it looks on the page, and none is the default",
          "[figure]") {
  Figure f;
  f.start = f.end = lying();
  {
    const auto result = load_figure(f);
    REQUIRE(errors(result).empty());
    CHECK(only_figure(result).face == Figure::Face::None);
  }
  for (Figure::Face face :
       {Figure::Face::Up, Figure::Face::Down, Figure::Face::Left, Figure::Face::Right}) {
    f.face = face;
    const auto result = load_figure(f);
    REQUIRE(errors(result).empty());
    CHECK(only_figure(result).face == face);
  }
}

TEST_CASE("a face that is not a way on the page is an error", "[figure]") {
  Figure f;
  f.start = f.end = lying();
  const auto result = load_figure(f, "[]\n          face: floor");
  const auto problems = errors(result);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("floor") != std::string::npos);
}
