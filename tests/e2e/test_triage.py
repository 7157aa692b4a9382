"""The default command end to end: levels, contract keys, text output, exit codes."""
import unittest

from harness import CALM, main, run, run_json

CONTRACT_KEYS = ["schema_version", "ruleset", "level", "red_flags", "classification", "routine",
                 "avoid", "tips", "unanswered", "answers", "trace", "disclaimer"]
LOWER = ["hamstring_stretch", "bottom_to_heels", "knee_rolls", "bird_dog", "pelvic_tilt",
         "glute_bridge"]
UPPER = ["thoracic_rotation", "pec_stretch_foam_roller", "shoulder_rolls", "scapular_squeeze",
         "prone_arm_leg_lift", "lat_pulldown"]
GENERAL_AVOID = ["bed_rest", "situps", "leg_lifts", "rotation_sports", "high_impact",
                 "heavy_lifting"]
RED_FLAGS = {"fever": "same_day", "spine_injury": "emergency_department",
             "bladder_bowel": "emergency_department", "cancer_history": "same_day",
             "saddle_numbness": "emergency_department", "leg_weakness": "emergency_department"}


class SelfCare(unittest.TestCase):
    def test_acute_axial_lower_back_gets_the_full_lower_routine(self):
        r = run_json(CALM)
        for key in CONTRACT_KEYS:
            self.assertIn(key, r)
        self.assertEqual(r["schema_version"], 1)
        self.assertEqual(r["ruleset"], {"id": "back-pain", "version": "1.0.0"})
        self.assertEqual(r["level"], "self_care")
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
        self.assertEqual(r["red_flags"], [])
        self.assertEqual(r["unanswered"], [])
        self.assertTrue(r["trace"])
        self.assertTrue(all("id" in step and "because" in step for step in r["trace"]))
        self.assertIn("not medical advice", r["disclaimer"])

    def test_answers_are_normalised(self):
        r = run_json(CALM)
        self.assertEqual(r["answers"]["duration_weeks"], 2)
        self.assertIs(r["answers"]["fever"], False)
        self.assertEqual(r["answers"]["region"], "lower")

    def test_upper_region_in_text_lists_the_upper_routine(self):
        args = [a if a != "lower" else "upper" for a in CALM]
        code, out, err = run(["--no-input"] + args)
        self.assertEqual(code, 0, err)
        self.assertIn("TRIAGE: SELF CARE", out)
        for name in ["Thoracic rotation", "Shoulder rolls", "Lat pulldown"]:
            self.assertIn(name, out)
        self.assertNotIn("Hamstring", out)
        self.assertNotIn("Toe touches", out)
        self.assertNotIn("\x1b[", out)  # not a terminal: no colour
        self.assertTrue(all(len(line) <= 80 for line in out.splitlines()), out)

    def test_both_regions_get_both_routines_and_both_avoid_lists(self):
        args = [a if a != "lower" else "both" for a in CALM]
        r = run_json(args)
        self.assertEqual([i["id"] for i in r["routine"]], LOWER + UPPER)
        self.assertEqual([a["id"] for a in r["avoid"]],
                         GENERAL_AVOID + ["toe_touches", "over_arching", "jerky_motions"])

    def test_chronic_pain_is_doctor_level_and_keeps_the_routine(self):
        r = run_json([a if a != "2" else "12" for a in CALM])
        self.assertEqual(r["level"], "doctor")
        self.assertEqual(r["classification"]["duration"], "chronic")
        self.assertEqual([i["id"] for i in r["routine"]], LOWER)
        r = run_json([a if a != "2" else "11.9" for a in CALM])
        self.assertEqual(r["level"], "self_care")


class RedFlags(unittest.TestCase):
    def test_each_red_flag_alone_gives_emergency_with_its_care_and_no_routine(self):
        for flag, care in RED_FLAGS.items():
            r = run_json(CALM + ["--" + flag.replace("_", "-"), "yes"])
            self.assertEqual(r["level"], "emergency", flag)
            self.assertEqual([(f["id"], f["care"]) for f in r["red_flags"]], [(flag, care)])
            self.assertEqual(r["routine"], [], flag)
            self.assertEqual(r["avoid"], [], flag)

    def test_unanswered_red_flag_is_incomplete_never_self_care(self):
        args = ["--duration-weeks", "2", "--sensation", "dull", "--spread", "one_spot",
                "--region", "lower"] + [f"--{f.replace('_', '-')}=no" for f in RED_FLAGS
                                        if f != "leg_weakness"]
        r = run_json(args)
        self.assertEqual(r["level"], "incomplete")
        self.assertEqual(r["routine"], [])
        self.assertEqual(r["unanswered"], ["leg_weakness"])

    def test_explicit_flag_wins_over_no_red_flags(self):
        r = run_json(CALM + ["--fever", "YES"])
        self.assertEqual([f["id"] for f in r["red_flags"]], ["fever"])


class Text(unittest.TestCase):
    def test_explain_shows_rules_and_sources(self):
        code, out, _ = run(["--no-input", "--explain"] + CALM)
        self.assertEqual(code, 0)
        self.assertIn("How this was decided", out)
        self.assertIn("level-self-care", out)

    def test_color_always_and_no_color(self):
        _, out, _ = run(["--no-input", "--color", "always"] + CALM)
        self.assertIn("\x1b[", out)
        _, out, _ = run(["--no-input", "--color", "never"] + CALM)
        self.assertNotIn("\x1b[", out)


class ExitCodes(unittest.TestCase):
    def test_usage_errors_exit_2_with_one_line(self):
        for args, message in [
            (["--duration-weeks", "-1"], "--duration-weeks: '-1' is out of range (0 to 520 weeks)"),
            (["--duration-weeks", "abc"], "--duration-weeks: expected a number from 0 to 520 weeks"),
            (["--fever", "maybe"], "--fever: expected yes or no"),
            (["--sensation", "electrik"], "(did you mean 'electric'?)"),
            (["--no-such-flag"], "unknown option '--no-such-flag'"),
            (["--fevr", "yes"], "unknown option '--fevr' (did you mean '--fever'?)"),
            (["--fever"], "--fever: 1 required YES|NO missing"),
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
        self.assertIn("--duration-weeks", out)
        self.assertIn("Examples:", out)
        code, out, _ = run(["--version"])
        self.assertEqual((code, out.strip()), (0, "backtriage 1.0.0"))

    def test_missing_rules_file_is_66_and_broken_is_65(self):
        code, _, err = run(["--rules", "/nonexistent/rules.yaml"])
        self.assertEqual(code, 66)
        self.assertIn("cannot open /nonexistent/rules.yaml", err)


if __name__ == "__main__":
    main()
