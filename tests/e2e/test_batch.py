"""`backtriage batch`: JSON Lines in, one compact report per line out; output line n
answers input line n; a bad line (blank lines included) becomes {"line": n, "error": ...}
in its place and the rest go on; exit 65 if any line was bad; constant memory."""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import unittest

from harness import BINARY, main, run

NO_RED_FLAGS = {"fever": False, "spine_injury": False, "bladder_bowel": False,
                "cancer_history": False, "saddle_numbness": False, "leg_weakness": False}
CALM = dict(NO_RED_FLAGS, duration_weeks=2, sensation="dull", spread="one_spot", region="lower")
CHRONIC = dict(CALM, duration_weeks=30, region="upper")


def line(answers):
    return json.dumps(answers).encode()


# (input line bytes, expected: a level for a report, or the exact error object)
MIXED = [
    (b"\xef\xbb\xbf" + line(CALM), "self_care"),                      # a BOM on line 1
    (b"", {"line": 2, "error": "blank line: expected a JSON object of answers"}),
    (b"{not json", {"line": 3, "error": "column 3: invalid JSON: syntax error while parsing "
                    "object key - invalid literal; last read: '{no'; expected string literal"}),
    (b'{"fevr": true}',
     {"line": 4, "error": "unknown answer key 'fevr' (did you mean 'fever'?)"}),
    (b'{"fever": "maybe"}',
     {"line": 5, "error": "answer 'fever': expected yes or no (or y/n, true/false, 1/0), "
                          "got 'maybe'"}),
    (line(CHRONIC) + b"\r", "doctor"),                                  # CRLF
    (b'{"region": "\xff\xfe"}',
     {"line": 7, "error": "column 13: invalid JSON: syntax error while parsing value - invalid "
                          "string: ill-formed UTF-8 byte; last read: '\"\ufffd'"}),
    (b"   \t", {"line": 8, "error": "blank line: expected a JSON object of answers"}),
    (b'{"fever": 1.5}', {"line": 9, "error": "answer 'fever': expected yes/no, got a number"}),
    (b"[1]", {"line": 10, "error": "expected a JSON object of answers, got a list"}),
    (line(dict(CALM, fever=True)), "emergency"),
    (line({"duration_weeks": 3}), "incomplete"),
    (line(dict(CALM, region="both")), "self_care"),                   # no final newline
]


def mixed_input():
    return b"\n".join(text for text, _ in MIXED)


class Lines(unittest.TestCase):
    def check_output(self, out):
        rows = [json.loads(text) for text in out.splitlines()]
        self.assertEqual(len(rows), len(MIXED))
        for n, (row, (_, expected)) in enumerate(zip(rows, MIXED), start=1):
            with self.subTest(line=n):
                if isinstance(expected, dict):
                    self.assertEqual(row, expected)
                else:
                    self.assertEqual(row["level"], expected, row)
                    self.assertIn("schema_version", row)

    def test_good_and_bad_lines_keep_their_places(self):
        code, out, err = run(["batch"], stdin=mixed_input())
        self.assertEqual(code, 65, err)
        self.check_output(out)
        self.assertEqual(err, "")  # no summary: stderr is not a terminal

    def test_reports_are_compact_one_per_line(self):
        code, out, _ = run(["batch"], stdin=line(CALM) + b"\n" + line(CHRONIC) + b"\n")
        self.assertEqual(code, 0)
        reports = out.split("\n")
        self.assertEqual(reports[-1], "")
        self.assertEqual(len(reports), 3)
        first = json.loads(reports[0])
        self.assertEqual(reports[0], json.dumps(first, separators=(",", ":"), ensure_ascii=False))
        self.assertEqual(first["classification"],
                         {"duration": "acute", "pain_type": "axial", "region": "lower"})
        self.assertEqual(first["answers"]["duration_weeks"], 2)
        self.assertEqual(json.loads(reports[1])["classification"]["region"], "upper")

    def test_an_answers_line_gives_the_same_report_as_the_flags(self):
        _, out, _ = run(["batch"], stdin=line(CALM) + b"\n")
        code, single, err = run(["--json", "--no-input", "--no-red-flags", "--duration-weeks", "2",
                                 "--sensation", "dull", "--spread", "one_spot",
                                 "--region", "lower"])
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), json.loads(single))

    def test_only_good_lines_exit_0_and_empty_input_gives_no_output(self):
        self.assertEqual(run(["batch"], stdin=line(CALM) + b"\n")[0], 0)
        self.assertEqual(run(["batch"], stdin=b""), (0, "", ""))

    def test_a_lone_blank_line_is_an_error(self):
        code, out, _ = run(["batch"], stdin=b"\n")
        self.assertEqual(code, 65)
        self.assertEqual(json.loads(out),
                         {"line": 1, "error": "blank line: expected a JSON object of answers"})

    def test_no_red_flags_and_brief(self):
        code, out, _ = run(["batch", "--brief", "--no-red-flags"],
                           stdin=line({"duration_weeks": 1, "sensation": "electric",
                                       "region": "upper"}) + b"\n")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["level"], "self_care")
        self.assertEqual(json.loads(out)["classification"]["pain_type"], "radicular")


class Files(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_input_file_reads_like_stdin(self):
        path = os.path.join(self.tmp, "cases.jsonl")
        with open(path, "wb") as f:
            f.write(mixed_input())
        code, out, _ = run(["batch", "--input", path])
        self.assertEqual(code, 65)
        Lines.check_output(self, out)
        self.assertEqual(out, run(["batch"], stdin=mixed_input())[1])

    def test_a_missing_input_file_is_66(self):
        path = os.path.join(self.tmp, "missing.jsonl")
        self.assertEqual(run(["batch", "--input", path]),
                         (66, "", f"backtriage: cannot open {path}: No such file or directory\n"))

    def test_a_directory_as_input_is_66(self):
        code, out, err = run(["batch", "--input", self.tmp])
        self.assertEqual((code, out), (66, ""))
        self.assertEqual(err, f"backtriage: cannot read {self.tmp}: Is a directory\n")


class Summary(unittest.TestCase):
    def test_summary_counts_levels_and_errors(self):
        code, out, err = run(["batch", "--summary"], stdin=mixed_input())
        self.assertEqual(code, 65)
        self.assertEqual(len(out.splitlines()), len(MIXED))
        self.assertEqual(err, "backtriage batch: 13 lines, 1 doctor, 1 emergency, 1 incomplete, "
                              "2 self_care, 8 errors\n")

    def test_summary_of_one_good_line(self):
        code, _, err = run(["batch", "--summary"], stdin=line(CALM))
        self.assertEqual((code, err), (0, "backtriage batch: 1 line, 1 self_care, 0 errors\n"))

    def test_summary_when_stderr_is_a_terminal(self):
        controller, terminal = pty.openpty()
        p = subprocess.Popen([BINARY, "batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=terminal, env={"PATH": os.environ.get("PATH", "/usr/bin")})
        os.close(terminal)
        out, _ = p.communicate(line(CALM) + b"\n\n", timeout=60)
        err = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the terminal's other side closed
                break
            if not chunk:
                break
            err += chunk
        os.close(controller)
        self.assertEqual(p.returncode, 65)
        self.assertEqual(len(out.splitlines()), 2)
        self.assertEqual(err, b"backtriage batch: 2 lines, 1 self_care, 1 error\r\n")


# Fallback without GNU time: a fresh Python, so that RUSAGE_CHILDREN holds only this one
# run of backtriage (and, as a floor, the size of the Python it was forked from).
PEAK_RSS = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
assert code == 0, code
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
GNU_TIME = "/usr/bin/time"


class Memory(unittest.TestCase):
    """A long input must not cost more memory than a short one: lines are streamed."""

    def peak_kib(self, lines, args):
        path = os.path.join(self.tmp, f"{lines}.jsonl")
        with open(path, "wb") as f:
            for _ in range(lines // 1000):
                f.write((line(CALM) + b"\n") * 1000)
        command = [BINARY, "batch", "--input", path] + args
        # ASan's quarantine keeps freed memory on purpose; turn it off here.
        env = dict(os.environ,
                   ASAN_OPTIONS="quarantine_size_mb=0:thread_local_quarantine_size_kb=0")
        if os.access(GNU_TIME, os.X_OK):
            report = os.path.join(self.tmp, "time.txt")
            result = subprocess.run([GNU_TIME, "-f", "%M", "-o", report] + command,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                                    timeout=1200)
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            with open(report) as f:
                return int(f.read().split()[-1])
        result = subprocess.run([sys.executable, "-c", PEAK_RSS] + command, capture_output=True,
                                env=env, timeout=1200)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return int(result.stdout)

    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def assert_flat(self, small, large, args):
        small_kib, large_kib = self.peak_kib(small, args), self.peak_kib(large, args)
        print(f"\n  batch {' '.join(args)}: peak RSS {small_kib} KiB for {small} lines, "
              f"{large_kib} KiB for {large}", file=sys.stderr)
        self.assertLessEqual(large_kib, 1.5 * small_kib + 4 * 1024)

    def test_100000_brief_lines_take_no_more_memory_than_1000(self):
        self.assert_flat(1000, 100_000, ["--brief"])

    def test_10000_full_reports_take_no_more_memory_than_2000(self):
        # Full reports are ~10 kB each and batch holds a chunk of 1,024 lines' output
        # (~10 MB) at a time: compare runs that both fill a chunk.
        self.assert_flat(2000, 10_000, [])


if __name__ == "__main__":
    main()
