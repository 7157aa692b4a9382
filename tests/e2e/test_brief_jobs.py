"""`--brief` (single and batch) and `batch --jobs N`: brief reports carry only
the five brief keys and agree with the full report; parallel batch output is
byte-for-byte the output of one job, error lines and summary included."""
import json
import os
import subprocess
import sys
import unittest

from harness import CALM, main, run, run_json

BRIEF_KEYS = ["level", "classification", "red_flags", "routine", "avoid"]


def ids(items):
    return [item["id"] for item in items]


def brief_of(full):
    return {"level": full["level"], "classification": full["classification"],
            "red_flags": ids(full["red_flags"]), "routine": ids(full["routine"]),
            "avoid": ids(full["avoid"])}


def mixed_lines(count):
    """Good cases of every level with bad lines between them."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))
    generated = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "..",
                                                             "bench", "gen_cases.py"),
                                str(count), "11"], capture_output=True, check=True,
                               text=True).stdout.splitlines()
    bad = ["", "{not json", '{"fevr": "yes"}', '{"duration_weeks": 9999}', "[1, 2]", "   "]
    lines = []
    for i, line in enumerate(generated):
        lines.append(line)
        if i % 97 == 0:
            lines.append(bad[(i // 97) % len(bad)])
    return "\n".join(lines) + "\n"


class Brief(unittest.TestCase):
    def test_single_brief_has_only_the_brief_keys_and_matches_the_full_report(self):
        radicular_both = ["--no-red-flags", "--duration-weeks", "20", "--sensation", "electric",
                          "--spread", "spreads", "--below-knee", "yes", "--region", "both"]
        for args in [CALM, CALM + ["--fever", "yes"], radicular_both]:
            brief = run_json(["--brief"] + args)
            self.assertEqual(list(brief), BRIEF_KEYS)
            self.assertEqual(brief, brief_of(run_json(args)))

    def test_emergency_brief_lists_the_red_flag_and_no_routine(self):
        brief = run_json(["--brief", "--fever", "yes"] + CALM[1:])
        self.assertEqual(brief["level"], "emergency")
        self.assertEqual(brief["red_flags"], ["fever"])
        self.assertEqual(brief["routine"], [])
        self.assertEqual(brief["avoid"], [])

    def test_batch_brief_lines_match_the_full_batch_lines(self):
        text = mixed_lines(300)
        code_full, full, _ = run(["batch"], stdin=text)
        code_brief, brief, _ = run(["batch", "--brief"], stdin=text)
        self.assertEqual(code_full, 65)
        self.assertEqual(code_brief, 65)
        full_lines, brief_lines = full.splitlines(), brief.splitlines()
        self.assertEqual(len(full_lines), len(text.splitlines()))
        self.assertEqual(len(brief_lines), len(full_lines))
        for f, b in zip(full_lines, brief_lines):
            f, b = json.loads(f), json.loads(b)
            if "error" in f:
                self.assertEqual(b, f)
            else:
                self.assertEqual(list(b), BRIEF_KEYS)
                self.assertEqual(b, brief_of(f))


class Jobs(unittest.TestCase):
    def test_parallel_output_and_summary_are_those_of_one_job(self):
        # More lines than one chunk (1,024 per job) so chunks follow each other.
        text = mixed_lines(2600)
        for mode in [[], ["--brief"]]:
            one = run(["batch", "--summary"] + mode, stdin=text)
            for jobs in ["2", "3"]:
                many = run(["batch", "--summary", "--jobs", jobs] + mode, stdin=text)
                self.assertEqual(many, one, f"--jobs {jobs} {mode}")
        code, out, err = one
        self.assertEqual(code, 65)
        self.assertEqual(json.loads(out.splitlines()[1]),
                         {"line": 2, "error": "blank line: expected a JSON object of answers"})
        self.assertRegex(err, r"^backtriage batch: \d+ lines, .*, 2[0-9] errors\n$")

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
            self.assertIn("--jobs", err)


if __name__ == "__main__":
    main()
