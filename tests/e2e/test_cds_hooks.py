"""`--format cds-hooks`: an HL7 CDS Hooks response, {"cards": [...]}, whose card
follows the spec's Card attributes (summary under 140 characters, indicator,
source with a label, Markdown detail, optional uuid), with the indicator
following the level and the same report always giving the same card."""
import json
import unittest

import jsonschema

from harness import CALM, main, run

# https://cds-hooks.hl7.org/ (Card attributes), closed to the attributes the
# spec defines.
CARD_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["cards"],
    "properties": {"cards": {"type": "array", "minItems": 1, "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["summary", "indicator", "source"],
        "properties": {
            "uuid": {"type": "string",
                     "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"},
            "summary": {"type": "string", "minLength": 1, "maxLength": 139},
            "detail": {"type": "string"},
            "indicator": {"enum": ["info", "warning", "critical"]},
            "source": {"type": "object", "required": ["label"],
                       "additionalProperties": False,
                       "properties": {"label": {"type": "string", "minLength": 1},
                                      "url": {"type": "string"}, "icon": {"type": "string"},
                                      "topic": {"type": "object"}}},
            "suggestions": {"type": "array"},
            "selectionBehavior": {"enum": ["at-most-one", "any"]},
            "overrideReasons": {"type": "array"},
            "links": {"type": "array"},
        },
    }}},
}
RED_FLAGS = ["bladder_bowel", "saddle_numbness", "leg_weakness", "spine_injury", "fever",
             "cancer_history"]


def flag(question_id):
    return "--" + question_id.replace("_", "-")


def with_value(args, name, value):
    args = list(args)
    args[args.index(name) + 1] = value
    return args


def cds(args):
    code, out, err = run(["--format", "cds-hooks", "--no-input"] + list(args))
    if code != 0:
        raise AssertionError(f"exit {code}: {err}")
    response = json.loads(out)
    jsonschema.validate(response, CARD_SCHEMA)
    return response


def report(args):
    code, out, err = run(["--json", "--no-input"] + list(args))
    return json.loads(out)


CASES = {
    "emergency": [["--fever", "yes"], ["--spine-injury", "yes", "--region", "lower"],
                  [a for f in RED_FLAGS for a in (flag(f), "yes")]],
    "incomplete": [[], ["--duration-weeks", "3"], ["--no-red-flags", "--region", "upper"]],
    "doctor": [with_value(CALM, "--duration-weeks", "12"),
               with_value(CALM, "--duration-weeks", "400")],
    "self_care": [CALM, with_value(CALM, "--region", "both"),
                  with_value(CALM, "--sensation", "electric")],
}
INDICATOR = {"emergency": "critical", "incomplete": "warning", "doctor": "warning",
             "self_care": "info"}


class CdsHooks(unittest.TestCase):
    def test_every_level_gets_a_valid_card_with_its_indicator(self):
        for level, cases in CASES.items():
            for args in cases:
                with self.subTest(args=args):
                    self.assertEqual(report(args)["level"], level)
                    cards = cds(args)["cards"]
                    self.assertEqual(len(cards), 1)
                    self.assertEqual(cards[0]["indicator"], INDICATOR[level])
                    self.assertLess(len(cards[0]["summary"]), 140)
                    self.assertEqual(cards[0]["source"]["label"],
                                     "backtriage (back-pain rules 1.0.0)")
                    self.assertIn("not medical advice", cards[0]["detail"])

    def test_an_emergency_card_names_each_red_flag_and_where_to_go_and_no_routine(self):
        r = report(["--fever", "yes", "--bladder-bowel", "yes"])
        card = cds(["--fever", "yes", "--bladder-bowel", "yes"])["cards"][0]
        for f in r["red_flags"]:
            self.assertIn(f"- **{f['label']}**", card["detail"])
        self.assertIn("go to an emergency department (A&E) now", card["detail"])
        self.assertIn("see a doctor today", card["detail"])
        self.assertNotIn("Home routine", card["detail"])
        self.assertTrue(card["summary"].startswith(r["level_label"] + ": "))

    def test_six_red_flags_still_fit_the_summary(self):
        args = [a for f in RED_FLAGS for a in (flag(f), "yes")]
        card = cds(args)["cards"][0]
        self.assertEqual(card["summary"], "See a doctor now: 6 warning signs")
        self.assertEqual(card["detail"].count("\n- **"), 6)

    def test_a_self_care_card_summarises_routine_and_avoid(self):
        r = report(CALM)
        card = cds(CALM)["cards"][0]
        self.assertEqual(card["summary"], "Look after your back at home: acute axial back pain, "
                                          "region lower; home routine of 6 exercises")
        for item in r["routine"]:
            self.assertIn(item["name"], card["detail"])
        for item in r["avoid"]:
            self.assertIn(f"- {item['name']}:", card["detail"])

    def test_an_incomplete_card_says_what_is_missing(self):
        card = cds(["--duration-weeks", "3"])["cards"][0]
        self.assertIn("**Still to answer:** `bladder_bowel`", card["detail"])
        self.assertNotIn("Home routine", card["detail"])

    def test_the_uuid_is_derived_from_the_report(self):
        first, again = cds(CALM)["cards"][0], cds(CALM)["cards"][0]
        other = cds(with_value(CALM, "--region", "upper"))["cards"][0]
        self.assertEqual(first["uuid"], again["uuid"])
        self.assertNotEqual(first["uuid"], other["uuid"])
        self.assertRegex(first["uuid"], r"^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab]")

    def test_the_card_schema_can_fail(self):
        card = cds(CALM)
        card["cards"][0]["summary"] = "x" * 140
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(card, CARD_SCHEMA)
        card = cds(CALM)
        card["cards"][0]["indicator"] = "hard-stop"
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(card, CARD_SCHEMA)


if __name__ == "__main__":
    main()
