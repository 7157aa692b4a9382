"""When stdout fails: a reader that goes away ends the program quietly, as
for any Unix filter (`backtriage batch | head -1`); a full disk is an error
(exit 74, one message) and never a success."""
import os
import subprocess
import tempfile
import unittest

import harness
from harness import CALM, main

CALM_LINE = ('{"bladder_bowel": false, "saddle_numbness": false, "leg_weakness": false, '
             '"spine_injury": false, "fever": false, "cancer_history": false, '
             '"duration_weeks": 2, "sensation": "dull", "spread": "one_spot", '
             '"region": "lower"}\n')
FULL_MESSAGE = "backtriage: cannot write output: No space left on device\n"

# Every command that writes to stdout, with the input it needs.
WRITERS = [
    ("triage text", ["--no-input"] + CALM, b""),
    ("triage json", ["--no-input", "--json"] + CALM, b""),
    ("triage explain", ["--no-input", "--explain"] + CALM, b""),
    ("batch", ["batch"], CALM_LINE.encode() * 3),
    ("batch brief", ["batch", "--brief"], CALM_LINE.encode()),
    ("batch of bad lines", ["batch"], b"x\n\n"),
    ("questions", ["questions"], b""),
    ("questions json", ["questions", "--json"], b""),
    ("check", ["check"], b""),
    ("check a file", ["check", "{rules}"], b""),
    ("help", ["--help"], b""),
    ("version", ["--version"], b""),
]


def env():
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}


def args_for(args):
    rules = os.path.join(harness.SOURCE_DIR, "rules", "back-pain.yaml")
    return [a.replace("{rules}", rules) for a in args]


class ReaderGoesAway(unittest.TestCase):
    def test_batch_into_a_reader_that_stops_after_one_line(self):
        with tempfile.TemporaryFile() as cases:
            cases.write(CALM_LINE.encode() * 10_000)
            cases.seek(0)
            p = subprocess.Popen([harness.BINARY, "batch"], stdin=cases, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env=env())
            first = p.stdout.readline()
            p.stdout.close()  # as `head -1` does
            try:
                code = p.wait(timeout=60)
            finally:
                p.kill()
            err = p.stderr.read().decode()
            p.stderr.close()
        self.assertIn(b'"level":"self_care"', first)
        self.assertEqual(code, 0, err)
        self.assertEqual(err, "", "a reader going away is not an error")

    def test_every_writer_into_an_already_closed_pipe(self):
        for name, args, stdin in WRITERS:
            with self.subTest(name):
                read_end, write_end = os.pipe()
                os.close(read_end)
                try:
                    p = subprocess.run([harness.BINARY] + args_for(args), input=stdin,
                                       stdout=write_end, stderr=subprocess.PIPE, env=env(),
                                       timeout=60)
                finally:
                    os.close(write_end)
                err = p.stderr.decode()
                # Nobody is left to read a result: stop, quietly and successfully.
                self.assertEqual(p.returncode, 0, err)
                self.assertEqual(err, "")


class DiskFull(unittest.TestCase):
    def test_every_writer_into_dev_full_fails_with_74(self):
        for name, args, stdin in WRITERS:
            with self.subTest(name):
                with open("/dev/full", "wb") as full:
                    p = subprocess.run([harness.BINARY] + args_for(args), input=stdin,
                                       stdout=full, stderr=subprocess.PIPE, env=env(),
                                       timeout=60)
                err = p.stderr.decode()
                self.assertEqual(p.returncode, 74, err)
                self.assertEqual(err, FULL_MESSAGE)

    def test_a_large_batch_into_dev_full_stops_at_once(self):
        # Output larger than any buffer: the first failed write ends the run.
        with open("/dev/full", "wb") as full:
            p = subprocess.run([harness.BINARY, "batch", "--summary"],
                               input=CALM_LINE.encode() * 2000, stdout=full,
                               stderr=subprocess.PIPE, env=env(), timeout=60)
        self.assertEqual(p.returncode, 74)
        self.assertEqual(p.stderr.decode(), FULL_MESSAGE)


if __name__ == "__main__":
    main()
