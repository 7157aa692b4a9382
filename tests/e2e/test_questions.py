"""`backtriage questions`: every question of the rule set, in asking order, with its flag,
type, choices or range, prompt, priority and the rules that read it; as text and as JSON."""
import json
import os
import tempfile
import unittest

import re
from harness import SOURCE_DIR, main, run

IDS = ["aortic_signs", "spine_injury", "injury_severe", "bladder_bowel", "saddle_numbness",
       "both_legs", "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
       "sudden_spine_pain", "weight_loss", "night_pain", "back_lump", "pregnant", "chest_band",
       "pregnancy_danger", "baby_born", "pregnancy_weeks", "pregnancy_signs", "pregnancy_same_day",
       "postnatal_signs", "age",
       "duration_weeks", "improving", "sensation", "spread", "below_knee", "region", "daily_life",
       "new_back_pain", "constant_pain", "morning_stiffness", "better_with_exercise",
       "wakes_late_night", "alternating_buttock"]
# The contract's thirteen, and the one more guideline sign.
RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
             "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
             "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]


class Json(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        code, out, err = run(["questions", "--json"])
        assert code == 0, err
        cls.questions = json.loads(out)
        cls.by_id = {q["id"]: q for q in cls.questions}

    def test_every_question_in_asking_order_red_flags_first(self):
        self.assertEqual([q["id"] for q in self.questions], IDS)
        self.assertEqual([q["priority"] for q in self.questions], list(range(1, len(IDS) + 1)))
        self.assertEqual([q["id"] for q in self.questions if q["red_flag"]], RED_FLAGS)

    def test_red_flags_take_unsure_at_their_step_an_ambulance_sign_at_a_and_e(self):
        for qid in RED_FLAGS:
            self.assertEqual(self.by_id[qid]["answers"], ["yes", "no", "unsure"], qid)
        self.assertEqual(self.by_id["aortic_signs"]["unsure"], "emergency")
        self.assertEqual(self.by_id["fever"]["unsure"], "urgent")
        self.assertEqual(self.by_id["weight_loss"]["unsure"], "soon")
        self.assertEqual(self.by_id["improving"]["answers"], ["yes", "no"])
        self.assertIsNone(self.by_id["improving"]["unsure"])

    def test_optional_questions_and_checklists(self):
        optional = [q["id"] for q in self.questions if q["optional"]]
        self.assertEqual(optional, ["pregnant", "baby_born", "pregnancy_weeks", "age",
                                    "improving", "daily_life", "new_back_pain",
                                    "constant_pain", "morning_stiffness", "better_with_exercise",
                                    "wakes_late_night", "alternating_buttock"])
        history = [q["id"] for q in self.questions if q["checklist"] == "history"]
        # Whether a pregnancy adds signs rides on the checklist: one "none" for anyone else.
        self.assertEqual(history, ["fever", "cancer_history", "infection_risk", "fragile_bones",
                                   "sudden_spine_pain", "weight_loss", "night_pain", "back_lump",
                                   "pregnant"])

    def test_flags_are_the_ids_with_dashes(self):
        for q in self.questions:
            self.assertEqual(q["flag"], "--" + q["id"].replace("_", "-"))

    def test_types_with_their_choices_or_range(self):
        weeks = self.by_id["duration_weeks"]
        self.assertEqual((weeks["type"], weeks["min"], weeks["max"], weeks["unit"]),
                         ("number", 0, 520, "weeks"))
        self.assertNotIn("choices", weeks)
        self.assertEqual(self.by_id["sensation"]["type"], "choice")
        self.assertEqual([c["id"] for c in self.by_id["sensation"]["choices"]],
                         ["electric", "sharp", "dull", "achy", "tingling"])
        self.assertEqual([c["id"] for c in self.by_id["spread"]["choices"]],
                         ["one_spot", "spreads"])
        self.assertEqual([c["id"] for c in self.by_id["region"]["choices"]],
                         ["lower", "upper", "both"])
        for c in self.by_id["sensation"]["choices"]:
            self.assertTrue(c["label"], c["id"])
        for qid in RED_FLAGS + ["below_knee", "improving"]:
            self.assertEqual(self.by_id[qid]["type"], "bool", qid)
            self.assertNotIn("choices", self.by_id[qid])
            self.assertNotIn("min", self.by_id[qid])

    def test_prompts_why_and_sources(self):
        for q in self.questions:
            # A question, or a statement of a checklist to tick.
            self.assertTrue(q["prompt"].endswith("?") or q["checklist"], q["id"])
            self.assertTrue(q["source"], q["id"])
            self.assertTrue(q["why"], q["id"])
        self.assertEqual(self.by_id["below_knee"]["prompt"],
                         "Does the pain travel down a leg to below the knee?")

    def test_the_json_validates_against_its_schema_and_the_schema_can_fail(self):
        import jsonschema
        with open(os.path.join(SOURCE_DIR, "rules", "schema", "questions.schema.json")) as f:
            schema = json.load(f)
        validator = jsonschema.Draft202012Validator(schema)
        self.assertEqual([e.message for e in validator.iter_errors(self.questions)], [])
        self.assertTrue(self.by_id["age"]["whole"])
        self.assertFalse(self.by_id["duration_weeks"]["whole"])
        broken = json.loads(json.dumps(self.questions))
        broken[0]["type"] = "yes-no"
        del broken[1]["flag"]
        broken[2]["colour"] = "red"
        self.assertEqual(len(list(validator.iter_errors(broken))), 3)

    def test_json_is_one_line_into_a_pipe_and_indented_with_pretty(self):
        code, compact, _ = run(["questions", "--json"])
        self.assertEqual((code, compact.count("\n")), (0, 1))
        code, pretty, _ = run(["questions", "--json", "--pretty"])
        self.assertEqual(code, 0)
        self.assertTrue(pretty.startswith("[\n  {\n    \"id\": "), pretty[:40])
        self.assertEqual(json.loads(pretty), json.loads(compact))
        self.assertEqual(run(["questions", "--json", "--compact"])[1], compact)

    def test_sources_name_guidelines_not_files_a_user_does_not_have(self):
        with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")) as f:
            sources = re.findall(r"(?m)^\s*source: (.*(?:\n\s{6,}[^-\s].*)*)", f.read())
        self.assertGreater(len(sources), 100)
        for source in sources + [q["source"] for q in self.questions]:
            self.assertNotRegex(source, r"\.md\b|\bcontract\b|ladder table", source)

    def test_read_by_names_the_rules_that_read_each_question(self):
        self.assertEqual(self.by_id["fever"]["read_by"], ["fever"])
        self.assertEqual(self.by_id["duration_weeks"]["read_by"],
                         ["new-pain-over-50", "not-improving", "over-60", "duration-acute",
                          "duration-chronic"])
        self.assertEqual(self.by_id["below_knee"]["read_by"],
                         ["pain-radicular-below-knee", "pain-referred"])
        self.assertEqual(self.by_id["region"]["read_by"],
                         ["upper-back-check", "pain-radicular-tingling", "pain-referred",
                          "routine-lower", "routine-lower-pregnancy", "routine-lower-after-birth",
                          "routine-upper",
                          "routine-upper-pregnancy", "avoid-toe-touches", "avoid-upper",
                          "tips-upper-back", "watch-upper-back", "watch-upper-back-only"])
        for q in self.questions:
            self.assertTrue(q["read_by"], q["id"])


class Text(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        code, cls.out, err = run(["questions"])
        assert code == 0, err
        assert err == "", err

    def test_one_block_per_question_in_order(self):
        headers = [line for line in self.out.splitlines() if line[:3].strip().rstrip(".").isdigit()]
        self.assertEqual([h.split()[1] for h in headers], IDS)
        self.assertEqual([h.split()[0] for h in headers], [f"{i}." for i in range(1, len(IDS) + 1)])
        self.assertEqual([h.split()[2] for h in headers],
                         ["--" + i.replace("_", "-") for i in IDS])

    def test_shows_answers_red_flags_prompts_and_readers(self):
        self.assertRegex(self.out, r"(?m)^ 8\. fever +--fever +yes/no/unsure  \[red flag\]$")
        self.assertRegex(self.out, r"(?m)^25\. duration_weeks +--duration-weeks +0-520$")
        self.assertRegex(self.out, r"(?m)^24\. age +--age +0-120  \[optional\]$")
        # Too long for the line at 80 columns: what it accepts goes under the flag.
        self.assertRegex(self.out, r"(?m)^27\. sensation +--sensation\n"
                                   r"    electric\|sharp\|dull\|achy\|tingling$")
        self.assertIn("    Does the pain travel down a leg to below the knee?\n", self.out)
        self.assertIn("      one_spot: stays in one area\n", self.out)
        self.assertIn("    read by: pain-radicular-below-knee, pain-referred\n", self.out)

    def test_lines_wrap_at_80_into_a_pipe(self):
        for line in self.out.splitlines():
            self.assertLessEqual(len(line), 80, line)


class OtherRules(unittest.TestCase):
    def test_the_embedded_rules_show_every_field_the_shipped_file_has(self):
        # The embedded rules go through the compact form: a field it forgets
        # is empty here while the YAML shows it.
        shipped = os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")
        for form in (["--json"], ["--format", "fhir"], []):
            code, embedded, err = run(["questions", *form])
            self.assertEqual(code, 0, err)
            code, from_file, err = run(["questions", *form, "--rules", shipped])
            self.assertEqual(code, 0, err)
            self.assertEqual(embedded, from_file, form)

    def test_questions_of_a_rule_file_given_with_rules(self):
        text = """id: t
version: "1"
disclaimer: d
questions:
  - {id: hot, type: bool, prompt: "Hot?", source: s}
  - {id: unread_one, type: number, min: 1, max: 9, prompt: "N?", source: s}
report: {level: level}
facts:
  - id: level
    type: ranked
    choices: [{id: high, label: H, advice: A, cds: info, color: red}]
    undecided: {id: unknown, label: U, advice: A, cds: info, color: red}
rules:
  - {id: r, when: {hot: true}, then: {level: high}, source: s}
"""
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.yaml")
            with open(path, "w") as f:
                f.write(text)
            code, out, err = run(["questions", "--json", "--rules", path])
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), [
            {"id": "hot", "flag": "--hot", "type": "bool", "prompt": "Hot?", "help": "",
             "why": "", "spoken_help": "", "priority": 1, "red_flag": False, "unsure": None, "optional": False,
             "checklist": None, "answers": ["yes", "no"], "read_by": ["r"], "source": "s"},
            {"id": "unread_one", "flag": "--unread-one", "type": "number", "prompt": "N?",
             "help": "", "why": "", "spoken_help": "", "priority": 2, "red_flag": False, "unsure": None,
             "optional": False, "checklist": None, "answers": [], "min": 1, "max": 9,
             "unit": "", "whole": False, "read_by": [], "source": "s"}])


if __name__ == "__main__":
    main()
