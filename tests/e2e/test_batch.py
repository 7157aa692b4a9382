"""`backtriage batch` (contract version 2): JSON Lines in, one compact report per line
out; output line n answers input line n; a bad line (blank lines included) becomes
{"line": n, "error": ...} in its place and the rest go on; exit 65 if any line was bad;
a line's "id" (string or number) is not an answer and comes first in its output line;
--format cds-hooks, --brief and -o FILE; constant memory."""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import unittest

from harness import BINARY, main, run

# Every red flag of contract version 2: a "calm" line must answer them all.
RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
             "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
             "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]
NO_RED_FLAGS = {flag: False for flag in RED_FLAGS}
CALM = dict(NO_RED_FLAGS, duration_weeks=2, sensation="dull", spread="one_spot", region="lower")
CHRONIC = dict(CALM, duration_weeks=30, region="upper")
BRIEF_KEYS = ["schema_version", "level", "complete", "classification", "red_flags", "reasons",
              "routine", "avoid", "watch_for"]
LEVELS = ["ambulance", "emergency", "urgent", "soon", "doctor", "self_care", "incomplete"]


def line(answers):
    return json.dumps(answers).encode()


def lines(*answers):
    return b"".join(line(a) + b"\n" for a in answers)


def flags(answers):
    """The command-line flags that give the same answers as an answers object."""
    args = []
    for key, value in answers.items():
        if isinstance(value, bool):
            value = "yes" if value else "no"
        args += ["--" + key.replace("_", "-"), str(value)]
    return args


def rows(out):
    return [json.loads(text) for text in out.splitlines()]


# (input line bytes, expected: a level for a report, or the exact error object)
MIXED = [
    (b"\xef\xbb\xbf" + line(CALM), "self_care"),                      # a BOM on line 1
    (b"", {"line": 2, "error": "blank line: expected a JSON object of answers"}),
    (b"{not json", {"line": 3, "error": "column 3: invalid JSON: a key must be text in double "
                    "quotes, got 'not'"}),
    (b'{"fevr": true}',
     {"line": 4, "error": "unknown answer key 'fevr' (did you mean 'fever'?)"}),
    (b'{"fever": "maybe"}',
     {"line": 5, "error": "answer 'fever': expected yes, no or unsure, got 'maybe'"}),
    (line(CHRONIC) + b"\r", "doctor"),                                  # CRLF
    (b'{"region": "\xff\xfe"}',
     {"line": 7, "error": "column 13: invalid JSON: a string holds a byte that is not UTF-8"}),
    (b"   \t", {"line": 8, "error": "blank line: expected a JSON object of answers"}),
    (b'{"fever": 1.5}',
     {"line": 9, "error": "answer 'fever': expected yes, no or unsure (or true/false, 1/0), "
                          "got 1.5"}),
    (b"[1]", {"line": 10, "error": "expected a JSON object of answers, got a list"}),
    (line(dict(CALM, fever=True)), "urgent"),
    (line({"duration_weeks": 3}), "incomplete"),
    (line(dict(CALM, aortic_signs=True)), "ambulance"),
    (line(dict(CALM, bladder_bowel="unsure")), "emergency"),
    (line(dict({"id": "a-1"}, **CALM)), "self_care"),                 # an id is no answer
    (b'{"id": 7, "duration_weeks": 999}',
     {"id": 7, "line": 16, "error": "answer 'duration_weeks': 999 is out of range: expected a "
                                     "number from 0 to 520 (weeks)"}),
    (line(dict(CALM, weight_loss=True)), "soon"),
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
                    self.assertEqual(list(row), list(expected))  # id, line, error
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
        for answers in [CALM, CHRONIC, dict(CALM, fever="unsure", age=40, daily_life=False)]:
            with self.subTest(answers=answers):
                _, out, _ = run(["batch"], stdin=line(answers) + b"\n")
                code, single, err = run(["--json", "--no-input"] + flags(answers))
                self.assertEqual(code, 0, err)
                self.assertEqual(out, single)

    def test_a_calm_line_answers_every_red_flag_and_is_complete(self):
        _, out, _ = run(["batch"], stdin=line(CALM) + b"\n")
        report = json.loads(out)
        self.assertEqual((report["level"], report["complete"]), ("self_care", True))
        self.assertEqual(report["schema_version"], 2)
        self.assertEqual(report["unanswered"], [])
        # Leaving out any one red flag leaves the triage open.
        for flag in RED_FLAGS:
            with self.subTest(missing=flag):
                answers = dict(CALM)
                del answers[flag]
                report = json.loads(run(["batch"], stdin=line(answers) + b"\n")[1])
                self.assertEqual(report["level"], "incomplete")
                self.assertFalse(report["complete"])
                self.assertIn(flag, report["unanswered"])

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

    def test_no_red_flags_answers_every_red_flag_and_an_explicit_answer_wins(self):
        short = {"duration_weeks": 2, "sensation": "dull", "spread": "one_spot",
                 "region": "lower"}
        code, out, _ = run(["batch", "--no-red-flags"],
                           stdin=lines(short, dict(short, fever=True),
                                       dict(short, aortic_signs="unsure"), {}))
        self.assertEqual(code, 0)
        reports = rows(out)
        self.assertEqual([r["level"] for r in reports],
                         ["self_care", "urgent", "emergency", "incomplete"])
        self.assertTrue(reports[0]["complete"])
        self.assertEqual(reports[0], json.loads(run(["batch"], stdin=line(CALM))[1]))
        self.assertEqual([(f["id"], f["answer"]) for f in reports[2]["red_flags"]],
                         [("aortic_signs", "unsure")])
        # Only the red flags: the rest is still missing (below_knee once spread is answered).
        self.assertEqual(reports[3]["unanswered"], ["duration_weeks", "sensation", "spread",
                                                    "region"])

    def test_each_level_of_the_ladder(self):
        cases = [(dict(CALM, aortic_signs=True), "ambulance"),
                 (dict(CALM, aortic_signs="unsure"), "emergency"),
                 (dict(CALM, both_legs=True), "emergency"),
                 (dict(CALM, infection_risk=True), "urgent"),
                 (dict(CALM, back_lump="unsure"), "soon"),
                 (dict(CALM, age=12), "soon"),
                 (CHRONIC, "doctor"),
                 (dict(CALM, daily_life=True), "doctor"),
                 (CALM, "self_care"),
                 (dict(NO_RED_FLAGS, sensation="dull", region="lower"), "incomplete")]
        code, out, _ = run(["batch", "--brief"], stdin=lines(*(a for a, _ in cases)))
        self.assertEqual(code, 0)
        self.assertEqual([r["level"] for r in rows(out)], [level for _, level in cases])
        self.assertEqual(sorted(set(level for _, level in cases), key=LEVELS.index), LEVELS)


class Ids(unittest.TestCase):
    """A line's "id" is not an answer: it is echoed as the first key of its output line."""

    def test_a_string_or_number_id_comes_first_and_is_not_an_answer(self):
        for ident in ["a-1", 7, 0, 2.5, "", "é 😀", 12345678901234567890]:
            with self.subTest(id=ident):
                code, out, err = run(["batch"], stdin=line(dict({"id": ident}, **CALM)) + b"\n")
                self.assertEqual((code, err), (0, ""))
                with_id = json.loads(out)
                self.assertEqual(list(with_id)[0], "id")
                self.assertEqual(with_id["id"], ident)
                self.assertNotIn("id", with_id["answers"])
                without = json.loads(run(["batch"], stdin=line(CALM) + b"\n")[1])
                del with_id["id"]
                self.assertEqual(with_id, without)

    def test_the_id_comes_first_wherever_it_stands_in_the_line(self):
        answers = dict(CALM, id="last")
        self.assertEqual(list(answers)[-1], "id")
        out = run(["batch"], stdin=line(answers) + b"\n")[1]
        self.assertTrue(out.startswith('{"id":"last","schema_version":2,'), out[:80])

    def test_a_bad_answer_on_a_line_with_an_id(self):
        code, out, _ = run(["batch"], stdin=b'{"id": "a-1", "fever": "x"}\n'
                                             b'{"fevr": true, "id": 7}\n'
                                             b'{"id": 8, "improving": "unsure"}\n')
        self.assertEqual(code, 65)
        self.assertEqual(out.splitlines(), [
            '{"id":"a-1","line":1,"error":"answer \'fever\': expected yes, no or unsure, '
            'got \'x\'"}',
            '{"id":7,"line":2,"error":"unknown answer key \'fevr\' (did you mean \'fever\'?)"}',
            '{"id":8,"line":3,"error":"answer \'improving\': expected yes or no, got \'unsure\'"}',
        ])

    def test_a_duplicate_key_on_a_line_with_an_id_keeps_the_id(self):
        # The line is valid JSON and its id is known: the error carries it first.
        code, out, _ = run(["batch"], stdin=b'{"id": "d", "fever": true, "fever": false}\n')
        self.assertEqual(code, 65)
        self.assertEqual(json.loads(out),
                         {"id": "d", "line": 1, "error": "duplicate answer key 'fever'"})

    def test_a_line_that_cannot_be_read_whole_keeps_the_id_at_its_start(self):
        deep = b"[" * 20 + b"1" + b"]" * 20
        lines = [b'{"id":"p0100","duration_weeks":1e400}',          # a number that overflows
                 b'{"id": 2, "fever": true} and more',               # text after the object
                 b'{"id":"p3","x":' + deep + b'}',                    # nested too deep
                 b'{"id":"p4","region":"\xff"}',                     # not UTF-8 further on
                 b'{"id":"p5","age":"' + b"4" * (1024 * 1024) + b'"}',  # too long
                 b'{"fever": true, "id": "p6"} trailing',            # the id is not first
                 ]
        code, out, _ = run(["batch"], stdin=b"\n".join(lines) + b"\n" + line(CALM))
        self.assertEqual(code, 65)
        got = rows(out)
        self.assertEqual([r.get("id") for r in got], ["p0100", 2, "p3", "p4", "p5", None, None])
        self.assertEqual([r.get("line") for r in got[:6]], [1, 2, 3, 4, 5, 6])
        for r in got[:5]:
            self.assertEqual(list(r), ["id", "line", "error"])
        self.assertIn("longer than 1048576 bytes", got[4]["error"])
        self.assertEqual(got[6]["level"], "self_care")

    def test_an_id_that_is_not_a_string_or_a_number_is_a_bad_line(self):
        for text, kind in [(b"null", "null"), (b"true", "true/false"), (b"[1]", "a list"),
                           (b'{"a": 1}', "an object")]:
            with self.subTest(id=text):
                code, out, _ = run(["batch"], stdin=b'{"id": ' + text + b"}\n" + line(CALM))
                self.assertEqual(code, 65)
                bad, good = rows(out)
                self.assertEqual(bad, {"line": 1, "error": "the record id must be a string or "
                                                           f"a number, got {kind}"})
                self.assertEqual(good["level"], "self_care")

    def test_ids_in_brief_and_cds_hooks_lines(self):
        text = lines(dict({"id": "b"}, **CALM), dict({"id": 9}, **CALM)) + b'{"id": 10, "x": 1}\n'
        code, out, _ = run(["batch", "--brief"], stdin=text)
        self.assertEqual(code, 65)
        brief = rows(out)
        self.assertEqual([list(r) for r in brief[:2]], [["id"] + BRIEF_KEYS] * 2)
        self.assertEqual([r["id"] for r in brief], ["b", 9, 10])
        self.assertEqual(list(brief[2]), ["id", "line", "error"])
        code, out, _ = run(["batch", "--format", "cds-hooks"], stdin=text)
        self.assertEqual(code, 65)
        cds = rows(out)
        self.assertEqual([list(r) for r in cds], [["id", "cards"]] * 2 + [["id", "line", "error"]])
        self.assertEqual([r["id"] for r in cds], ["b", 9, 10])
        self.assertEqual(cds[2], brief[2])


class Formats(unittest.TestCase):
    def test_cds_hooks_writes_one_response_per_line(self):
        answers = [CALM, dict(CALM, aortic_signs=True), dict(CALM, fever=True), CHRONIC]
        text = lines(*answers)
        code, out, err = run(["batch", "--format", "cds-hooks"], stdin=text)
        self.assertEqual((code, err), (0, ""))
        responses = out.split("\n")
        self.assertEqual(responses[-1], "")
        self.assertEqual(len(responses), len(answers) + 1)
        for answers_n, response in zip(answers, responses):
            with self.subTest(answers=answers_n):
                parsed = json.loads(response)
                self.assertEqual(list(parsed), ["cards"])
                self.assertEqual(response, json.dumps(parsed, separators=(",", ":"),
                                                      ensure_ascii=False))
                # The same response as a single triage with the same answers.
                code, single, err = run(["--format", "cds-hooks", "--no-input"]
                                        + flags(answers_n))
                self.assertEqual(code, 0, err)
                self.assertEqual(parsed, json.loads(single))
        indicators = [json.loads(r)["cards"][0]["indicator"] for r in responses[:-1]]
        self.assertEqual(indicators, ["info", "critical", "warning", "warning"])

    def test_cds_hooks_keeps_bad_lines_in_their_places(self):
        text = line(CALM) + b"\n\nnot json\n" + line(CALM) + b"\n"
        code, out, _ = run(["batch", "--format", "cds-hooks"], stdin=text)
        self.assertEqual(code, 65)
        got = rows(out)
        self.assertEqual(len(got), 4)
        self.assertIn("cards", got[0])
        self.assertEqual(got[1], {"line": 2, "error": "blank line: expected a JSON object of "
                                                      "answers"})
        self.assertEqual((got[2]["line"], list(got[2])), (3, ["line", "error"]))
        self.assertIn("cards", got[3])

    def test_json_is_the_default_and_other_formats_are_usage_errors(self):
        default = run(["batch"], stdin=line(CALM))
        self.assertEqual(run(["batch", "--json"], stdin=line(CALM)), default)
        self.assertEqual(run(["batch", "--format", "json"], stdin=line(CALM)), default)
        for fmt in ["text", "html", "ics"]:
            with self.subTest(fmt):
                self.assertEqual(run(["batch", "--format", fmt], stdin=line(CALM)),
                                 (2, "", f"backtriage: batch writes json or cds-hooks, not {fmt}; "
                                         "run 'backtriage batch --help'\n"))
        self.assertEqual(run(["batch", "--json", "--format", "cds-hooks"], stdin=line(CALM)),
                         (2, "", "backtriage: --json and --format cds-hooks contradict each "
                                 "other; run 'backtriage batch --help'\n"))

    def test_brief_has_the_brief_keys_and_agrees_with_the_full_report(self):
        answers = [CALM, dict(CALM, fever=True, bladder_bowel=True), CHRONIC,
                   dict(CALM, daily_life=True), {"duration_weeks": 4}]
        text = lines(*answers)
        code, brief_out, _ = run(["batch", "--brief"], stdin=text)
        self.assertEqual(code, 0)
        full = rows(run(["batch"], stdin=text)[1])
        for b, f in zip(rows(brief_out), full):
            with self.subTest(level=f["level"]):
                self.assertEqual(list(b), BRIEF_KEYS)
                steps = []
                for entry in f["watch_for"]:
                    if entry["level"] not in steps:
                        steps.append(entry["level"])
                self.assertEqual(b, {"schema_version": 2, "level": f["level"],
                                     "complete": f["complete"],
                                     "classification": f["classification"],
                                     **{k: [item["id"] for item in f[k]]
                                        for k in ["red_flags", "reasons", "routine", "avoid"]},
                                     "watch_for": steps})
        self.assertEqual(rows(brief_out)[1]["red_flags"], ["bladder_bowel", "fever"])
        self.assertEqual(rows(brief_out)[3]["reasons"], ["daily_life"])

    def test_brief_with_cds_hooks_is_a_usage_error(self):
        code, out, err = run(["batch", "--brief", "--format", "cds-hooks"], stdin=line(CALM))
        self.assertEqual((code, out), (2, ""))
        self.assertEqual(err, "backtriage: --brief applies only to JSON output: add --json; "
                              "run 'backtriage batch --help'\n")


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

    def test_output_file_holds_what_stdout_would(self):
        expected = run(["batch"], stdin=mixed_input())
        for option in ["-o", "--output"]:
            for mode in [[], ["--brief"], ["--format", "cds-hooks"]]:
                with self.subTest(option=option, mode=mode):
                    path = os.path.join(self.tmp, "reports.jsonl")
                    code, out, err = run(["batch", option, path] + mode, stdin=mixed_input())
                    self.assertEqual((code, out, err), (65, "", ""))
                    with open(path, encoding="utf-8") as f:
                        written = f.read()
                    self.assertEqual(len(written.splitlines()), len(MIXED))
                    if not mode:
                        self.assertEqual(written, expected[1])
                        Lines.check_output(self, written)

    def test_output_file_replaces_an_old_file_and_takes_the_input_file(self):
        source = os.path.join(self.tmp, "in.jsonl")
        path = os.path.join(self.tmp, "out.jsonl")
        with open(source, "wb") as f:
            f.write(line(CALM) + b"\n")
        with open(path, "w") as f:
            f.write("old\n" * 1000)
        self.assertEqual(run(["batch", "--input", source, "-o", path, "--summary"]),
                         (0, "", "backtriage batch: 1 line, 1 self_care, 0 errors\n"))
        with open(path) as f:
            self.assertEqual(rows(f.read())[0]["level"], "self_care")

    def test_a_long_run_into_a_file_writes_every_line_in_order(self):
        # Into a file or a pipe a second thread writes (src/cli/write_behind.h), a few
        # hundred kilobytes at a time: 64 MIXED inputs (1,152 lines, 12 MB of reports)
        # make it wait for the writer and reuse its buffers many times over.
        text = b"\n".join([mixed_input()] * 64) + b"\n"
        piped = subprocess.run([BINARY, "batch"], input=text, capture_output=True,
                               timeout=300)
        self.assertEqual(piped.returncode, 65, piped.stderr)
        for n, row in enumerate(rows(piped.stdout.decode())):
            expected = MIXED[n % len(MIXED)][1]
            if isinstance(expected, dict):
                self.assertEqual(row["line"], n + 1)
            else:
                self.assertEqual(row["level"], expected, n + 1)
        self.assertEqual(n + 1, 64 * len(MIXED))
        path = os.path.join(self.tmp, "reports.jsonl")
        for jobs in ["1", "2"]:
            for how in ["stdout", "-o"]:
                with self.subTest(jobs=jobs, how=how):
                    if how == "-o":
                        p = subprocess.run([BINARY, "batch", "--jobs", jobs, "-o", path],
                                           input=text, capture_output=True, timeout=300)
                        self.assertEqual(p.stdout, b"")
                    else:
                        with open(path, "wb") as out:
                            p = subprocess.run([BINARY, "batch", "--jobs", jobs], input=text,
                                               stdout=out, stderr=subprocess.PIPE, timeout=300)
                    self.assertEqual((p.returncode, p.stderr), (65, b""))
                    with open(path, "rb") as f:
                        self.assertEqual(f.read(), piped.stdout)

    def test_an_output_file_that_cannot_be_written_is_74(self):
        missing = os.path.join(self.tmp, "no", "such", "dir", "out.jsonl")
        self.assertEqual(run(["batch", "-o", missing], stdin=line(CALM)),
                         (74, "", f"backtriage: cannot write {missing}: No such file or "
                                  "directory\n"))
        self.assertEqual(run(["batch", "-o", self.tmp], stdin=line(CALM)),
                         (74, "", f"backtriage: cannot write {self.tmp}: Is a directory\n"))


class Summary(unittest.TestCase):
    def test_summary_counts_levels_and_errors(self):
        code, out, err = run(["batch", "--summary"], stdin=mixed_input())
        self.assertEqual(code, 65)
        self.assertEqual(len(out.splitlines()), len(MIXED))
        # Levels in the ladder's order, most urgent first; not enough answers last.
        self.assertEqual(err, "backtriage batch: 18 lines, 1 ambulance, 1 emergency, 1 urgent, "
                              "1 soon, 1 doctor, 3 self_care, 1 incomplete, 9 errors\n")

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
