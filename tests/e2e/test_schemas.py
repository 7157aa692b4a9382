"""The JSON Schemas in rules/schema/ against real output: hundreds of reports of
every level and region (single runs, batch lines, --brief) validate against
report.schema.json, batch error lines against its batchError, and the shipped
rule set against ruleset.schema.json. Broken reports must be rejected, so the
schema is known to check something."""
import copy
import itertools
import json
import os
import unittest

import jsonschema
import yaml

from harness import CALM, SOURCE_DIR, main, run, run_json

SCHEMA_DIR = os.path.join(SOURCE_DIR, "rules", "schema")
RED_FLAGS = ["bladder_bowel", "saddle_numbness", "leg_weakness", "spine_injury", "fever",
             "cancer_history"]


def load_schema(name):
    with open(os.path.join(SCHEMA_DIR, name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validator(schema, definition=None):
    if definition:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"],
                  "$ref": "#/$defs/" + definition}
    return jsonschema.Draft202012Validator(schema,
                                           format_checker=jsonschema.FormatChecker())


def answer_objects():
    """Every combination of the classification questions, with no red flag,
    plus each red flag alone and a few partial sets of answers."""
    calm = {flag: False for flag in RED_FLAGS}
    for weeks, sensation, spread, below, region in itertools.product(
            [0, 2, 11.5, 12, 520], ["electric", "sharp", "dull", "achy"],
            ["one_spot", "spreads"], [True, False, None], ["lower", "upper", "both", None]):
        answers = dict(calm, duration_weeks=weeks, sensation=sensation, spread=spread)
        if below is not None:
            answers["below_knee"] = below
        if region is not None:
            answers["region"] = region
        yield answers
    for flag in RED_FLAGS:
        yield {flag: True}
        yield dict(calm, **{flag: True}, duration_weeks=3, region="lower")
    yield {}
    yield {"duration_weeks": 30, "region": "upper"}
    yield dict(calm, region="both")
    yield {"fever": "yes", "cancer_history": "y", "leg_weakness": "1"}


def batch_lines(objects, extra_args=()):
    text = "".join(json.dumps(o) + "\n" for o in objects)
    code, out, err = run(["batch"] + list(extra_args), stdin=text)
    return code, [json.loads(line) for line in out.splitlines()], err


class ReportSchema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load_schema("report.schema.json")
        cls.report = validator(cls.schema)

    def assertValid(self, report, check=None):
        errors = sorted((check or self.report).iter_errors(report), key=str)
        self.assertEqual([], [f"{list(e.absolute_path)}: {e.message}" for e in errors])

    def test_batch_reports_of_every_level_and_region_validate(self):
        objects = list(answer_objects())
        code, reports, err = batch_lines(objects)
        self.assertEqual(code, 0, err)
        self.assertEqual(len(reports), len(objects))
        for answers, report in zip(objects, reports):
            with self.subTest(answers=answers):
                self.assertValid(report)
        levels = {r["level"] for r in reports}
        self.assertEqual(levels, {"emergency", "incomplete", "doctor", "self_care"})
        regions = {r["classification"]["region"] for r in reports}
        self.assertEqual(regions, {"lower", "upper", "both", None})
        self.assertGreater(len(reports), 400)

    def test_single_reports_validate(self):
        for args in [CALM, ["--fever", "yes"], [], ["--no-red-flags", "--duration-weeks", "40"],
                     ["--no-red-flags", "--duration-weeks", "1", "--sensation", "electric",
                      "--spread", "spreads", "--below-knee", "yes", "--region", "both"]]:
            with self.subTest(args=args):
                self.assertValid(run_json(args))

    def test_brief_reports_validate_against_brief_report(self):
        brief = validator(self.schema, "briefReport")
        objects = list(answer_objects())[::7]
        code, reports, err = batch_lines(objects, ["--brief"])
        self.assertEqual(code, 0, err)
        for report in reports:
            self.assertValid(report, brief)
        self.assertValid(run_json(["--brief"] + CALM), brief)

    def test_batch_error_lines_validate_against_batch_error_and_reports_against_report(self):
        error_line = validator(self.schema, "batchError")
        text = '{"fever": true}\n\n{"fevr": 1}\nnot json\n' + json.dumps({"region": "lower"}) + "\n"
        code, out, _ = run(["batch"], stdin=text)
        self.assertEqual(code, 65)
        lines = [json.loads(line) for line in out.splitlines()]
        self.assertEqual([sorted(l) == ["error", "line"] for l in lines],
                         [False, True, True, True, False])
        for line in lines:
            self.assertValid(line, error_line if "error" in line else self.report)
        self.assertFalse(error_line.is_valid(lines[0]))
        self.assertFalse(self.report.is_valid(lines[1]))

    def test_the_schema_rejects_broken_reports(self):
        good = run_json(CALM)
        breakages = {
            "missing key": lambda r: r.pop("trace"),
            "extra key": lambda r: r.update(extra=1),
            "unknown level": lambda r: r.update(level="urgent"),
            "schema version": lambda r: r.update(schema_version=2),
            "routine without steps": lambda r: r["routine"][0].pop("steps"),
            "dose as text": lambda r: r["routine"][0].update(dose="5 reps"),
            "red flag without care": lambda r: r.update(
                red_flags=[{"id": "fever", "label": "Fever", "source": "x"}], level="emergency",
                routine=[], avoid=[]),
            "routine in an emergency": lambda r: r.update(
                level="emergency",
                red_flags=[{"id": "fever", "label": "Fever", "care": "same_day", "source": "x"}]),
            "self care with a red flag": lambda r: r.update(
                red_flags=[{"id": "fever", "label": "Fever", "care": "same_day", "source": "x"}]),
            "unknown answer key": lambda r: r["answers"].update(fevr=True),
            "unknown region": lambda r: r["classification"].update(region="neck"),
            "classification key missing": lambda r: r["classification"].pop("pain_type"),
        }
        self.assertValid(good)
        for name, breakage in breakages.items():
            broken = copy.deepcopy(good)
            breakage(broken)
            with self.subTest(name):
                self.assertFalse(self.report.is_valid(broken), name)


class RuleSetSchema(unittest.TestCase):
    def setUp(self):
        self.check = validator(load_schema("ruleset.schema.json"))
        with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
            self.text = f.read()
        self.rules = yaml.safe_load(self.text)

    def test_the_shipped_rule_set_validates(self):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in self.check.iter_errors(self.rules)]
        self.assertEqual(errors, [])

    def test_the_rule_file_names_its_schema_for_editors(self):
        self.assertTrue(self.text.startswith(
            "# yaml-language-server: $schema=schema/ruleset.schema.json\n"))

    def test_the_schema_rejects_a_misspelt_key(self):
        broken = copy.deepcopy(self.rules)
        broken["questions"][0]["promt"] = broken["questions"][0].pop("prompt")
        self.assertFalse(self.check.is_valid(broken))


if __name__ == "__main__":
    main()
