"""Shared helpers for the end-to-end tests: each test file is run by CTest as
`python3 test_x.py BINARY SOURCE_DIR` and drives the real binary."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "backtriage"
SOURCE_DIR = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "."

# A complete set of answers with no red flag (contract version 2): acute, axial,
# lower back, an adult whose daily life the pain does not stop. It gives
# self_care with complete true and nothing in `unanswered` or `assumed`.
CALM = ["--no-red-flags", "--duration-weeks", "2", "--sensation", "dull",
        "--spread", "one_spot", "--region", "lower", "--age", "40", "--daily-life", "no"]


# Each red flag of the contract and the step it gives when yes.
RED_FLAGS = {
    "aortic_signs": "ambulance",
    "spine_injury": "emergency", "bladder_bowel": "emergency", "saddle_numbness": "emergency",
    "both_legs": "emergency", "leg_weakness": "emergency",
    "fever": "urgent", "cancer_history": "urgent", "infection_risk": "urgent",
    "fragile_bones": "urgent",
    "weight_loss": "soon", "night_pain": "soon", "back_lump": "soon",
}


def flag(question_id):
    return "--" + question_id.replace("_", "-")


def with_value(args, name, value):
    """args with the value of option `name` replaced (or the option added)."""
    args = list(args)
    if name in args:
        args[args.index(name) + 1] = value
    else:
        args += [name, value]
    return args


class TempDirTest(unittest.TestCase):
    """A test case with a fresh directory of its own, and a way to write files in it."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path


def run(args, stdin=b"", env=None, timeout=300):
    """Runs backtriage; returns (exit code, stdout text, stderr text)."""
    full_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    if env:
        full_env.update(env)
    if isinstance(stdin, str):
        stdin = stdin.encode()
    p = subprocess.run([BINARY] + list(args), input=stdin, capture_output=True,
                       env=full_env, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def run_json(args, **kw):
    code, out, err = run(["--json", "--no-input"] + list(args), **kw)
    if code != 0:
        raise AssertionError(f"exit {code}: {err}")
    return json.loads(out)


def main():
    unittest.main(argv=[sys.argv[0]], verbosity=1)
