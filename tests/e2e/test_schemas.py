"""The JSON Schemas in rules/schema/ against real output (contract version 2):
well over a thousand reports of every level (red flags yes, no, unsure and
unanswered; durations, regions, ages, the course questions), single runs,
batch lines with ids, --brief reports and batch error lines validate against
report.schema.json and its $defs, and the shipped rule set validates against
ruleset.schema.json. Broken reports and misspelt rule files must be rejected,
so each schema is known to check something, and the schema's back-pain values
must match the rule file."""
import copy
import itertools
import json
import os
import unittest

import jsonschema
import yaml

from harness import CALM, SOURCE_DIR, main, run, run_json

SCHEMA_DIR = os.path.join(SOURCE_DIR, "rules", "schema")
RULE_FILE = os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")
LEVELS = ["ambulance", "emergency", "urgent", "soon", "doctor", "self_care", "incomplete"]
RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
             "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
             "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]
# The red flags whose four states (yes, no, unsure, unanswered) are crossed:
# one of each step from ambulance to soon.
CROSSED = ["aortic_signs", "bladder_bowel", "fever", "weight_loss"]
UNANSWERED = object()
REPORT_KEYS = ["schema_version", "ruleset", "locale", "level", "level_label", "advice", "complete",
               "red_flags", "reasons", "classification", "routine", "avoid", "tips",
               "safe_activities", "frequency", "expected_course", "plan", "watch_for",
               "unanswered", "assumed", "answers", "trace", "disclaimer"]
# Contract 2.1, "Watch for": the steps a report at each level tells the person to watch for.
WATCH_STEPS = {"ambulance": set(), "emergency": set(),
               "urgent": {"ambulance", "emergency"},
               "soon": {"ambulance", "emergency", "urgent"},
               "doctor": {"ambulance", "emergency", "urgent", "soon"},
               "self_care": {"ambulance", "emergency", "urgent", "soon", "doctor"},
               "incomplete": {"ambulance", "emergency"}}
LADDER = ["ambulance", "emergency", "urgent", "soon", "doctor"]
BRIEF_KEYS = ["schema_version", "level", "complete", "classification", "red_flags", "reasons",
              "routine", "avoid", "watch_for"]


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
    """Answers objects over every state of a few red flags, the classification
    questions, durations, regions, ages and the course questions."""
    calm = {flag: False for flag in RED_FLAGS}
    # 1. yes/no/unsure/unanswered for one red flag of each step, in a few settings.
    settings = [
        dict(duration_weeks=2, sensation="dull", spread="one_spot", region="lower", age=40,
             daily_life=False),
        dict(duration_weeks=7, sensation="sharp", spread="spreads", below_knee=False,
             region="upper", age=55, improving=False),
        dict(duration_weeks=20, sensation="electric", region="both", age=30),
        dict(region="lower"),
    ]
    for states in itertools.product([True, False, "unsure", UNANSWERED], repeat=len(CROSSED)):
        for setting in settings:
            answers = {f: False for f in RED_FLAGS if f not in CROSSED}
            for flag, state in zip(CROSSED, states):
                if state is not UNANSWERED:
                    answers[flag] = state
            answers.update(setting)
            yield answers
    # 2. Every classification, with no red flag, over ages and the course questions.
    ages = itertools.cycle([None, 12, 16, 40, 55, 70])
    course = itertools.cycle([{}, {"improving": True}, {"improving": False},
                              {"daily_life": True}, {"daily_life": False, "improving": False}])
    for weeks, sensation, spread, below, region in itertools.product(
            [0, 2, 4, 7, 11.5, 12, 520], ["electric", "sharp", "dull", "achy", "tingling"],
            ["one_spot", "spreads"], [True, False, None], ["lower", "upper", "both", None]):
        answers = dict(calm, duration_weeks=weeks, sensation=sensation, spread=spread)
        if below is not None:
            answers["below_knee"] = below
        if region is not None:
            answers["region"] = region
        age = next(ages)
        if age is not None:
            answers["age"] = age
        answers.update(next(course))
        yield answers
    # 3. Each red flag alone, yes and unsure, with and without the rest.
    for flag in RED_FLAGS:
        for state in [True, "unsure"]:
            yield {flag: state}
            yield dict(calm, **{flag: state}, duration_weeks=3, region="lower", age=40)
    # 4. Follow-ups, the inflammatory signs, flag strings, nothing at all.
    yield dict(calm, spine_injury=True, injury_severe="unsure")
    yield dict(calm, cancer_history=True, chest_band=True)
    for signs in itertools.product([True, False, None], repeat=4):
        answers = dict(calm, duration_weeks=30, sensation="achy", spread="one_spot",
                       region="lower", age=30, daily_life=False)
        for name, value in zip(["morning_stiffness", "better_with_exercise",
                                "wakes_late_night", "alternating_buttock"], signs):
            if value is not None:
                answers[name] = value
        yield answers
    yield {}
    yield {"duration_weeks": 30, "region": "upper"}
    yield {"fever": "yes", "cancer_history": "y", "leg_weakness": "1", "bladder_bowel": "Unsure"}
    yield dict(calm, age="40", duration_weeks="2", region="lower", sensation="dull",
               spread="one_spot")


def batch_lines(objects, extra_args=()):
    text = "".join(json.dumps(o) + "\n" for o in objects)
    code, out, err = run(["batch"] + list(extra_args), stdin=text, timeout=300)
    return code, [json.loads(line) for line in out.splitlines()], err


def with_ids(objects):
    """Gives every other object an id, alternately a string and a number."""
    out = []
    for i, answers in enumerate(objects):
        if i % 4 == 0:
            answers = dict(id=f"case-{i}", **answers)
        elif i % 4 == 2:
            answers = dict(id=i, **answers)
        out.append(answers)
    return out


class ReportSchema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load_schema("report.schema.json")
        cls.report = validator(cls.schema)
        cls.brief = validator(cls.schema, "briefReport")
        cls.error_line = validator(cls.schema, "batchError")
        cls.batch_line = validator(cls.schema, "batchLine")
        cls.objects = list(answer_objects())
        code, cls.reports, err = batch_lines(cls.objects)
        assert code == 0, err

    def assertValid(self, instance, check=None):
        errors = sorted((check or self.report).iter_errors(instance), key=str)
        self.assertEqual([], [f"{list(e.absolute_path)}: {e.message}" for e in errors])

    def test_batch_reports_of_every_level_validate(self):
        self.assertEqual(len(self.reports), len(self.objects))
        self.assertGreater(len(self.reports), 1000)
        for answers, report in zip(self.objects, self.reports):
            with self.subTest(answers=answers):
                self.assertEqual(list(report), REPORT_KEYS)
                self.assertValid(report)
                self.assertValid(report, self.batch_line)
        self.assertEqual({r["level"] for r in self.reports}, set(LEVELS))
        self.assertEqual({r["classification"]["region"] for r in self.reports},
                         {"lower", "upper", "both", None})
        self.assertEqual({r["complete"] for r in self.reports}, {True, False})
        answers = {f["answer"] for r in self.reports for f in r["red_flags"]}
        self.assertEqual(answers, {"yes", "unsure"})
        self.assertTrue(any(r["assumed"] for r in self.reports))
        self.assertTrue(any(r["reasons"] for r in self.reports))
        self.assertTrue(any(r["plan"] for r in self.reports))

    def test_every_report_below_ae_says_what_to_watch_for_and_where_to_go(self):
        for answers, report in zip(self.objects, self.reports):
            with self.subTest(answers=answers):
                steps = [entry["level"] for entry in report["watch_for"]]
                self.assertEqual(steps, sorted(steps, key=LADDER.index))  # most urgent first
                expected = WATCH_STEPS[report["level"]]
                self.assertEqual(set(steps), expected)
                if report["level"] not in ("ambulance", "emergency"):
                    self.assertIn("ambulance", steps)
                    self.assertIn("emergency", steps)

    def test_single_reports_validate(self):
        for args in [CALM, ["--fever", "yes"], [], ["--no-red-flags", "--duration-weeks", "40"],
                     ["--aortic-signs", "unsure"], ["--no-red-flags", "--weight-loss", "yes"],
                     ["--no-red-flags", "--duration-weeks", "1", "--sensation", "electric",
                      "--spread", "spreads", "--below-knee", "yes", "--region", "both"],
                     CALM + ["--explain"], CALM + ["--pretty"]]:
            with self.subTest(args=args):
                report = run_json(args)
                self.assertEqual(list(report), REPORT_KEYS)
                self.assertValid(report)

    def test_batch_reports_with_ids_validate_with_the_id_first(self):
        objects = with_ids(self.objects[::5])
        code, reports, err = batch_lines(objects)
        self.assertEqual(code, 0, err)
        self.assertEqual(len(reports), len(objects))
        with_id = 0
        for answers, report in zip(objects, reports):
            with self.subTest(answers=answers):
                if "id" in answers:
                    with_id += 1
                    self.assertEqual(list(report)[0], "id")
                    self.assertEqual(report["id"], answers["id"])
                    self.assertEqual(list(report)[1:], REPORT_KEYS)
                else:
                    self.assertEqual(list(report), REPORT_KEYS)
                self.assertValid(report)
                self.assertValid(report, self.batch_line)
        self.assertGreater(with_id, 100)

    def test_brief_reports_validate_against_brief_report_and_match_the_full_ones(self):
        objects = with_ids(self.objects[::3])
        full = self.reports[::3]
        code, reports, err = batch_lines(objects, ["--brief"])
        self.assertEqual(code, 0, err)
        self.assertEqual(len(reports), len(objects))
        for answers, brief, report in zip(objects, reports, full):
            with self.subTest(answers=answers):
                self.assertEqual(list(brief), (["id"] if "id" in answers else []) + BRIEF_KEYS)
                self.assertValid(brief, self.brief)
                self.assertValid(brief, self.batch_line)
                self.assertFalse(self.report.is_valid(brief))
                self.assertEqual(brief["level"], report["level"])
                self.assertEqual(brief["complete"], report["complete"])
                self.assertEqual(brief["classification"], report["classification"])
                for key in ["red_flags", "reasons", "routine", "avoid"]:
                    self.assertEqual(brief[key], [x["id"] for x in report[key]], key)
        self.assertEqual({b["level"] for b in reports}, set(LEVELS))
        for args in [CALM, ["--aortic-signs", "yes"], []]:
            self.assertValid(run_json(["--brief"] + args), self.brief)

    def test_batch_error_lines_validate_against_batch_error(self):
        lines_in = [
            json.dumps({"fever": True}),
            "",
            json.dumps({"id": "x7", "fevr": 1}),
            "not json",
            json.dumps({"id": 12, "duration_weeks": 999}),
            json.dumps({"region": "lower"}),
            json.dumps(["fever"]),
            json.dumps({"improving": "unsure"}),
            json.dumps({"id": 3, "region": "upper", "fever": "unsure"}),
        ]
        code, out, _ = run(["batch"], stdin="\n".join(lines_in) + "\n")
        self.assertEqual(code, 65)
        lines = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(len(lines), len(lines_in))
        is_error = ["error" in line for line in lines]
        self.assertEqual(is_error, [False, True, True, True, True, False, True, True, False])
        for n, line in enumerate(lines, 1):
            with self.subTest(line=line):
                self.assertValid(line, self.batch_line)
                if "error" in line:
                    self.assertValid(line, self.error_line)
                    self.assertEqual(line["line"], n)
                    self.assertFalse(self.report.is_valid(line))
                    self.assertFalse(self.brief.is_valid(line))
                else:
                    self.assertValid(line)
                    self.assertFalse(self.error_line.is_valid(line))
        self.assertEqual(list(lines[2]), ["id", "line", "error"])
        self.assertEqual((lines[2]["id"], lines[4]["id"]), ("x7", 12))
        self.assertEqual(list(lines[1]), ["line", "error"])
        self.assertEqual(lines[8]["id"], 3)

    def test_the_schema_rejects_broken_reports(self):
        good = run_json(CALM)
        urgent = run_json(CALM[:1] + ["--fever", "yes"] + CALM[1:])
        incomplete = run_json(["--no-red-flags"])
        ambulance = run_json(["--aortic-signs", "yes"])
        fever = copy.deepcopy(urgent["red_flags"][0])
        breakages = {
            "missing key": (good, lambda r: r.pop("trace")),
            "missing complete": (good, lambda r: r.pop("complete")),
            "missing plan": (good, lambda r: r.pop("plan")),
            "extra key": (good, lambda r: r.update(extra=1)),
            "brief key in a full report": (good, lambda r: r.update(care="x")),
            "unknown level": (good, lambda r: r.update(level="see_gp")),
            "version 1 level": (good, lambda r: r.update(level="emergency_department")),
            "schema version 1": (good, lambda r: r.update(schema_version=1)),
            "complete as text": (good, lambda r: r.update(complete="yes")),
            "complete with something unanswered": (good, lambda r: r.update(
                unanswered=["age"])),
            "not complete with nothing unanswered": (good, lambda r: r.update(complete=False)),
            "routine without steps": (good, lambda r: r["routine"][0].pop("steps")),
            "dose as text": (good, lambda r: r["routine"][0].update(dose="5 reps")),
            "plan without check-ins": (good, lambda r: r["plan"].pop("check_ins")),
            "plan with an extra key": (good, lambda r: r["plan"].update(days=42)),
            "check-in without a week": (good, lambda r: r["plan"]["check_ins"][0].pop("week")),
            "plan as text": (good, lambda r: r.update(plan="six weeks")),
            "assumed as ids": (good, lambda r: r.update(assumed=["age"])),
            "assumed with an extra key": (good, lambda r: r.update(
                assumed=[{"id": "age", "text": "x", "value": 40}])),
            "reason without source": (good, lambda r: r.update(
                level="doctor", reasons=[{"id": "chronic", "text": "x"}])),
            "self care with a red flag": (good, lambda r: r.update(red_flags=[fever])),
            "doctor with a red flag": (good, lambda r: r.update(level="doctor",
                                                                 red_flags=[fever])),
            "unknown answer key": (good, lambda r: r["answers"].update(fevr=True)),
            "answer null": (good, lambda r: r["answers"].update(age=None)),
            "red flag answered maybe": (good, lambda r: r["answers"].update(fever="maybe")),
            "unsure for a question that does not take it": (
                good, lambda r: r["answers"].update(improving="unsure")),
            "age out of range": (good, lambda r: r["answers"].update(age=130)),
            "unknown region": (good, lambda r: r["classification"].update(region="neck")),
            "classification key missing": (good, lambda r: r["classification"].pop("pain_type")),
            "trace step without then": (good, lambda r: r["trace"][0].pop("then")),
            "unknown assumption": (good, lambda r: r.update(
                assumed=[{"id": "duration_weeks", "text": "x"}])),
            "routine when urgent": (urgent, lambda r: r.update(routine=good["routine"])),
            "plan when urgent": (urgent, lambda r: r.update(plan=good["plan"])),
            "tips when urgent": (urgent, lambda r: r.update(tips=good["tips"])),
            "red flag without answer": (urgent, lambda r: r["red_flags"][0].pop("answer")),
            "red flag answered no": (urgent, lambda r: r["red_flags"][0].update(answer="no")),
            "red flag answered true": (urgent, lambda r: r["red_flags"][0].update(answer=True)),
            "red flag without why": (urgent, lambda r: r["red_flags"][0].pop("why")),
            "red flag with version 1 care": (urgent, lambda r: r["red_flags"][0].update(
                care="same_day")),
            "unknown red flag": (urgent, lambda r: r["red_flags"][0].update(id="headache")),
            "level less urgent than a red flag": (urgent, lambda r: r.update(level="soon")),
            "an ambulance sign under emergency": (
                ambulance, lambda r: r.update(level="emergency")),
            "an unsure ambulance sign at ambulance": (
                ambulance, lambda r: r["red_flags"][0].update(answer="unsure")),
            "incomplete but complete": (incomplete, lambda r: r.update(complete=True,
                                                                      unanswered=[])),
            "incomplete with a red flag": (incomplete, lambda r: r.update(red_flags=[fever])),
            "id of the wrong type": (good, lambda r: r.update(id=True)),
        }
        for report in [good, urgent, incomplete, ambulance]:
            self.assertValid(report)
        self.assertValid(dict(id="a", **good))
        self.assertValid(dict(id=1.5, **good))
        for name, (report, breakage) in breakages.items():
            broken = copy.deepcopy(report)
            breakage(broken)
            with self.subTest(name):
                self.assertFalse(self.report.is_valid(broken), name)
                self.assertFalse(self.batch_line.is_valid(broken), name)

    def test_the_schema_rejects_broken_brief_reports_and_error_lines(self):
        brief = run_json(["--brief"] + CALM)
        self.assertValid(brief, self.brief)
        for name, breakage in {
            "missing complete": lambda r: r.pop("complete"),
            "missing reasons": lambda r: r.pop("reasons"),
            "red flags as objects": lambda r: r.update(
                level="urgent", routine=[], avoid=[], red_flags=[{"id": "fever"}]),
            "routine when urgent": lambda r: r.update(level="urgent", red_flags=["fever"]),
            "incomplete and complete": lambda r: r.update(level="incomplete", routine=[],
                                                          avoid=[]),
            "a full report key": lambda r: r.update(answers={}),
        }.items():
            broken = copy.deepcopy(brief)
            breakage(broken)
            with self.subTest(name):
                self.assertFalse(self.brief.is_valid(broken), name)
                self.assertFalse(self.batch_line.is_valid(broken), name)
        self.assertValid({"id": "a", "line": 3, "error": "x"}, self.error_line)
        for bad in [{"line": 3}, {"error": "x"}, {"line": 0, "error": "x"},
                    {"line": 1, "error": ""}, {"line": 1, "error": "x", "level": "soon"},
                    {"line": "1", "error": "x"}, {"id": None, "line": 1, "error": "x"}]:
            with self.subTest(bad):
                self.assertFalse(self.error_line.is_valid(bad))
                self.assertFalse(self.batch_line.is_valid(bad))

    def test_the_back_pain_values_match_the_rule_file(self):
        with open(RULE_FILE, encoding="utf-8") as f:
            rules = yaml.safe_load(f)
        facts = {fact["id"]: fact for fact in rules["facts"]}
        report_roles = rules["report"]

        def ids(values):
            return [v["id"] if isinstance(v, dict) else v for v in values]

        defs = self.schema["$defs"]
        values = defs["backPainValues"]["properties"]
        level = facts[report_roles["level"]]
        self.assertEqual(defs["level"]["enum"], ids(level["choices"]) + [level["undecided"]["id"]])
        self.assertEqual(defs["level"]["enum"], LEVELS)
        for role in ["red_flags", "reasons", "routine", "avoid", "tips"]:
            with self.subTest(role):
                self.assertEqual(set(values[role]["items"]["properties"]["id"]["enum"]),
                                 set(ids(facts[report_roles[role]]["items"])))
        self.assertEqual(set(values["safe_activities"]["items"]["properties"]["id"]["enum"]),
                         set(ids(rules["advice"]["safe_activities"])))
        questions = rules["questions"]
        self.assertEqual(defs["backPainQuestion"]["enum"], [q["id"] for q in questions])
        self.assertEqual(list(values["answers"]["properties"]), [q["id"] for q in questions])
        self.assertEqual(values["assumed"]["items"]["properties"]["id"]["enum"],
                         [q["id"] for q in questions if q.get("optional")])
        for q in questions:
            answer = values["answers"]["properties"][q["id"]]
            with self.subTest(q["id"]):
                if "unsure" in q:
                    self.assertEqual(answer, {"$ref": "#/$defs/redFlagAnswer"})
                elif q["type"] == "bool":
                    self.assertEqual(answer, {"type": "boolean"})
                elif q["type"] == "number":
                    self.assertEqual((answer["minimum"], answer["maximum"]), (q["min"], q["max"]))
                else:
                    self.assertEqual(answer["enum"], ids(q["choices"]))
        for name in report_roles["classification"]:
            source = facts.get(name) or next(q for q in questions if q["id"] == name)
            self.assertEqual(values["classification"]["properties"][name]["enum"],
                             ids(source["choices"]) + [None], name)


class RuleSetSchema(unittest.TestCase):
    def setUp(self):
        self.check = validator(load_schema("ruleset.schema.json"))
        with open(RULE_FILE, encoding="utf-8") as f:
            self.text = f.read()
        self.rules = yaml.safe_load(self.text)

    def test_the_shipped_rule_set_validates(self):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in self.check.iter_errors(self.rules)]
        self.assertEqual(errors, [])

    def test_the_rule_file_names_its_schema_for_editors(self):
        self.assertTrue(self.text.startswith(
            "# yaml-language-server: $schema=schema/ruleset.schema.json\n"))

    def test_the_schema_rejects_misspelt_keys_and_values(self):
        def question(rules, question_id):
            return next(q for q in rules["questions"] if q["id"] == question_id)

        def fact(rules, fact_id):
            return next(f for f in rules["facts"] if f["id"] == fact_id)

        def rule(rules, rule_id):
            return next(r for r in rules["rules"] if r["id"] == rule_id)

        def rename(mapping, old, new):
            mapping[new] = mapping.pop(old)

        breakages = {
            "top-level key": lambda r: rename(r, "report", "reports"),
            "report key": lambda r: rename(r["report"], "level", "levle"),
            "question key": lambda r: rename(r["questions"][0], "prompt", "promt"),
            "question unsure": lambda r: rename(question(r, "fever"), "unsure", "unsrue"),
            "question checklist": lambda r: rename(question(r, "fever"), "checklist", "check_list"),
            "question assumed": lambda r: rename(question(r, "age"), "assumed", "asumed"),
            "checklist key": lambda r: rename(r["interview"]["checklists"][0], "prompt", "promt"),
            "interview key": lambda r: rename(r["interview"], "checklists", "checklist"),
            "fact key": lambda r: rename(fact(r, "level"), "undecided", "undecied"),
            "fact type": lambda r: fact(r, "level").update(type="rankd"),
            "level item key": lambda r: rename(fact(r, "level")["choices"][0], "color", "colour"),
            "level cds": lambda r: fact(r, "level")["choices"][0].update(cds="hard-stop"),
            "level colour": lambda r: fact(r, "level")["choices"][0].update(color="purple"),
            "undecided key": lambda r: rename(fact(r, "level")["undecided"], "advice", "advise"),
            "red flag item key": lambda r: rename(fact(r, "red_flag")["items"][0], "why", "wy"),
            "exercise key": lambda r: rename(fact(r, "routine")["items"][0], "figure", "figures"),
            "exercise routine flag": lambda r: fact(r, "routine")["items"][0].update(cds="info"),
            "figure view": lambda r: fact(r, "routine")["items"][0]["figure"].update(
                view="back"),
            "figure joint": lambda r: rename(fact(r, "routine")["items"][0]["figure"]["start"],
                                             "neck", "nek"),
            "view caption id": lambda r: r["views"][0].update(id="above"),
            "view caption label": lambda r: r["views"][0].pop("label"),
            "dose key": lambda r: rename(fact(r, "routine")["items"][0]["dose"], "reps", "rep"),
            "rule key": lambda r: rename(r["rules"][0], "when", "wehn"),
            "at_least key": lambda r: rename(
                rule(r, "inflammatory-pattern")["when"]["all"][2]["at_least"], "count", "cnt"),
            "condition keyword": lambda r: r["rules"][0].update(when={"al": [{"fever": True}]}),
            "advice key": lambda r: rename(r["advice"], "plan", "plans"),
            "plan key": lambda r: rename(r["advice"]["plan"], "check_ins", "checkins"),
            "check-in key": lambda r: rename(r["advice"]["plan"]["check_ins"][0], "week", "wk"),
            "red flag without unsure": lambda r: question(r, "fever").pop("unsure"),
            "optional red flag": lambda r: question(r, "fever").update(optional=True,
                                                                       assumed="x"),
            "optional without assumed": lambda r: question(r, "age").pop("assumed"),
            "unsure on a number": lambda r: question(r, "age").update(unsure="soon"),
            "source without its kind": lambda r: r["rules"][0].update(source="NHS"),
        }
        self.assertTrue(self.check.is_valid(self.rules))
        for name, breakage in breakages.items():
            broken = copy.deepcopy(self.rules)
            breakage(broken)
            with self.subTest(name):
                self.assertFalse(self.check.is_valid(broken), name)


if __name__ == "__main__":
    main()
