"""Shared helpers for the end-to-end tests: each test file is run by CTest as
`python3 test_x.py BINARY SOURCE_DIR` and drives the real binary."""
import json
import os
import subprocess
import sys
import unittest

BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "backtriage"
SOURCE_DIR = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "."

# A complete set of answers with no red flag (contract version 2): acute, axial,
# lower back, an adult whose daily life the pain does not stop. It gives
# self_care with complete true and nothing in `unanswered` or `assumed`.
CALM = ["--no-red-flags", "--duration-weeks", "2", "--sensation", "dull",
        "--spread", "one_spot", "--region", "lower", "--age", "40", "--daily-life", "no"]


def run(args, stdin=b"", env=None, timeout=60):
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
