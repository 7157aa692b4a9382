"""Terminal manners: --help and --version; the text report, --explain and --help wrapped to
the terminal's width (from the pty's size, or COLUMNS), between words, and to 80 columns
into a pipe; colour only where it belongs: on a terminal unless NO_COLOR is set or TERM is
dumb, and as --color auto|always|never says. stdout is a real pseudo-terminal here; every
read has a timeout (see test_interactive.run_on_terminal)."""
import json
import os
import re
import subprocess
import tempfile
import time
import unittest

from harness import CALM, SOURCE_DIR, main, run
from test_interactive import drain, environment, open_terminal, run_on_terminal, too_long, words
from harness import BINARY

ESC = "\x1b["
SUBCOMMANDS = ["batch", "questions", "check", "test", "diff", "completion"]

# A long self-care report: both routines, every section.
LONG = ["--no-input", "--no-red-flags", "--duration-weeks", "2", "--sensation", "dull",
        "--spread", "one-spot", "--region", "both", "--age", "40", "--daily-life", "no"]


def headline(args):
    """The text report's first line for these answers: its level's label in capitals."""
    code, out, err = run(["--json", "--no-input"] + list(args))
    assert code == 0, err
    return json.loads(out)["level_label"].upper()


class Help(unittest.TestCase):
    def test_version(self):
        with open(os.path.join(SOURCE_DIR, "CMakeLists.txt"), encoding="utf-8") as f:
            version = re.search(r"project\(backtriage VERSION ([0-9.]+)", f.read()).group(1)
        self.assertEqual(run(["--version"]), (0, f"backtriage {version}\n", ""))

    def test_help_names_every_command_and_gives_examples_and_exit_codes(self):
        code, out, err = run(["--help"])
        self.assertEqual((code, err), (0, ""))
        commands = out.split("Subcommands:")[1].split("Examples:")[0]
        self.assertEqual(re.findall(r"^  (\w+)", commands, flags=re.M), SUBCOMMANDS)
        examples = " ".join(out.split("Examples:")[1].split())
        for sub in ["batch", "questions", "check", "test", "diff"]:
            self.assertIn("backtriage " + sub, examples)
        for code_and_meaning in ["0 triage produced (any level)", "2 usage error",
                                 "65 bad data", "66 unreadable input", "70 internal error",
                                 "74 output failed", "130 interrupted"]:
            self.assertIn(code_and_meaning, examples)
        self.assertIn("Not medical advice", out)

    def test_each_command_has_its_own_help_with_an_example(self):
        for sub in SUBCOMMANDS:
            with self.subTest(sub):
                code, out, err = run([sub, "--help"])
                self.assertEqual((code, err), (0, ""))
                self.assertRegex(out, r"Examples?:\n  (source <\()?backtriage " + sub)
                # The usage line is what a person types, program name included.
                self.assertIn(f"Usage: backtriage {sub}", out)

    def test_usage_lines_show_what_must_be_typed(self):
        # Required arguments bare, optional ones in brackets, each by what it takes.
        for sub, usage in [("diff", "diff [OPTIONS] OLD NEW"),
                           ("check", "check [OPTIONS] [FILE...]"),
                           ("test", "test [OPTIONS] [FILE...]"),
                           ("completion", "completion [OPTIONS] bash|zsh|fish")]:
            with self.subTest(sub):
                code, out, _ = run([sub, "--help"])
                self.assertIn(f"Usage: backtriage {usage}\n", out)


class Width(unittest.TestCase):
    """No line longer than the width, and every line break between two words: the words of
    each rendering, in order, are those of a 200-column rendering."""

    def assertFits(self, text, reference, width):
        self.assertEqual(too_long(text, width), [])
        self.assertEqual(words(text), words(reference))

    def test_the_text_report_on_a_terminal_of_60_and_100_columns(self):
        for rows in [0, 30]:  # 30 rows: shorter than the report (which then recaps the advice)
            wide = run_on_terminal(LONG + ["--no-pager"], rows=rows, columns=200)[1]
            for columns in [60, 100]:
                with self.subTest(rows=rows, columns=columns):
                    code, out, err = run_on_terminal(LONG + ["--no-pager"], rows=rows,
                                                     columns=columns)
                    self.assertEqual((code, err), (0, ""))
                    self.assertFits(out, wide, columns)
                    self.assertTrue(too_long(out, columns - 8))  # the width is used

    def test_questions_on_a_terminal_of_60_and_100_columns(self):
        wide = run_on_terminal(["questions"], columns=200)[1]
        for columns in [60, 100]:
            with self.subTest(columns=columns):
                code, out, err = run_on_terminal(["questions"], columns=columns)
                self.assertEqual((code, err), (0, ""))
                self.assertFits(out, wide, columns)
                self.assertTrue(too_long(out, columns - 8))  # the width is used

    def test_explain_on_a_terminal_of_60_and_100_columns_and_on_a_pipe(self):
        for region in ["lower", "both"]:
            args = [a if a != "both" else region for a in LONG] + ["--explain", "--no-pager"]
            wide = run_on_terminal(args, columns=200)[1]
            for columns in [60, 100]:
                with self.subTest(region=region, columns=columns):
                    code, out, err = run_on_terminal(args, columns=columns)
                    self.assertEqual((code, err), (0, ""))
                    self.assertFits(out, wide, columns)
            with self.subTest(region=region, columns="pipe"):
                code, out, err = run(args)
                self.assertEqual((code, err), (0, ""))
                self.assertFits(out, wide, 80)

    def test_into_a_pipe_the_report_wraps_at_80(self):
        wide = run_on_terminal(LONG, columns=200)[1]
        code, out, err = run(LONG)
        self.assertEqual((code, err), (0, ""))
        self.assertFits(out, wide, 80)
        self.assertTrue(too_long(out, 72))

    def test_COLUMNS_wins_over_the_terminals_size(self):
        wide = run_on_terminal(LONG + ["--no-pager"], columns=200)[1]
        code, out, err = run_on_terminal(LONG + ["--no-pager"], env={"COLUMNS": "60"},
                                         columns=100)
        self.assertEqual((code, err), (0, ""))
        self.assertFits(out, wide, 60)
        code, out, err = run_on_terminal(LONG + ["--no-pager"], env={"COLUMNS": "100"},
                                         columns=60)
        self.assertFits(out, wide, 100)
        self.assertTrue(too_long(out, 60))

    def test_help_wraps_to_the_terminal_and_to_COLUMNS(self):
        for args in [["--help"]] + [[sub, "--help"] for sub in SUBCOMMANDS]:
            wide = run_on_terminal(args, columns=200)[1]
            for env, columns, width in [({}, 60, 60), ({}, 100, 100),
                                        ({"COLUMNS": "60"}, 100, 60)]:
                with self.subTest(args=args, env=env, columns=columns):
                    code, out, err = run_on_terminal(args, env=env, columns=columns)
                    self.assertEqual((code, err), (0, ""))
                    # Example commands stay whole on one line, so that they paste; all
                    # else fits the width.
                    examples = [line for line in out.split("\n")
                                if line.startswith("  backtriage ")]
                    prose = "\n".join(line for line in out.split("\n")
                                      if not line.startswith("  backtriage "))
                    self.assertEqual(too_long(prose, width), [])
                    self.assertEqual(words(out), words(wide))
                    for example in examples:
                        self.assertIn(example + "\n", wide)

    def test_every_help_example_is_one_line_that_pastes(self):
        for args in [["--help"]] + [[sub, "--help"] for sub in SUBCOMMANDS]:
            out = run_on_terminal(args, columns=40)[1]
            lines = out.split("\n")
            for i, line in enumerate(lines):
                if line.startswith("  backtriage"):
                    # The next line is its description or another example, never the
                    # rest of this command.
                    following = lines[i + 1] if i + 1 < len(lines) else ""
                    self.assertFalse(following.startswith("      -"), (line, following))
                    self.assertEqual(line.count("'") % 2, 0, line)


class Colour(unittest.TestCase):
    def assertColour(self, env, args=(), expected=True):
        code, out, err = run_on_terminal(["--no-input"] + list(args) + CALM, env)
        self.assertEqual((code, err), (0, ""))
        self.assertIn(headline(CALM), out)
        (self.assertIn if expected else self.assertNotIn)(ESC, out)

    def test_a_terminal_gets_colour(self):
        self.assertColour({"TERM": "xterm"})
        self.assertColour({"TERM": "xterm", "NO_COLOR": ""})  # empty NO_COLOR does not count

    def test_no_color_turns_it_off(self):
        self.assertColour({"TERM": "xterm", "NO_COLOR": "1"}, expected=False)

    def test_a_dumb_terminal_gets_none(self):
        self.assertColour({"TERM": "dumb"}, expected=False)

    def test_color_never_and_always_win_over_the_terminal(self):
        self.assertColour({"TERM": "xterm"}, ["--color", "never"], expected=False)
        self.assertColour({"TERM": "dumb"}, ["--color", "always"])
        self.assertColour({"TERM": "xterm", "NO_COLOR": "1"}, ["--color", "always"])
        self.assertColour({"TERM": "xterm"}, ["--color", "auto"])

    def test_a_pipe_gets_none_unless_asked(self):
        for args, expected in [([], False), (["--color", "auto"], False),
                               (["--color", "always"], True)]:
            code, out, err = run(["--no-input"] + args + CALM, env={"TERM": "xterm"})
            self.assertEqual(code, 0, err)
            self.assertEqual(ESC in out, expected, args)

    def test_colour_never_changes_the_words_or_the_width(self):
        coloured = run_on_terminal(["--no-input", "--no-pager"] + LONG, columns=60)[1]
        self.assertIn(ESC, coloured)
        plain = run_on_terminal(["--no-input", "--no-pager", "--color", "never"] + LONG,
                                columns=60)[1]
        self.assertEqual(words(coloured), words(plain))
        self.assertEqual(too_long(coloured, 60), [])

    def test_json_is_never_coloured(self):
        code, out, err = run_on_terminal(["--json", "--no-input", "--color", "always"] + CALM,
                                         {"TERM": "xterm"})
        self.assertEqual(code, 0, err)
        self.assertNotIn(ESC, out)
        json.loads(out)

    def test_a_bad_color_value_is_a_usage_error(self):
        code, out, err = run(["--color", "sometimes"] + CALM)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("--color", err)
        self.assertIn("sometimes", err)
        self.assertIn("auto", err)


class OutputFile(unittest.TestCase):
    """-o FILE on a terminal says, in one line on stderr, where the output went."""

    def run_with_stderr_on_terminal(self, args):
        controller, terminal = open_terminal(24, 80)
        p = subprocess.Popen([BINARY] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=terminal, env=environment(), start_new_session=True)
        os.close(terminal)
        out, err = bytearray(), bytearray()
        try:
            drain({controller: err, p.stdout.fileno(): out}, time.monotonic() + 30)
            code = p.wait(timeout=30)
        finally:
            if p.poll() is None:
                p.kill()
            p.stdout.close()
            os.close(controller)
        return code, bytes(out).decode(), bytes(err).decode().replace("\r\n", "\n")

    def test_a_file_written_with_o_is_confirmed_on_a_terminal_and_only_there(self):
        with tempfile.TemporaryDirectory() as d:
            for args in [LONG + ["--format", "html"], ["questions", "--json"],
                         LONG + ["--json"]]:
                with self.subTest(args=args):
                    path = os.path.join(d, "out")
                    code, out, err = self.run_with_stderr_on_terminal(args + ["-o", path])
                    self.assertEqual((code, out), (0, ""))
                    self.assertEqual(err, f"backtriage: wrote {path}\n")
                    self.assertGreater(os.path.getsize(path), 0)
                    # Into a pipe (a script), nothing is said.
                    code, out, err = run(args + ["-o", path])
                    self.assertEqual((code, out, err), (0, "", ""))
            # Without -o, nothing to confirm.
            code, out, err = self.run_with_stderr_on_terminal(LONG + ["--json"])
            self.assertEqual((code, err), (0, ""))

    def test_a_handout_or_calendar_is_not_poured_onto_the_screen(self):
        # Said before any question is asked, with the way to write it instead.
        for fmt, how in [("html", "-o handout.html"), ("ics", "-o plan.ics")]:
            with self.subTest(fmt):
                code, out, err = run_on_terminal(["--format", fmt], rows=24, columns=80)
                self.assertEqual((code, out), (2, ""))
                self.assertIn(how, err)
                self.assertEqual(err.count("\n"), 1)
                # Into a pipe it is written as before.
                code, out, _ = run(LONG + ["--format", fmt])
                self.assertEqual(code, 0)
                self.assertTrue(out)


if __name__ == "__main__":
    main()
