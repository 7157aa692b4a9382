"""`--brief` (single and batch) and `batch --jobs N`: brief reports carry only
the brief keys of contract version 2 (level, complete, classification and the
ids of red_flags, reasons, routine and avoid; `id` first in batch when the line
has one) and agree with the full report; parallel batch output is byte-for-byte
the output of one job, error lines, ids and summary included."""
import json
import os
import random
import subprocess
import sys
import unittest

from harness import CALM, main, run, run_json, with_value

BRIEF_KEYS = ["schema_version", "level", "complete", "classification", "red_flags", "reasons",
              "routine", "avoid", "watch_for"]
ID_LISTS = ["red_flags", "reasons", "routine", "avoid"]
RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
             "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
             "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]


def ids(items):
    return [item["id"] for item in items]


def brief_of(full):
    brief = {"id": full["id"]} if "id" in full else {}
    brief.update({"schema_version": full["schema_version"], "level": full["level"],
                  "complete": full["complete"], "classification": full["classification"]})
    brief.update({key: ids(full[key]) for key in ID_LISTS})
    # The steps of watch_for, each once, most urgent first.
    brief["watch_for"] = list(dict.fromkeys(entry["level"] for entry in full["watch_for"]))
    return brief


def mixed_lines(count):
    """Good cases of every level, some with an id, with bad lines between them."""
    generated = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "..",
                                                             "bench", "gen_cases.py"),
                                str(count), "11"], capture_output=True, check=True,
                               text=True).stdout.splitlines()
    rng = random.Random(11)
    bad = ["", "{not json", '{"fevr": "yes"}', '{"duration_weeks": 9999}', "[1, 2]", "   ",
           '{"id": "bad", "fever": "maybe"}', '{"id": null}']
    # A generator that knows only version 1's red flags leaves every case incomplete:
    # then answer version 2's as well, so that the cases keep their levels.
    version_1 = not any("aortic_signs" in json.loads(text) for text in generated)
    lines = []
    for i, text in enumerate(generated):
        answers = json.loads(text)
        if version_1:
            for flag in RED_FLAGS:
                answers.setdefault(flag, rng.choice(["no", False, "n", 0]))
        # Raise a red flag or give a reason now and then (each red flag in turn, so that
        # every step of the ladder is there).
        roll = rng.random()
        if i % 50 == 25:
            answers[RED_FLAGS[(i // 50) % len(RED_FLAGS)]] = True
        elif roll < 0.05:
            answers[rng.choice(RED_FLAGS)] = rng.choice([True, "yes", "unsure"])
        elif roll < 0.10:
            answers.update(rng.choice([{"daily_life": True}, {"age": 12}, {"age": 70},
                                       {"improving": False}]))
        # A mix of lines with a string id, a number id and none.
        answers.pop("id", None)
        if i % 3 == 0:
            answers = {"id": f"case-{i}", **answers}
        elif i % 3 == 1:
            answers = {"id": i, **answers}
        lines.append(json.dumps(answers))
        if i % 97 == 0:
            lines.append(bad[(i // 97) % len(bad)])
    return "\n".join(lines) + "\n"


class Brief(unittest.TestCase):
    def test_single_brief_has_only_the_brief_keys_and_matches_the_full_report(self):
        radicular_both = ["--no-red-flags", "--duration-weeks", "20", "--sensation", "electric",
                          "--spread", "spreads", "--below-knee", "yes", "--region", "both"]
        for args in [CALM, with_value(CALM, "--fever", "yes"),
                     with_value(CALM, "--weight-loss", "unsure"),
                     with_value(CALM, "--daily-life", "yes"), radicular_both,
                     ["--duration-weeks", "3"]]:
            with self.subTest(args=args):
                brief = run_json(["--brief"] + args)
                self.assertEqual(list(brief), BRIEF_KEYS)
                self.assertEqual(brief, brief_of(run_json(args)))

    def test_a_red_flag_brief_lists_the_red_flag_and_no_routine(self):
        for flag, level in [("--aortic-signs", "ambulance"), ("--bladder-bowel", "emergency"),
                            ("--fever", "urgent"), ("--back-lump", "soon")]:
            with self.subTest(flag):
                brief = run_json(["--brief"] + with_value(CALM, flag, "yes"))
                self.assertEqual(brief["level"], level)
                self.assertTrue(brief["complete"])
                self.assertEqual(brief["red_flags"], [flag[2:].replace("-", "_")])
                self.assertEqual(brief["routine"], [])
                self.assertEqual(brief["avoid"], [])

    def test_a_reason_brief_keeps_the_routine(self):
        brief = run_json(["--brief"] + with_value(CALM, "--daily-life", "yes"))
        self.assertEqual((brief["level"], brief["red_flags"], brief["reasons"]),
                         ("doctor", [], ["daily_life"]))
        self.assertNotEqual(brief["routine"], [])

    def test_an_incomplete_brief_says_so(self):
        brief = run_json(["--brief", "--duration-weeks", "3"])
        self.assertEqual((brief["level"], brief["complete"]), ("incomplete", False))

    def test_batch_brief_lines_match_the_full_batch_lines(self):
        text = mixed_lines(300)
        code_full, full, _ = run(["batch"], stdin=text)
        code_brief, brief, _ = run(["batch", "--brief"], stdin=text)
        self.assertEqual(code_full, 65)
        self.assertEqual(code_brief, 65)
        full_lines, brief_lines = full.splitlines(), brief.splitlines()
        self.assertEqual(len(full_lines), len(text.splitlines()))
        self.assertEqual(len(brief_lines), len(full_lines))
        levels = set()
        for f, b in zip(full_lines, brief_lines):
            f, b = json.loads(f), json.loads(b)
            if "error" in f:
                self.assertEqual(b, f)
            else:
                self.assertEqual(list(b), (["id"] if "id" in f else []) + BRIEF_KEYS)
                self.assertEqual(b, brief_of(f))
                levels.add(b["level"])
        self.assertEqual(levels, {"ambulance", "emergency", "urgent", "soon", "doctor",
                                  "self_care", "incomplete"})


class Jobs(unittest.TestCase):
    def test_parallel_output_and_summary_are_those_of_one_job(self):
        # More lines than one chunk (1,024 per job) so chunks follow each other,
        # and full reports enough that the first share writes as it goes.
        text = mixed_lines(2600)
        results = {}
        for mode in [[], ["--brief"], ["--format", "cds-hooks"]]:
            one = results[" ".join(mode)] = run(["batch", "--summary"] + mode, stdin=text)
            for jobs in ["2", "3"]:
                many = run(["batch", "--summary", "--jobs", jobs] + mode, stdin=text)
                self.assertEqual(many, one, f"--jobs {jobs} {mode}")
        for mode, (code, out, err) in results.items():
            with self.subTest(mode=mode):
                self.assertEqual(code, 65)
                rows = [json.loads(line) for line in out.splitlines()]
                self.assertEqual(len(rows), len(text.splitlines()))  # none lost, none twice
                self.assertEqual(rows[1], {"line": 2, "error": "blank line: expected a JSON "
                                                               "object of answers"})
                self.assertTrue(any(list(r) == ["id", "line", "error"] for r in rows))
                self.assertEqual(rows[0]["id"], "case-0")
                self.assertEqual(rows[2]["id"], 1)
                self.assertNotIn("id", rows[3])
                self.assertRegex(err, r"^backtriage batch: \d+ lines, .*, 2[0-9] errors\n$")
        self.assertEqual(results[""][2], results["--brief"][2])
        self.assertEqual(results[""][2], results["--format cds-hooks"][2])
        self.assertEqual(list(json.loads(results["--format cds-hooks"][1].splitlines()[0])),
                         ["id", "cards"])

    def test_short_flag_and_range(self):
        code, out, _ = run(["batch", "-j", "2"], stdin=json.dumps(
            dict(zip(["duration_weeks", "sensation", "spread", "region"],
                     [2, "dull", "one_spot", "lower"]))) + "\n")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["level"], "incomplete")
        for bad in ["0", "257", "two"]:
            code, out, err = run(["batch", "--jobs", bad], stdin="{}\n")
            self.assertEqual(code, 2, bad)
            self.assertEqual(out, "")
            self.assertEqual(err, f"backtriage: option '--jobs': '{bad}' is not a whole number "
                                  "from 1 to 256; run 'backtriage batch --help'\n")


if __name__ == "__main__":
    main()
