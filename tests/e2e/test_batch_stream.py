"""Batch as a coprocess: a program that writes one line and waits for its
answer must get it at once, not when a chunk fills or input ends."""
import json
import os
import select
import subprocess
import unittest

from harness import BINARY, main


def read_line(stream, timeout):
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        raise AssertionError(f"no output line within {timeout} s")
    return stream.readline()


class Coprocess(unittest.TestCase):
    def test_each_answer_comes_before_the_next_question(self):
        for jobs in ["1", "2"]:
            p = subprocess.Popen([BINARY, "batch", "--brief", "--jobs", jobs],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env={"PATH": os.environ["PATH"]})
            try:
                for weeks, level in [(2, "self_care"), (30, "doctor"), (5, "self_care")]:
                    p.stdin.write(json.dumps({"duration_weeks": weeks, "fever": False,
                                              "spine_injury": False, "bladder_bowel": False,
                                              "cancer_history": False, "saddle_numbness": False,
                                              "leg_weakness": False}).encode() + b"\n")
                    p.stdin.flush()
                    line = read_line(p.stdout, 10)
                    self.assertEqual(json.loads(line)["level"], level, jobs)
                p.stdin.write(b"not json\n")
                p.stdin.flush()
                self.assertEqual(json.loads(read_line(p.stdout, 10))["line"], 4)
                p.stdin.close()
                self.assertEqual(p.wait(timeout=10), 65)
            finally:
                p.kill()
                p.wait()
                p.stdout.close()
                p.stderr.close()


if __name__ == "__main__":
    main()
