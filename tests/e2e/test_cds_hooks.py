"""`--format cds-hooks`: an HL7 CDS Hooks response, {"cards": [...]}, whose card
follows the spec's Card attributes (summary under 140 characters, indicator,
source with a label, Markdown detail, optional uuid), with the indicator
following the level (contract version 2: critical for ambulance and emergency,
warning for urgent, soon, doctor and incomplete, info for self_care) and the
same report always giving the same card. Every card validates against both the
spec's Card attributes and the stricter shipped rules/schema/cds-hooks.schema.json,
which must reject broken responses."""
import json
import os
import re
import unittest

import jsonschema
import yaml

from harness import CALM, RED_FLAGS, SOURCE_DIR, TempDirTest, flag, main, run, with_value

# https://cds-hooks.hl7.org/ (Card attributes), closed to the attributes the
# spec defines.
SPEC_SCHEMA = {
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


def shipped_schema():
    with open(os.path.join(SOURCE_DIR, "rules", "schema", "cds-hooks.schema.json"),
              encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


SHIPPED = shipped_schema()


def cds(args):
    code, out, err = run(["--format", "cds-hooks", "--no-input"] + list(args))
    if code != 0:
        raise AssertionError(f"exit {code}: {err}")
    response = json.loads(out)
    jsonschema.validate(response, SPEC_SCHEMA)
    SHIPPED.validate(response)
    return response


def report(args):
    code, out, err = run(["--json", "--no-input"] + list(args))
    if code != 0:
        raise AssertionError(f"exit {code}: {err}")
    return json.loads(out)


ALL_RED_FLAGS = [a for f in RED_FLAGS for a in (flag(f), "yes")]
CASES = {
    "ambulance": [["--aortic-signs", "yes"], with_value(CALM, "--aortic-signs", "yes"),
                  ALL_RED_FLAGS],
    "emergency": [["--bladder-bowel", "yes"], ["--aortic-signs", "unsure"],
                  with_value(CALM, "--spine-injury", "yes"),
                  with_value(CALM, "--leg-weakness", "unsure")],
    "urgent": [["--no-red-flags", "--fever", "yes"],
               with_value(CALM, "--infection-risk", "unsure")],
    "soon": [with_value(CALM, "--weight-loss", "yes"), with_value(CALM, "--age", "12"),
             ["--no-red-flags", "--back-lump", "yes"]],
    "doctor": [with_value(CALM, "--duration-weeks", "12"),
               with_value(CALM, "--duration-weeks", "400"),
               with_value(CALM, "--duration-weeks", "7") + ["--improving", "no"],
               with_value(CALM, "--daily-life", "yes")],
    "self_care": [CALM, with_value(CALM, "--region", "both"),
                  with_value(CALM, "--sensation", "electric")],
    "incomplete": [[], ["--duration-weeks", "3"], ["--no-red-flags", "--region", "upper"]],
}
# The contract: the indicator follows the level.
INDICATOR = {"ambulance": "critical", "emergency": "critical", "urgent": "warning",
             "soon": "warning", "doctor": "warning", "incomplete": "warning",
             "self_care": "info"}


def step_labels():
    """Each level's label, as the reports give it."""
    labels = {}
    for level, cases in CASES.items():
        labels[level] = report(cases[0])["level_label"]
    return labels


def warning_sign_lines(detail):
    return [line for line in detail.splitlines() if line.startswith("- **")]


class CdsHooks(unittest.TestCase):
    def test_batch_lines_validate_with_the_id_first(self):
        lines = [json.dumps(dict(answers, id=f"c-{i}")) for i, answers in enumerate([
            {"aortic_signs": True}, {"fever": True}, {"region": "upper"},
            {f: False for f in RED_FLAGS} | {"duration_weeks": 2, "sensation": "dull",
                                            "spread": "one_spot", "region": "lower"}])]
        lines.append(json.dumps({"duration_weeks": 30}))  # no id: none echoed
        code, out, err = run(["batch", "--format", "cds-hooks"], stdin="\n".join(lines) + "\n")
        self.assertEqual((code, err), (0, ""))
        responses = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(len(responses), 5)
        for i, response in enumerate(responses[:4]):
            SHIPPED.validate(response)
            self.assertEqual(list(response)[0], "id")
            self.assertEqual(response["id"], f"c-{i}")
        SHIPPED.validate(responses[4])
        self.assertNotIn("id", responses[4])

    def test_the_shipped_schema_rejects_broken_responses(self):
        good = cds(CALM)
        card = good["cards"][0]

        def broken(change):
            response = json.loads(json.dumps(good))
            change(response)
            return response
        for name, response in {
            "no cards": {"cards": []},
            "two cards": {"cards": [card, card]},
            "a summary of 140 characters": broken(
                lambda r: r["cards"][0].update(summary="x" * 140)),
            "an indicator the spec lacks": broken(
                lambda r: r["cards"][0].update(indicator="hard-stop")),
            "no uuid": broken(lambda r: r["cards"][0].pop("uuid")),
            "a uuid in capitals": broken(
                lambda r: r["cards"][0].update(uuid=card["uuid"].upper())),
            "no detail": broken(lambda r: r["cards"][0].pop("detail")),
            "a source without a label": broken(lambda r: r["cards"][0].update(source={})),
            "a key it never writes": broken(lambda r: r["cards"][0].update(links=[])),
            "an id that is an object": broken(lambda r: r.update(id={})),
        }.items():
            with self.subTest(name):
                self.assertFalse(SHIPPED.is_valid(response))

    def test_a_sign_with_its_own_place_names_that_place(self):
        card = cds(["--no-red-flags", "--pregnant", "yes", "--pregnancy-signs", "yes"])["cards"][0]
        self.assertIn("**: Call your maternity unit now.", card["detail"])
        self.assertNotIn("**: Go to A&E now.", card["detail"])

    def test_every_level_gets_a_valid_card_with_its_indicator(self):
        self.assertEqual(set(CASES), set(INDICATOR))
        for level, cases in CASES.items():
            for args in cases:
                with self.subTest(args=args):
                    r = report(args)
                    self.assertEqual(r["level"], level)
                    cards = cds(args)["cards"]
                    self.assertEqual(len(cards), 1)
                    self.assertEqual(cards[0]["indicator"], INDICATOR[level])
                    self.assertLess(len(cards[0]["summary"]), 140)
                    self.assertTrue(cards[0]["summary"].startswith(r["level_label"] + ": "))
                    ruleset = r["ruleset"]
                    self.assertEqual(cards[0]["source"]["label"],
                                     f"backtriage ({ruleset['id']} rules {ruleset['version']})")
                    self.assertIn("not medical advice", cards[0]["detail"])
                    self.assertIn(r["advice"], cards[0]["detail"])

    def test_the_rule_file_declares_the_same_indicators(self):
        # The indicator is an attribute of each level in the rule set, not code.
        with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
            rules = yaml.safe_load(f)
        level_fact = next(f for f in rules["facts"] if f["id"] == rules["report"]["level"])
        declared = {c["id"]: c["cds"] for c in level_fact["choices"]}
        declared[level_fact["undecided"]["id"]] = level_fact["undecided"]["cds"]
        self.assertEqual(declared, INDICATOR)

    def test_a_red_flag_card_names_each_warning_sign_with_its_step_and_no_routine(self):
        args = ["--fever", "yes", "--bladder-bowel", "yes"]
        r = report(args)
        card = cds(args)["cards"][0]
        self.assertEqual(card["indicator"], "critical")
        lines = warning_sign_lines(card["detail"])
        self.assertEqual(len(lines), len(r["red_flags"]))
        for f, line in zip(r["red_flags"], lines):
            self.assertTrue(line.startswith(f"- **{f['label']}**"), line)
            self.assertIn(" ".join(f["why"].split()), line)
        self.assertIn("Go to an emergency department (A&E) now", card["detail"])
        self.assertNotIn("Home routine", card["detail"])
        self.assertTrue(card["summary"].startswith(r["level_label"] + ": "))

    def test_each_warning_sign_line_reads_as_sentences(self):
        # The step's label (e.g. "Go to A&E now") must not run into the
        # sentence that follows it.
        labels = step_labels()
        args = ["--fever", "yes", "--bladder-bowel", "unsure", "--aortic-signs", "yes"]
        r = report(args)
        lines = warning_sign_lines(cds(args)["cards"][0]["detail"])
        for f, line in zip(r["red_flags"], lines):
            with self.subTest(f["id"]):
                label = labels[f["level"]]
                for m in re.finditer(re.escape(label), line):
                    rest = line[m.end():]
                    self.assertTrue(rest == "" or rest[0] in ".:;,)!", line)

    def test_an_unsure_red_flag_says_so_on_the_card(self):
        card = cds(["--bladder-bowel", "unsure"])["cards"][0]
        self.assertEqual(card["indicator"], "critical")
        (line,) = warning_sign_lines(card["detail"].split("**Still to answer**")[0])
        self.assertIn("not sure", line)

    def test_every_red_flag_still_fits_the_summary(self):
        r = report(ALL_RED_FLAGS)
        card = cds(ALL_RED_FLAGS)["cards"][0]
        self.assertEqual(card["summary"], f"{r['level_label']}: {len(RED_FLAGS)} warning signs")
        self.assertEqual(card["detail"].count("\n- **"), len(RED_FLAGS))

    def test_a_self_care_card_summarises_routine_and_avoid(self):
        r = report(CALM)
        card = cds(CALM)["cards"][0]
        self.assertEqual(card["indicator"], "info")
        self.assertTrue(card["summary"].startswith(r["level_label"] + ": "), card["summary"])
        self.assertTrue(card["summary"].endswith("home routine of 6 exercises"), card["summary"])
        for item in r["routine"]:
            self.assertIn(item["name"], card["detail"])
        for item in r["avoid"]:
            self.assertIn(f"- {item['name']}:", card["detail"])
        self.assertNotIn("**Warning signs**", card["detail"])
        # What to watch for, each step's signs on one line.
        watch = card["detail"].split("**What to watch for**\n\n")[1].split("\n\n")[0]
        self.assertEqual([line.split("**")[1] for line in watch.splitlines()],
                         [entry["label"] for entry in r["watch_for"]])
        self.assertIn("pain, pressure or tightness in your chest", watch)

    def test_an_a_and_e_card_has_nothing_more_to_watch_for(self):
        card = cds(["--bladder-bowel", "yes"])["cards"][0]
        self.assertNotIn("What to watch for", card["detail"])

    def test_a_doctor_card_gives_the_reasons_and_the_routine(self):
        args = with_value(CALM, "--duration-weeks", "7") + ["--improving", "no"]
        r = report(args)
        card = cds(args)["cards"][0]
        self.assertEqual(card["indicator"], "warning")
        for reason in r["reasons"]:
            self.assertIn(" ".join(reason["text"].split()), card["detail"])
        for item in r["routine"]:
            self.assertIn(item["name"], card["detail"])

    def test_an_incomplete_card_says_what_is_missing(self):
        r = report(["--duration-weeks", "3"])
        card = cds(["--duration-weeks", "3"])["cards"][0]
        self.assertEqual(card["indicator"], "warning")
        self.assertIn("**Still to answer**", card["detail"])
        for question_id in r["unanswered"]:
            self.assertIn(f"(`{question_id}`)", card["detail"])
        self.assertIn(str(len(r["unanswered"])), card["summary"])
        self.assertNotIn("Home routine", card["detail"])

    def test_the_uuid_is_derived_from_the_report(self):
        first, again = cds(CALM)["cards"][0], cds(CALM)["cards"][0]
        other = cds(with_value(CALM, "--region", "upper"))["cards"][0]
        self.assertEqual(first["uuid"], again["uuid"])
        self.assertNotEqual(first["uuid"], other["uuid"])
        self.assertRegex(first["uuid"], r"^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab]")

    def test_the_spec_schema_can_fail(self):
        card = cds(CALM)
        card["cards"][0]["summary"] = "x" * 140
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(card, SPEC_SCHEMA)
        card = cds(CALM)
        card["cards"][0]["indicator"] = "hard-stop"
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(card, SPEC_SCHEMA)


class MarkdownDetail(TempDirTest):
    def test_rule_text_that_looks_like_markdown_is_shown_as_written(self):
        # The detail is Markdown; a rule file's words are prose, so every byte
        # Markdown reads as markup comes escaped, and the rest as it was.
        plain = "Your pain has lasted 12 weeks or more, which counts as long-lasting (chronic) back"
        marked = r"Your pain *has* lasted [12] weeks_or `more`, <b>#1</b> | a \ b (chronic) back"
        with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
            rules = f.read()
        self.assertEqual(rules.count(plain), 1)
        path = self.write("marked.yaml", rules.replace(plain, marked))
        args = ["--rules", path] + with_value(CALM, "--duration-weeks", "20")
        detail = cds(args)["cards"][0]["detail"]
        escaped = re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", marked)
        self.assertIn(escaped + " pain.", detail)
        self.assertIn(r"\*has\* lasted \[12\] weeks\_or \`more\`, \<b\>\#1\</b\> \| a \\ b", detail)


if __name__ == "__main__":
    main()
