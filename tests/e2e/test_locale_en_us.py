"""Locale overlays end to end: with --locale en-US every level of the report, in
pregnancy and after a birth too, reads as American English, with no UK care
left in it (999, A&E, GP, NHS 111, paracetamol, physiotherapist, maternity unit,
tummy), and the ambulance and emergency levels name 911 and the emergency room.
The text, HTML and JSON outputs are all read; in JSON only what a person reads
(not ids, sources or the rule trace, which stay as the base has them)."""
import html as html_text
import json
import os
import re
import tempfile
import unittest

from harness import CALM, main, run, with_value

UK_WORDS = re.compile(r"999|A&E|\bGP\b|\bGPs\b|NHS|111|paracetamol|physio|maternity unit|"
                      r"maternity notes|tummy|centimet|back passage|car park|scan letter|"
                      r"health visitor|pre-eclampsia|labour|caesarean|\btown speed",
                      re.IGNORECASE)
# JSON keys whose values are not words a person reads.
NOT_READ = {"id", "source", "trace", "answers", "ruleset", "locale", "schema_version", "rule",
            "rules", "replaces", "region", "kind", "position", "level", "figure", "svg"}

PREGNANT = ["--pregnant", "yes", "--pregnancy-danger", "no", "--pregnancy-signs", "no",
            "--pregnancy-same-day", "no"]
# Answer sets, each with the level it must give: every level, the sciatica and upper back
# watch-for lists, and pregnancy (early, later, after the birth) at each of its levels.
CASES = {
    "self_care": (CALM, "self_care"),
    "doctor_chronic": (with_value(CALM, "--duration-weeks", "14"), "doctor"),
    "soon": (with_value(CALM, "--weight-loss", "yes"), "soon"),
    "urgent_fever": (with_value(CALM, "--fever", "yes"), "urgent"),
    "emergency_bladder": (with_value(CALM, "--bladder-bowel", "yes"), "emergency"),
    "ambulance_aortic": (with_value(CALM, "--aortic-signs", "yes"), "ambulance"),
    "incomplete": (["--duration-weeks", "2"], "incomplete"),
    "sciatica": (with_value(with_value(with_value(CALM, "--sensation", "electric"),
                                       "--spread", "spreads"), "--below-knee", "yes"),
                 "self_care"),
    "upper_back": (with_value(CALM, "--region", "upper"), None),
    "pregnant_later": (CALM + PREGNANT + ["--baby-born", "no", "--pregnancy-weeks", "28"],
                       None),
    "pregnant_early": (CALM + PREGNANT + ["--baby-born", "no", "--pregnancy-weeks", "10"],
                       None),
    "pregnancy_signs": (with_value(CALM + PREGNANT + ["--baby-born", "no",
                                                      "--pregnancy-weeks", "30"],
                                   "--pregnancy-signs", "yes"), "emergency"),
    "early_bleeding": (with_value(CALM + PREGNANT + ["--baby-born", "no",
                                                     "--pregnancy-weeks", "10"],
                                  "--pregnancy-signs", "yes"), "urgent"),
    "pregnancy_same_day": (with_value(CALM + PREGNANT + ["--baby-born", "no",
                                                         "--pregnancy-weeks", "30"],
                                      "--pregnancy-same-day", "yes"), "urgent"),
    "pregnancy_danger": (with_value(CALM + PREGNANT + ["--baby-born", "no",
                                                       "--pregnancy-weeks", "30"],
                                    "--pregnancy-danger", "yes"), "ambulance"),
    "after_birth": (CALM + ["--pregnant", "yes", "--baby-born", "yes",
                            "--pregnancy-danger", "no", "--postnatal-signs", "no"], None),
    "after_birth_signs": (CALM + ["--pregnant", "yes", "--baby-born", "yes",
                                  "--pregnancy-danger", "no", "--postnatal-signs", "yes"],
                          "emergency"),
}
US = ["--locale", "en-US", "--no-input", "--no-pager", "--color", "never"]


def page_words(page):
    """The words of an HTML page: no style sheet, script, figure or tag (colours such as
    #111827 and figure coordinates are not words), entities decoded."""
    page = re.sub(r"(?is)<(style|script|svg)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]*>", " ", page)
    return html_text.unescape(page)


def read_texts(node, key=None):
    """Every string in a JSON report that a person reads."""
    if key in NOT_READ:
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from read_texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from read_texts(v, key)
    elif isinstance(node, str):
        yield node


class AmericanEnglish(unittest.TestCase):
    def leftovers(self, text):
        return sorted({m.group(0) for m in UK_WORDS.finditer(text)})

    def test_every_level_in_text_json_and_html_has_no_uk_care(self):
        for name, (args, level) in CASES.items():
            with self.subTest(case=name):
                code, out, err = run(US + ["--json"] + args)
                self.assertEqual(code, 0, err)
                report = json.loads(out)
                if level:
                    self.assertEqual(report["level"], level)
                words = "\n".join(read_texts(report))
                self.assertEqual(self.leftovers(words), [], name)
                code, text, err = run(US + args)
                self.assertEqual(code, 0, err)
                self.assertEqual(self.leftovers(text), [], name)
                with tempfile.TemporaryDirectory() as tmp:
                    html = os.path.join(tmp, "x.html")
                    code, _, err = run(US + ["--format", "html", "-o", html] + args)
                    self.assertEqual(code, 0, err)
                    with open(html, encoding="utf-8") as f:
                        page = page_words(f.read())
                self.assertIn("911", page)
                self.assertEqual(self.leftovers(page), [], name)

    def test_ambulance_and_emergency_name_911_and_the_emergency_room(self):
        for name in ["ambulance_aortic", "pregnancy_danger"]:
            with self.subTest(case=name):
                _, out, _ = run(US + CASES[name][0])
                self.assertIn("Call 911 now", out)
        for name in ["emergency_bladder", "after_birth_signs"]:
            with self.subTest(case=name):
                _, out, _ = run(US + CASES[name][0])
                self.assertIn("emergency room", out)
                self.assertIn("911", out)
        # Every report below the emergency room says when to call 911 or go to the ER.
        for name in ["self_care", "doctor_chronic", "soon", "urgent_fever", "sciatica",
                     "upper_back", "pregnant_later"]:
            with self.subTest(case=name):
                _, out, _ = run(US + CASES[name][0])
                self.assertIn("Call 911 now", out)

    def test_us_care_and_units(self):
        _, out, _ = run(US + CASES["urgent_fever"][0])
        self.assertIn("primary care doctor", out)
        self.assertIn("urgent care", out)
        _, out, _ = run(US + CASES["self_care"][0])
        self.assertIn("100.4°F (38°C)", out)
        _, out, _ = run(US + CASES["pregnancy_signs"][0])
        self.assertIn("labor and delivery", out)
        _, out, _ = run(US + CASES["pregnant_later"][0])
        self.assertIn("Acetaminophen (Tylenol)", out)

    def test_questions_read_as_american_english(self):
        code, out, err = run(["--locale", "en-US", "questions"])
        self.assertEqual(code, 0, err)
        asked = "\n".join(line for line in out.splitlines() if "read by:" not in line)
        self.assertEqual(self.leftovers(asked), [])
        self.assertIn("100.4°F (38°C)", asked)

    def test_help_spells_color_as_americans_do(self):
        for command in [[], ["batch"]]:
            with self.subTest(command=command):
                code, out, err = run(["--locale", "en-US"] + command + ["--help"])
                self.assertEqual(code, 0, err)
                self.assertNotIn("olour", out)
                self.assertRegex(out, r"Color:|colored")
        code, out, _ = run(["--locale", "en-GB", "--help"])
        self.assertIn("Colour:", out)

    def test_an_american_environment_picks_en_us(self):
        code, out, err = run(["--no-input", "--no-pager", "--color", "never"]
                             + CASES["ambulance_aortic"][0], env={"LC_ALL": "en_US.UTF-8"})
        self.assertEqual(code, 0, err)
        self.assertIn("Call 911 now", out)

    def test_the_british_report_is_unchanged(self):
        code, out, err = run(["--locale", "en-GB", "--no-input", "--no-pager", "--color",
                              "never"] + CASES["ambulance_aortic"][0])
        self.assertEqual(code, 0, err)
        self.assertIn("Call 999 now", out)
        self.assertNotIn("911 now", out)


if __name__ == "__main__":
    main()
