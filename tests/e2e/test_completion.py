"""`backtriage completion bash|zsh|fish`: the scripts parse, and the bash one
completes what the parser accepts, answer values from the rule set included.
Completion is simulated the way bash calls it: COMP_WORDS and COMP_CWORD set,
the function run, COMPREPLY read back. The installed file is the build's
own `completion bash` output."""
import os
import shutil
import subprocess
import tempfile
import unittest

from harness import BINARY, SOURCE_DIR, main, run


def script(shell, *extra):
    code, out, err = run(["completion", shell] + list(extra))
    if code != 0:
        raise AssertionError(f"completion {shell}: exit {code}: {err}")
    return out


class BashCompletion(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="backtriage-completion-")
        cls.script = os.path.join(cls.work, "backtriage.bash")
        with open(cls.script, "w", encoding="utf-8") as f:
            f.write(script("bash"))
        open(os.path.join(cls.work, "cases.jsonl"), "w").close()
        open(os.path.join(cls.work, "two words.yaml"), "w").close()
        os.mkdir(os.path.join(cls.work, "rules.d"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work)

    def complete(self, *words, script=None):
        """What bash offers for the command line `words`, the last one being
        the word under the cursor."""
        array = " ".join("'" + w.replace("'", "'\\''") + "'" for w in ("backtriage",) + words)
        program = (f'source "$1" || exit 99; COMP_WORDS=({array}); '
                   f'COMP_CWORD={len(words)}; COMP_LINE="${{COMP_WORDS[*]}}"; '
                   '_backtriage; printf "%s\\n" "${COMPREPLY[@]}"')
        p = subprocess.run(["bash", "--norc", "-c", program, "bash", script or self.script],
                           cwd=self.work, capture_output=True, text=True, timeout=30)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, "")
        return [line for line in p.stdout.splitlines() if line]

    def test_the_script_is_valid_bash_and_registers_the_function(self):
        p = subprocess.run(["bash", "-n", self.script], capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stderr), (0, ""))
        p = subprocess.run(["bash", "--norc", "-c", 'source "$1"; complete -p backtriage', "bash",
                            self.script], capture_output=True, text=True)
        self.assertEqual(p.stdout.strip(), "complete -F _backtriage backtriage")

    def test_choice_answers_complete_their_values(self):
        self.assertEqual(self.complete("--sensation", ""),
                         ["electric", "sharp", "dull", "achy", "tingling"])
        self.assertEqual(self.complete("--no-input", "--spread", "s"), ["spreads"])
        self.assertEqual(self.complete("--region", ""), ["lower", "upper", "both"])

    def test_bool_answers_complete_yes_and_no(self):
        self.assertEqual(self.complete("--fever", ""), ["yes", "no", "unsure"])
        self.assertEqual(self.complete("--improving", ""), ["yes", "no"])
        self.assertEqual(self.complete("--below-knee", "y"), ["yes"])

    def test_flag_equals_value_completes_the_value(self):
        # bash splits "--region=lo" at '=' (COMP_WORDBREAKS).
        self.assertEqual(self.complete("--region", "=", ""), ["lower", "upper", "both"])
        self.assertEqual(self.complete("--region", "=", "u"), ["upper"])

    def test_options_and_subcommands(self):
        self.assertEqual(self.complete("--sens"), ["--sensation"])
        self.assertEqual(self.complete("--no-"), ["--no-input", "--no-pager", "--no-red-flags"])
        self.assertEqual(self.complete("--format", ""), ["text", "json", "cds-hooks", "html", "ics"])
        self.assertEqual(self.complete(""), ["batch", "questions", "check", "test", "diff",
                                             "completion"])
        self.assertEqual(self.complete("--color", "a"), ["auto", "always"])
        self.assertEqual(self.complete("--json", "--fe"), ["--fever"])

    def test_numbers_offer_nothing(self):
        self.assertEqual(self.complete("--duration-weeks", ""), [])
        self.assertEqual(self.complete("batch", "--jobs", ""), [])

    def test_subcommands_complete_their_own_options(self):
        batch = self.complete("batch", "--")
        self.assertIn("--input", batch)
        self.assertIn("--jobs", batch)
        self.assertNotIn("--fever", batch)
        self.assertEqual(self.complete("completion", ""), ["bash", "zsh", "fish"])
        self.assertEqual(self.complete("check", "--c"), ["--color"])

    def test_files_complete_where_a_file_is_expected(self):
        self.assertEqual(self.complete("batch", "--input", "ca"), ["cases.jsonl"])
        self.assertEqual(self.complete("check", "rul"), ["rules.d"])
        self.assertEqual(self.complete("--answers", "cas"), ["cases.jsonl"])
        self.assertEqual(self.complete("--rules", "two"), ["two words.yaml"])

    def test_another_rule_set_brings_its_own_values(self):
        with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
            rules = f.read()
        burning = "      - {id: burning, label: burning}\n    prompt: Which of these"
        changed = rules.replace("\n    prompt: Which of these", "\n" + burning, 1)
        self.assertNotEqual(changed, rules)
        path = os.path.join(self.work, "other.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(changed.replace("version: 2.1.0", "version: 9.9.9", 1))
        other = os.path.join(self.work, "other.bash")
        with open(other, "w", encoding="utf-8") as f:
            f.write(script("bash", "--rules", path))
        with open(other, encoding="utf-8") as f:
            self.assertIn("back-pain 9.9.9 rule set", f.read())
        self.assertEqual(self.complete("--sensation", "", script=other),
                         ["electric", "sharp", "dull", "achy", "tingling", "burning"])

    def test_the_built_completion_file_is_the_commands_output(self):
        built = os.path.join(os.path.dirname(BINARY), "completions", "backtriage")
        if not os.path.exists(built):
            self.skipTest("no build tree beside the binary")
        with open(built, encoding="utf-8") as f:
            self.assertEqual(f.read(), script("bash"))


class OtherShells(unittest.TestCase):
    def test_zsh_script_parses(self):
        text = script("zsh")
        self.assertIn("bashcompinit", text)
        # Fast at every shell start: compinit only where nothing has run it.
        self.assertIn("(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }",
                      text)
        self.assertNotIn("\nautoload -U +X compinit", text)
        self.assertIn("--sensation) _backtriage_words 'electric sharp dull achy tingling'", text)
        if not shutil.which("zsh"):
            self.skipTest("zsh is not installed")
        p = subprocess.run(["zsh", "-n"], input=text, capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stderr), (0, ""))

    def test_fish_script_completes_answer_values(self):
        text = script("fish")
        self.assertIn(" -l sensation -x -a 'electric sharp dull achy tingling' ", text)
        self.assertIn(" -l fever -x -a 'yes no unsure' ", text)
        self.assertIn(" -s j -l jobs -x ", text)
        if not shutil.which("fish"):
            self.skipTest("fish is not installed")
        p = subprocess.run(["fish", "--no-execute"], input=text, capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stderr), (0, ""))

    def test_a_locale_changes_the_descriptions_never_the_values(self):
        """The flags take the rule set's ids in every locale (`--sensation sordo` is an
        error, `sordo` is the interview's word), so the values completed are the same; what
        --locale changes is the answer flags' descriptions, which fish shows."""
        for shell in ("bash", "zsh"):
            self.assertEqual(script(shell, "--locale", "es"), script(shell), shell)
        english, spanish = script("fish"), script("fish", "--locale", "es")
        values = " -l sensation -x -a 'electric sharp dull achy tingling' -d "
        self.assertIn(values + "'Which of these best describes how the pain feels?'\n", english)
        self.assertIn(values + "'¿Cuál de estas describe mejor cómo es el dolor?'\n", spanish)
        self.assertIn(" -l fever -x -a 'yes no unsure' -d 'Fiebre", spanish)
        code, _, err = run(["--locale", "es", "--no-input", "--sensation", "sordo"])
        self.assertEqual(code, 2, err)
        # And completion's own --help says so.
        code, out, err = run(["completion", "--help"])
        self.assertEqual(code, 0, err)
        self.assertIn("The language of the answer flags' descriptions, which fish shows",
                      " ".join(out.split()))

    def test_fish_cuts_a_long_description_between_characters(self):
        """fish shows 67 bytes and "..." of a description over 70: never half of a "ñ"."""
        with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
            rules = f.read()
        prompt = "a" * 66 + "ñ" + "b" * 10  # the ñ is bytes 66 and 67
        changed = rules.replace("\n    prompt: Which of these best describes how the pain feels?",
                                "\n    prompt: " + prompt, 1)
        self.assertNotEqual(changed, rules)
        with tempfile.TemporaryDirectory() as work:
            path = os.path.join(work, "other.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(changed)
            p = subprocess.run([BINARY, "completion", "fish", "--rules", path],
                               capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b" -l sensation -x -a 'electric sharp dull achy tingling' -d '"
                      + b"a" * 66 + b"...'\n", p.stdout)
        p.stdout.decode("utf-8")  # strict: no broken character anywhere

    def test_an_unknown_shell_is_a_usage_error(self):
        code, out, err = run(["completion", "ksh"])
        self.assertEqual((code, out), (2, ""))
        self.assertEqual("backtriage: completion: 'ksh' is not a shell it knows (did you mean 'zsh'?): "
                         "use bash, zsh or fish; run 'backtriage completion --help'\n", err)
        code, _, err = run(["completion"])
        self.assertEqual(code, 2)
        self.assertEqual("backtriage: completion needs the shell to complete for: bash, zsh or "
                         "fish; run 'backtriage completion --help'\n", err)


if __name__ == "__main__":
    main()
