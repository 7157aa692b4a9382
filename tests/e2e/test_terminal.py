"""Terminal manners: --help and --version, and colour only where it belongs:
on a terminal (a real pty here) unless NO_COLOR is set or TERM is dumb, and
as --color auto|always|never says."""
import os
import pty
import re
import subprocess
import unittest

from harness import BINARY, CALM, SOURCE_DIR, main, run

ESC = "\x1b["
SUBCOMMANDS = ["batch", "questions", "check", "completion"]


def run_on_terminal(args, env):
    """Runs backtriage with stdout on a pseudo-terminal; returns (code, output)."""
    controller, terminal = pty.openpty()
    full_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    full_env.update(env)
    p = subprocess.Popen([BINARY] + list(args), stdin=subprocess.DEVNULL, stdout=terminal,
                         stderr=subprocess.PIPE, env=full_env)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    p.stderr.read()
    p.stderr.close()
    return p.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


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
        examples = out.split("Examples:")[1]
        for sub in SUBCOMMANDS:
            self.assertIn("backtriage " + sub, examples)
        self.assertIn("--format cds-hooks", examples)
        self.assertIn("0 triage produced (any level), 2 usage error, 65 bad data", out)
        self.assertIn("Not medical advice", out)

    def test_each_command_has_its_own_help_with_an_example(self):
        for sub in SUBCOMMANDS:
            with self.subTest(sub):
                code, out, err = run([sub, "--help"])
                self.assertEqual((code, err), (0, ""))
                self.assertIn(f"Usage: backtriage {sub}", out)
                self.assertRegex(out, r"Examples?:\n  (source <\()?backtriage " + sub)


class Colour(unittest.TestCase):
    def assertColour(self, env, args=(), expected=True):
        code, out = run_on_terminal(["--no-input"] + list(args) + CALM, env)
        self.assertEqual(code, 0, out)
        self.assertIn("TRIAGE: SELF CARE", out)
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

    def test_a_pipe_gets_none_unless_asked(self):
        for args, expected in [([], False), (["--color", "auto"], False),
                               (["--color", "always"], True)]:
            code, out, err = run(["--no-input"] + args + CALM, env={"TERM": "xterm"})
            self.assertEqual(code, 0, err)
            self.assertEqual(ESC in out, expected, args)

    def test_json_is_never_coloured(self):
        code, out = run_on_terminal(["--json", "--no-input", "--color", "always"] + CALM,
                                    {"TERM": "xterm"})
        self.assertEqual(code, 0)
        self.assertNotIn(ESC, out)

    def test_a_bad_color_value_is_a_usage_error(self):
        code, out, err = run(["--color", "sometimes"] + CALM)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("--color: sometimes not in {auto,always,never}", err)


if __name__ == "__main__":
    main()
