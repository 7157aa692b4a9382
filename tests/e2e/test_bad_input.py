"""Every way a user can hand backtriage bad input, as one table.

Each row is one input — a flag value, an --answers file or stdin (JSON or
YAML), batch lines, a rule file for --rules or `check` — with the exit code
and the message (a substring naming what and where) it must produce. Every
row is also checked for what must never happen: a crash (a signal), a hang
(the harness times out), a C++ "terminate called", a sanitizer report, or a
multi-line message for a flag or answers error.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import harness
from harness import CALM, main, run

CALM_JSON = ('{"bladder_bowel": false, "saddle_numbness": false, "leg_weakness": false, '
             '"spine_injury": false, "fever": false, "cancer_history": false, '
             '"duration_weeks": 2, "sensation": "dull", "spread": "one_spot", "region": "lower"}')
CALM_YAML = ("bladder_bowel: no\nsaddle_numbness: no\nleg_weakness: no\nspine_injury: no\n"
             "fever: no\ncancer_history: no\nduration_weeks: 2\nsensation: dull\n"
             "spread: one_spot\nregion: lower\n")
RANGE = "0 to 520 weeks"
BOOL = "expected yes or no"
BIG_NUMBER = "9" * (5 * 1024 * 1024)  # 5 MB of digits
LONG_FLAG_NUMBER = "9" * 100_000  # a single argv string is capped at 128 KiB
DEEP_JSON = "[" * 100_000
DEEP_OBJECT = '{"a":' * 100_000
DEEP_YAML_BLOCK = "".join("  " * i + "a:\n" for i in range(3000))
DEEP_YAML_FLOW = "a: " + "[" * 100_000
DEEP_YAML_SEQ = "- " * 100_000
# Aliases make a tree that is tiny in the file and huge when expanded.
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))

FORBIDDEN = ["terminate called", "AddressSanitizer", "LeakSanitizer", "runtime error:",
             "Segmentation fault", "Aborted", "std::", "what():", "Traceback"]

# A small valid rule file (the real one is checked elsewhere).
RULES = """id: tiny
version: "1"
disclaimer: test only
questions:
  - {id: a, type: bool, prompt: "A?", source: test}
  - {id: n, type: number, min: 0, max: 10, prompt: "N?", source: test}
facts:
  - {id: level, type: choice, choices: [low, high], undecided: incomplete}
rules:
  - {id: says-low, when: {a: true}, then: {level: low}, source: test}
  - {id: says-high, when: {n: {ge: 5}}, then: {level: high}, source: test}
"""


def rule_file_with(question_line):
    return RULES.replace('  - {id: n, type: number, min: 0, max: 10, prompt: "N?", source: test}',
                         question_line)


def row(name, args, code, err, stdin=b"", files=None, one_line=True, out=None):
    """One input and what it must produce: exit code, a stderr substring (or
    None for silence), and optionally a stdout substring or regex (r"...")."""
    return dict(name=name, args=args, code=code, err=err, stdin=stdin, files=files or {},
                one_line=one_line, out=out)


def flag(name, flag_args, code, err):
    return row("flag " + name, ["--no-input", "--json"] + flag_args, code, err)


def answers(name, text, code, err, ext="json"):
    """The same bytes as an --answers file and on stdin (--answers -)."""
    data = text.encode() if isinstance(text, str) else text
    where = "answers." + ext
    file_err = err.replace("{name}", where) if err else err
    stdin_err = err.replace("{name}", "<stdin>") if err else err
    return [row(f"answers file ({ext}) {name}", ["--no-input", "--json", "--answers", "{dir}/" + where],
                code, file_err, files={where: data}),
            row(f"answers stdin ({ext}) {name}", ["--no-input", "--json", "--answers", "-"], code,
                stdin_err, stdin=data)]


def batch(name, lines, errors):
    """Batch input; `errors` maps a 1-based line number to a substring of its
    error. Every other line must be a report. Exit 65 when any line is bad."""
    data = lines.encode() if isinstance(lines, str) else lines
    return row("batch " + name, ["batch"], 65 if errors else 0, None, stdin=data,
               out=("batch", errors))


def rules(name, text, err, check_err=None, code=65):
    """A rule file through --rules (one line on stderr) and through check."""
    data = text.encode() if isinstance(text, str) else text
    return [row("rules " + name, ["--no-input", "--rules", "{dir}/r.yaml", "--a", "yes"], code,
                err.replace("{file}", "{dir}/r.yaml"), files={"r.yaml": data}),
            row("check " + name, ["check", "{dir}/r.yaml"], code,
                re.sub(r"^(\{file\}(?::\d+)*: )", r"\1error: ", check_err or err)
                .replace("{file}", "{dir}/r.yaml"), files={"r.yaml": data},
                one_line=False, out="{dir}/r.yaml: invalid" if code == 65 else None)]


TABLE = [
    # --- flag values ---------------------------------------------------------
    flag("negative", ["--duration-weeks", "-1"], 2, f"--duration-weeks: '-1' is out of range ({RANGE})"),
    flag("above max", ["--duration-weeks", "520.001"], 2, "--duration-weeks: '520.001' is out of range"),
    flag("nan", ["--duration-weeks", "nan"], 2, f"--duration-weeks: expected a number from {RANGE}, got 'nan'"),
    flag("inf", ["--duration-weeks", "inf"], 2, "--duration-weeks: expected a number from 0 to 520 weeks, got 'inf'"),
    flag("-inf", ["--duration-weeks=-inf"], 2, "--duration-weeks: '-inf' is out of range (0 to 520 weeks)"),
    flag("1e400", ["--duration-weeks", "1e400"], 2, "--duration-weeks: '1e400' is out of range"),
    flag("100 kB number", ["--duration-weeks", LONG_FLAG_NUMBER], 2, "--duration-weeks: '9999999999"),
    flag("empty number", ["--duration-weeks", ""], 2, "--duration-weeks: expected a number from 0 to 520 weeks, got ''"),
    flag("words in number", ["--duration-weeks", "12 weeks"], 2, "got '12 weeks'"),
    flag("hex number", ["--duration-weeks", "0x10"], 2, "got '0x10'"),
    flag("comma decimal", ["--duration-weeks", "1,5"], 2, "got '1,5'"),
    flag("bool maybe", ["--fever", "maybe"], 2, f"--fever: {BOOL}"),
    flag("bool empty", ["--fever", ""], 2, "--fever: expected yes or no (or y/n, true/false, 1/0), got ''"),
    flag("bool with BOM", ["--fever", "\ufeffyes"], 2, "--fever: expected yes or no"),
    flag("bool number 2", ["--fever", "2"], 2, "--fever: expected yes or no"),
    flag("choice typo", ["--sensation", "electrik"], 2, "--sensation: expected one of electric, sharp, dull, achy, got 'electrik' (did you mean 'electric'?)"),
    flag("choice invalid UTF-8", ["--region", b"lo\xffwer".decode("utf-8", "surrogateescape")], 2, "--region: expected one of lower, upper, both"),
    flag("choice very long", ["--region", "x" * 100_000], 2, "...' (100000 bytes)"),
    flag("choice control bytes", ["--region", "low\x1b[31mer"], 2, "got 'low\\x1b[31mer'"),
    flag("missing value", ["--fever"], 2, "--fever"),
    flag("unknown flag", ["--fevr", "yes"], 2, "unknown option '--fevr' (did you mean '--fever'?)"),
    flag("bad --format", ["--format", "xml"], 2, "--format"),
    flag("bad --color", ["--color", "sometimes"], 2, "--color"),
    row("flag value with CRLF is trimmed", ["--no-input", "--json", "--duration-weeks", "2\r\n"] + CALM[:1] + CALM[3:], 0, None),
    # --- answers objects (files and stdin), JSON ---------------------------------
    *answers("empty", "", 65, "{name}: the answers file is empty"),
    *answers("only blanks", " \r\n\t\n", 65, "{name}: the answers file is empty"),
    *answers("only a BOM", b"\xef\xbb\xbf", 65, "{name}: the answers file is empty"),
    *answers("truncated", '{"fever": ', 65, "{name}:1:11: invalid JSON"),
    *answers("syntax error on line 2", '{"fever": true,\n "region" "lower"}', 65, "{name}:2:"),
    *answers("trailing garbage", '{"fever": true} x', 65, "{name}:1:"),
    *answers("unknown key", '{"fevr": true}', 65, "{name}: unknown answer key 'fevr' (did you mean 'fever'?)"),
    *answers("duplicate key", '{"fever": true, "fever": false}', 65, "{name}: duplicate answer key 'fever'"),
    *answers("bool as list", '{"fever": [true]}', 65, "{name}: answer 'fever': expected yes/no, got a list"),
    *answers("bool as 2", '{"fever": 2}', 65, "{name}: answer 'fever': expected yes/no, got a number"),
    *answers("bool as text", '{"fever": "maybe"}', 65, "{name}: answer 'fever': expected yes or no"),
    *answers("number as text", '{"duration_weeks": "two"}', 65, "{name}: answer 'duration_weeks': expected a number"),
    *answers("number as object", '{"duration_weeks": {"weeks": 2}}', 65, "{name}: answer 'duration_weeks': expected 0 to 520 weeks, got an object"),
    *answers("negative", '{"duration_weeks": -1}', 65, "{name}: answer 'duration_weeks': -1 is out of range (0 to 520 weeks)"),
    *answers("negative zero is zero", '{"duration_weeks": -0.0, "fever": "yes"}', 0, None),
    *answers("NaN literal", '{"duration_weeks": NaN}', 65, "{name}:1:20: invalid JSON"),
    *answers("NaN string", '{"duration_weeks": "NaN"}', 65, "{name}: answer 'duration_weeks': expected a number from 0 to 520 weeks, got 'NaN'"),
    *answers("Infinity literal", '{"duration_weeks": Infinity}', 65, "invalid JSON"),
    *answers("1e400", '{"duration_weeks": 1e400}', 65, "{name}: invalid JSON: number overflow"),
    *answers("-1e400", '{"duration_weeks": -1e400}', 65, "{name}: invalid JSON: number overflow"),
    *answers("5 MB number", '{"duration_weeks": ' + BIG_NUMBER + "}", 65, "{name}: invalid JSON: number overflow parsing '9999999999999999999999999999999999999999...' (5242880 bytes)"),
    *answers("5 MB string", '{"region": "' + "x" * (5 * 1024 * 1024) + '"}', 65, "(5242880 bytes)"),
    *answers("choice typo", '{"region": "lowr"}', 65, "{name}: answer 'region': expected one of lower, upper, both, got 'lowr' (did you mean 'lower'?)"),
    *answers("invalid UTF-8 in a string", b'{"region": "lo\xffwer"}', 65, "{name}:1:"),
    *answers("invalid UTF-8 in a key", b'{"fe\xc3ver": true}', 65, "{name}:1:"),
    *answers("NUL byte", b'{"fever": true}\x00{"fever": false}', 65, "{name}:1:16: invalid JSON: unexpected NUL byte"),
    *answers("list at top", "[1, 2]", 65, "{name}:1:1: expected a mapping of answers"),
    *answers("100,000 [", DEEP_JSON, 65, "{name}:"),
    *answers('100,000 {"a":', DEEP_OBJECT, 65, "{name}: JSON nests more than 16 levels deep"),
    *answers("nested object", '{"fever": {"a": {"b": 1}}}', 65, "{name}: answer 'fever': expected yes/no, got an object"),
    *answers("BOM then JSON", b"\xef\xbb\xbf" + CALM_JSON.encode(), 0, None),
    *answers("CRLF JSON", CALM_JSON.replace(", ", ",\r\n") + "\r\n", 0, None),
    *answers("null is unanswered", '{"fever": null, "duration_weeks": 3}', 0, None),
    # --- answers objects, YAML -------------------------------------------------------
    *answers("malformed", "fever: [yes\n", 65, "{name}:", ext="yaml"),
    *answers("not a mapping", "- fever\n- yes\n", 65, "{name}:1:1: expected a mapping of answers (question: answer)", ext="yaml"),
    *answers("scalar document", "yes\n", 65, "expected a mapping of answers", ext="yaml"),
    *answers("unknown key", "fevr: yes\n", 65, "{name}:1:1: unknown answer key 'fevr' (did you mean 'fever'?)", ext="yaml"),
    *answers("duplicate key", "fever: yes\nfever: no\n", 65, "{name}:2:1: duplicate answer key 'fever'", ext="yaml"),
    *answers("nested value", "fever: {a: 1}\n", 65, "{name}:1:8: answer 'fever': expected yes/no, got a nested value", ext="yaml"),
    *answers("negative", "duration_weeks: -1\n", 65, "{name}:1:17: answer 'duration_weeks': '-1' is out of range (0 to 520 weeks)", ext="yaml"),
    *answers(".nan", "duration_weeks: .nan\n", 65, "{name}:1:17: answer 'duration_weeks': expected a number from 0 to 520 weeks, got '.nan'", ext="yaml"),
    *answers(".inf", "duration_weeks: .inf\n", 65, "answer 'duration_weeks'", ext="yaml"),
    *answers("1e400", "duration_weeks: 1e400\n", 65, "{name}:1:17: answer 'duration_weeks': '1e400' is out of range", ext="yaml"),
    *answers("5 MB number", "duration_weeks: " + BIG_NUMBER + "\n", 65, "{name}:1:17: answer 'duration_weeks': '9999", ext="yaml"),
    *answers("key as list", "[a]: yes\n", 65, "{name}:1:1: keys must be question ids", ext="yaml"),
    *answers("invalid UTF-8", b"region: lo\xffwer\n", 65, "{name}:1:9: answer 'region'", ext="yaml"),
    *answers("deep block nesting", DEEP_YAML_BLOCK, 65, "{name}:", ext="yaml"),
    *answers("100,000 [ in flow", DEEP_YAML_FLOW, 65, "{name}:", ext="yaml"),
    *answers("100,000 - ", DEEP_YAML_SEQ, 65, "{name}:", ext="yaml"),
    *answers("alias bomb", LAUGHS, 65, "{name}:1:1: unknown answer key 'a'", ext="yaml"),
    *answers("alias bomb as a value", "fever: " + LAUGHS.split("\n")[0][3:] + "\n", 65, "expected yes/no, got a nested value", ext="yaml"),
    *answers("BOM then YAML", b"\xef\xbb\xbf" + CALM_YAML.encode(), 0, None, ext="yaml"),
    *answers("CRLF YAML", CALM_YAML.replace("\n", "\r\n"), 0, None, ext="yaml"),
    row("answers file missing", ["--no-input", "--answers", "{dir}/nope.json"], 66, "cannot open {dir}/nope.json: No such file or directory"),
    row("answers file is a directory", ["--no-input", "--answers", "{dir}"], 66, "cannot read {dir}"),
    # --- batch lines ---------------------------------------------------------------------
    batch("blank line", CALM_JSON + "\n\n" + CALM_JSON + "\n", {2: "blank line: expected a JSON object of answers"}),
    batch("whitespace line", " \t \n", {1: "blank line"}),
    batch("truncated", '{"fever": \n', {1: "column 11: invalid JSON"}),
    batch("list", "[]\n", {1: "expected a JSON object of answers, got a list"}),
    batch("string", '"fever"\n', {1: "expected a JSON object of answers, got text"}),
    batch("unknown key", '{"fevr": 1}\n', {1: "unknown answer key 'fevr' (did you mean 'fever'?)"}),
    batch("negative", '{"duration_weeks": -1}\n', {1: "answer 'duration_weeks': -1 is out of range"}),
    batch("NaN", '{"duration_weeks": NaN}\n', {1: "invalid JSON"}),
    batch("1e400", '{"duration_weeks": 1e400}\n', {1: "invalid JSON: number overflow"}),
    batch("5 MB number", '{"duration_weeks": ' + BIG_NUMBER + "}\n" + CALM_JSON + "\n", {1: "line is longer than 1048576 bytes"}),
    batch("long line just under the limit", '{"duration_weeks": ' + "9" * 1_000_000 + "}\n", {1: "invalid JSON: number overflow parsing '99999"}),
    batch("invalid UTF-8", b'{"region": "\xff"}\n' + CALM_JSON.encode() + b"\n", {1: "invalid JSON"}),
    batch("NUL byte", b'{"fever": true}\x00\n', {1: "column 16: invalid JSON: unexpected NUL byte"}),
    batch("100,000 [", DEEP_JSON + "\n", {1: "JSON nests more than 16 levels deep"}),
    batch("BOM on the first line", b"\xef\xbb\xbf" + CALM_JSON.encode() + b"\n", {}),
    batch("CRLF line endings", CALM_JSON + "\r\n" + CALM_JSON + "\r\n", {}),
    batch("no final newline", CALM_JSON + "\n" + CALM_JSON, {}),
    batch("errors do not stop the rest", "x\n" + CALM_JSON + "\n{\n" + CALM_JSON + "\n", {1: "invalid JSON", 3: "invalid JSON"}),
    batch("YAML is not JSON Lines", "fever: yes\n", {1: "invalid JSON"}),
    row("batch input missing", ["batch", "--input", "{dir}/nope.jsonl"], 66, "cannot open {dir}/nope.jsonl: No such file or directory"),
    row("batch input is a directory", ["batch", "--input", "{dir}"], 66, "cannot read {dir}"),
    # --- rule files --------------------------------------------------------------------------
    *rules("empty", "", "{file}:1:1: the rule file is empty"),
    *rules("syntax error", "id: [x\n", "{file}:"),
    *rules("a list", "- a\n- b\n", "{file}:1:1:"),
    *rules("invalid UTF-8", b"id: t\xff\nversion: 1\n", "{file}:"),
    *rules("unknown top-level key", RULES + "extra: 1\n", "{file}:12:1: "),
    *rules("min is -1e400", rule_file_with('  - {id: n, type: number, min: -1e400, max: 10, prompt: "N?", source: test}'), "{file}:6:"),
    *rules("max is .nan", rule_file_with('  - {id: n, type: number, min: 0, max: .nan, prompt: "N?", source: test}'), "{file}:6:"),
    *rules("max is 5 MB", rule_file_with('  - {id: n, type: number, min: 0, max: ' + BIG_NUMBER + ', prompt: "N?", source: test}'), "{file}:6:"),
    *rules("min above max", rule_file_with('  - {id: n, type: number, min: 10, max: -5, prompt: "N?", source: test}'), "{file}:6:"),
    *rules("100,000 [", "id: " + DEEP_JSON, "{file}:"),
    *rules("deep block nesting", DEEP_YAML_BLOCK, "{file}:"),
    *rules("100,000 - ", DEEP_YAML_SEQ, "{file}:"),
    *rules("oversized (17 MiB)", "#" * (17 * 1024 * 1024), "{file}: rule file is 17825792 bytes; the limit is 16777216 bytes"),
    *rules("alias bomb", RULES + LAUGHS.replace("a:", "zz:", 1), "{file}:12:1:"),
    row("rules BOM and CRLF load", ["--no-input", "--json", "--rules", "{dir}/r.yaml", "--a", "yes"], 0, None,
        files={"r.yaml": b"\xef\xbb\xbf" + RULES.replace("\n", "\r\n").encode()}),
    row("rules missing", ["--rules", "{dir}/nope.yaml"], 66, "cannot open {dir}/nope.yaml: No such file or directory"),
    row("check missing", ["check", "{dir}/nope.yaml"], 66, "cannot open {dir}/nope.yaml: No such file or directory"),
    row("rules is a directory", ["--rules", "{dir}"], 66, "cannot read {dir}"),
    # Two rules asserting different values for one fact, when both fire.
    row("rules conflict in single triage", ["--no-input", "--rules", "{dir}/r.yaml", "--a", "yes", "--n", "7"], 65,
        "{dir}/r.yaml: rules disagree on 'level'", files={"r.yaml": RULES.encode()}),
    row("rules conflict in batch", ["batch", "--rules", "{dir}/r.yaml"], 65, None, files={"r.yaml": RULES.encode()},
        stdin=b'{"a": true, "n": 7}\n{"a": true, "n": 1}\n',
        out=("batch", {1: "rules disagree on 'level'"})),
]
TABLE = [r for item in TABLE for r in (item if isinstance(item, list) else [item])]


class BadInput(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="backtriage-bad-input-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def subst(self, text):
        return text.replace("{dir}", self.dir) if isinstance(text, str) else text

    def check_row(self, r):
        for name, data in r["files"].items():
            with open(os.path.join(self.dir, name), "wb") as f:
                f.write(data)
        args = [self.subst(a) for a in r["args"]]
        args = [a.encode("utf-8", "surrogateescape") for a in args]
        code, out, err = run(args, stdin=r["stdin"], timeout=60)
        shown = err if len(err) < 600 else err[:600] + "..."
        # Never a crash, a hang (run() times out) or a C++/sanitizer trace.
        self.assertTrue(0 <= code < 128 or code == 130, f"exit {code}: {shown}")
        for word in FORBIDDEN:
            self.assertNotIn(word, err)
        self.assertEqual(code, r["code"], shown)
        if r["err"] is None:
            self.assertEqual(err, "", "expected a quiet stderr")
        else:
            self.assertIn(self.subst(r["err"]), err)
            self.assertTrue(err.startswith("backtriage: ") or not r["one_line"], shown)
        if r["one_line"]:
            self.assertLessEqual(err.count("\n"), 1, shown)
            self.assertLess(len(err), 1000, "a message must quote input, not repeat it")
        expect = r["out"]
        if isinstance(expect, tuple):
            self.check_batch(r["stdin"], out, expect[1])
        elif expect:
            self.assertIn(self.subst(expect), out)

    def check_batch(self, stdin, out, errors):
        lines = out.splitlines()
        want = len(stdin.splitlines()) if stdin else 0
        self.assertEqual(len(lines), want, "one output line per input line")
        for n, line in enumerate(lines, 1):
            obj = json.loads(line)
            if n in errors:
                self.assertEqual(obj["line"], n)
                self.assertIn(errors[n], obj["error"])
                self.assertLess(len(obj["error"]), 1000)
            else:
                self.assertNotIn("error", obj, line)
                self.assertIn("level", obj, line)

    def test_table(self):
        names = [r["name"] for r in TABLE]
        self.assertEqual(len(names), len(set(names)), "row names are unique")
        for r in TABLE:
            with self.subTest(r["name"]):
                self.check_row(r)
                for name in r["files"]:
                    os.remove(os.path.join(self.dir, name))


if __name__ == "__main__":
    main()
