"""Interactive mode through a real pseudo-terminal: stdin is a terminal, stdout and stderr
are pipes, so prompts (stderr) and the report (stdout) can be told apart. Every read has a
timeout, so a hang fails the test instead of blocking it."""
import fcntl
import json
import os
import pty
import re
import select
import signal
import subprocess
import termios
import time
import unittest

from harness import BINARY, main, run

RED_FLAGS = ["bladder_bowel", "saddle_numbness", "leg_weakness", "spine_injury", "fever",
             "cancer_history"]
PROMPT = b"(? for why) > "
TIMEOUT = 20  # seconds for any one read: generous, only a hang should reach it


def question_ids_by_prompt():
    code, out, err = run(["questions", "--json"])
    assert code == 0, err
    return {q["prompt"]: q["id"] for q in json.loads(out)}


PROMPTS = question_ids_by_prompt()


def take_terminal():
    # The child is a session leader (start_new_session); make the pty its controlling
    # terminal so that Ctrl-C typed there sends it SIGINT, as in a real terminal.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    """backtriage with stdin on a pseudo-terminal and stdout, stderr on pipes."""

    def __init__(self, args):
        self.controller, terminal = pty.openpty()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
               "TERM": "xterm"}
        self.process = subprocess.Popen([BINARY] + list(args), stdin=terminal,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                        start_new_session=True, preexec_fn=take_terminal)
        os.close(terminal)
        self.out = b""
        self.err = b""
        self.seen = 0  # how much of stderr earlier expect() calls consumed
        self.open = {self.process.stdout.fileno(): "out", self.process.stderr.fileno(): "err"}

    def pump(self, deadline):
        """Reads whatever is ready; False once the deadline passed or the pipes closed."""
        fds = list(self.open) + [self.controller]
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not self.open:
            return False
        ready, _, _ = select.select(fds, [], [], remaining)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal's other side closed
                chunk = b""
            if fd == self.controller:
                continue  # the terminal's echo of what we typed
            if not chunk:
                del self.open[fd]
            elif self.open[fd] == "out":
                self.out += chunk
            else:
                self.err += chunk
        return True

    def expect(self, text):
        """Waits until `text` appears on stderr after what was already consumed."""
        deadline = time.monotonic() + TIMEOUT
        while text not in self.err[self.seen:]:
            if not self.pump(deadline):
                self.kill()
                raise AssertionError(f"waited for {text!r}; stderr was:\n"
                                     f"{self.err.decode(errors='replace')}")
        self.seen = self.err.index(text, self.seen) + len(text)

    def type(self, text):
        """Waits for the next prompt and answers it."""
        self.expect(PROMPT)
        os.write(self.controller, text.encode() + b"\n")

    def control(self, key):
        """Waits for the next prompt and types a control key (b"\\x04" Ctrl-D, b"\\x03" Ctrl-C)."""
        self.expect(PROMPT)
        os.write(self.controller, key)

    def finish(self):
        """Waits for exit; returns (code, stdout, stderr) as text."""
        deadline = time.monotonic() + TIMEOUT
        while self.open:
            if not self.pump(deadline):
                self.kill()
                raise AssertionError("backtriage did not finish; stderr was:\n"
                                     + self.err.decode(errors="replace"))
        try:
            code = self.process.wait(timeout=TIMEOUT)
        finally:
            self.kill()
        return code, self.out.decode(), self.err.decode()

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()
        try:
            os.close(self.controller)
        except OSError:
            pass


def asked(err):
    """The ids of the questions asked, in order, from the numbered prompts on stderr."""
    ids = []
    for number, prompt in re.findall(r"(?m)^(\d+)\. (.*)$", err):
        assert int(number) == len(ids) + 1, (number, ids)
        ids.append(PROMPTS[prompt])
    return ids


def interview(args, answers):
    """Answers each prompt in turn; returns (code, stdout, stderr)."""
    session = Session(args)
    for answer in answers:
        session.type(answer)
    return session.finish()


class Order(unittest.TestCase):
    def test_red_flags_first_in_file_order_then_only_what_matters(self):
        code, out, err = interview([], ["no"] * 6 + ["2", "dull", "one_spot", "lower"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err),
                         RED_FLAGS + ["duration_weeks", "sensation", "spread", "region"])
        self.assertIn("TRIAGE: SELF CARE", out)
        self.assertNotIn(PROMPT.decode(), out)

    def test_below_knee_is_asked_when_the_pain_spreads(self):
        code, out, err = interview(["--json", "--no-red-flags"],
                                   ["2", "dull", "spreads", "yes", "lower"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err),
                         ["duration_weeks", "sensation", "spread", "below_knee", "region"])
        report = json.loads(out)
        self.assertEqual(report["classification"]["pain_type"], "radicular")
        self.assertIs(report["answers"]["below_knee"], True)

    def test_neither_spread_nor_below_knee_once_electric_pain_is_radicular(self):
        code, out, err = interview(["--json", "--no-red-flags"], ["2", "electric", "upper"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err), ["duration_weeks", "sensation", "region"])
        report = json.loads(out)
        self.assertEqual(report["classification"],
                         {"duration": "acute", "pain_type": "radicular", "region": "upper"})
        self.assertEqual(report["unanswered"], [])

    def test_what_a_flag_answered_is_not_asked(self):
        code, out, err = interview(["--json", "--fever", "no", "--leg-weakness", "n",
                                    "--duration-weeks", "20", "--spread", "one_spot"],
                                   ["no", "no", "no", "no", "sharp", "both"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err), ["bladder_bowel", "saddle_numbness", "spine_injury",
                                      "cancer_history", "sensation", "region"])
        self.assertEqual(json.loads(out)["level"], "doctor")

    def test_nothing_is_asked_when_the_flags_answer_everything(self):
        code, out, err = interview(["--no-red-flags", "--duration-weeks", "2", "--sensation",
                                    "dull", "--spread", "one_spot", "--region", "lower"], [])
        self.assertEqual((code, err), (0, ""))
        self.assertIn("TRIAGE: SELF CARE", out)


class EarlyStop(unittest.TestCase):
    def test_the_first_red_flag_yes_ends_the_questions_with_emergency_advice(self):
        code, out, err = interview(["--json"], ["no", "yes"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err), ["bladder_bowel", "saddle_numbness"])
        self.assertIn("there are no more questions", err)
        report = json.loads(out)
        self.assertEqual(report["level"], "emergency")
        self.assertEqual([f["id"] for f in report["red_flags"]], ["saddle_numbness"])
        self.assertEqual(report["routine"], [])

    def test_text_report_after_an_early_stop(self):
        code, out, err = interview([], ["yes"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err), ["bladder_bowel"])
        self.assertIn("EMERGENCY", out)


class Answers(unittest.TestCase):
    def test_invalid_input_is_asked_again_with_a_reason(self):
        session = Session(["--json", "--no-red-flags"])
        session.type("soon")
        session.expect(b"   Please try again: expected a number from 0 to 520 weeks, "
                       b"got 'soon'.\n")
        session.type("600")
        session.expect(b"   Please try again: '600' is out of range (0 to 520 weeks).\n")
        session.type("")
        session.expect(b"   Please type an answer: a number from 0 to 520 weeks.\n")
        session.type("3")
        session.type("dul")
        session.expect(b"   Please try again: expected one of electric, sharp, dull, achy, got "
                       b"'dul' (did you mean 'dull'?).\n")
        for answer in ["dull", "one_spot", "lower"]:
            session.type(answer)
        code, out, err = session.finish()
        self.assertEqual(code, 0, err)
        # The question is numbered once and its prompt shown again after each bad answer.
        self.assertEqual(asked(err), ["duration_weeks", "sensation", "spread", "region"])
        self.assertEqual(err.count("Type a number from 0 to 520 weeks (? for why) > "), 4)
        self.assertEqual(json.loads(out)["answers"]["duration_weeks"], 3)

    def test_the_same_spellings_as_the_flags(self):
        code, out, err = interview(["--json"], ["N", " false ", "0", "No", "n", "FALSE",
                                                "1.5", "ACHY", "spreads", "Y", "both"])
        self.assertEqual(code, 0, err)
        report = json.loads(out)
        self.assertEqual(report["answers"]["duration_weeks"], 1.5)
        self.assertEqual(report["answers"]["sensation"], "achy")
        self.assertIs(report["answers"]["below_knee"], True)
        self.assertEqual(report["level"], "self_care")

    def test_prompts_show_the_valid_answers(self):
        code, _, err = interview(["--no-red-flags"], ["2", "dull", "one_spot", "lower"])
        self.assertEqual(code, 0, err)
        self.assertIn("   Type a number from 0 to 520 weeks (? for why) > ", err)
        self.assertIn("   Type one of electric, sharp, dull, achy (? for why) > ", err)
        self.assertIn("     one_spot  stays in one spot\n", err)
        code, _, err = interview(["--fever", "no"], ["yes"])
        self.assertIn("1. Since your back pain began, have you lost control of your bladder "
                      "or bowels?\n", err)
        self.assertIn("   Type yes or no (? for why) > ", err)


class Why(unittest.TestCase):
    def test_question_mark_and_why_name_the_rules_the_question_serves(self):
        session = Session(["--json", "--no-red-flags"])
        session.type("?")
        session.expect(b"   Why this is asked: your answer is read by\n"
                       b"     - rule duration-acute, which concludes duration: acute\n")
        session.expect(b"     - rule duration-chronic, which concludes duration: chronic\n")
        session.expect(b"   Those conclusions go on to decide: level")
        session.type("2")
        session.type("WHY")
        session.expect(b"     - rule pain-radicular-electric, which concludes "
                       b"pain_type: radicular\n")
        for answer in ["dull", "one_spot", "lower"]:
            session.type(answer)
        code, out, err = session.finish()
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err), ["duration_weeks", "sensation", "spread", "region"])
        self.assertEqual(json.loads(out)["answers"]["duration_weeks"], 2)


class Stopping(unittest.TestCase):
    def test_end_of_input_at_a_prompt_is_130_with_a_message_and_no_report(self):
        session = Session(["--json"])
        session.type("no")
        session.control(b"\x04")  # Ctrl-D
        code, out, err = session.finish()
        self.assertEqual(code, 130)
        self.assertEqual(out, "")
        self.assertTrue(err.endswith("\nbacktriage: stopped at question 2 (end of input); "
                                     "no report was made\n"), err)

    def test_ctrl_c_at_a_prompt_is_130_with_a_message_and_no_report(self):
        session = Session([])
        session.type("no")
        session.control(b"\x03")  # Ctrl-C: the terminal sends SIGINT
        code, out, err = session.finish()
        self.assertEqual(code, 130)
        self.assertEqual(out, "")
        self.assertTrue(err.endswith("\nbacktriage: interrupted\n"), err)


class Json(unittest.TestCase):
    def test_stdout_is_only_json_and_the_prompts_went_to_stderr(self):
        code, out, err = interview(["--json"], ["no"] * 6 + ["14", "sharp", "one_spot", "upper"])
        self.assertEqual(code, 0, err)
        report = json.loads(out)  # nothing else on stdout
        self.assertEqual(report["level"], "doctor")
        self.assertEqual(report["classification"],
                         {"duration": "chronic", "pain_type": "axial", "region": "upper"})
        self.assertEqual(len(asked(err)), 10)
        self.assertTrue(err.startswith("A few questions, one at a time."), err)
        self.assertIn("\nFirst, some questions about warning signs", err)
        self.assertIn("\nThank you. Now, some questions about your symptoms.\n", err)


class NoQuestions(unittest.TestCase):
    def test_no_input_on_a_terminal_asks_nothing(self):
        code, out, err = interview(["--json", "--no-input"], [])
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(json.loads(out)["level"], "incomplete")

    def test_stdin_that_is_not_a_terminal_asks_nothing(self):
        code, out, err = run(["--json"], stdin="no\n")
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(json.loads(out)["level"], "incomplete")


if __name__ == "__main__":
    main()
