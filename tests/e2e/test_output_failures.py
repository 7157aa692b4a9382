"""When stdout fails: a reader that goes away ends the program quietly, as
for any Unix filter (`backtriage batch | head -1`); a full disk is an error
(exit 74, one message) and never a success."""
import json
import os
import subprocess
import tempfile
import unittest

import harness
from harness import CALM, main

# Contract version 2: a calm line answers every red flag.
RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
             "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
             "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]
CALM_ANSWERS = dict({flag: False for flag in RED_FLAGS}, duration_weeks=2, sensation="dull",
                    spread="one_spot", region="lower")
CALM_LINE = json.dumps(CALM_ANSWERS) + "\n"
ID_LINE = json.dumps({"id": "a-1", **CALM_ANSWERS}) + "\n"
FULL_MESSAGE = "backtriage: cannot write standard output: No space left on device\n"

# Every command that writes to stdout, with the input it needs.
WRITERS = [
    ("triage text", ["--no-input"] + CALM, b""),
    ("triage json", ["--no-input", "--json"] + CALM, b""),
    ("triage explain", ["--no-input", "--explain"] + CALM, b""),
    ("triage brief", ["--no-input", "--json", "--brief"] + CALM, b""),
    ("triage pretty json", ["--no-input", "--json", "--pretty"] + CALM, b""),
    ("triage cds-hooks", ["--no-input", "--format", "cds-hooks"] + CALM, b""),
    ("triage html", ["--no-input", "--format", "html"] + CALM, b""),
    ("triage ics", ["--no-input", "--format", "ics", "--start", "2026-12-01"] + CALM, b""),
    ("triage from --answers -", ["--no-input", "--json", "--answers", "-"], CALM_LINE.encode()),
    ("batch", ["batch"], CALM_LINE.encode() * 3),
    ("batch brief", ["batch", "--brief"], CALM_LINE.encode()),
    ("batch cds-hooks", ["batch", "--format", "cds-hooks"], CALM_LINE.encode()),
    ("batch with ids", ["batch"], ID_LINE.encode() * 2),
    ("batch of bad lines", ["batch"], b"x\n\n"),
    ("questions", ["questions"], b""),
    ("questions json", ["questions", "--json"], b""),
    ("check", ["check"], b""),
    ("check a file", ["check", "{rules}"], b""),
    ("test", ["test"], b""),
    ("test a file with coverage", ["test", "{cases}", "--rules", "{rules}", "--coverage"], b""),
    # The shipped cases, not the whole answer space: the same writer, without a minute of
    # walking under the sanitizers.
    ("diff", ["diff", "{rules}", "{rules}", "--cases", "{cases}"], b""),
    ("completion", ["completion", "bash"], b""),
    ("help", ["--help"], b""),
    ("batch help", ["batch", "--help"], b""),
    ("version", ["--version"], b""),
]


def env():
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}


def args_for(args):
    rules = os.path.join(harness.SOURCE_DIR, "rules", "back-pain.yaml")
    cases = os.path.join(harness.SOURCE_DIR, "rules", "tests", "back-pain.test.yaml")
    return [a.replace("{rules}", rules).replace("{cases}", cases) for a in args]


def batch_read_one_line(data, jobs="1"):
    """Runs batch on `data` (on `jobs` threads) and reads one line of its output before
    closing the pipe, as `head -1` does. Returns (the line, exit status, stderr)."""
    with tempfile.TemporaryFile() as cases:
        cases.write(data)
        cases.seek(0)
        p = subprocess.Popen([harness.BINARY, "batch", "--jobs", jobs], stdin=cases,
                             stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env())
        first = p.stdout.readline()
        p.stdout.close()
        try:
            code = p.wait(timeout=300)
        finally:
            p.kill()
        err = p.stderr.read().decode()
        p.stderr.close()
    return first, code, err


class ReaderGoesAway(unittest.TestCase):
    def test_batch_into_a_reader_that_stops_after_one_line(self):
        # With --jobs, the jobs still busy when the reader goes finish their lines and stop.
        for jobs in ["1", "2", "3"]:
            with self.subTest(jobs=jobs):
                first, code, err = batch_read_one_line(CALM_LINE.encode() * 10_000, jobs)
                self.assertIn(b'"level":"self_care"', first)
                self.assertEqual(code, 0, err)
                self.assertEqual(err, "", "a reader going away is not an error")

    def test_bad_lines_before_the_reader_goes_away_still_exit_65(self):
        # A script that reads only the first line must still learn from the exit status
        # that some lines were bad; with none bad, the status stays 0.
        for first_line, expected in [(b'{"fever": "x"}\n', 65), (b"", 0)]:
            for jobs in ["1", "2"]:
                with self.subTest(bad=bool(first_line), jobs=jobs):
                    _, code, err = batch_read_one_line(
                        first_line + CALM_LINE.encode() * 10_000, jobs)
                    self.assertEqual((code, err), (expected, ""))

    def test_every_writer_into_an_already_closed_pipe(self):
        for name, args, stdin in WRITERS:
            with self.subTest(name):
                read_end, write_end = os.pipe()
                os.close(read_end)
                try:
                    p = subprocess.run([harness.BINARY] + args_for(args), input=stdin,
                                       stdout=write_end, stderr=subprocess.PIPE, env=env(),
                                       timeout=300)
                finally:
                    os.close(write_end)
                err = p.stderr.decode()
                # Nobody is left to read a result: stop, quietly and successfully,
                # except that bad lines read before still make the status 65.
                self.assertEqual(p.returncode, 65 if name == "batch of bad lines" else 0, err)
                self.assertEqual(err, "")


class DiskFull(unittest.TestCase):
    def test_every_writer_into_dev_full_fails_with_74(self):
        for name, args, stdin in WRITERS:
            with self.subTest(name):
                with open("/dev/full", "wb") as full:
                    p = subprocess.run([harness.BINARY] + args_for(args), input=stdin,
                                       stdout=full, stderr=subprocess.PIPE, env=env(),
                                       timeout=300)
                err = p.stderr.decode()
                self.assertEqual(p.returncode, 74, err)
                self.assertEqual(err, FULL_MESSAGE)

    def test_a_large_batch_into_dev_full_stops_at_once(self):
        # Output larger than any buffer: the first failed write ends the run, with
        # --jobs too (the other jobs finish the lines they hold, and take no more).
        for jobs in ["1", "2", "3"]:
            with self.subTest(jobs=jobs):
                with open("/dev/full", "wb") as full:
                    p = subprocess.run([harness.BINARY, "batch", "--summary", "--jobs", jobs],
                                       input=CALM_LINE.encode() * 2000, stdout=full,
                                       stderr=subprocess.PIPE, env=env(), timeout=300)
                self.assertEqual(p.returncode, 74)
                self.assertEqual(p.stderr.decode(), FULL_MESSAGE)

    def test_an_output_file_on_a_full_disk_fails_with_74(self):
        for name, args, stdin in [("triage -o", ["--no-input", "--json", "-o", "/dev/full"]
                                   + CALM, b""),
                                  ("batch -o", ["batch", "-o", "/dev/full"], CALM_LINE.encode()),
                                  ("batch --output of many lines",
                                   ["batch", "--output", "/dev/full", "--summary"],
                                   CALM_LINE.encode() * 2000)]:
            with self.subTest(name):
                p = subprocess.run([harness.BINARY] + args, input=stdin,
                                   capture_output=True, env=env(), timeout=300)
                err = p.stderr.decode()
                self.assertEqual(p.returncode, 74, err)
                self.assertEqual(p.stdout, b"")
                self.assertRegex(err, r"^backtriage: cannot write /dev/full: "
                                      r"No space left on device\n$")


if __name__ == "__main__":
    main()
