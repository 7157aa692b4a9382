"""The default command end to end (contract version 2): the ladder of levels,
red flags yes/unsure/unanswered, `complete`, `reasons`, `plan`, `assumed`, the
report's keys, text output and exit codes."""
import json
import os
import re
import tempfile
import unittest

from harness import CALM, RED_FLAGS, SOURCE_DIR, flag, main, run, run_json, with_value

# The report's keys, in the contract's order.
CONTRACT_KEYS = ["schema_version", "ruleset", "locale", "level", "level_label", "advice", "complete",
                 "red_flags", "reasons", "classification", "routine", "avoid", "tips",
                 "safe_activities", "frequency", "expected_course", "plan", "watch_for",
                 "unanswered", "assumed", "answers", "trace", "disclaimer"]
# Most urgent first.
LEVELS = ["ambulance", "emergency", "urgent", "soon", "doctor", "self_care", "incomplete"]
WITH_ROUTINE = {"doctor", "self_care"}
LOWER = ["hamstring_stretch", "bottom_to_heels", "knee_rolls", "bird_dog", "pelvic_tilt",
         "glute_bridge"]
UPPER = ["thoracic_rotation", "pec_stretch_foam_roller", "shoulder_rolls", "scapular_squeeze",
         "prone_arm_leg_lift", "lat_pulldown"]
GENERAL_AVOID = ["bed_rest", "situps", "leg_lifts", "rotation_sports", "high_impact",
                 "heavy_lifting"]
VERSION_1_RED_FLAGS = ["bladder_bowel", "saddle_numbness", "leg_weakness", "spine_injury",
                       "fever", "cancer_history"]
# Follow-up questions the rule set asks after a yes, because they could make
# the step more urgent (a serious accident with nerve signs: an ambulance;
# cancer with a band of pain: A&E). Unanswered, they leave the report incomplete.
FOLLOW_UPS = {"spine_injury": ["injury_severe"], "cancer_history": ["chest_band"]}
RED_FLAG_KEYS = ["id", "label", "level", "answer", "why", "source"]


def without(args, name):
    args = list(args)
    i = args.index(name)
    del args[i:i + 2]
    return args


def more_urgent(a, b):
    return LEVELS.index(a) < LEVELS.index(b)


def batch(objects, extra=()):
    text = "".join(json.dumps(o) + "\n" for o in objects)
    code, out, err = run(["batch"] + list(extra), stdin=text)
    if code != 0:
        raise AssertionError(f"exit {code}: {err}")
    return [json.loads(line) for line in out.splitlines()]


class ReportShape:
    """Checks shared by the test classes."""

    def assertNoRoutine(self, r):
        self.assertEqual(r["routine"], [], r["level"])
        self.assertEqual(r["avoid"], [], r["level"])
        self.assertEqual(r["tips"], [], r["level"])
        self.assertEqual(r["safe_activities"], [], r["level"])
        self.assertIsNone(r["frequency"], r["level"])
        self.assertIsNone(r["expected_course"], r["level"])
        self.assertIsNone(r["plan"], r["level"])

    def assertRedFlag(self, entry, question_id, level, answer):
        self.assertEqual(list(entry), RED_FLAG_KEYS)
        self.assertEqual((entry["id"], entry["level"], entry["answer"]),
                         (question_id, level, answer))
        for key in ["label", "why", "source"]:
            self.assertTrue(entry[key].strip(), (question_id, key))


class SelfCare(ReportShape, unittest.TestCase):
    def test_calm_answers_give_a_complete_self_care_report_with_the_lower_routine(self):
        r = run_json(CALM)
        self.assertEqual(list(r), CONTRACT_KEYS)
        self.assertEqual(r["schema_version"], 2)
        self.assertEqual(r["ruleset"]["id"], "back-pain")
        self.assertRegex(r["ruleset"]["version"], r"^2\.\d+\.\d+$")
        self.assertEqual(r["level"], "self_care")
        self.assertTrue(r["level_label"])
        self.assertTrue(r["advice"])
        self.assertIs(r["complete"], True)
        self.assertEqual(r["red_flags"], [])
        self.assertEqual(r["reasons"], [])
        self.assertEqual(r["classification"],
                         {"duration": "acute", "pain_type": "axial", "region": "lower"})
        self.assertEqual([i["id"] for i in r["routine"]], LOWER)
        for item in r["routine"]:
            self.assertEqual(item["region"], "lower")
            self.assertGreaterEqual(len(item["steps"]), 2, item["id"])
            self.assertIn("reps", item["dose"], item["id"])
            self.assertEqual(item["dose"]["per_week"], 3)
            self.assertTrue(item["source"].startswith("article:"), item["id"])
        hamstring = r["routine"][0]
        self.assertEqual(hamstring["dose"]["hold_seconds"], {"min": 15, "max": 30})
        self.assertEqual(hamstring["dose"]["reps"], {"min": 5, "max": 5})
        self.assertTrue(hamstring["dose"]["per_side"])
        self.assertEqual([a["id"] for a in r["avoid"]], GENERAL_AVOID + ["toe_touches"])
        for a in r["avoid"]:
            self.assertTrue(a["reason"], a["id"])
        self.assertEqual([t["id"] for t in r["tips"]],
                         ["healthy_weight", "posture", "lift_with_care", "vitamin_d"])
        self.assertTrue(r["safe_activities"])
        self.assertTrue(r["frequency"]["text"])
        self.assertTrue(r["expected_course"]["text"])
        self.assertEqual(r["unanswered"], [])
        # Nobody said whether they are pregnant: assumed not, and said so.
        self.assertEqual([a["id"] for a in r["assumed"]], ["pregnant"])
        self.assertTrue(r["trace"])
        self.assertTrue(all(list(step) == ["id", "source", "because", "then"]
                            for step in r["trace"]), r["trace"])
        self.assertIn("not medical advice", r["disclaimer"])

    def test_the_plan_gives_weeks_sessions_and_check_ins(self):
        plan = run_json(CALM)["plan"]
        self.assertEqual(list(plan), ["weeks", "sessions_per_week", "check_ins", "source"])
        self.assertGreaterEqual(plan["weeks"], 4)
        self.assertEqual(plan["sessions_per_week"], 3)  # the article: three times a week
        self.assertTrue(plan["check_ins"])
        weeks = [c["week"] for c in plan["check_ins"]]
        self.assertEqual(weeks, sorted(weeks))
        for check_in in plan["check_ins"]:
            self.assertEqual(list(check_in), ["week", "text"])
            self.assertTrue(1 <= check_in["week"] <= plan["weeks"], check_in)
            self.assertTrue(check_in["text"])
        self.assertTrue(plan["source"])

    def test_answers_are_normalised(self):
        r = run_json(CALM)
        self.assertEqual(r["answers"]["duration_weeks"], 2)
        self.assertIs(type(r["answers"]["duration_weeks"]), int)
        self.assertEqual(r["answers"]["age"], 40)
        self.assertIs(r["answers"]["daily_life"], False)
        for question_id in RED_FLAGS:
            self.assertIs(r["answers"][question_id], False, question_id)
        self.assertEqual(r["answers"]["region"], "lower")
        r = run_json(with_value(CALM, "--fever", "Unsure"))
        self.assertEqual(r["answers"]["fever"], "unsure")
        r = run_json(with_value(CALM, "--fever", "Y"))
        self.assertIs(r["answers"]["fever"], True)

    def test_upper_region_in_text_lists_the_upper_routine(self):
        args = with_value(CALM, "--region", "upper")
        r = run_json(args)
        self.assertEqual(r["level"], "self_care")
        code, out, err = run(["--no-input"] + args)
        self.assertEqual(code, 0, err)
        self.assertEqual(out.splitlines()[0], r["level_label"].upper())
        for name in ["Thoracic rotation", "Shoulder rolls", "Lat pulldown"]:
            self.assertIn(name, out)
        self.assertNotIn("Hamstring", out)
        self.assertNotIn("Toe touches", out)
        self.assertNotIn("\x1b[", out)  # not a terminal: no colour
        self.assertTrue(all(len(line) <= 80 for line in out.splitlines()), out)

    def test_both_regions_get_both_routines_and_both_avoid_lists(self):
        r = run_json(with_value(CALM, "--region", "both"))
        self.assertEqual([i["id"] for i in r["routine"]], LOWER + UPPER)
        self.assertEqual([a["id"] for a in r["avoid"]],
                         GENERAL_AVOID + ["toe_touches", "over_arching", "jerky_motions"])

    def test_radicular_pain_avoids_toe_touches_with_the_upper_routine(self):
        r = run_json(with_value(with_value(CALM, "--region", "upper"), "--sensation", "electric"))
        self.assertEqual(r["classification"]["pain_type"], "radicular")
        # and, as with any sciatica, long sitting and a hot-water bottle on numb skin
        self.assertEqual([a["id"] for a in r["avoid"]],
                         GENERAL_AVOID + ["toe_touches", "over_arching", "jerky_motions",
                                          "long_sitting", "hot_water_bottle"])

    def test_classification(self):
        for extra, pain_type in [
            (["--sensation", "electric"], "radicular"),
            (["--spread", "spreads", "--below-knee", "yes"], "radicular"),
            (["--spread", "spreads", "--below-knee", "no"], "referred"),
            (["--spread", "spreads", "--below-knee", "no", "--sensation", "electric"],
             "radicular"),
            ([], "axial"),
        ]:
            args = CALM
            for name, value in zip(extra[::2], extra[1::2]):
                args = with_value(args, name, value)
            with self.subTest(extra=extra):
                self.assertEqual(run_json(args)["classification"]["pain_type"], pain_type)

    def test_chronic_pain_is_doctor_level_keeps_the_routine_and_says_why(self):
        r = run_json(with_value(CALM, "--duration-weeks", "12"))
        self.assertEqual(r["level"], "doctor")
        self.assertIs(r["complete"], True)
        self.assertEqual(r["classification"]["duration"], "chronic")
        self.assertEqual([i["id"] for i in r["routine"]], LOWER)
        self.assertIsNotNone(r["plan"])
        self.assertEqual([x["id"] for x in r["reasons"]], ["chronic"])
        self.assertEqual(list(r["reasons"][0]), ["id", "text", "source"])
        r = run_json(with_value(CALM, "--duration-weeks", "11.9"))
        self.assertEqual(r["level"], "self_care")


class Ladder(ReportShape, unittest.TestCase):
    def test_each_red_flag_yes_gives_its_step_and_no_routine(self):
        for question_id, step in RED_FLAGS.items():
            with self.subTest(question_id):
                r = run_json(with_value(CALM, flag(question_id), "yes"))
                self.assertEqual(r["level"], step)
                self.assertEqual(len(r["red_flags"]), 1, r["red_flags"])
                self.assertRedFlag(r["red_flags"][0], question_id, step, "yes")
                self.assertEqual(r["reasons"], [])
                self.assertEqual(r["unanswered"], FOLLOW_UPS.get(question_id, []))
                self.assertIs(r["complete"], not r["unanswered"])
                self.assertNoRoutine(r)

    def test_a_follow_up_is_unanswered_only_once_its_trigger_is_answered(self):
        for trigger, follow_ups in FOLLOW_UPS.items():
            with self.subTest(trigger):
                others = [a for f in RED_FLAGS if f != trigger for a in (flag(f), "no")]
                answered = [a for a in CALM if a != "--no-red-flags"] + others + [
                    "--sudden-spine-pain", "no"]
                self.assertEqual(run_json(answered)["unanswered"], [trigger])
                self.assertEqual(run_json(with_value(CALM, flag(trigger), "unsure"))["unanswered"],
                                 follow_ups)

    def test_each_red_flag_unsure_counts_at_its_step_and_says_unsure(self):
        for question_id, step in RED_FLAGS.items():
            with self.subTest(question_id):
                r = run_json(with_value(CALM, flag(question_id), "unsure"))
                # An unsure ambulance sign counts as A&E (DESIGN.md, "Triage").
                expected = "emergency" if step == "ambulance" else step
                self.assertEqual(r["level"], expected)
                self.assertEqual([f["id"] for f in r["red_flags"]], [question_id])
                self.assertEqual(r["red_flags"][0]["answer"], "unsure")
                self.assertEqual(r["answers"][question_id], "unsure")
                self.assertNoRoutine(r)

    def test_an_unsure_ambulance_follow_up_counts_as_emergency(self):
        # After a serious accident, neck pain, numbness or not being able to
        # walk (injury_severe) is an ambulance sign; unsure, it counts as A&E.
        r = run_json(with_value(CALM, "--spine-injury", "yes") + ["--injury-severe", "unsure"])
        self.assertEqual(r["level"], "emergency")
        entry = next(f for f in r["red_flags"] if f["id"] == "injury_severe")
        self.assertEqual((entry["answer"], entry["level"]), ("unsure", "emergency"))
        r = run_json(with_value(CALM, "--spine-injury", "yes") + ["--injury-severe", "yes"])
        self.assertEqual(r["level"], "ambulance")

    def test_the_level_is_as_urgent_as_every_red_flag_it_lists(self):
        for args in [["--spine-injury", "yes", "--injury-severe", "unsure"],
                     ["--aortic-signs", "unsure", "--fever", "yes"],
                     ["--bladder-bowel", "unsure", "--weight-loss", "yes"]]:
            with self.subTest(args=args):
                r = run_json(args)
                for f in r["red_flags"]:
                    self.assertFalse(more_urgent(f["level"], r["level"]), (f, r["level"]))

    def test_the_most_urgent_step_wins_and_red_flags_keep_question_order(self):
        args = CALM
        for question_id in ["back_lump", "fever", "weight_loss"]:
            args = with_value(args, flag(question_id), "yes")
        r = run_json(with_value(args, "--duration-weeks", "20"))
        self.assertEqual(r["level"], "urgent")
        self.assertEqual([(f["id"], f["level"]) for f in r["red_flags"]],
                         [("fever", "urgent"), ("weight_loss", "soon"), ("back_lump", "soon")])
        self.assertEqual(r["reasons"], [])  # the red flags explain the level
        self.assertNoRoutine(r)
        r = run_json(with_value(args, "--aortic-signs", "yes"))
        self.assertEqual(r["level"], "ambulance")
        self.assertEqual(r["red_flags"][0]["id"], "aortic_signs")

    def test_a_yes_with_a_more_urgent_flag_unanswered_keeps_the_certain_step(self):
        r = run_json(["--fever", "yes"])
        self.assertEqual(r["level"], "urgent")
        self.assertIs(r["complete"], False)
        for question_id, step in RED_FLAGS.items():
            if more_urgent(step, "urgent"):
                self.assertIn(question_id, r["unanswered"])
            if step == "soon":
                self.assertNotIn(question_id, r["unanswered"])  # cannot change the level
        self.assertNoRoutine(r)

    def test_an_unanswered_red_flag_never_gives_doctor_or_self_care(self):
        objects = []
        for weeks, improving, daily in [(2, None, False), (7, True, False), (7, False, False),
                                        (20, None, True), (2, None, None)]:
            for missing in RED_FLAGS:
                answers = {q: False for q in RED_FLAGS if q != missing}
                answers.update(duration_weeks=weeks, sensation="dull", spread="one_spot",
                               region="lower", age=40)
                if improving is not None:
                    answers["improving"] = improving
                if daily is not None:
                    answers["daily_life"] = daily
                objects.append((missing, answers))
        reports = batch([answers for _, answers in objects])
        self.assertEqual(len(reports), len(objects))
        for (missing, answers), r in zip(objects, reports):
            with self.subTest(missing=missing, answers=answers):
                self.assertEqual(r["level"], "incomplete")
                self.assertIs(r["complete"], False)
                self.assertIn(missing, r["unanswered"])
                self.assertNoRoutine(r)

    def test_incomplete_without_the_duration(self):
        r = run_json(without(CALM, "--duration-weeks"))
        self.assertEqual(r["level"], "incomplete")
        self.assertIs(r["complete"], False)
        self.assertEqual(r["red_flags"], [])
        self.assertIn("duration_weeks", r["unanswered"])
        self.assertIsNone(r["classification"]["duration"])
        self.assertNoRoutine(r)

    def test_explicit_flag_wins_over_no_red_flags(self):
        r = run_json(["--fever", "YES", "--no-red-flags"])
        self.assertEqual([f["id"] for f in r["red_flags"]], ["fever"])
        self.assertIs(r["answers"]["fever"], True)
        self.assertIs(r["answers"]["bladder_bowel"], False)


class Reasons(ReportShape, unittest.TestCase):
    def test_reasons_for_the_doctor_and_soon_steps(self):
        for changes, level, reasons in [
            ({"--duration-weeks": "7", "--improving": "no"}, "doctor", ["not_improving"]),
            ({"--daily-life": "yes"}, "doctor", ["daily_life"]),
            ({"--age": "12"}, "soon", ["child"]),
        ]:
            args = CALM
            for name, value in changes.items():
                args = with_value(args, name, value)
            with self.subTest(changes):
                r = run_json(args)
                self.assertEqual(r["level"], level)
                self.assertEqual([x["id"] for x in r["reasons"]], reasons)
                self.assertEqual(r["red_flags"], [])
                for reason in r["reasons"]:
                    self.assertEqual(list(reason), ["id", "text", "source"])
                    self.assertTrue(reason["text"] and reason["source"])
                if level in WITH_ROUTINE:
                    self.assertEqual([i["id"] for i in r["routine"]], LOWER)
                    self.assertIsNotNone(r["plan"])
                else:
                    self.assertNoRoutine(r)

    def test_an_inflammatory_pattern_adds_a_reason_and_stays_doctor(self):
        args = with_value(with_value(CALM, "--duration-weeks", "20"), "--age", "30")
        args += ["--morning-stiffness", "yes", "--wakes-late-night", "yes"]
        r = run_json(args)
        self.assertEqual(r["level"], "doctor")
        ids = [x["id"] for x in r["reasons"]]
        self.assertIn("inflammatory_pattern", ids)
        self.assertIn("chronic", ids)
        note = next(x for x in r["reasons"] if x["id"] == "inflammatory_pattern")
        self.assertIn("rheumatolog", note["text"])
        self.assertEqual([i["id"] for i in r["routine"]], LOWER)


class Acceptance(ReportShape, unittest.TestCase):
    """The examples the version-2 issue accepts."""

    def test_fever_with_no_other_red_flag_is_urgent(self):
        code, out, err = run(["--json", "--no-input", "--no-red-flags", "--fever", "yes"])
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        self.assertEqual(r["level"], "urgent")
        self.assertRedFlag(r["red_flags"][0], "fever", "urgent", "yes")

    def test_bladder_bowel_is_emergency(self):
        r = run_json(["--bladder-bowel", "yes"])
        self.assertEqual(r["level"], "emergency")
        self.assertRedFlag(r["red_flags"][0], "bladder_bowel", "emergency", "yes")
        # aortic_signs, more urgent, is unanswered.
        self.assertIs(r["complete"], False)
        self.assertIn("aortic_signs", r["unanswered"])

    def test_aortic_signs_is_ambulance(self):
        r = run_json(["--aortic-signs", "yes"])
        self.assertEqual(r["level"], "ambulance")
        self.assertIs(r["complete"], True)  # nothing is more urgent
        self.assertRedFlag(r["red_flags"][0], "aortic_signs", "ambulance", "yes")
        self.assertNoRoutine(r)

    def test_weight_loss_with_the_rest_answered_is_soon(self):
        r = run_json(CALM + ["--weight-loss", "yes"])
        self.assertEqual(r["level"], "soon")
        self.assertIs(r["complete"], True)
        self.assertEqual([f["id"] for f in r["red_flags"]], ["weight_loss"])
        self.assertNoRoutine(r)

    def test_seven_weeks_not_improving_is_doctor(self):
        r = run_json(with_value(CALM, "--duration-weeks", "7") + ["--improving", "no"])
        self.assertEqual(r["level"], "doctor")
        self.assertIs(r["complete"], True)
        self.assertEqual(r["classification"]["duration"], "acute")
        self.assertEqual([x["id"] for x in r["reasons"]], ["not_improving"])
        self.assertEqual([i["id"] for i in r["routine"]], LOWER)
        self.assertIsNotNone(r["plan"])

    def test_bladder_bowel_unsure_is_emergency_and_says_unsure(self):
        r = run_json(["--bladder-bowel", "unsure"])
        self.assertEqual(r["level"], "emergency")
        self.assertRedFlag(r["red_flags"][0], "bladder_bowel", "emergency", "unsure")

    def test_aortic_signs_unsure_is_emergency(self):
        r = run_json(["--aortic-signs", "unsure"])
        self.assertEqual(r["level"], "emergency")
        self.assertEqual([(f["id"], f["answer"]) for f in r["red_flags"]],
                         [("aortic_signs", "unsure")])
        self.assertNoRoutine(r)

    def test_a_version_1_answers_file(self):
        answers = {question_id: False for question_id in VERSION_1_RED_FLAGS}
        answers.update(duration_weeks=3, sensation="achy", spread="one_spot", region="lower")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(answers, f)
        self.addCleanup(os.unlink, f.name)
        r = run_json(["--answers", f.name])
        self.assertEqual(r["level"], "incomplete")
        self.assertIs(r["complete"], False)
        new_red_flags = [q for q in RED_FLAGS if q not in VERSION_1_RED_FLAGS]
        for question_id in new_red_flags:
            self.assertIn(question_id, r["unanswered"])
        self.assertNoRoutine(r)

        r = run_json(["--answers", f.name, "--no-red-flags"])
        self.assertEqual(r["level"], "self_care")
        self.assertIs(r["complete"], True)
        self.assertEqual(r["unanswered"], [])
        self.assertEqual([i["id"] for i in r["routine"]], LOWER)
        self.assertEqual([a["id"] for a in r["avoid"]], GENERAL_AVOID + ["toe_touches"])
        self.assertTrue(r["tips"])
        self.assertIsNotNone(r["plan"])
        self.assertEqual([a["id"] for a in r["assumed"]], ["pregnant", "age", "daily_life"])

    def test_assumed_lists_age_and_daily_life_when_not_given(self):
        r = run_json(without(without(CALM, "--age"), "--daily-life"))
        self.assertEqual(r["level"], "self_care")
        self.assertIs(r["complete"], True)
        self.assertEqual([a["id"] for a in r["assumed"]], ["pregnant", "age", "daily_life"])
        for a in r["assumed"]:
            self.assertEqual(list(a), ["id", "text"])
            self.assertTrue(a["text"])
        self.assertEqual([a["id"] for a in run_json(without(CALM, "--age"))["assumed"]],
                         ["pregnant", "age"])
        self.assertEqual([a["id"] for a in run_json(without(CALM, "--daily-life"))["assumed"]],
                         ["pregnant", "daily_life"])
        self.assertEqual(run_json(CALM + ["--pregnant", "no"])["assumed"], [])
        # The text report says what it assumed.
        code, out, _ = run(["--no-input"] + without(without(CALM, "--age"), "--daily-life"))
        self.assertEqual(code, 0)
        flat = " ".join(out.split())
        for a in r["assumed"]:
            self.assertIn(" ".join(a["text"].split()), flat)

    def test_json_into_a_pipe_is_one_compact_line_and_pretty_is_indented(self):
        code, out, err = run(["--json", "--no-input"] + CALM)
        self.assertEqual(code, 0, err)
        self.assertTrue(out.endswith("\n"))
        self.assertEqual(len(out.splitlines()), 1)
        self.assertNotIn('": ', out)  # no space after the colons
        compact = json.loads(out)
        code, pretty, err = run(["--json", "--pretty", "--no-input"] + CALM)
        self.assertEqual(code, 0, err)
        self.assertGreater(len(pretty.splitlines()), 50)
        self.assertTrue(pretty.startswith('{\n  "schema_version": 2,\n'), pretty[:80])
        self.assertEqual(json.loads(pretty), compact)

    def test_the_text_report_names_no_ids_unless_explain(self):
        ids = rule_set_ids()
        for args in [CALM, with_value(CALM, "--duration-weeks", "20"),
                     ["--bladder-bowel", "unsure", "--fever", "yes"], ["--aortic-signs", "yes"],
                     with_value(CALM, "--weight-loss", "yes"), ["--duration-weeks", "3"], [],
                     with_value(CALM, "--region", "both") + ["--morning-stiffness", "yes"]]:
            with self.subTest(args=args):
                code, out, _ = run(["--no-input"] + args)
                self.assertEqual(code, 0)
                self.assertEqual(ids_in(out, ids), [])
        code, out, _ = run(["--no-input", "--explain"] + CALM)
        self.assertIn("self-care", ids_in(out, ids))


def rule_set_ids():
    """Question, rule and value ids of the rule set that are made of several
    words (single words such as `fever` are also plain English)."""
    import yaml
    with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    ids = {q["id"] for q in rules["questions"]} | {r["id"] for r in rules["rules"]}
    for fact in rules["facts"]:
        ids.add(fact["id"])
        for value in fact.get("choices", []) + fact.get("items", []):
            ids.add(value["id"] if isinstance(value, dict) else value)
    return sorted(i for i in ids if "_" in i or "-" in i)


def ids_in(text, ids):
    # A flag such as --bladder-bowel is what a person types, not an id.
    return [i for i in ids if re.search(r"(?<![-\w])" + re.escape(i) + r"(?![-\w])", text)]


class Text(unittest.TestCase):
    def test_the_headline_is_the_level_label(self):
        for args in [CALM, with_value(CALM, "--aortic-signs", "yes"),
                     with_value(CALM, "--bladder-bowel", "yes"), with_value(CALM, "--fever", "yes"),
                     with_value(CALM, "--weight-loss", "yes"),
                     with_value(CALM, "--duration-weeks", "20"), without(CALM, "--duration-weeks")]:
            with self.subTest(args=args):
                r = run_json(args)
                code, out, _ = run(["--no-input"] + args)
                self.assertEqual(code, 0)
                self.assertEqual(out.splitlines()[0], r["level_label"].upper())
                self.assertTrue(all(len(line) <= 80 for line in out.splitlines()), out)

    def test_an_unsure_answer_is_said_in_the_text(self):
        code, out, _ = run(["--no-input", "--bladder-bowel", "unsure"])
        self.assertEqual(code, 0)
        self.assertIn("not sure", out)

    def test_explain_shows_rules_and_sources(self):
        code, out, _ = run(["--no-input", "--explain"] + CALM)
        self.assertEqual(code, 0)
        self.assertIn("How this was decided", out)
        self.assertIn("self-care", out)
        self.assertIn("article:", out)

    def test_color_always_and_no_color(self):
        _, out, _ = run(["--no-input", "--color", "always"] + CALM)
        self.assertIn("\x1b[", out)
        _, out, _ = run(["--no-input", "--color", "never"] + CALM)
        self.assertNotIn("\x1b[", out)
        _, out, _ = run(["--no-input"] + CALM, env={"NO_COLOR": "1"})
        self.assertNotIn("\x1b[", out)


class Pregnancy(unittest.TestCase):
    """Contract 2.1: the pregnancy signs by gestation, the maternity unit, the routine."""
    PREGNANT = ["--no-red-flags", "--pregnant", "yes", "--pregnancy-danger", "no",
                "--pregnancy-same-day", "no"]
    CALM_PAIN = ["--age", "30", "--duration-weeks", "2", "--sensation", "dull", "--spread",
                 "one_spot", "--region", "lower", "--daily-life", "no"]

    def test_the_maternity_signs_at_30_weeks_are_the_maternity_unit_now_not_ae(self):
        r = run_json(self.PREGNANT + ["--pregnancy-weeks", "30", "--pregnancy-signs", "yes"])
        self.assertEqual((r["level"], r["complete"]), ("emergency", True))
        self.assertEqual(r["level_label"], "Call your maternity unit now")
        self.assertIn("maternity unit", r["advice"])
        self.assertNotIn("A&E", r["advice"])
        self.assertEqual(r["routine"], [])
        text = run(["--no-input"] + self.PREGNANT +
                   ["--pregnancy-weeks", "30", "--pregnancy-signs", "yes"])[1]
        self.assertTrue(text.startswith("CALL YOUR MATERNITY UNIT NOW\n"), text[:80])

    def test_with_another_sign_at_ae_the_report_says_ae(self):
        r = run_json(self.PREGNANT + ["--pregnancy-weeks", "30", "--pregnancy-signs", "yes",
                                      "--bladder-bowel", "yes"])
        self.assertEqual(r["level"], "emergency")
        self.assertEqual(r["level_label"], "Go to A&E now")

    def test_from_16_weeks_nothing_lying_on_the_back_and_at_least_three_exercises(self):
        for weeks in [["--pregnancy-weeks", "16"], ["--pregnancy-weeks", "35"], []]:
            with self.subTest(weeks=weeks):
                r = run_json(self.PREGNANT + ["--pregnancy-signs", "no"] + weeks +
                             self.CALM_PAIN)
                self.assertEqual(r["level"], "self_care")
                positions = [item["position"] for item in r["routine"]]
                self.assertNotIn("lying_on_back", positions)
                self.assertGreaterEqual(len(positions), 3)
                self.assertIn("lying_flat_long", [a["id"] for a in r["avoid"]])
                self.assertIn("anti_inflammatories", [a["id"] for a in r["avoid"]])
        r = run_json(self.PREGNANT + ["--pregnancy-signs", "no", "--pregnancy-weeks", "12"] +
                     self.CALM_PAIN)
        self.assertIn("lying_on_back", [item["position"] for item in r["routine"]])

    def test_unanswered_pregnancy_is_assumed_no_and_said(self):
        r = run_json(["--no-red-flags"] + self.CALM_PAIN)
        self.assertEqual(r["level"], "self_care")
        self.assertIn("pregnant", [a["id"] for a in r["assumed"]])
        self.assertNotIn("pelvic_floor", [item["id"] for item in r["routine"]])

    def test_tingling_spreading_from_the_lower_back_is_nerve_pain(self):
        r = run_json(["--no-red-flags", "--pregnant", "no", "--age", "40", "--duration-weeks",
                      "2", "--sensation", "tingling", "--spread", "spreads", "--below-knee",
                      "no", "--region", "lower", "--daily-life", "no"])
        self.assertEqual(r["classification"]["pain_type"], "radicular")
        cautions = {item["id"]: item.get("caution") for item in r["routine"]}
        self.assertIn("ease off", cautions["hamstring_stretch"])
        self.assertIsNone(cautions["glute_bridge"])
        signs = " ".join(s for entry in r["watch_for"] for s in entry["signs"])
        self.assertIn("other leg", signs)
        self.assertNotIn("numbness in your leg", signs)


class ExitCodes(unittest.TestCase):
    def test_usage_errors_exit_2_with_one_line(self):
        for args, message in [
            (["--duration-weeks", "-1"], "--duration-weeks: '-1' is out of range"),
            (["--duration-weeks", "abc"], "--duration-weeks: expected a number from 0 to 520"),
            (["--age", "121"], "--age: '121' is out of range"),
            (["--fever", "maybe"], "--fever: expected yes, no or unsure"),
            (["--aortic-signs", "perhaps"], "--aortic-signs: expected yes, no or unsure"),
            # Only red flags accept unsure.
            (["--improving", "unsure"], "--improving: expected yes or no"),
            (["--daily-life", "unsure"], "--daily-life: expected yes or no"),
            (["--sensation", "electrik"], "(did you mean 'electric'?)"),
            (["--no-such-flag"], "unknown option '--no-such-flag'"),
            (["--fevr", "yes"], "unknown option '--fevr' (did you mean '--fever'?)"),
            (["--fever"], "--fever"),
            (["--color", "sometimes"], "--color"),
        ]:
            code, out, err = run(["--no-input"] + args)
            self.assertEqual(code, 2, args)
            self.assertEqual(out, "", args)
            self.assertIn(message, err, args)
            self.assertEqual(len(err.strip().splitlines()), 1, err)

    def test_help_and_version(self):
        code, out, _ = run(["--help"])
        self.assertEqual(code, 0)
        for option in ["--duration-weeks", "--aortic-signs", "--age", "--improving",
                       "--daily-life", "--no-red-flags", "Examples:"]:
            self.assertIn(option, out)
        # A choice's values are ids: each is shown with what it means.
        joined = " ".join(out.split())
        self.assertIn("(electric: shooting, like an electric shock; sharp: sharp or stabbing;",
                      joined)
        self.assertIn("(one_spot: stays in one area; spreads: spreads to other areas)", joined)
        code, out, _ = run(["--version"])
        self.assertEqual(code, 0)
        self.assertRegex(out.strip(), r"^backtriage 2\.\d+\.\d+$")

    def test_missing_rules_file_is_66_and_broken_is_65(self):
        code, _, err = run(["--rules", "/nonexistent/rules.yaml"])
        self.assertEqual(code, 66)
        self.assertIn("cannot open /nonexistent/rules.yaml", err)
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            f.write("id: broken\n")
        self.addCleanup(os.unlink, f.name)
        code, out, err = run(["--no-input", "--rules", f.name])
        self.assertEqual((code, out), (65, ""))
        self.assertIn(f.name, err)


if __name__ == "__main__":
    main()
