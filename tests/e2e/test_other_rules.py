"""A rule set about something else (a knee, one question) runs through every output without a
word of back pain and without a reference to a section it lacks: every word a person reads comes
from the rule file, and the C++ assumes no part the rule file does not give."""
import html
import json
import re
import shlex
import unittest

from harness import TempDirTest, main, run
from test_interactive import interview

KNEE = """\
id: knee
version: "0.1"
title: Knee check
disclaimer: This is a demonstration, not medical advice.
questions:
  - id: locked
    type: bool
    red_flag: true
    unsure: clinic
    prompt: Is your knee stuck so that you cannot straighten it?
    why: A knee that will not straighten can mean torn cartilage caught in the joint.
    source: demo
report:
  level: step
  red_flags: sign
facts:
  - id: step
    type: ranked
    choices:
      - {id: clinic, label: See a clinician today, advice: Ring your surgery today., cds: warning, color: yellow}
      - {id: rest, label: Rest it at home, advice: Rest and ice it for a few days., routine: true, cds: info, color: green}
    undecided:
      {id: unknown, label: Answer the question, advice: We need your answer first., cds: warning, color: none}
  - id: sign
    type: set
    items:
      - {id: locked, label: Locked knee, level: clinic, why: A locked knee needs a look today., source: demo}
rules:
  - {id: locked-knee, when: {locked: {in: [yes, unsure]}}, then: {step: clinic, sign: locked}, source: demo}
  - {id: fine, when: {locked: false}, then: {step: rest}, source: demo}
"""

# Words of the back-pain rules and of a report part the knee file does not have.
BACK = re.compile(r"\b(back|spine|spinal|sciatica|legs?|999|A&E|exercises?|routine|stretch\w*|"
                  r"pain|lower|upper|sensation|fever|duration|bladder|numb\w*|below)\b", re.I)


def visible_text(page):
    """What a reader of the HTML page sees: no style, script or tags."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def json_strings(value):
    """Every string value of a JSON document (its keys are the contract, not words)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


class OtherRules(TempDirTest):
    def setUp(self):
        super().setUp()
        self.rules = self.write("knee.yaml", KNEE)

    def knee(self, *args):
        code, out, err = run(["--rules", self.rules, *args])
        self.assertEqual(code, 0, err)
        return out

    def assertNoBackPain(self, text, what):
        found = BACK.findall(text)
        self.assertEqual(found, [], f"{what}: {text}")

    def test_the_file_is_valid(self):
        code, out, err = run(["check", self.rules])
        self.assertEqual(code, 0, err)
        self.assertIn("ok: knee 0.1, 1 question, 2 rules", out)

    def test_every_output_speaks_of_the_knee_only(self):
        for answer in (["--locked", "no"], ["--locked", "yes"], ["--locked", "unsure"], []):
            base = [*answer, "--no-input", "--no-pager", "--color", "never"]
            with self.subTest(answer=answer):
                for extra in ([], ["--explain"]):
                    self.assertNoBackPain(self.knee(*base, *extra), f"text {extra}")
                report = json.loads(self.knee(*base, "--json"))
                self.assertNoBackPain(" ".join(json_strings(report)), "json")
                self.assertNoBackPain(self.knee(*base, "--format", "cds-hooks"), "cds-hooks")
                self.assertNoBackPain(visible_text(self.knee(*base, "--format", "html")), "html")
                code, out, _ = run(["--rules", self.rules, *base, "--format", "ics",
                                    "--start", "2026-01-05"])
                self.assertNoBackPain(out, "ics")

    def test_questions_and_help_name_only_the_knee(self):
        for fmt in ("text", "json", "fhir"):
            self.assertNoBackPain(self.knee("questions", "--format", fmt), f"questions {fmt}")
        help_text = self.knee("--help")
        self.assertIn("rule-based triage: Knee check", help_text)
        self.assertIn("--locked yes/no/unsure", help_text)
        self.assertNotIn("--sensation", help_text)
        self.assertNotIn("--fever", help_text)

    def test_a_stray_argument_is_shown_this_rule_sets_own_flag(self):
        code, out, err = run(["--rules", self.rules, "hello"])
        self.assertEqual((code, out), (2, ""))
        self.assertEqual(err, "backtriage: unexpected argument 'hello': backtriage takes answers "
                              "as flags such as --locked no, and its commands are batch, "
                              "questions, check, test, diff or completion; run 'backtriage "
                              "--help'\n")
        self.assertNoBackPain(err, "usage error")

    def test_help_flag_example_pastes(self):
        """The example built from the rule set runs as it is written, for both rule sets."""
        for rules in ([], ["--rules", self.rules]):
            code, out, err = run([*rules, "--help"])
            line = next(l for l in out.splitlines() if l.startswith("  backtriage --"))
            args = shlex.split(line)[1:]
            code, _, err = run([*rules, *args, "--no-input"])
            self.assertEqual(code, 0, f"{line}: {err}")
        self.assertIn("  backtriage --no-red-flags --duration-weeks 2 --sensation dull "
                      "--region lower\n", run(["--help"])[1])

    def test_no_routine_section_where_the_rules_have_none(self):
        """The knee's home step has routine: true but the file has no exercises: the report
        must not promise exercises "depending on the answers still missing (below)"."""
        out = self.knee("--locked", "no", "--no-input")
        self.assertNotIn("home routine", out.lower())
        self.assertNotIn("still missing", out)
        page = visible_text(self.knee("--locked", "no", "--no-input", "--format", "html"))
        self.assertNotIn("still missing", page)

    def test_the_interview_takes_what_its_prompt_offers(self):
        """A rule file without `interview: spoken` still takes "not sure" and "why", which
        the prompt's English words offer ("Answer yes, no or not sure. (? for why)")."""
        code, out, err = interview(["--rules", self.rules], ["why", "not sure"])
        self.assertEqual(code, 0, err)
        self.assertIn("torn cartilage", err)            # why: the question's `why`
        self.assertNotIn("Please answer with just one word", err)
        self.assertIn("SEE A CLINICIAN TODAY", out)     # not sure counts at `clinic`
        self.assertNoBackPain(out, "interview")  # (its prompts offer "back" and "below")

    def test_an_example_that_is_no_answer_is_refused_at_its_place(self):
        bad = self.write("bad.yaml", KNEE.replace("disclaimer:", "example: {locked: maybe}\n"
                                                  "disclaimer:", 1))
        code, _, err = run(["check", bad])
        self.assertEqual(code, 65)
        self.assertIn("bad.yaml:4:19: error: example locked: expected yes, no or unsure, "
                      "got 'maybe'", err)
        wrong = self.write("wrong.yaml", KNEE.replace("disclaimer:", "example: {lockd: yes}\n"
                                                      "disclaimer:", 1))
        code, _, err = run(["check", wrong])
        self.assertEqual(code, 65)
        self.assertIn("wrong.yaml:4:11: error: unknown key 'lockd' in example (did you mean "
                      "'locked'?)", err)


if __name__ == "__main__":
    main()
