"""Rule authoring from the command line: `backtriage test` runs case files and reports
each failure at file:line with expected and got, then "N passed, N failed" (exit 1 on a
failure); --coverage lists what no case reaches; `backtriage diff` says what an edit does
to patients, with exit statuses a CI can gate on."""
import os
import re
import shutil
import tempfile
import unittest

from harness import SOURCE_DIR, TempDirTest, main, run
from test_other_rules import KNEE

RULES = os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")
CASES = os.path.join(SOURCE_DIR, "rules", "tests", "back-pain.test.yaml")


def rules_text():
    with open(RULES) as f:
        return f.read()


class Test(TempDirTest):
    def test_the_shipped_cases_pass_with_full_coverage(self):
        code, out, err = run(["test", CASES, "--rules", RULES, "--coverage",
                              "--min-coverage", "100"])
        self.assertEqual((code, err), (0, ""), out)
        self.assertRegex(out, r"\n\d+ passed, 0 failed\n$")
        self.assertRegex(out, r"\n  overall +100\.0%\n")
        # A person with no warning sign and simple pain answers a median of 13 prompts, and
        # at most 18: a pregnancy adds its own (999 signs, born yet, weeks, maternity-unit
        # signs, same-day signs).
        prompts = re.search(r"median (\S+), at most (\d+)", out)
        self.assertLessEqual(float(prompts.group(1)), 13)
        self.assertLessEqual(int(prompts.group(2)), 18)

    def test_without_files_it_runs_the_cases_shipped_with_the_embedded_rules(self):
        code, out, err = run(["test"])
        self.assertEqual((code, err), (0, ""))
        with open(CASES) as f:
            count = len(re.findall(r"(?m)^- name: ", f.read()))
        self.assertEqual(out, f"{count} passed, 0 failed\n")

    def test_a_failing_case_says_where_what_was_expected_and_what_came(self):
        cases = self.write("cases.yaml", """\
- name: fever is urgent
  no_red_flags: true
  answers: {fever: yes}
  expect: {level: urgent, red_flags: [fever]}
- name: wrongly expected
  no_red_flags: true
  answers: {fever: yes}
  expect:
    level: soon
    routine: {has: [bird_dog]}
""")
        code, out, err = run(["test", cases])
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(out, f"{cases}:9:5: FAIL wrongly expected: level: expected soon, got "
                              f"urgent\n"
                              f"{cases}:10:5: FAIL wrongly expected: routine: expected bird_dog "
                              f"in it, got (none)\n"
                              "1 passed, 1 failed\n")

    def test_the_questions_the_interview_asks_in_order(self):
        cases = self.write("asks.yaml", """\
- name: stops at the first ambulance sign
  answers: {aortic_signs: yes}
  expect: {asks: [aortic_signs, spine_injury]}
""")
        code, out, _ = run(["test", cases])
        self.assertEqual(code, 1)
        self.assertIn("asks: expected aortic_signs, spine_injury, got aortic_signs\n", out)

    def test_a_bad_case_file_is_65_with_its_place(self):
        cases = self.write("bad.yaml", "- name: x\n  answers: {fevr: yes}\n  expect: {level: ok}\n")
        code, out, err = run(["test", cases])
        self.assertEqual(code, 65)
        self.assertIn(f"{cases}:2:13: error: unknown question 'fevr' (did you mean 'fever'?)",
                      err)
        self.assertIn(f"{cases}:3:19: error: unknown level 'ok'", err)
        code, _, err = run(["test", os.path.join(self.tmp, "missing.yaml")])
        self.assertEqual(code, 66)

    def test_coverage_of_a_rule_set_with_a_dead_rule(self):
        text = rules_text().replace(
            "rules:\n", "rules:\n  - id: dead\n    when: {all: [{age: {lt: 1}}, {age: {gt: 2}}]}\n"
                        "    then: {reason: child}\n    source: test\n", 1)
        rules = self.write("dead.yaml", text)
        code, out, err = run(["test", CASES, "--rules", rules, "--coverage", "--min-coverage",
                              "100"])
        self.assertEqual(code, 1, err)
        self.assertRegex(out, r"rules fired +\d+/\d+ +\d+\.\d%\n      never: dead \("
                              + re.escape(rules) + r":\d+:5\)\n")
        self.assertIn("is below the minimum of 100%", out)
        self.assertTrue(out.endswith(" passed, 0 failed\n"), out[-200:])


# A diff walks the whole answer space: a few seconds optimised, a minute or
# more in a sanitized build sharing the machine. The limit only guards
# against a hang; speed is measured in tests/bench.
HANG = 900


def diff_examples(out):
    """Each "for example" of a diff's output, its wrapped lines joined: {id: value}."""
    found = []
    for block in re.findall(r"^      for example (.*\n(?:        \S.*\n)*)", out, flags=re.M):
        words = block.split()
        if words[:4] == ["with", "no", "answers", "at"]:
            found.append({})
            continue
        for word in words:
            if "=" not in word:
                raise AssertionError(f"an example broken inside an answer: {word!r} in {block!r}")
        found.append(dict(word.split("=", 1) for word in words))
    return found


class Diff(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edited(self, old, new):
        text = rules_text()
        self.assertIn(old, text)
        path = os.path.join(self.tmp, "edited.yaml")
        with open(path, "w") as f:
            f.write(text.replace(old, new))
        return path

    def test_a_reworded_prompt_is_no_change_and_exit_0(self):
        # Words are not behaviour whatever the file's size, so a small file shows it; the
        # default rules' whole answer space is walked against itself by rule_diff_test.
        old_path = os.path.join(self.tmp, "knee.yaml")
        new_path = os.path.join(self.tmp, "knee-reworded.yaml")
        prompt = "prompt: Is your knee stuck so that you cannot straighten it?"
        self.assertIn(prompt, KNEE)
        for path, text in ((old_path, KNEE), (new_path, KNEE.replace(
                prompt, "prompt: Does your knee lock so that it will not straighten?"))):
            with open(path, "w") as f:
                f.write(text)
        code, out, err = run(["diff", old_path, new_path], timeout=HANG)
        self.assertEqual((code, err), (0, ""))
        self.assertIn("0 of ", out)
        self.assertIn("counted exactly", out)
        self.assertTrue(out.endswith("No change.\n"))

    def test_a_moved_threshold_counts_the_cases_it_moves(self):
        path = self.edited("{duration_weeks: {ge: 12}}", "{duration_weeks: {ge: 10}}").replace("", "")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace("{duration_weeks: {lt: 12}}", "{duration_weeks: {lt: 10}}"))
        code, out, err = run(["diff", RULES, path], timeout=HANG)
        self.assertEqual(code, 1, err)  # changes, none less urgent
        self.assertIn("counted exactly", out)
        self.assertIn("  self_care -> doctor: ", out)
        self.assertIn("duration_weeks=10", out)
        self.assertNotIn("LESS URGENT", out)

    def test_a_removed_red_flag_is_less_urgent_and_fails_the_gate(self):
        path = self.edited("    then: {red_flag: fever, level: urgent}",
                           "    then: {red_flag: fever}")
        code, out, err = run(["diff", RULES, path], timeout=HANG)
        self.assertEqual(code, 3, err)
        self.assertIn("LESS URGENT than before:\n  urgent -> ", out)
        examples = diff_examples(out)
        self.assertEqual(examples[0].get("fever"), "yes")
        # Into a pipe it wraps at 80 columns, between answers (one walk serves both: a walk
        # of the whole answer space is most of the sanitized suite's time).
        self.assertEqual([line for line in out.splitlines() if len(line) > 80], [])
        self.assertEqual(len(examples), out.count("for example"))
        # A long example, whole: every red flag answered, and more.
        longest = max(examples, key=len)
        self.assertGreater(len(longest), 14)
        self.assertLessEqual({"aortic_signs", "back_lump", "duration_weeks"}, set(longest))

    def test_only_the_given_cases(self):
        path = self.edited("    then: {red_flag: fever, level: urgent}",
                           "    then: {red_flag: fever}")
        cases = os.path.join(self.tmp, "cases.jsonl")
        with open(cases, "w") as f:
            f.write('{"id": "a", "fever": true, "duration_weeks": 2}\n'
                    '{"id": "b", "fever": false}\n')
        code, out, _ = run(["diff", RULES, path, "--cases", cases])
        self.assertEqual(code, 3, out)
        self.assertIn("1 of 2 cases change.", out)
        # Other red flags unanswered: a doctor today becomes "not enough answers".
        self.assertIn("LESS URGENT than before:\n  urgent -> incomplete: 1\n", out)
        self.assertIn("case=a", out)

    def test_diff_cases_and_test_read_a_case_file_alike(self):
        # One reader: `no_red_flags: true` counts in both, so the cases `test` fails after
        # an edit are the cases `diff --cases` says change.
        path = self.edited("{duration_weeks: {ge: 4}}", "{duration_weeks: {ge: 8}}")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace("{duration_weeks: {ge: 4}}", "{duration_weeks: {ge: 8}}"))
        cases = os.path.join(SOURCE_DIR, "rules", "tests", "back-pain.test.yaml")
        code, out, _ = run(["test", cases, "--rules", path])
        self.assertEqual(code, 1)
        failed = {line.split(": FAIL ", 1)[1].split(":")[0] for line in out.splitlines()
                  if ": FAIL " in line}
        code, out, err = run(["diff", RULES, path, "--cases", cases])
        self.assertEqual(code, 3, err)
        self.assertEqual(len(failed), 2)
        self.assertIn(f"{len(failed)} of ", out)
        self.assertIn("case=seven weeks without improving is a routine appointment",
                      " ".join(out.split()))

    def test_a_broken_or_missing_rule_file(self):
        broken = os.path.join(self.tmp, "broken.yaml")
        with open(broken, "w") as f:
            f.write("id: [\n")
        code, _, err = run(["diff", RULES, broken])
        self.assertEqual(code, 65)
        self.assertIn(f"backtriage: {broken}:", err)
        code, _, err = run(["diff", RULES, os.path.join(self.tmp, "none.yaml")])
        self.assertEqual(code, 66)


if __name__ == "__main__":
    main()
