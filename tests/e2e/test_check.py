"""`backtriage check`: every problem of a rule file as `file:line:col: error: message`
with the line and a caret; exit 0 valid, 65 invalid, 66 unreadable; warnings for rules
that can never fire and questions no rule reads."""
import os
import shutil
import tempfile
import unittest

from harness import SOURCE_DIR, TempDirTest, main, run

# A valid rule file up to `rules:` (11 lines); each case appends its rules from line 12.
# `step` is the report's level, which every rule set declares (line 9).
HEAD = """id: t
version: "1"
disclaimer: d
questions:
  - {id: fever, type: bool, prompt: p, source: s}
  - {id: weeks, type: number, min: 0, max: 520, prompt: p, source: s}
  - {id: feel, type: choice, choices: [dull, sharp], prompt: p, source: s}
report: {level: step}
facts: [{id: level, type: choice, choices: [high, low]}, {id: sign, type: set, items: [a, b]}, {id: step, type: ranked, choices: [{id: go, label: Go, advice: Go., cds: critical, color: red}, {id: stay, label: Stay, advice: Stay., routine: true, cds: info, color: green}], undecided: {id: unknown, label: Unknown, advice: More., cds: warning, color: none}}]
# The facts above: `level` and `sign` for the tests, `step` the report's level.
rules:
"""
# Reads every question and asserts every value; nothing can disagree.
CLEAN = """\
  - {id: hot, when: {fever: true}, then: {level: high, sign: a, step: go}, source: s}
  - id: cool
    when: {all: [{fever: false}, {weeks: {lt: 5}}, {feel: dull}]}
    then: {level: low, sign: b, step: stay}
    source: s
"""

# (name, rules appended to HEAD, expected error lines in order)
ERRORS = [
    ("duplicate key",
     "  - {id: r, when: {fever: true}, then: {level: high}, source: s, id: r2}\n",
     ["12:66: error: duplicate key 'id' in a rule"]),
    ("unknown key",
     "  - {id: r, when: {fever: true}, then: {level: high}, sorce: s}\n",
     ["12:5: error: a rule needs 'source'",
      "12:55: error: unknown key 'sorce' in a rule (did you mean 'source'?)"]),
    ("missing key",
     "  - {id: r, when: {fever: true}, source: s}\n",
     ["12:5: error: a rule needs 'then'"]),
    ("undefined fact",
     "  - {id: r, when: {fevr: true}, then: {level: high}, source: s}\n",
     ["12:20: error: unknown fact 'fevr' (did you mean 'fever'?)"]),
    ("bool given a number",
     "  - {id: r, when: {fever: 3}, then: {level: high}, source: s}\n",
     ["12:27: error: 'fever': expected yes or no, got '3'"]),
    ("number given a word",
     "  - {id: r, when: {weeks: {ge: soon}}, then: {level: high}, source: s}\n",
     ["12:32: error: 'weeks': expected a number from 0 to 520, got 'soon'"]),
    ("ordering on a choice",
     "  - {id: r, when: {feel: {lt: dull}}, then: {level: high}, source: s}\n",
     ["12:27: error: 'lt' compares numbers, but 'feel' is a choice fact"]),
    ("unknown choice value",
     "  - {id: r, when: {feel: dul}, then: {level: high}, source: s}\n",
     ["12:26: error: 'feel': expected one of dull, sharp, got 'dul' (did you mean 'dull'?)"]),
    ("duplicate rule id",
     "  - {id: r, when: {fever: true}, then: {level: high}, source: s}\n"
     "  - {id: r, when: {fever: false}, then: {level: low}, source: s}\n",
     ["13:10: error: duplicate rule id 'r'"]),
    ("rule asserts a question",
     "  - {id: r, when: {weeks: {gt: 2}}, then: {fever: true}, source: s}\n",
     ["12:44: error: 'fever' is a question; a rule may assert only declared facts"]),
    ("cycle through negation",
     "  - {id: one, when: {fever: true}, then: {level: high}, source: s}\n"
     "  - {id: two, when: {not: {sign: b}}, then: {sign: a}, source: s}\n"
     "  - {id: three, when: {sign: a}, then: {sign: b}, source: s}\n",
     ["13:5: error: rule 'two' reads 'sign' through negation (or a ranked fact) inside a "
      "cycle of rules ('two', 'three'); the result would depend on rule order"]),
    ("several errors, in file order",
     "  - {id: a, when: {fevr: true}, then: {level: high}, source: s}\n"
     "  - {id: b, when: {feel: {lt: dull}}, then: {level: low}, source: s}\n"
     "  - {id: a, when: {fever: true}, then: {level: high}, source: s}\n",
     ["12:20: error: unknown fact 'fevr' (did you mean 'fever'?)",
      "13:27: error: 'lt' compares numbers, but 'feel' is a choice fact",
      "14:10: error: duplicate rule id 'a'"]),
]


def diagnostic_lines(err, path):
    """The `file:line:col: ...` lines of stderr, without the file name."""
    return [line[len(path) + 1:] for line in err.splitlines() if line.startswith(path + ":")]


class Check(TempDirTest):
    def test_each_error_kind_is_reported_with_its_place(self):
        for name, rules, expected in ERRORS:
            with self.subTest(name):
                path = self.write(name.replace(" ", "_") + ".yaml", HEAD + rules)
                code, out, err = run(["check", path])
                self.assertEqual(code, 65, err)
                self.assertEqual(diagnostic_lines(err, path), expected, err)
                self.assertEqual(out, f"{path}: invalid: {len(expected)} error"
                                      f"{'' if len(expected) == 1 else 's'}\n")

    def test_an_error_shows_its_line_and_a_caret(self):
        rule = "  - {id: r, when: {fevr: true}, then: {level: high}, source: s}\n"
        path = self.write("bad.yaml", HEAD + rule)
        code, _, err = run(["check", path])
        self.assertEqual(code, 65)
        self.assertEqual(err,
                         f"{path}:12:20: error: unknown fact 'fevr' (did you mean 'fever'?)\n"
                         "    - {id: r, when: {fevr: true}, then: {level: high}, source: s}\n"
                         "                     ^\n")

    def test_color_marks_the_severity_only_when_asked(self):
        rule = "  - {id: r, when: {fevr: true}, then: {level: high}, source: s}\n"
        path = self.write("bad.yaml", HEAD + rule)
        _, _, err = run(["check", "--color", "always", path])
        self.assertIn(f"{path}:12:20: \x1b[1m\x1b[31merror\x1b[0m: unknown fact 'fevr'", err)
        _, _, plain = run(["check", path])  # stderr is a pipe: auto means none
        self.assertNotIn("\x1b", plain)
        _, _, never = run(["check", "--color", "never", path])
        self.assertNotIn("\x1b", never)

    def test_a_yaml_syntax_error(self):
        path = self.write("syntax.yaml", "id: t\nquestions: [\n  {id: a}\nrules: x\n")
        code, out, err = run(["check", path])
        self.assertEqual(code, 65)
        self.assertEqual(diagnostic_lines(err, path),
                         ["4:1: error: YAML syntax error: end of sequence flow not found"])

    def test_a_duplicate_fact_id(self):
        text = HEAD.replace("{id: sign", "{id: fever, type: bool}, {id: sign")
        path = self.write("dup_fact.yaml", text + CLEAN)
        code, _, err = run(["check", path])
        self.assertEqual(code, 65)
        self.assertEqual(diagnostic_lines(err, path), ["9:63: error: duplicate fact id 'fever'"])

    def test_a_clean_file_is_valid(self):
        path = self.write("clean.yaml", HEAD + CLEAN)
        code, out, err = run(["check", path])
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, f"{path}: ok: t 1, 3 questions, 2 rules, 0 warnings\n")

    def test_warnings_for_a_rule_that_never_fires_and_a_question_nobody_reads(self):
        text = HEAD.replace("report:", "  - {id: unread, type: bool, prompt: p, source: s}\nreport:")
        text += CLEAN + ("  - {id: never, when: {all: [{weeks: {lt: 3}}, {weeks: {ge: 3}}]}, "
                         "then: {sign: a}, source: s}\n")
        path = self.write("warn.yaml", text)
        code, out, err = run(["check", path])
        self.assertEqual(code, 0, err)
        self.assertEqual(diagnostic_lines(err, path), [
            "8:5: warning: question 'unread' is read by no rule",
            "18:5: warning: rule 'never' can never fire: no answers make its condition true"])
        self.assertEqual(out, f"{path}: ok: t 1, 4 questions, 3 rules, 2 warnings\n")

    def test_an_unreadable_file_is_66_and_the_others_are_still_checked(self):
        missing = os.path.join(self.tmp, "missing.yaml")
        bad = self.write("bad.yaml", HEAD + "  - {id: r, when: {fevr: true}, then: {level: high}, "
                                            "source: s}\n")
        code, out, err = run(["check", missing, bad])
        self.assertEqual(code, 66)
        self.assertIn(f"backtriage: cannot open {missing}: No such file or directory\n", err)
        self.assertIn(f"{bad}:12:20: error: unknown fact 'fevr'", err)
        code, _, err = run(["check", self.tmp])  # a directory
        self.assertEqual(code, 66)
        self.assertIn(f"cannot read {self.tmp}", err)

    def test_invalid_beside_valid_is_65(self):
        good = self.write("good.yaml", HEAD + CLEAN)
        bad = self.write("bad.yaml", HEAD + "  - {id: r, when: {fevr: true}, then: {level: high}, "
                                            "source: s}\n")
        code, out, _ = run(["check", good, bad])
        self.assertEqual(code, 65)
        self.assertEqual(out.splitlines(), [f"{good}: ok: t 1, 3 questions, 2 rules, 0 warnings",
                                            f"{bad}: invalid: 1 error"])

    def test_the_embedded_rules_and_the_shipped_file_are_valid(self):
        code, out, err = run(["check"])
        self.assertEqual((code, err), (0, ""))
        self.assertRegex(out, r"^<embedded>: ok: back-pain \S+, \d+ questions, \d+ rules, "
                              r"0 warnings; in en-GB(, [A-Za-z-]+)+\n$")
        path = os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")
        code, out, err = run(["check", path])
        self.assertEqual((code, err), (0, ""))
        self.assertTrue(out.startswith(f"{path}: ok: back-pain 2.1.0"), out)
        code, out, err = run(["check", "--rules", path])  # as the other commands take it
        self.assertEqual((code, err), (0, ""))
        self.assertTrue(out.startswith(f"{path}: ok: back-pain 2.1.0"), out)


def real_rules():
    with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")) as f:
        return f.read()


def place_of(text, needle, occurrence=0):
    """(line, column) of the start of `needle` in `text`, 1-based."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


class StrictCheck(unittest.TestCase):
    """What a clinician's edit of the real rule file can get wrong: each is an error at the
    place, with the word meant, and the file is invalid."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        # The overlays the rule file lists, beside it: `check` reads each.
        rules = os.path.join(SOURCE_DIR, "rules")
        for name in os.listdir(rules):
            if name.endswith(".yaml") and name != "back-pain.yaml":
                shutil.copy(os.path.join(rules, name), self.tmp)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def check(self, text):
        path = os.path.join(self.tmp, "edited.yaml")
        with open(path, "w") as f:
            f.write(text)
        code, out, err = run(["check", path])
        return code, out, [line[len(path) + 1:] for line in err.splitlines()
                           if line.startswith(path + ":")], path

    def misspell(self, old, new, expected_message, occurrence=0):
        text = real_rules()
        line, column = place_of(text, old, occurrence)
        column += len(old) - len(old.lstrip())
        at = text.index(old)
        for _ in range(occurrence):
            at = text.index(old, at + 1)
        text = text[:at] + new + text[at + len(old):]
        code, out, lines, path = self.check(text)
        self.assertEqual(code, 65, lines)
        value_column = column + new.strip().index(":") + 2
        self.assertIn(f"{line}:{value_column}: error: {expected_message}", lines)
        self.assertTrue(out.startswith(f"{path}: invalid:"), out)

    def test_each_misspelt_enumeration_is_an_error_with_the_word_meant(self):
        cases = [
            ("        kind: stretch\n", "        kind: strech\n",
             "unknown exercise kind 'strech' (did you mean 'stretch'?) (expected stretch or "
             "strengthening)"),
            ("        region: lower\n", "        region: lowr\n",
             "unknown region 'lowr' (did you mean 'lower'?) (expected lower, upper or both)"),
            ("        level: emergency\n", "        level: emergncy\n",
             "unknown level 'emergncy' (did you mean 'emergency'?) (expected ambulance, "
             "emergency, urgent, soon, doctor or self_care)"),
            ("    unsure: emergency\n", "    unsure: emergency_departmnet\n",
             "unknown level 'emergency_departmnet' (expected ambulance, emergency, urgent, soon, "
             "doctor or self_care)"),
            ("        cds: critical\n", "        cds: critcal\n",
             "unknown CDS indicator 'critcal' (did you mean 'critical'?) (expected info, warning "
             "or critical)"),
            ("        color: green\n", "        color: gren\n",
             "unknown colour 'gren' (did you mean 'green'?) (expected red, yellow, green, blue, "
             "cyan, magenta or none)"),
            ("          view: side\n", "          view: sde\n",
             "unknown view 'sde' (did you mean 'side'?) (expected side, top or front)"),
        ]
        for old, new, message in cases:
            with self.subTest(new.strip()):
                self.misspell(old, new, message)

    def test_a_misspelt_type_and_prop(self):
        text = real_rules().replace("    type: ranked\n", "    type: rankd\n", 1)
        code, _, lines, _ = self.check(text)
        self.assertEqual(code, 65)
        self.assertTrue(any("unknown fact type 'rankd' (did you mean 'ranked'?)" in l
                            for l in lines), lines)
        text = real_rules().replace("{kind: mat}", "{kind: matt}", 1)
        code, _, lines, _ = self.check(text)
        self.assertEqual(code, 65)
        self.assertTrue(any("unknown prop kind 'matt' (did you mean 'mat'?)" in l
                            for l in lines), lines)

    def test_moving_one_threshold_of_two_is_an_error_reported_once_with_the_smallest_example(self):
        text = real_rules().replace("{duration_weeks: {ge: 12}}", "{duration_weeks: {ge: 6}}")
        code, out, lines, path = self.check(text)
        self.assertEqual(code, 65)
        line, _ = place_of(text, "  - id: duration-chronic")
        self.assertEqual(lines, [
            f"{line}:5: error: rules 'duration-acute' and 'duration-chronic' both fire and give "
            "'duration' different values ('acute' and 'chronic'), for example with "
            "--duration-weeks 6"])
        self.assertEqual(out, f"{path}: invalid: 1 error\n")

    def test_a_red_flag_no_rule_reads_is_an_error(self):
        text = real_rules().replace("    when: {weight_loss: {in: [yes, unsure]}}",
                                    "    when: {back_lump: {in: [yes, unsure]}}")
        code, _, lines, _ = self.check(text)
        self.assertEqual(code, 65)
        line, _ = place_of(text, "  - id: weight_loss\n")
        self.assertIn(f"{line}:5: error: red flag 'weight_loss' is read by no rule, so it would "
                      "never be asked and never change the level", lines)

    def test_a_red_flag_whose_yes_does_not_reach_its_step_is_an_error(self):
        # The rule for a fever now only lists it, and no longer raises the level.
        text = real_rules().replace("    then: {red_flag: fever, level: urgent}",
                                    "    then: {red_flag: fever}")
        code, _, lines, _ = self.check(text)
        self.assertEqual(code, 65)
        line, _ = place_of(text, "  - id: fever\n")
        self.assertIn(f"{line}:5: error: red flag 'fever' answered yes does not by itself put "
                      "the level at 'urgent' or above, whatever else is answered", lines)

    def test_an_implausible_figure_is_an_error(self):
        text = real_rules().replace("r_knee: [", "r_knee: [1", 1)
        code, _, lines, _ = self.check(text)
        self.assertEqual(code, 65)
        self.assertTrue(any("implausible start pose:" in l for l in lines), lines)

    def test_a_figure_seen_from_above_without_a_caption_is_an_error(self):
        text = real_rules().replace("  - {id: top, label: Seen from above}\n", "")
        code, _, lines, _ = self.check(text)
        self.assertEqual(code, 65)
        # Every figure seen from above, at its `view`, and none seen from the side or front.
        places = [place_of(text, "view: top", n) for n in range(text.count("view: top"))]
        self.assertGreaterEqual(len(places), 3)
        self.assertEqual(lines, [
            f"{line}:{column + 6}: error: a figure seen from 'top' needs a caption: give "
            "'views' an entry {id: top, label: ...}" for line, column in places])

    def test_a_view_that_is_not_one_is_an_error(self):
        self.misspell("  - {id: front, label:", "  - {id: frnt, label:",
                      "unknown view 'frnt' (did you mean 'front'?) (expected side, top or front)")


if __name__ == "__main__":
    main()
