"""Batch as a coprocess: a program that writes one line and waits for its
answer must get it at once, not when a chunk fills or input ends."""
import json
import os
import select
import subprocess
import unittest

from harness import BINARY, main

# Contract version 2: a calm line answers every red flag.
RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
             "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
             "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]
CALM = dict({flag: False for flag in RED_FLAGS}, sensation="dull", spread="one_spot",
            region="lower")


def read_line(stream, timeout):
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        raise AssertionError(f"no output line within {timeout} s")
    return stream.readline()


class Coprocess(unittest.TestCase):
    def converse(self, args, check):
        """Writes lines one at a time, each answered before the next is written."""
        for jobs in ["1", "2"]:
            p = subprocess.Popen([BINARY, "batch", "--jobs", jobs] + args,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env={"PATH": os.environ["PATH"]})
            try:
                cases = [(2, {}, "self_care"), (30, {}, "doctor"),
                         (5, {"fever": True}, "urgent"), (5, {"aortic_signs": "unsure"},
                                                          "emergency")]
                for n, (weeks, extra, level) in enumerate(cases, start=1):
                    answers = {"id": f"case-{n}", **CALM, "duration_weeks": weeks, **extra}
                    p.stdin.write(json.dumps(answers).encode() + b"\n")
                    p.stdin.flush()
                    got = json.loads(read_line(p.stdout, 10))
                    self.assertEqual(list(got)[0], "id")
                    self.assertEqual(got["id"], f"case-{n}")
                    check(self, got, level, jobs)
                p.stdin.write(b"not json\n")
                p.stdin.flush()
                self.assertEqual(json.loads(read_line(p.stdout, 10))["line"], len(cases) + 1)
                p.stdin.write(b'{"id": 6, "fevr": true}\n')
                p.stdin.flush()
                self.assertEqual(json.loads(read_line(p.stdout, 10)),
                                 {"id": 6, "line": 6,
                                  "error": "unknown answer key 'fevr' (did you mean 'fever'?)"})
                p.stdin.close()
                self.assertEqual(p.wait(timeout=10), 65)
            finally:
                p.kill()
                p.wait()
                p.stdout.close()
                p.stderr.close()

    def test_each_answer_comes_before_the_next_question(self):
        def check(test, got, level, jobs):
            test.assertEqual(got["level"], level, jobs)
        self.converse(["--brief"], check)

    def test_full_reports_stream_too(self):
        def check(test, got, level, jobs):
            test.assertEqual((got["schema_version"], got["level"]), (2, level), jobs)
        self.converse([], check)

    def test_cds_hooks_responses_stream_too(self):
        indicators = {"self_care": "info", "doctor": "warning", "urgent": "warning",
                      "emergency": "critical"}

        def check(test, got, level, jobs):
            test.assertEqual(got["cards"][0]["indicator"], indicators[level], jobs)
        self.converse(["--format", "cds-hooks"], check)


if __name__ == "__main__":
    main()
