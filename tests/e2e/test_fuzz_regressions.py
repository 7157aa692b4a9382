"""Replays the fuzz seeds and every saved crasher (tests/fuzz/corpus and
tests/fuzz/regressions) through the real binary: each input a fuzz target
takes must end in a report or one clear message, never a crash."""
import json
import os
import unittest

import harness
from harness import main, run

FUZZ = os.path.join(harness.SOURCE_DIR, "tests", "fuzz")
TRACES = ["terminate called", "AddressSanitizer", "runtime error:", "what():"]
# Contract version 2's ladder, most urgent first.
LEVELS = ["ambulance", "emergency", "urgent", "soon", "doctor", "self_care", "incomplete"]


def inputs(target):
    for kind in ("corpus", "regressions"):
        folder = os.path.join(FUZZ, kind, target)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if not name.endswith(".md"):
                yield os.path.join(folder, name)


class FuzzInputs(unittest.TestCase):
    def assert_clean(self, code, err, codes, one_line=True):
        self.assertTrue(0 <= code < 128, f"exit {code}: {err[:500]}")
        self.assertIn(code, codes, err[:500])
        for trace in TRACES:
            self.assertNotIn(trace, err)
        if one_line:
            self.assertLessEqual(err.count("\n"), 1, err[:500])
            self.assertLess(len(err), 1000, err[:500])

    def test_rule_files(self):
        for path in inputs("fuzz_rule_loader"):
            with self.subTest(os.path.basename(path)):
                code, out, err = run(["check", path])
                self.assert_clean(code, err, (0, 65), one_line=False)
                self.assertIn(": ok: " if code == 0 else ": invalid: ", out)
                code, out, err = run(["--rules", path, "--no-input", "--json"])
                self.assert_clean(code, err, (0, 2, 65))
                code, out, err = run(["batch", "--rules", path], stdin=b'{"id": 1}\n\n')
                self.assert_clean(code, err, (65,))
                if out:  # the rule set loaded: one line out per line in
                    self.assertEqual(len(out.splitlines()), 2)
                    self.assertEqual(json.loads(out.splitlines()[1])["line"], 2)

    def test_answers(self):
        for path in inputs("fuzz_answers"):
            with self.subTest(os.path.basename(path)):
                code, out, err = run(["--answers", path, "--no-input", "--json"])
                self.assert_clean(code, err, (0, 65))
                if code == 0:
                    report = json.loads(out)
                    self.assertEqual(report["schema_version"], 2)
                    self.assertIn(report["level"], LEVELS)
                with open(path, "rb") as f:
                    line = f.read().replace(b"\n", b" ").replace(b"\r", b" ")
                for mode in [[], ["--brief"], ["--format", "cds-hooks"], ["--no-red-flags"]]:
                    code, out, err = run(["batch"] + mode, stdin=line + b"\n")
                    self.assert_clean(code, err, (0, 65))
                    self.assertEqual(len(out.splitlines()), 1)
                    self.assertLess(len(out), 100_000)
                    self.assertEqual(code == 65, "error" in json.loads(out), out[:500])
                # The same line with an id: the id comes first, report or error.
                stripped = line.lstrip(b"\xef\xbb\xbf \t")
                if stripped.startswith(b"{") and stripped[1:].lstrip().startswith(b'"'):
                    with_id = b'{"id": "fuzz", ' + stripped[1:]
                    code, out, err = run(["batch"], stdin=with_id + b"\n")
                    self.assert_clean(code, err, (0, 65))
                    row = json.loads(out)
                    if "error" not in row or "invalid JSON" not in row["error"]:
                        self.assertEqual(list(row)[0], "id", out[:500])
                        self.assertEqual(row["id"], "fuzz")

    def test_flag_values(self):
        # A flag's value is read by its question's kind, so one question of
        # each kind is enough: each choice and number question (their words
        # and ranges differ), and one yes/no question of each sort (red flag
        # or not, with `unsure`, optional, on a checklist). Every question
        # against every value took a thousand runs, two minutes under ASan.
        kinds = {}
        for q in json.loads(run(["questions", "--json"])[1]):
            kind = (q["id"],) if q["type"] != "bool" else (
                q["red_flag"], q["unsure"], q["optional"], q["checklist"])
            kinds.setdefault(kind, q["id"])
        ids = list(kinds.values())
        self.assertGreater(len(ids), 8)
        for path in inputs("fuzz_flag_value"):
            with open(path, "rb") as f:
                value = f.read().decode("utf-8", "surrogateescape")
            for qid in ids:
                with self.subTest(f"{os.path.basename(path)} --{qid}"):
                    code, out, err = run(["--no-input", "--json", "--" + qid.replace("_", "-"),
                                          value.encode("utf-8", "surrogateescape")])
                    self.assert_clean(code, err, (0, 2))


if __name__ == "__main__":
    main()
