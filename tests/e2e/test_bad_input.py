"""Every way a user can hand backtriage bad input, as one table.

Each row is one input (contract version 2) — a flag or its value, an --answers
file or stdin (JSON or YAML), batch lines (with and without an "id"), a rule
file for --rules or `check`, a case file or rule file for `test` and `diff` —
with the exit code and the message (a substring naming what and where) it must
produce. Every row is also checked for what must never happen: a crash (a
signal), a hang (the harness times out), a C++ "terminate called", a sanitizer
report, or a multi-line message for a flag or answers error.
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

# Contract version 2: a calm answers object answers every red flag.
RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
             "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
             "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]
CALM_ANSWERS = dict({flag: False for flag in RED_FLAGS}, duration_weeks=2, sensation="dull",
                    spread="one_spot", region="lower")
CALM_JSON = json.dumps(CALM_ANSWERS)
CALM_YAML = "".join(f"{flag}: no\n" for flag in RED_FLAGS) + (
    "duration_weeks: 2\nsensation: dull\nspread: one_spot\nregion: lower\n")
RANGE = "expected a number from 0 to 520 (weeks)"
BOOL = "expected yes, no or unsure"
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

# A small valid rule file (the real one is checked elsewhere): the report's vocabulary
# of version 2 (an ordered level fact with labels, advice and CDS indicators).
RULES = """id: tiny
version: "1"
disclaimer: test only
questions:
  - {id: a, type: bool, prompt: "A?", source: test}
  - {id: n, type: number, min: 0, max: 10, prompt: "N?", source: test}
report: {level: level}
facts:
  - {id: level, type: ranked, choices: [{id: high, label: High, advice: Go., cds: critical, color: red}, {id: low, label: Low, advice: Rest., routine: true, cds: info, color: green}], undecided: {id: incomplete, label: Unknown, advice: More., cds: warning, color: none}}
rules:
  - {id: says-low, when: {a: true}, then: {level: low}, source: test}
  - {id: says-high, when: {n: {ge: 5}}, then: {level: high}, source: test}
"""
# Two rules that give a single-valued fact two values when both fire (a: yes, n >= 5).
CONFLICT = RULES.replace("undecided: {id: incomplete, label: Unknown, advice: More., cds: warning, "
                         "color: none}}\n",
                         "undecided: {id: incomplete, label: Unknown, advice: More., cds: warning, "
                         "color: none}}\n  - {id: kind, type: choice, choices: [x, y]}\n") + (
    "  - {id: kind-x, when: {a: true}, then: {kind: x}, source: test}\n"
    "  - {id: kind-y, when: {n: {ge: 5}}, then: {kind: y}, source: test}\n")
# A case file for the tiny rules.
CASES = "- name: low\n  answers: {a: yes, n: 1}\n  expect: {level: low}\n"


def without(args, name):
    """args without option `name` and its value (CALM may or may not hold it)."""
    args = list(args)
    if name in args:
        i = args.index(name)
        del args[i:i + 2]
    return args


def rule_file_with(question_line):
    return RULES.replace('  - {id: n, type: number, min: 0, max: 10, prompt: "N?", source: test}',
                         question_line)


def with_language(value):
    """The small rule file with `language: value` as its third line."""
    return RULES.replace('version: "1"\n', f'version: "1"\nlanguage: {value}\n'.replace(": \n", ":\n"))


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
    file_err = err.replace("{name}", "{dir}/" + where) if err else err
    stdin_err = err.replace("{name}", "<stdin>") if err else err
    return [row(f"answers file ({ext}) {name}", ["--no-input", "--json", "--answers", "{dir}/" + where],
                code, file_err, files={where: data}),
            row(f"answers stdin ({ext}) {name}", ["--no-input", "--json", "--answers", "-"], code,
                stdin_err, stdin=data)]


def batch(name, lines, errors, args=()):
    """Batch input; `errors` maps a 1-based line number to a substring of its
    error, or to the exact error object (key order included: `id` first).
    Every other line must be a report. Exit 65 when any line is bad."""
    data = lines.encode() if isinstance(lines, str) else lines
    return row("batch " + name, ["batch"] + list(args), 65 if errors else 0, None, stdin=data,
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


def usage(name, args, err, stdin=b""):
    """A usage error: exit 2, nothing on stdout, one line that ends by pointing at --help."""
    return row("usage " + name, args, 2, err, stdin=stdin, out="")


def missing(name, args, path, files=None):
    """A file that is not there: exit 66 and the system's word for it."""
    return row(name, args, 66, f"backtriage: cannot open {path}: No such file or directory\n",
               files=files)


SYNTAX = "r.yaml:3:1: YAML syntax error: end of sequence flow not found"
BROKEN_RULES = {"r.yaml": b"id: tiny\nquestions: [\n"}
UNDEFINED_FACT = RULES + "  - {id: bad, when: {a: true}, then: {levle: low}, source: test}\n"


TABLE = [
    # --- flag values ---------------------------------------------------------
    flag("negative", ["--duration-weeks", "-1"], 2, f"backtriage: --duration-weeks: '-1' is out of range: {RANGE}; run 'backtriage --help'\n"),
    flag("above max", ["--duration-weeks", "520.001"], 2, f"--duration-weeks: '520.001' is out of range: {RANGE}"),
    flag("nan", ["--duration-weeks", "nan"], 2, f"--duration-weeks: {RANGE}, got 'nan'"),
    flag("inf", ["--duration-weeks", "inf"], 2, "--duration-weeks: expected a number from 0 to 520 (weeks), got 'inf'"),
    flag("-inf", ["--duration-weeks=-inf"], 2, "--duration-weeks: '-inf' is out of range: expected a number from 0 to 520 (weeks)"),
    flag("1e400", ["--duration-weeks", "1e400"], 2, "--duration-weeks: '1e400' is out of range"),
    flag("100 kB number", ["--duration-weeks", LONG_FLAG_NUMBER], 2, "--duration-weeks: '9999999999999999999999999999999999999999...' (100000 bytes) is out of range"),
    flag("empty number", ["--duration-weeks", ""], 2, "--duration-weeks: expected a number from 0 to 520 (weeks), got ''"),
    flag("words in number", ["--duration-weeks", "12 weeks"], 2, "got '12 weeks'"),
    flag("hex number", ["--duration-weeks", "0x10"], 2, "got '0x10'"),
    flag("comma decimal", ["--duration-weeks", "1,5"], 2, "got '1,5'"),
    flag("age above 120", ["--age", "121"], 2, "backtriage: --age: '121' is out of range: expected a whole number from 0 to 120 (years); run 'backtriage --help'\n"),
    flag("age not whole", ["--age", "34.5"], 2, "--age: expected a whole number from 0 to 120 (years), got '34.5'"),
    *answers("age not whole", '{"age": 34.5}', 65, "{name}: answer 'age': expected a whole number from 0 to 120 (years), got 34.5"),
    flag("age negative", ["--age", "-3"], 2, "--age: '-3' is out of range: expected a whole number from 0 to 120 (years)"),
    flag("bool maybe", ["--fever", "maybe"], 2, f"backtriage: --fever: {BOOL}, got 'maybe'; run 'backtriage --help'\n"),
    flag("bool empty", ["--fever", ""], 2, "--fever: expected yes, no or unsure, got ''"),
    flag("bool with BOM", ["--fever", "\ufeffyes"], 2, "--fever: expected yes, no or unsure"),
    flag("bool number 2", ["--fever", "2"], 2, "--fever: expected yes, no or unsure, got '2'"),
    flag("new red flag typo", ["--aortic-signs", "yse"], 2, "--aortic-signs: expected yes, no or unsure, got 'yse'"),
    flag("unsure for a question that is no red flag", ["--improving", "unsure"], 2, "backtriage: --improving: expected yes or no, got 'unsure'; run 'backtriage --help'\n"),
    flag("choice typo", ["--sensation", "electrik"], 2, "--sensation: expected one of electric, sharp, dull, achy, tingling, got 'electrik' (did you mean 'electric'?)"),
    flag("choice invalid UTF-8", ["--region", b"lo\xffwer".decode("utf-8", "surrogateescape")], 2, "--region: expected one of lower, upper, both"),
    flag("choice very long", ["--region", "x" * 100_000], 2, "...' (100000 bytes)"),
    flag("choice control bytes", ["--region", "low\x1b[31mer"], 2, "got 'low\\x1b[31mer'"),
    row("flag value with CRLF is trimmed", ["--no-input", "--json", "--duration-weeks", "2\r\n"] + without(CALM, "--duration-weeks"), 0, None),
    # --- flags: unknown, missing values, contradictions ------------------------
    usage("batch --format misspelt", ["batch", "--format", "cdshooks"], "backtriage: option '--format': 'cdshooks' is not a format (did you mean 'cds-hooks'?): use json or cds-hooks; run 'backtriage batch --help'\n"),
    usage("an answer flag before batch", ["--fever", "yes", "batch"], "backtriage: answers go with a triage, not with 'batch' (--fever was given before it): batch reads each person's answers from their line; run 'backtriage batch --help'\n"),
    usage("--answers before a command", ["--answers", "a.json", "check"], "backtriage: answers go with a triage, not with 'check' (--answers was given before it); run 'backtriage check --help'\n"),
    flag("missing value", ["--fever"], 2, "backtriage: option '--fever' needs a value: yes/no/unsure; run 'backtriage --help'\n"),
    flag("unknown flag", ["--fevr", "yes"], 2, "backtriage: unknown option '--fevr' (did you mean '--fever'?); run 'backtriage --help'\n"),
    flag("unknown new flag spelled with _", ["--both_legs", "yes"], 2, "unknown option '--both_legs' (did you mean '--both-legs'?)"),
    # CLI11's '?' for an unknown short option: the message must name it.
    usage("unknown short option", ["--no-input", "-x"], "backtriage: unknown option '-x'"),
    usage("a lone dash", ["--no-input", "-"], "'-'"),
    usage("an argument that is no command", ["--no-input", "triage"], "backtriage: unexpected argument 'triage': backtriage takes answers as flags such as --duration-weeks 2, and its commands are batch, questions, check, test, diff or completion; run 'backtriage --help'\n"),
    usage("--format fhir on the triage", ["--no-input", "--format", "fhir"] + CALM, "backtriage: the triage writes no FHIR resource: backtriage questions --format fhir writes the Questionnaire, and --answers reads a QuestionnaireResponse; run 'backtriage --help'\n"),
    usage("--rules empty", ["--no-input", "--rules", ""] + CALM, "backtriage: option '--rules' needs a file name, not an empty one; run 'backtriage --help'\n"),
    usage("check --rules= empty", ["check", "--rules="], "backtriage: option '--rules' needs a file name, not an empty one; run 'backtriage check --help'\n"),
    usage("--locale empty", ["--no-input", "--locale", ""] + CALM, "backtriage: option '--locale': '' is not a language tag such as en-GB, en-US, es or es-US\n"),
    usage("questions --format html", ["questions", "--format", "html"], "backtriage: option '--format': questions writes text, json or fhir, not html; run 'backtriage questions --help'\n"),
    usage("bad --format", ["--no-input", "--format", "xml"], "backtriage: option '--format': 'xml' is not a format: use text, json, cds-hooks, html or ics; run 'backtriage --help'\n"),
    usage("bad --color", ["--no-input", "--color", "sometimes"], "backtriage: option '--color': 'sometimes' is not auto, always or never; run 'backtriage --help'\n"),
    usage("--format without a value", ["--no-input", "--format"], "backtriage: option '--format' needs a value: text, json, cds-hooks, html or ics; run 'backtriage --help'\n"),
    usage("--rules without a value", ["--no-input", "--rules"], "backtriage: option '--rules' needs a value: FILE; run 'backtriage --help'\n"),
    usage("--answers without a value", ["--no-input", "--answers"], "backtriage: option '--answers' needs a value: FILE or -; run 'backtriage --help'\n"),
    usage("-o without a value", ["--no-input", "-o"], "backtriage: option '--output' needs a value: FILE; run 'backtriage --help'\n"),
    usage("--color without a value", ["--no-input", "--color"], "backtriage: option '--color' needs a value: auto, always or never; run 'backtriage --help'\n"),
    usage("--format twice", ["--no-input", "--format", "json", "--format", "html"], "backtriage: option '--format' was given more than once; run 'backtriage --help'\n"),
    usage("an answer flag twice", ["--no-input", "--fever", "no", "--fever", "yes"], "backtriage: option '--fever' was given more than once; run 'backtriage --help'\n"),
    usage("--json --format html", ["--no-input", "--json", "--format", "html"] + CALM, "backtriage: --json and --format html contradict each other; run 'backtriage --help'\n"),
    usage("--format text --json", ["--no-input", "--format", "text", "--json"] + CALM, "backtriage: --json and --format text contradict each other; run 'backtriage --help'\n"),
    usage("--brief without json", ["--no-input", "--brief"] + CALM, "backtriage: --brief applies only to JSON output: add --json; run 'backtriage --help'\n"),
    usage("--brief with html", ["--no-input", "--brief", "--format", "html"] + CALM, "backtriage: --brief applies only to JSON output: add --json; run 'backtriage --help'\n"),
    usage("--brief with cds-hooks", ["--no-input", "--brief", "--format", "cds-hooks"] + CALM, "backtriage: --brief applies only to JSON output"),
    usage("--pretty --compact", ["--no-input", "--json", "--pretty", "--compact"] + CALM, "backtriage: --pretty and --compact contradict each other; run 'backtriage --help'\n"),
    usage("--pretty without json", ["--no-input", "--pretty"] + CALM, "backtriage: --pretty applies only to JSON output: add --json; run 'backtriage --help'\n"),
    usage("--compact without json", ["--no-input", "--compact"] + CALM, "backtriage: --compact applies only to JSON output: add --json; run 'backtriage --help'\n"),
    usage("--start without ics", ["--no-input", "--start", "2026-12-01"] + CALM, "backtriage: --start applies only to --format ics; run 'backtriage --help'\n"),
    usage("--time without ics", ["--no-input", "--time", "10:00"] + CALM, "backtriage: --time applies only to --format ics; run 'backtriage --help'\n"),
    usage("--start not a date", ["--no-input", "--format", "ics", "--start", "2026-02-30"] + CALM, "backtriage: option '--start': '2026-02-30' is not a date written YYYY-MM-DD; run 'backtriage --help'\n"),
    usage("--time not a time", ["--no-input", "--format", "ics", "--time", "25:00"] + CALM, "backtriage: option '--time': '25:00' is not a time written HH:MM (00:00 to 23:59); run 'backtriage --help'\n"),
    usage("batch unknown option", ["batch", "--fever", "yes"], "backtriage: unknown option '--fever'; run 'backtriage batch --help'\n"),
    usage("batch unknown short option", ["batch", "-x"], "backtriage: unknown option '-x'"),
    usage("batch extra argument", ["batch", "cases.jsonl"], "backtriage: unexpected argument 'cases.jsonl'; run 'backtriage batch --help'\n"),
    usage("batch --format html", ["batch", "--format", "html"], "backtriage: batch writes json or cds-hooks, not html; run 'backtriage batch --help'\n"),
    usage("batch --json --format cds-hooks", ["batch", "--json", "--format", "cds-hooks"], "backtriage: --json and --format cds-hooks contradict each other; run 'backtriage batch --help'\n"),
    usage("batch --brief --format cds-hooks", ["batch", "--brief", "--format", "cds-hooks"], "backtriage: --brief applies only to JSON output: add --json; run 'backtriage batch --help'\n"),
    usage("batch --jobs 0", ["batch", "--jobs", "0"], "backtriage: option '--jobs': '0' is not a whole number from 1 to 256; run 'backtriage batch --help'\n"),
    usage("batch --input without a value", ["batch", "--input"], "backtriage: option '--input' needs a value: FILE; run 'backtriage batch --help'\n"),
    usage("test --min-coverage 200", ["test", "--min-coverage", "200"], "backtriage: option '--min-coverage': '200' is not a percentage from 0 to 100; run 'backtriage test --help'\n"),
    usage("diff with one file", ["diff", "{dir}/a.yaml"], "backtriage: diff needs the rule file after the change; run 'backtriage diff --help'\n"),
    # The third file is the one too many: name it, not the first.
    usage("diff with three files", ["diff", "old.yaml", "new.yaml", "third.yaml"], "backtriage: unexpected argument 'third.yaml'; run 'backtriage diff --help'\n"),
    usage("completion with two shells", ["completion", "bash", "zsh"], "backtriage: unexpected argument 'zsh'; run 'backtriage completion --help'\n"),
    usage("completion of an unknown shell", ["completion", "powershell"], "backtriage: completion: 'powershell' is not a shell it knows: use bash, zsh or fish; run 'backtriage completion --help'\n"),
    # --- answers objects (files and stdin), JSON ---------------------------------
    *answers("empty", "", 65, "{name}: the answers file is empty"),
    *answers("only blanks", " \r\n\t\n", 65, "{name}: the answers file is empty"),
    *answers("only a BOM", b"\xef\xbb\xbf", 65, "{name}: the answers file is empty"),
    *answers("truncated", '{"fever": ', 65, "{name}:1:11: invalid JSON: the line ends before the JSON does (a value, a quote or a } is missing)"),
    *answers("syntax error on line 2", '{"fever": true,\n "region" "lower"}', 65, "{name}:2:17: invalid JSON: expected ':' after a key"),
    *answers("trailing garbage", '{"fever": true} x', 65, "{name}:1:17: invalid JSON: there is more after the end of the answers object"),
    *answers("a bare word for a value", '{"fever": no}', 65, "{name}:1:12: invalid JSON: 'no' is not a JSON value: write text in double quotes, and true, false and numbers as they are"),
    *answers("True in capitals", '{"fever": True}', 65, "{name}:1:11: invalid JSON: 'True' is not a JSON value"),
    *answers("a comma before the brace", '{"fever": true,}', 65, "{name}:1:16: invalid JSON: a comma with no answer after it before the }"),
    *answers("unknown key", '{"fevr": true}', 65, "backtriage: {name}: unknown answer key 'fevr' (did you mean 'fever'?)\n"),
    *answers("unknown key, dashes for underscores", '{"both-legs": true}', 65, "{name}: unknown answer key 'both-legs' (did you mean 'both_legs'?)"),
    *answers("unknown key in capitals", '{"FEVER": true}', 65, "{name}: unknown answer key 'FEVER' (did you mean 'fever'?)"),
    *answers("an id is no answer outside batch", '{"id": "a-1", "fever": true}', 65, "backtriage: {name}: unknown answer key 'id'\n"),
    *answers("duplicate key", '{"fever": true, "fever": false}', 65, "backtriage: {name}: duplicate answer key 'fever'\n"),
    *answers("bool as list", '{"fever": [true]}', 65, "{name}: answer 'fever': expected yes, no or unsure, got a list"),
    *answers("bool as 2", '{"fever": 2}', 65, "{name}: answer 'fever': expected yes, no or unsure (or true/false, 1/0), got 2"),
    *answers("bool as text", '{"fever": "maybe"}', 65, "backtriage: {name}: answer 'fever': expected yes, no or unsure, got 'maybe'\n"),
    *answers("unsure for a question that is no red flag", '{"improving": "unsure"}', 65, "backtriage: {name}: answer 'improving': expected yes or no, got 'unsure'\n"),
    *answers("unsure for a red flag", '{"aortic_signs": "unsure", "fever": "UNSURE"}', 0, None),
    *answers("number as text", '{"duration_weeks": "two"}', 65, "{name}: answer 'duration_weeks': expected a number from 0 to 520 (weeks), got 'two'"),
    *answers("number as bool", '{"duration_weeks": true}', 65, "{name}: answer 'duration_weeks': expected a number from 0 to 520 (weeks), got true"),
    *answers("number as object", '{"duration_weeks": {"weeks": 2}}', 65, "{name}: answer 'duration_weeks': expected a number from 0 to 520 (weeks), got an object"),
    *answers("negative", '{"duration_weeks": -1}', 65, "backtriage: {name}: answer 'duration_weeks': -1 is out of range: expected a number from 0 to 520 (weeks)\n"),
    *answers("age out of range", '{"age": 121}', 65, "{name}: answer 'age': 121 is out of range: expected a whole number from 0 to 120 (years)"),
    *answers("negative zero is zero", '{"duration_weeks": -0.0, "fever": "yes"}', 0, None),
    *answers("NaN literal", '{"duration_weeks": NaN}', 65, "{name}:1:20: invalid JSON"),
    *answers("NaN string", '{"duration_weeks": "NaN"}', 65, "{name}: answer 'duration_weeks': expected a number from 0 to 520 (weeks), got 'NaN'"),
    *answers("Infinity literal", '{"duration_weeks": Infinity}', 65, "invalid JSON"),
    *answers("1e400", '{"duration_weeks": 1e400}', 65, "{name}: invalid JSON: number overflow"),
    *answers("-1e400", '{"duration_weeks": -1e400}', 65, "{name}: invalid JSON: number overflow"),
    *answers("5 MB number", '{"duration_weeks": ' + BIG_NUMBER + "}", 65, "{name}: invalid JSON: number overflow parsing '9999999999999999999999999999999999999999...' (5242880 bytes)"),
    *answers("5 MB string", '{"region": "' + "x" * (5 * 1024 * 1024) + '"}', 65, "(5242880 bytes)"),
    *answers("choice typo", '{"region": "lowr"}', 65, "{name}: answer 'region': expected one of lower, upper, both, got 'lowr' (did you mean 'lower'?)"),
    *answers("choice as number", '{"sensation": 1}', 65, "{name}: answer 'sensation': expected one of electric, sharp, dull, achy, tingling, got 1"),
    *answers("invalid UTF-8 in a string", b'{"region": "lo\xffwer"}', 65, "{name}:1:15: invalid JSON: a string holds a byte that is not UTF-8"),
    *answers("invalid UTF-8 in a key", b'{"fe\xc3ver": true}', 65, "{name}:1:6: invalid JSON"),
    *answers("UTF-16 with a BOM is read", '{"fever": true}'.encode("utf-16"), 0, None),
    *answers("UTF-16 BOM then garbage", b"\xff\xfe{}", 65, "{name}:1:1: expected a mapping of answers"),
    *answers("NUL byte", b'{"fever": true}\x00{"fever": false}', 65, "{name}:1:16: invalid JSON: unexpected NUL byte"),
    *answers("list at top", "[1, 2]", 65, "{name}:1:1: expected a mapping of answers"),
    *answers("100,000 [", DEEP_JSON, 65, "{name}:1:1: YAML nests too deeply"),
    *answers('100,000 {"a":', DEEP_OBJECT, 65, "{name}: JSON nests more than 16 levels deep"),
    *answers("nested object", '{"fever": {"a": {"b": 1}}}', 65, "{name}: answer 'fever': expected yes, no or unsure, got an object"),
    *answers("BOM then JSON", b"\xef\xbb\xbf" + CALM_JSON.encode(), 0, None),
    *answers("CRLF JSON", CALM_JSON.replace(", ", ",\r\n") + "\r\n", 0, None),
    *answers("null is unanswered", '{"fever": null, "duration_weeks": 3}', 0, None),
    # --- answers objects, YAML -------------------------------------------------------
    *answers("malformed", "fever: [yes\n", 65, "{name}:2:1: YAML syntax error: end of sequence flow not found", ext="yaml"),
    *answers("not a mapping", "- fever\n- yes\n", 65, "{name}:1:1: expected a mapping of answers (question: answer)", ext="yaml"),
    *answers("scalar document", "yes\n", 65, "expected a mapping of answers", ext="yaml"),
    *answers("unknown key", "fevr: yes\n", 65, "backtriage: {name}:1:1: unknown answer key 'fevr' (did you mean 'fever'?)\n", ext="yaml"),
    *answers("unknown key on line 3", "fever: no\nregion: lower\nbackk_lump: no\n", 65, "{name}:3:1: unknown answer key 'backk_lump' (did you mean 'back_lump'?)", ext="yaml"),
    *answers("an id is no answer outside batch", "id: a-1\n", 65, "{name}:1:1: unknown answer key 'id'", ext="yaml"),
    *answers("duplicate key", "fever: yes\nfever: no\n", 65, "backtriage: {name}:2:1: duplicate key 'fever' in the answers\n", ext="yaml"),
    *answers("nested value", "fever: {a: 1}\n", 65, "{name}:1:8: answer 'fever': expected yes, no or unsure, got a nested value", ext="yaml"),
    *answers("bool typo", "night_pain: yess\n", 65, "backtriage: {name}:1:13: answer 'night_pain': expected yes, no or unsure, got 'yess'\n", ext="yaml"),
    *answers("unsure for a question that is no red flag", "improving: unsure\n", 65, "{name}:1:12: answer 'improving': expected yes or no, got 'unsure'", ext="yaml"),
    *answers("negative", "duration_weeks: -1\n", 65, "{name}:1:17: answer 'duration_weeks': '-1' is out of range: expected a number from 0 to 520 (weeks)", ext="yaml"),
    *answers(".nan", "duration_weeks: .nan\n", 65, "{name}:1:17: answer 'duration_weeks': expected a number from 0 to 520 (weeks), got '.nan'", ext="yaml"),
    *answers(".inf", "duration_weeks: .inf\n", 65, "answer 'duration_weeks'", ext="yaml"),
    *answers("1e400", "duration_weeks: 1e400\n", 65, "{name}:1:17: answer 'duration_weeks': '1e400' is out of range", ext="yaml"),
    *answers("5 MB number", "duration_weeks: " + BIG_NUMBER + "\n", 65, "{name}:1:17: answer 'duration_weeks': '9999", ext="yaml"),
    *answers("key as list", "[a]: yes\n", 65, "{name}:1:1: the answers: keys must be plain words", ext="yaml"),
    *answers("invalid UTF-8", b"region: lo\xffwer\n", 65, "{name}:1:11: invalid UTF-8 (byte 0xff): save the file as UTF-8", ext="yaml"),
    *answers("deep block nesting", DEEP_YAML_BLOCK, 65, "{name}:499:999: YAML nests too deeply (500 levels)", ext="yaml"),
    *answers("100,000 [ in flow", DEEP_YAML_FLOW, 65, "{name}:1:1: YAML nests too deeply (500 levels)", ext="yaml"),
    *answers("100,000 - ", DEEP_YAML_SEQ, 65, "{name}:1:1000: YAML nests too deeply (500 levels)", ext="yaml"),
    *answers("alias bomb", LAUGHS, 65, "{name}:1:1: unknown answer key 'a'", ext="yaml"),
    *answers("alias bomb as a value", "fever: " + LAUGHS.split("\n")[0][3:] + "\n", 65, "expected yes, no or unsure, got a nested value", ext="yaml"),
    # A second document must not be dropped without a word (as the NUL byte once was).
    *answers("two documents", "fever: no\n---\nfever: yes\n", 65, "{name}:", ext="yaml"),
    *answers("BOM then YAML", b"\xef\xbb\xbf" + CALM_YAML.encode(), 0, None, ext="yaml"),
    *answers("CRLF YAML", CALM_YAML.replace("\n", "\r\n"), 0, None, ext="yaml"),
    row("answers file missing", ["--no-input", "--answers", "{dir}/nope.json"], 66, "backtriage: cannot open {dir}/nope.json: No such file or directory\n"),
    row("answers file is a directory", ["--no-input", "--answers", "{dir}"], 66, "backtriage: cannot read {dir}: Is a directory\n"),
    # --- batch lines ---------------------------------------------------------------------
    batch("blank line", CALM_JSON + "\n\n" + CALM_JSON + "\n", {2: {"line": 2, "error": "blank line: expected a JSON object of answers"}}),
    batch("whitespace line", " \t \n", {1: "blank line"}),
    batch("truncated", '{"fever": \n', {1: "column 11: invalid JSON"}),
    batch("list", "[]\n", {1: {"line": 1, "error": "expected a JSON object of answers, got a list"}}),
    batch("string", '"fever"\n', {1: {"line": 1, "error": "expected a JSON object of answers, got text"}}),
    batch("unknown key", '{"fevr": 1}\n', {1: {"line": 1, "error": "unknown answer key 'fevr' (did you mean 'fever'?)"}}),
    batch("bool typo", '{"fever": "x"}\n', {1: {"line": 1, "error": "answer 'fever': expected yes, no or unsure, got 'x'"}}),
    batch("unsure for a question that is no red flag", '{"daily_life": "unsure"}\n', {1: {"line": 1, "error": "answer 'daily_life': expected yes or no, got 'unsure'"}}),
    batch("negative", '{"duration_weeks": -1}\n', {1: {"line": 1, "error": "answer 'duration_weeks': -1 is out of range: expected a number from 0 to 520 (weeks)"}}),
    batch("number as text", '{"duration_weeks": "x"}\n', {1: {"line": 1, "error": "answer 'duration_weeks': expected a number from 0 to 520 (weeks), got 'x'"}}),
    batch("duplicate key", '{"fever": true, "fever": false}\n', {1: {"line": 1, "error": "duplicate answer key 'fever'"}}),
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
    batch("a string id and a number id", '{"id": "a-1", "fever": "yes"}\n{"id": 7, "fever": "no"}\n', {}),
    batch("bad answer on a line with an id", '{"id": "a-1", "fever": "x"}\n{"id": 7, "duration_weeks": 600}\n', {
        1: {"id": "a-1", "line": 1, "error": "answer 'fever': expected yes, no or unsure, got 'x'"},
        2: {"id": 7, "line": 2, "error": "answer 'duration_weeks': 600 is out of range: expected a number from 0 to 520 (weeks)"}}),
    batch("unknown key on a line with an id", '{"fevr": true, "id": "late"}\n', {1: {"id": "late", "line": 1, "error": "unknown answer key 'fevr' (did you mean 'fever'?)"}}),
    batch("duplicate key on a line with an id", '{"id": "d", "fever": true, "fever": false}\n', {1: {"id": "d", "line": 1, "error": "duplicate answer key 'fever'"}}),
    batch("id null", '{"id": null}\n', {1: {"line": 1, "error": "the record id must be a string or a number, got null"}}),
    batch("id true", '{"id": true}\n', {1: {"line": 1, "error": "the record id must be a string or a number, got true/false"}}),
    batch("id list", '{"id": ["a"]}\n', {1: {"line": 1, "error": "the record id must be a string or a number, got a list"}}),
    batch("id object", '{"id": {"a": 1}}\n', {1: {"line": 1, "error": "the record id must be a string or a number, got an object"}}),
    batch("bad lines in cds-hooks", '{"id": 1, "fevr": true}\n\n' + CALM_JSON + "\n", {
        1: {"id": 1, "line": 1, "error": "unknown answer key 'fevr' (did you mean 'fever'?)"},
        2: {"line": 2, "error": "blank line: expected a JSON object of answers"}}, args=["--format", "cds-hooks"]),
    batch("bad lines in brief", '{"id": "b", "age": 200}\n' + CALM_JSON + "\n", {
        1: {"id": "b", "line": 1, "error": "answer 'age': 200 is out of range: expected a whole number from 0 to 120 (years)"}}, args=["--brief"]),
    missing("batch input missing", ["batch", "--input", "{dir}/nope.jsonl"], "{dir}/nope.jsonl"),
    row("batch input is a directory", ["batch", "--input", "{dir}"], 66, "backtriage: cannot read {dir}: Is a directory\n"),
    row("batch output to a missing directory", ["batch", "-o", "{dir}/no/out.jsonl"], 74, "backtriage: cannot write {dir}/no/out.jsonl: No such file or directory\n", stdin=CALM_JSON.encode(), out=""),
    # --- rule files --------------------------------------------------------------------------
    *rules("empty", "", "{file}:1:1: the rule file is empty"),
    *rules("syntax error", "id: [x\n", "{file}:2:1: YAML syntax error: end of sequence flow not found"),
    *rules("a list", "- a\n- b\n", "{file}:1:1: the rule file must be a mapping"),
    *rules("invalid UTF-8", b"id: t\xff\nversion: 1\n", "{file}:1:6: invalid UTF-8 (byte 0xff): save the file as UTF-8"),
    *rules("unknown top-level key", RULES + "extra: 1\n", "{file}:13:1: unknown key 'extra' in the rule file"),
    *rules("no report vocabulary", RULES.replace("report: {level: level}\n", ""), "{file}:1:1: the rule file needs 'report'"),
    *rules("an undefined fact", UNDEFINED_FACT, "{file}:13:39: unknown fact 'levle'"),
    *rules("min is -1e400", rule_file_with('  - {id: n, type: number, min: -1e400, max: 10, prompt: "N?", source: test}'), "{file}:6:32: min must be a number"),
    *rules("max is .nan", rule_file_with('  - {id: n, type: number, min: 0, max: .nan, prompt: "N?", source: test}'), "{file}:6:40: max must be a number"),
    *rules("max is 5 MB", rule_file_with('  - {id: n, type: number, min: 0, max: ' + BIG_NUMBER + ', prompt: "N?", source: test}'), "{file}:6:40: max must be a number"),
    *rules("min above max", rule_file_with('  - {id: n, type: number, min: 10, max: -5, prompt: "N?", source: test}'), "{file}:6:41: max -5 is below min 10"),
    *rules("100,000 [", "id: " + DEEP_JSON, "{file}:1:1: YAML nests too deeply (500 levels)"),
    *rules("deep block nesting", DEEP_YAML_BLOCK, "{file}:499:999: YAML nests too deeply (500 levels)"),
    *rules("100,000 - ", DEEP_YAML_SEQ, "{file}:1:1000: YAML nests too deeply (500 levels)"),
    *rules("oversized (17 MiB)", "#" * (17 * 1024 * 1024), "{file}: the file is 17825792 bytes; the limit is 16777216 bytes"),
    # The rule file's language (issue 20): a BCP 47 tag, written as BCP 47 writes it.
    *rules("language not a tag", with_language('"english!"'), "{file}:3:11: 'english!' is not a language tag such as en-GB or es\n"),
    *rules("language a number", with_language("12"), "{file}:3:11: '12' is not a language tag such as en-GB or es\n"),
    *rules("language an empty string", with_language('""'), "{file}:3:11: '' is not a language tag such as en-GB or es\n"),
    *rules("language with no value", with_language(""), "{file}:3:1: 'language' is empty: write the rule file's language tag, such as en-GB\n"),
    *rules("language a list", with_language("[en]"), "{file}:3:11: language must be text\n"),
    *rules("language in the wrong case", with_language("EN-gb"), "{file}:3:11: write the language tag 'EN-gb' as en-GB\n"),
    *rules("language POSIX-style", with_language("en_GB"), "{file}:3:11: 'en_GB' is not a language tag such as en-GB or es\n"),
    *rules("locales in the wrong case", with_language("en-GB\nlocales: {es-us: r.es-US.yaml}"), "{file}:4:11: write the locale tag 'es-us' as es-US\n"),
    *rules("locales without a file", with_language("en-GB\nlocales:\n  es:"), "{file}:5:3: 'locales' must give the file of the overlay for es\n"),
    *rules("alias bomb", RULES + LAUGHS.replace("a:", "zz:", 1), "{file}:13:1: unknown key 'zz' in the rule file"),
    row("rules BOM and CRLF load", ["--no-input", "--json", "--rules", "{dir}/r.yaml", "--a", "yes", "--n", "1"], 0, None,
        files={"r.yaml": b"\xef\xbb\xbf" + RULES.replace("\n", "\r\n").encode()}),
    missing("rules missing", ["--rules", "{dir}/nope.yaml"], "{dir}/nope.yaml"),
    missing("check missing", ["check", "{dir}/nope.yaml"], "{dir}/nope.yaml"),
    row("rules is a directory", ["--rules", "{dir}"], 66, "backtriage: cannot read {dir}: Is a directory\n"),
    row("batch --rules broken", ["batch", "--rules", "{dir}/r.yaml"], 65, "backtriage: {dir}/" + SYNTAX, files=BROKEN_RULES, stdin=CALM_JSON.encode(), out=""),
    row("questions --rules broken", ["questions", "--rules", "{dir}/r.yaml"], 65, "backtriage: {dir}/" + SYNTAX, files=BROKEN_RULES, out=""),
    # Two rules asserting different values for one fact, when both fire.
    row("rules conflict in single triage", ["--no-input", "--rules", "{dir}/r.yaml", "--a", "yes", "--n", "7"], 65,
        "backtriage: {dir}/r.yaml: rules disagree on 'kind': rule 'kind-x' asserts 'x', rule 'kind-y' asserts 'y'\n", files={"r.yaml": CONFLICT.encode()}),
    row("rules conflict in batch", ["batch", "--rules", "{dir}/r.yaml"], 65, None, files={"r.yaml": CONFLICT.encode()},
        stdin=b'{"id": "c", "a": true, "n": 7}\n{"a": true, "n": 1}\n',
        out=("batch", {1: {"id": "c", "line": 1, "error": "rules disagree on 'kind': rule 'kind-x' asserts 'x', rule 'kind-y' asserts 'y'"}})),
    # --- test: case files and rule files --------------------------------------------------------
    missing("test case file missing", ["test", "{dir}/nope.yaml"], "{dir}/nope.yaml"),
    missing("test --rules missing", ["test", "--rules", "{dir}/nope.yaml"], "{dir}/nope.yaml"),
    missing("test --rules missing with a case file", ["test", "{dir}/c.yaml", "--rules", "{dir}/nope.yaml"], "{dir}/nope.yaml", files={"c.yaml": CASES.encode()}),
    missing("test case file missing with --rules", ["test", "{dir}/nope.yaml", "--rules", "{dir}/r.yaml"], "{dir}/nope.yaml", files={"r.yaml": RULES.encode()}),
    row("test case file is a directory", ["test", "{dir}"], 66, "backtriage: cannot read {dir}: Is a directory\n"),
    row("test --rules broken", ["test", "--rules", "{dir}/r.yaml"], 65, "backtriage: {dir}/" + SYNTAX, files=BROKEN_RULES, out=""),
    row("test --rules with an undefined fact", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "backtriage: {dir}/r.yaml:13:39: unknown fact 'levle'",
        files={"r.yaml": UNDEFINED_FACT.encode(), "c.yaml": CASES.encode()}, out=""),
    row("test case file malformed", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:3:1: error: YAML syntax error: end of sequence flow not found",
        files={"r.yaml": RULES.encode(), "c.yaml": b"- name: a\n  answers: {a: [\n"}, one_line=False),
    row("test case file empty", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml: error: a case file is a list of cases (- name: ...)",
        files={"r.yaml": RULES.encode(), "c.yaml": b""}, one_line=False),
    row("test case file not a list", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:1:1: error: a case file is a list of cases (- name: ...)",
        files={"r.yaml": RULES.encode(), "c.yaml": b"name: a\n"}, one_line=False),
    row("test case with an unknown question", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:2:13: error: unknown question 'aa' (did you mean 'a'?)",
        files={"r.yaml": RULES.encode(), "c.yaml": CASES.replace("{a: yes", "{aa: yes").encode()}, one_line=False),
    row("test case with a bad answer", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:2:16: error: answer 'a': expected yes or no, got 'maybe'",
        files={"r.yaml": RULES.encode(), "c.yaml": CASES.replace("{a: yes", "{a: maybe").encode()}, one_line=False),
    row("test case with a duplicate answer", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:2:21: error: duplicate key 'a' in answers",
        files={"r.yaml": RULES.encode(), "c.yaml": CASES.replace("{a: yes,", "{a: yes, a: no,").encode()}, one_line=False),
    row("test case expecting an unknown level", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:3:19: error: unknown level 'lw' (did you mean 'low'?)",
        files={"r.yaml": RULES.encode(), "c.yaml": CASES.replace("level: low", "level: lw").encode()}, one_line=False),
    row("test case with an unknown expect key", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:3:12: error: unknown key 'levl' in expect (did you mean 'level'?)",
        files={"r.yaml": RULES.encode(), "c.yaml": CASES.replace("{level:", "{levl:").encode()}, one_line=False),
    row("test case file with invalid UTF-8", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 65, "{dir}/c.yaml:2:17: error: invalid UTF-8 (byte 0xff): save the file as UTF-8",
        files={"r.yaml": RULES.encode(), "c.yaml": CASES.replace("a: yes", "a: \"\xff\"").encode("latin-1")}, one_line=False),
    row("test case file with BOM and CRLF passes", ["test", "{dir}/c.yaml", "--rules", "{dir}/r.yaml"], 0, None,
        files={"r.yaml": RULES.encode(), "c.yaml": b"\xef\xbb\xbf" + CASES.replace("\n", "\r\n").encode()}, out="1 passed, 0 failed"),
    # --- diff: rule files and --cases ---------------------------------------------------------------
    missing("diff OLD missing", ["diff", "{dir}/nope.yaml", "{dir}/r.yaml"], "{dir}/nope.yaml", files={"r.yaml": RULES.encode()}),
    missing("diff NEW missing", ["diff", "{dir}/r.yaml", "{dir}/nope.yaml"], "{dir}/nope.yaml", files={"r.yaml": RULES.encode()}),
    missing("diff --cases missing", ["diff", "{dir}/r.yaml", "{dir}/r.yaml", "--cases", "{dir}/nope.jsonl"], "{dir}/nope.jsonl", files={"r.yaml": RULES.encode()}),
    row("diff OLD broken", ["diff", "{dir}/b.yaml", "{dir}/r.yaml"], 65, "backtriage: {dir}/b.yaml:3:1: YAML syntax error",
        files={"b.yaml": BROKEN_RULES["r.yaml"], "r.yaml": RULES.encode()}, out=""),
    row("diff NEW broken", ["diff", "{dir}/r.yaml", "{dir}/b.yaml"], 65, "backtriage: {dir}/b.yaml:3:1: YAML syntax error",
        files={"b.yaml": BROKEN_RULES["r.yaml"], "r.yaml": RULES.encode()}, out=""),
    row("diff NEW with an undefined fact", ["diff", "{dir}/r.yaml", "{dir}/b.yaml"], 65, "backtriage: {dir}/b.yaml:13:39: unknown fact 'levle'",
        files={"b.yaml": UNDEFINED_FACT.encode(), "r.yaml": RULES.encode()}, out=""),
    row("diff NEW is a directory", ["diff", "{dir}/r.yaml", "{dir}"], 66, "backtriage: cannot read {dir}: Is a directory\n",
        files={"r.yaml": RULES.encode()}),
    row("diff --cases malformed YAML", ["diff", "{dir}/r.yaml", "{dir}/r.yaml", "--cases", "{dir}/c.yaml"], 65,
        "backtriage: {dir}/c.yaml:3:1: YAML syntax error: end of sequence flow not found\n",
        files={"r.yaml": RULES.encode(), "c.yaml": b"- name: a\n  answers: {a: [\n"}, out=""),
    row("diff --cases invalid JSON line", ["diff", "{dir}/r.yaml", "{dir}/r.yaml", "--cases", "{dir}/c.jsonl"], 65, "backtriage: {dir}/c.jsonl:2:3: invalid JSON: a key must be text in double quotes, got 'not'\n",
        files={"r.yaml": RULES.encode(), "c.jsonl": b'{"a": true}\n{not json\n'}, out=""),
    # Bad answers in --cases (a key neither rule set knows, a value neither accepts) are bad
    # data (65), as in `test` and everywhere else; they must not be compared as if unanswered.
    row("diff --cases unknown answer key", ["diff", "{dir}/r.yaml", "{dir}/r.yaml", "--cases", "{dir}/c.jsonl"], 65, "{dir}/c.jsonl:1: unknown answer key 'aa' (did you mean 'a'?)",
        files={"r.yaml": RULES.encode(), "c.jsonl": b'{"aa": true}\n'}, out=""),
    row("diff --cases bad answer", ["diff", "{dir}/r.yaml", "{dir}/r.yaml", "--cases", "{dir}/c.jsonl"], 65, "{dir}/c.jsonl:1: answer 'a': expected yes or no, got 'maybe'",
        files={"r.yaml": RULES.encode(), "c.jsonl": b'{"a": "maybe"}\n'}, out=""),
    row("diff --cases out of range", ["diff", "{dir}/r.yaml", "{dir}/r.yaml", "--cases", "{dir}/c.jsonl"], 65, "{dir}/c.jsonl:1: answer 'n': '11' is out of range",
        files={"r.yaml": RULES.encode(), "c.jsonl": b'{"n": 11}\n'}, out=""),
    row("diff --cases with an unknown question", ["diff", "{dir}/r.yaml", "{dir}/r.yaml", "--cases", "{dir}/c.yaml"], 65, "{dir}/c.yaml:2:13: unknown answer key 'aa' (did you mean 'a'?): neither rule set asks it",
        files={"r.yaml": RULES.encode(), "c.yaml": CASES.replace("{a: yes", "{aa: yes").encode()}, one_line=False),
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
        elif expect == "":
            self.assertEqual(out, "", "nothing on stdout")
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
                if isinstance(errors[n], dict):
                    self.assertEqual(obj, errors[n])
                    self.assertEqual(list(obj), list(errors[n]), "id, line, error in this order")
                else:
                    self.assertEqual(list(obj), ["line", "error"])
                    self.assertIn(errors[n], obj["error"])
                self.assertLess(len(obj["error"]), 1000)
            else:
                self.assertNotIn("error", obj, line)
                self.assertTrue("level" in obj or list(obj)[-1] == "cards", line[:300])

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
