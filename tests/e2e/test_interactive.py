"""Interactive mode (contract version 2, "Interactive mode" and "Answers") through a real
pseudo-terminal. stdin is a terminal; stdout and stderr are pipes unless a test puts stderr on
the terminal too, so prompts (stderr) and the report (stdout) can be told apart. Every read
has a timeout, so a hang fails the test instead of blocking it.

The pty helpers at the top (Session, run_on_terminal, words, ...) are shared with
test_terminal.py and test_pager.py."""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
import unittest

from harness import BINARY, main, run

TIMEOUT = 20  # seconds for any one wait: generous, only a hang should reach it
PROMPT = b"\n   > "  # every answer is typed after this, at the start of a line
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# --- pty helpers (shared) -------------------------------------------------------------------


def environment(extra=None):
    """A small, fixed environment: no COLUMNS, LINES, PAGER or NO_COLOR from the caller."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
           "TERM": "xterm"}
    env.update(extra or {})
    return {k: v for k, v in env.items() if v is not None}


def set_size(fd, rows, columns):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def open_terminal(rows=0, columns=0, translate_newlines=True):
    """A pseudo-terminal of the given size; returns (controller fd, terminal fd)."""
    controller, terminal = pty.openpty()
    set_size(terminal, rows, columns)
    if not translate_newlines:  # no "\n" -> "\r\n", so text reads as the program wrote it
        attrs = termios.tcgetattr(terminal)
        attrs[1] &= ~termios.ONLCR
        termios.tcsetattr(terminal, termios.TCSANOW, attrs)
    return controller, terminal


def drain(readers, deadline):
    """Reads every fd in `readers` ({fd: bytearray}) until each is closed (EOF, or EIO on a
    pty controller whose terminal closed). Fails once `deadline` passes."""
    open_fds = set(readers)
    while open_fds:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError("timed out; read so far: " + repr(
                {fd: bytes(buf[-2000:]) for fd, buf in readers.items()}))
        ready, _, _ = select.select(list(open_fds), [], [], remaining)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if chunk:
                readers[fd] += chunk
            else:
                open_fds.discard(fd)


def run_on_terminal(args, env=None, rows=0, columns=0, stdin=b""):
    """Runs backtriage with stdout on a pseudo-terminal of rows x columns (0: unknown), stdin
    and stderr on pipes. Returns (code, stdout text with "\\r\\n" as "\\n", stderr text)."""
    controller, terminal = open_terminal(rows, columns)
    p = subprocess.Popen([BINARY] + list(args), stdin=subprocess.PIPE, stdout=terminal,
                         stderr=subprocess.PIPE, env=environment(env), start_new_session=True)
    os.close(terminal)
    out, err = bytearray(), bytearray()
    try:
        try:
            p.stdin.write(stdin)
            p.stdin.close()
        except BrokenPipeError:
            pass
        drain({controller: out, p.stderr.fileno(): err}, time.monotonic() + TIMEOUT)
        code = p.wait(timeout=TIMEOUT)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        p.stderr.close()
        os.close(controller)
    return (code, bytes(out).decode("utf-8", "replace").replace("\r\n", "\n"),
            bytes(err).decode("utf-8", "replace"))


def plain(text):
    return ANSI.sub("", text)


def words(text):
    return plain(text).split()


def too_long(text, width):
    """The lines of `text` longer than `width` columns (colour codes do not count)."""
    return [line for line in plain(text).split("\n") if len(line) > width]


def take_terminal():
    # The child is a session leader (start_new_session); make the pty its controlling
    # terminal so that Ctrl-C typed there sends it SIGINT, as in a real terminal.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    """backtriage with stdin on a pseudo-terminal and stdout on a pipe. stderr is a pipe, or,
    with `terminal_columns`, the same terminal as stdin (as in a real shell), of that width;
    then `err` also holds the terminal's echo of what was typed."""

    def __init__(self, args, env=None, terminal_columns=None):
        self.controller, terminal = open_terminal(
            24 if terminal_columns else 0, terminal_columns or 0, translate_newlines=False)
        self.err_on_terminal = terminal_columns is not None
        self.process = subprocess.Popen(
            [BINARY] + list(args), stdin=terminal, stdout=subprocess.PIPE,
            stderr=terminal if self.err_on_terminal else subprocess.PIPE, env=environment(env),
            start_new_session=True, preexec_fn=take_terminal)
        os.close(terminal)
        self.out = b""
        self.err = b""
        self.seen = 0  # how much of stderr earlier expect() calls consumed
        self.open = {self.process.stdout.fileno(): "out", self.controller: "terminal"}
        if not self.err_on_terminal:
            self.open[self.process.stderr.fileno()] = "err"

    def pump(self, deadline):
        """Reads whatever is ready; False once the deadline passed or everything closed."""
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not self.open:
            return False
        ready, _, _ = select.select(list(self.open), [], [], remaining)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal's other side closed
                chunk = b""
            kind = self.open[fd]
            if not chunk:
                del self.open[fd]
            elif kind == "out":
                self.out += chunk
            elif kind == "err" or self.err_on_terminal:
                self.err += chunk
            # else: the terminal's echo of what we typed, not part of stderr
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
        while any(kind != "terminal" or self.err_on_terminal for kind in self.open.values()):
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
            if stream:
                stream.close()
        try:
            os.close(self.controller)
        except OSError:
            pass

    # --- answering by question ---------------------------------------------------------------

    def next_prompt(self):
        """Waits for the next prompt and returns what it asks (as asked() names it), or None
        once backtriage has exited without asking anything more."""
        deadline = time.monotonic() + TIMEOUT
        while PROMPT not in self.err[self.seen:]:
            if not any(kind != "terminal" for kind in self.open.values()):
                return None  # stdout and stderr closed: no more questions
            if not self.pump(deadline):
                self.kill()
                raise AssertionError("waited for a prompt; stderr was:\n"
                                     + self.err.decode(errors="replace"))
        self.seen = self.err.index(PROMPT, self.seen) + len(PROMPT)
        so_far = asked(self.err[:self.seen].decode(errors="replace"))
        assert so_far, "a prompt before any question:\n" + self.err.decode(errors="replace")
        return so_far[-1]

    def step(self, expected, answer):
        """Waits for the next prompt, checks that it asks `expected`, and answers it."""
        current = self.next_prompt()
        if current != expected:
            self.kill()
            raise AssertionError(f"expected to be asked {expected!r}, was asked {current!r};"
                                 f" stderr was:\n{self.err.decode(errors='replace')}")
        os.write(self.controller, answer.encode() + b"\n")

    def answer_all(self, answers):
        """Answers every prompt from `answers` ({question id: text}; a checklist prompt is
        answered by answers["checklist"], a text or a function of the listed ids), failing
        on a question it has no answer for; returns (code, stdout, stderr) at exit."""
        while True:
            current = self.next_prompt()
            if current is None:
                return self.finish()
            if isinstance(current, tuple):
                answer = answers.get("checklist")
                if callable(answer):
                    answer = answer(current)
            else:
                answer = answers.get(current)
            if answer is None:
                self.kill()
                raise AssertionError(f"asked {current!r}, which this test has no answer for;"
                                     f" stderr was:\n{self.err.decode(errors='replace')}")
            os.write(self.controller, answer.encode() + b"\n")


def pick(*yes, unsure=()):
    """A checklist answer: the numbers of `yes` and, with "?", of `unsure`, in the order the
    checklist lists them ("none" when neither is listed)."""
    def answer(items):
        chosen = [f"{items.index(q) + 1}" for q in yes if q in items]
        chosen += [f"{items.index(q) + 1}?" for q in unsure if q in items]
        return " ".join(chosen) or "none"
    return answer


def by_id(args, answers, env=None, terminal_columns=None):
    """Runs an interview answered from `answers` (see Session.answer_all); returns
    (code, stdout, stderr)."""
    return Session(args, env, terminal_columns).answer_all(answers)


def interview(args, answers, env=None, terminal_columns=None):
    """Answers each prompt in turn; returns (code, stdout, stderr)."""
    session = Session(args, env, terminal_columns)
    for answer in answers:
        session.type(answer)
    return session.finish()


# --- reading the transcript -----------------------------------------------------------------

_questions = None


def questions():
    """The rule set's questions, from `backtriage questions --json`, by id."""
    global _questions
    if _questions is None:
        code, out, err = run(["questions", "--json"])
        assert code == 0, err
        _questions = {q["id"]: q for q in json.loads(out)}
    return _questions


def flat(text):
    return " ".join(text.split())


def asked(err):
    """What was asked, in order, from the numbered prompts on stderr: a question's id, or a
    tuple of ids for a checklist prompt (in the order its items are listed)."""
    qs = questions()
    result = []
    heads = list(re.finditer(r"(?m)^(\d+)\. ", err))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(err)
        raw = err[head.end():end].split("\n   > ")[0]  # up to its first prompt
        block = flat(raw)
        single = [q for q in qs.values() if block.startswith(flat(q["prompt"]))]
        if single:
            result.append(max(single, key=lambda q: len(q["prompt"]))["id"])
            continue
        items = re.findall(r"(?m)^ {3,4}(\d+)\. ", raw)  # under "9. " or "10. "
        found = sorted((block.find(flat(q["prompt"])), q["id"]) for q in qs.values()
                       if q["checklist"] and flat(q["prompt"]) in block)
        assert len(found) == len(items) > 1, (block, items, found)
        result.append(tuple(qid for _, qid in found))
    return result


def asked_ids(err):
    """The ids of every question asked, checklist items included, in order."""
    return [q for a in asked(err) for q in (a if isinstance(a, tuple) else (a,))]


def numbers(err):
    """The numbers of the prompts, in order."""
    return [int(n) for n in re.findall(r"(?m)^(\d+)\. ", err)]


# --- the tests ------------------------------------------------------------------------------

# The contract's red flags by the step a yes takes them to ("Answers", version 2).
AMBULANCE = ["aortic_signs"]
A_AND_E = ["spine_injury", "bladder_bowel", "saddle_numbness", "both_legs", "leg_weakness"]
URGENT = ["fever", "cancer_history", "infection_risk", "fragile_bones"]
SOON = ["weight_loss", "night_pain", "back_lump"]
CONTRACT_FLAGS = AMBULANCE + A_AND_E + URGENT + SOON


def warning_questions():
    """Every red flag, and every follow-up that takes `unsure`, of the rule set."""
    return [q for q in questions() if questions()[q]["red_flag"] or questions()[q]["unsure"]]


def no_warnings():
    """Answers no to every warning sign and to a pregnancy, none to every checklist."""
    return dict({q: "no" for q in warning_questions()}, checklist="none", pregnant="no")


# Answers about the pain: acute, axial, lower back, an adult whose daily life it does not stop.
CALM_PAIN = {"age": "40", "duration_weeks": "2", "sensation": "dull", "spread": "one spot",
             "region": "lower", "daily_life": "no", "improving": "yes", "constant_pain": "no",
             "new_back_pain": "no", "below_knee": "no", "pregnant": "no"}


def report_of(out):
    return json.loads(out)


def flags_of(report):
    return [(f["id"], f["answer"]) for f in report["red_flags"]]


def after_last_prompt(err):
    return err[err.rindex(PROMPT.decode()) + len(PROMPT):]


class Order(unittest.TestCase):
    """Most urgent warning signs first, one per prompt for the ambulance and A&E signs, a
    checklist for the rest, then the questions about the pain."""

    def test_the_whole_interview_when_every_answer_is_no(self):
        code, out, err = by_id(["--json"], dict(no_warnings(), **CALM_PAIN))
        self.assertEqual(code, 0, err)
        seen = asked(err)
        self.assertEqual(seen[0], "aortic_signs", seen)
        # Each ambulance and A&E sign at a prompt of its own, before any checklist.
        first_checklist = next(i for i, a in enumerate(seen) if isinstance(a, tuple))
        for q in AMBULANCE + A_AND_E:
            self.assertIn(q, seen[:first_checklist])
        # The less urgent signs on one checklist prompt, the urgent ones listed first.
        checklist = seen[first_checklist]
        self.assertTrue(set(URGENT + SOON) <= set(checklist), checklist)
        self.assertLess(max(checklist.index(q) for q in URGENT),
                        min(checklist.index(q) for q in SOON), checklist)
        self.assertIn("Do any of these apply to you?", err)
        # Every warning sign is asked before any question about the pain.
        pain = [i for i, a in enumerate(seen) if a in CALM_PAIN]
        warnings = [i for i, a in enumerate(seen) if isinstance(a, tuple) or a in no_warnings()]
        self.assertLess(max(warnings), min(pain), seen)
        for q in ["duration_weeks", "sensation", "spread", "region"]:
            self.assertIn(q, seen)
        self.assertNotIn("below_knee", seen)  # the pain stays in one spot
        # Nothing twice, and the prompts are numbered 1, 2, 3, ...
        flat_seen = [q for a in seen for q in (a if isinstance(a, tuple) else (a,))]
        self.assertEqual(len(flat_seen), len(set(flat_seen)), seen)
        self.assertEqual(numbers(err), list(range(1, len(seen) + 1)))
        report = report_of(out)
        self.assertEqual((report["level"], report["complete"], report["red_flags"]),
                         ("self_care", True, []))
        for q in CONTRACT_FLAGS:
            self.assertIs(report["answers"][q], False, q)

    def test_a_yes_to_the_first_question_ends_the_interview_with_the_ambulance_advice(self):
        code, out, err = interview(["--json"], ["yes"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err), ["aortic_signs"])
        self.assertNotIn(PROMPT.decode(), after_last_prompt(err))  # asked nothing more
        report = report_of(out)
        self.assertEqual(report["level"], "ambulance")
        self.assertEqual(flags_of(report), [("aortic_signs", "yes")])
        self.assertEqual(report["routine"], [])
        self.assertEqual(report["answers"], {"aortic_signs": True})

    def test_the_text_report_after_a_yes_to_the_first_question(self):
        expected = run(["--json", "--no-input", "--aortic-signs", "yes"])[1]
        label, advice = report_of(expected)["level_label"], report_of(expected)["advice"]
        code, out, err = interview([], ["yes"])
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err), ["aortic_signs"])
        self.assertTrue(out.startswith(label.upper() + "\n"), out[:200])
        self.assertEqual(words(out)[len(label.split()):][:len(advice.split())], advice.split())

    def test_a_yes_to_an_a_and_e_sign_ends_the_interview_with_emergency(self):
        code, out, err = by_id(["--json"], dict(no_warnings(), bladder_bowel="yes"))
        self.assertEqual(code, 0, err)
        # Only what could still call an ambulance is asked after it: a pregnancy's 999 signs.
        self.assertEqual(asked(err)[-2:], ["bladder_bowel", "pregnant"])
        self.assertFalse([a for a in asked(err) if isinstance(a, tuple)], asked(err))
        report = report_of(out)
        self.assertEqual((report["level"], report["complete"]), ("emergency", True))
        self.assertEqual(flags_of(report), [("bladder_bowel", "yes")])

    def test_a_yes_on_the_checklist_ends_with_its_step(self):
        code, out, err = by_id(["--json"], dict(no_warnings(),
                                                checklist=pick("cancer_history", "weight_loss")))
        self.assertEqual(code, 0, err)
        self.assertTrue([a for a in asked(err) if isinstance(a, tuple)], asked(err))
        for q in CALM_PAIN:  # nothing about the pain can change "see a doctor today"
            self.assertNotIn(q, asked(err))
        report = report_of(out)
        self.assertEqual(report["level"], "urgent")
        self.assertEqual(sorted(flags_of(report)),
                         [("cancer_history", "yes"), ("weight_loss", "yes")])

    def test_a_flag_that_settles_the_level_leaves_nothing_to_ask(self):
        code, out, err = interview(["--json", "--aortic-signs", "yes"], [])
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(report_of(out)["level"], "ambulance")

    def test_a_more_urgent_sign_is_still_asked_after_a_flag_says_yes(self):
        # --bladder-bowel yes is A&E; only an ambulance sign could still change that.
        code, out, err = by_id(["--json", "--bladder-bowel", "yes"], no_warnings())
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err)[0], "aortic_signs")
        self.assertNotIn("bladder_bowel", asked(err))
        for q in URGENT + SOON + ["duration_weeks", "sensation", "region"]:
            self.assertNotIn(q, asked_ids(err))
        self.assertEqual(report_of(out)["level"], "emergency")

    def test_what_a_flag_answered_is_never_asked(self):
        flags = ["--aortic-signs", "no", "--both-legs", "n", "--fever", "no",
                 "--weight-loss", "false", "--duration-weeks", "20", "--spread", "one_spot"]
        code, out, err = by_id(["--json"] + flags, dict(no_warnings(), **CALM_PAIN))
        self.assertEqual(code, 0, err)
        seen = asked_ids(err)
        for q in ["aortic_signs", "both_legs", "fever", "weight_loss", "duration_weeks",
                  "spread"]:
            self.assertNotIn(q, seen)
        self.assertEqual(seen[0], "spine_injury")
        self.assertIn("cancer_history", seen)  # the checklist, without fever and weight_loss
        report = report_of(out)
        self.assertEqual(report["answers"]["duration_weeks"], 20)
        self.assertEqual(report["classification"]["duration"], "chronic")

    def test_below_knee_is_asked_only_when_the_pain_spreads(self):
        code, out, err = by_id(["--json", "--no-red-flags"],
                               dict(CALM_PAIN, spread="spreads", below_knee="yes"))
        self.assertEqual(code, 0, err)
        seen = asked(err)
        self.assertEqual(seen.index("below_knee"), seen.index("spread") + 1)
        report = report_of(out)
        self.assertEqual(report["classification"]["pain_type"], "radicular")
        self.assertIs(report["answers"]["below_knee"], True)

    def test_electric_pain_asks_neither_spread_nor_below_knee(self):
        code, out, err = by_id(["--json", "--no-red-flags"], dict(CALM_PAIN, sensation="electric"))
        self.assertEqual(code, 0, err)
        self.assertNotIn("spread", asked(err))
        self.assertNotIn("below_knee", asked(err))
        self.assertEqual(report_of(out)["classification"]["pain_type"], "radicular")

    def test_an_explicit_flag_wins_over_no_red_flags_and_nothing_is_left_to_ask(self):
        code, out, err = by_id(["--json", "--no-red-flags", "--fever", "yes", "--pregnant", "no"],
                               {})
        self.assertEqual((code, err), (0, ""))
        report = report_of(out)
        self.assertEqual(report["level"], "urgent")
        self.assertEqual(flags_of(report), [("fever", "yes")])

    def test_improving_is_asked_from_about_4_weeks(self):
        code, out, err = by_id(["--json", "--no-red-flags"], CALM_PAIN)
        self.assertEqual(code, 0, err)
        self.assertNotIn("improving", asked(err))  # 2 weeks
        code, out, err = by_id(["--json", "--no-red-flags"],
                               dict(CALM_PAIN, duration_weeks="6", improving="no"))
        self.assertEqual(code, 0, err)
        self.assertIn("improving", asked(err))
        report = report_of(out)
        self.assertEqual(report["level"], "doctor")
        self.assertIn("not_improving", [r["id"] for r in report["reasons"]])

    def test_an_optional_question_can_be_skipped_and_the_report_says_what_it_assumed(self):
        code, out, err = by_id(["--json", "--no-red-flags"], dict(CALM_PAIN, age="", daily_life="skip"))
        self.assertEqual(code, 0, err)
        self.assertIn("Press Enter to skip.", err)
        self.assertEqual(err.count("Skipped."), 2)
        self.assertEqual(asked(err).count("age"), 1)  # not asked again
        report = report_of(out)
        self.assertEqual(report["level"], "self_care")
        self.assertNotIn("age", report["answers"])
        self.assertEqual([a["id"] for a in report["assumed"]], ["age", "daily_life"])

    def test_a_question_that_is_not_optional_cannot_be_skipped(self):
        code, out, err = interview(["--json", "--no-red-flags", "--age", "40", "--pregnant", "no"],
                                   ["", "2", "dull", "one spot", "lower", "no"])
        self.assertNotIn("Skipped.", err)
        self.assertIn("Please type a number from 0 to 520", err)

    def test_a_number_may_come_with_its_unit(self):
        code, out, err = by_id(["--json", "--no-red-flags"],
                               dict(CALM_PAIN, age="45 years old", duration_weeks="3 weeks"))
        self.assertEqual(code, 0, err)
        report = report_of(out)
        self.assertEqual((report["answers"]["age"], report["answers"]["duration_weeks"]), (45, 3))

    def test_the_inflammatory_signs_are_asked_only_when_they_could_matter(self):
        self.assertNotIn("morning_stiffness", asked_ids(
            by_id(["--json", "--no-red-flags"], CALM_PAIN)[2]))
        code, out, err = by_id(["--json", "--no-red-flags"], dict(
            CALM_PAIN, age="30", duration_weeks="20",
            checklist=pick("morning_stiffness", "better_with_exercise")))
        self.assertEqual(code, 0, err)
        self.assertIn("morning_stiffness", asked_ids(err))
        report = report_of(out)
        self.assertEqual(report["level"], "doctor")  # the level stays doctor
        self.assertIn("inflammatory_pattern", [r["id"] for r in report["reasons"]])
        self.assertIs(report["answers"]["morning_stiffness"], True)

    def test_a_child_is_told_to_see_a_doctor_soon_and_asked_nothing_more(self):
        code, out, err = by_id(["--json", "--no-red-flags"], dict(CALM_PAIN, age="10"))
        self.assertEqual(code, 0, err)
        self.assertEqual(asked(err)[-1], "age")
        report = report_of(out)
        self.assertEqual(report["level"], "soon")
        self.assertIn("child", [r["id"] for r in report["reasons"]])

    def test_nothing_is_asked_when_the_flags_answer_everything(self):
        code, out, err = interview(["--no-red-flags", "--duration-weeks", "2", "--sensation",
                                    "dull", "--spread", "one_spot", "--region", "lower",
                                    "--age", "40", "--daily-life", "no", "--pregnant", "no"],
                                   [])
        self.assertEqual((code, err), (0, ""))
        self.assertIn(run_json_label("self_care"), out)


def run_json_label(level):
    """The headline the text report shows for `level` (its label, in capitals)."""
    args = {"self_care": ["--no-red-flags", "--duration-weeks", "2", "--sensation", "dull",
                          "--spread", "one_spot", "--region", "lower", "--age", "40",
                          "--daily-life", "no"],
            "ambulance": ["--aortic-signs", "yes"]}[level]
    report = report_of(run(["--json", "--no-input"] + args)[1])
    assert report["level"] == level, report["level"]
    return report["level_label"].upper()


class Unsure(unittest.TestCase):
    """Red flags take "unsure", "not sure" and "don't know"; the report says it was unsure."""

    def test_every_spelling_of_not_sure_for_an_a_and_e_sign(self):
        for spelling in ["unsure", "not sure", "don't know", "Not sure", "DON'T KNOW"]:
            with self.subTest(spelling):
                code, out, err = by_id(["--json"], dict(no_warnings(), bladder_bowel=spelling))
                self.assertEqual(code, 0, err)
                self.assertEqual(asked(err)[-2:], ["bladder_bowel", "pregnant"])
                report = report_of(out)
                self.assertEqual(report["level"], "emergency")
                self.assertEqual(flags_of(report), [("bladder_bowel", "unsure")])
                self.assertEqual(report["answers"]["bladder_bowel"], "unsure")

    def test_an_unsure_ambulance_sign_counts_as_a_and_e(self):
        code, out, err = by_id(["--json"], dict(no_warnings(), aortic_signs="not sure"))
        self.assertEqual(code, 0, err)
        report = report_of(out)
        self.assertEqual(report["level"], "emergency")
        self.assertEqual(flags_of(report), [("aortic_signs", "unsure")])
        # A&E is settled; only what could still make it an ambulance may be asked.
        for q in A_AND_E[1:] + URGENT + SOON + ["duration_weeks"]:
            self.assertNotIn(q, asked_ids(err))

    def test_not_sure_on_the_checklist_is_a_number_with_a_question_mark(self):
        code, out, err = by_id(["--json"], dict(no_warnings(),
                                                checklist=pick(unsure=["infection_risk"])))
        self.assertEqual(code, 0, err)
        self.assertIsInstance(asked(err)[-1], tuple)
        report = report_of(out)
        self.assertEqual(report["level"], "urgent")
        self.assertEqual(flags_of(report), [("infection_risk", "unsure")])
        self.assertEqual(report["answers"]["infection_risk"], "unsure")
        self.assertIs(report["answers"]["fever"], False)

    def test_numbers_like_2_5_and_3_question_mark_together(self):
        code, out, err = by_id(["--json"], dict(
            no_warnings(), checklist=pick("fever", "back_lump", unsure=["night_pain"])))
        self.assertEqual(code, 0, err)
        report = report_of(out)
        self.assertEqual(report["level"], "urgent")
        self.assertEqual(sorted(flags_of(report)), [("back_lump", "yes"), ("fever", "yes"),
                                                    ("night_pain", "unsure")])

    def test_a_question_that_is_not_a_red_flag_does_not_take_not_sure(self):
        session = Session(["--json", "--no-red-flags"])
        while (current := session.next_prompt()) != "daily_life":
            os.write(session.controller, CALM_PAIN[current].encode() + b"\n")
        os.write(session.controller, b"not sure\n")
        session.expect(PROMPT)
        self.assertEqual(asked(session.err.decode())[-1], "daily_life")  # asked again
        os.write(session.controller, b"no\n")
        code, out, err = session.answer_all(CALM_PAIN)
        self.assertEqual(code, 0, err)
        self.assertIs(report_of(out)["answers"]["daily_life"], False)


class Choices(unittest.TestCase):
    """A choice by its number, its id with spaces or hyphens, or the start of its id."""

    def choose(self, question, typed):
        code, out, err = by_id(["--json", "--no-red-flags"], dict(CALM_PAIN, **{question: typed}))
        self.assertEqual(code, 0, err)
        return report_of(out)["answers"][question]

    def test_by_number_in_the_list(self):
        choices = [c["id"] for c in questions()["sensation"]["choices"]]
        for number, choice in enumerate(choices, 1):
            with self.subTest(number):
                self.assertEqual(self.choose("sensation", str(number)), choice)

    def test_by_id_with_spaces_or_hyphens(self):
        for typed in ["one spot", "one-spot", "one_spot", "One Spot"]:
            with self.subTest(typed):
                self.assertEqual(self.choose("spread", typed), "one_spot")

    def test_by_an_unambiguous_prefix(self):
        self.assertEqual(self.choose("region", "up"), "upper")
        self.assertEqual(self.choose("region", "low"), "lower")
        self.assertEqual(self.choose("sensation", "ele"), "electric")

    def test_the_prompt_numbers_the_choices(self):
        code, _, err = by_id(["--no-red-flags"], CALM_PAIN)
        self.assertEqual(code, 0, err)
        block = err[err.index(questions()["sensation"]["prompt"]):]
        for number, choice in enumerate(questions()["sensation"]["choices"], 1):
            self.assertIn(f"   {number}. ", block)
            self.assertIn(choice["label"], block)


class Back(unittest.TestCase):
    """`back` returns to the previous question; the changed answer is the one used."""

    def test_back_from_a_follow_up_changes_the_red_flag_before_it(self):
        session = Session(["--json"])
        session.step("aortic_signs", "no")
        session.step("spine_injury", "yes")
        session.step("injury_severe", "back")
        session.step("spine_injury", "no")
        code, out, err = session.answer_all(dict(no_warnings(), **CALM_PAIN))
        self.assertEqual(code, 0, err)
        self.assertEqual(numbers(err)[:5], [1, 2, 3, 2, 3])
        report = report_of(out)
        self.assertIs(report["answers"]["spine_injury"], False)
        self.assertNotIn("injury_severe", report["answers"])
        self.assertEqual(report["level"], "self_care")

    def test_back_changes_the_duration_the_report_uses(self):
        session = Session(["--json", "--no-red-flags", "--age", "40", "--pregnant", "no"])
        session.step("duration_weeks", "20")
        session.step("sensation", "back")
        session.step("duration_weeks", "2")
        code, out, err = session.answer_all(CALM_PAIN)
        self.assertEqual(code, 0, err)
        report = report_of(out)
        self.assertEqual(report["answers"]["duration_weeks"], 2)
        self.assertEqual(report["classification"]["duration"], "acute")
        self.assertEqual(report["level"], "self_care")

    def test_back_shows_the_answer_being_changed(self):
        session = Session(["--json", "--no-red-flags", "--age", "40", "--pregnant", "no"])
        session.step("duration_weeks", "5 days")
        session.step("sensation", "back")
        self.assertEqual(session.next_prompt(), "duration_weeks")
        shown = flat(session.err.decode().split(PROMPT.decode())[-2])
        self.assertIn("Your answer was: 0.7 weeks. Type it again, or a new one.", shown)
        os.write(session.controller, b"2\n")
        self.assertEqual(session.next_prompt(), "sensation")
        os.write(session.controller, b"dull\n")
        code, out, err = session.answer_all(CALM_PAIN)
        self.assertEqual(code, 0, err)
        # Only the prompt gone back to says what it was.
        self.assertEqual(flat(err).count("Your answer was"), 1)

    def test_back_to_a_checklist_shows_what_was_ticked(self):
        session = Session(["--json"])
        while not isinstance(current := session.next_prompt(), tuple):
            os.write(session.controller, no_warnings()[current].encode() + b"\n")
        os.write(session.controller, b"2 3?\n")
        session.next_prompt()
        os.write(session.controller, b"back\n")
        self.assertEqual(session.next_prompt(), current)
        shown = flat(session.err.decode().split(PROMPT.decode())[-2])
        self.assertIn("Your answer was: 2 3?. Type it again, or a new one.", shown)
        session.kill()

    def test_back_to_a_checklist(self):
        session = Session(["--json"])
        while not isinstance(current := session.next_prompt(), tuple):
            os.write(session.controller, no_warnings()[current].encode() + b"\n")
        checklist = current
        os.write(session.controller, b"none\n")
        self.assertNotIsInstance(session.next_prompt(), tuple)  # the first question on pain
        os.write(session.controller, b"back\n")
        self.assertEqual(session.next_prompt(), checklist)
        os.write(session.controller, pick("weight_loss")(checklist).encode() + b"\n")
        code, out, err = session.answer_all({})
        self.assertEqual(code, 0, err)
        report = report_of(out)
        self.assertEqual(report["level"], "soon")
        self.assertEqual(flags_of(report), [("weight_loss", "yes")])

    def test_back_at_the_first_question_says_there_is_nothing_before_it(self):
        session = Session(["--json"])
        session.step("aortic_signs", "back")
        session.expect(PROMPT)
        err = session.err.decode()
        self.assertEqual(numbers(err), [1])  # the same question, asked again
        said = err.split(PROMPT.decode())[-2]
        self.assertIn("first question", said)
        os.write(session.controller, b"yes\n")
        code, out, err = session.finish()
        self.assertEqual(code, 0, err)
        self.assertEqual(report_of(out)["level"], "ambulance")


class Why(unittest.TestCase):
    """`?` says in plain words why a question is asked, then asks it again."""

    def why_text(self, args, answers_before, question):
        """What `?` prints at `question` ("checklist": the first checklist prompt)."""
        session = Session(args)
        while (current := session.next_prompt()) != question and not (
                question == "checklist" and isinstance(current, tuple)):
            os.write(session.controller, answers_before[current].encode() + b"\n")
        question = current
        os.write(session.controller, b"?\n")
        session.expect(PROMPT)
        err = session.err.decode()
        said = err.split(PROMPT.decode())[-2]
        self.assertEqual(asked(err)[-1], question)  # not a new question: the same, again
        self.assertEqual(numbers(err)[-1], len(asked(err)))
        session.kill()
        return said

    def test_question_mark_gives_a_plain_reason_without_rule_ids(self):
        for question in ["aortic_signs", "duration_weeks"]:
            with self.subTest(question):
                said = self.why_text(["--json", "--no-red-flags"]
                                     if question == "duration_weeks" else ["--json"],
                                     CALM_PAIN, question)
                self.assertIn(flat(questions()[question]["why"]), flat(said))
                for rule in questions()[question]["read_by"]:
                    self.assertNotIn(rule, said)
                self.assertNotIn(question, said)

    def test_question_mark_then_an_answer(self):
        session = Session(["--json"])
        session.step("aortic_signs", "?")
        session.step("aortic_signs", "yes")
        code, out, err = session.finish()
        self.assertEqual(code, 0, err)
        self.assertEqual(numbers(err), [1])
        self.assertEqual(report_of(out)["level"], "ambulance")

    def test_question_mark_at_the_checklist_explains_each_item(self):
        said = self.why_text(["--json"], no_warnings(), "checklist")
        for q in URGENT + SOON:
            self.assertIn(flat(questions()[q]["why"]), flat(said))

    def test_with_explain_the_reason_names_the_rules(self):
        said = self.why_text(["--json", "--explain"], {}, "aortic_signs")
        self.assertIn(flat(questions()["aortic_signs"]["why"]), flat(said))
        for rule in questions()["aortic_signs"]["read_by"]:
            self.assertIn(rule, said)


class Invalid(unittest.TestCase):
    """A wrong answer is asked again, in plain words, and is not taken."""

    def assertPlain(self, said, *must):
        text = flat(said)
        for word in must:
            self.assertIn(word, text)
        for jargon in ["expected", "got '", "error", "invalid", "backtriage:", "_"]:
            self.assertNotIn(jargon, text, said)

    def try_answers(self, args, before, question, wrong, then):
        session = Session(args)
        while (current := session.next_prompt()) != question:
            os.write(session.controller, before[current].encode() + b"\n")
        said = []
        for typed in wrong:
            os.write(session.controller, typed.encode() + b"\n")
            session.expect(PROMPT)
            err = session.err.decode()
            self.assertEqual(asked(err)[-1], question, typed)  # the same question again
            said.append(err.split(PROMPT.decode())[-2])
        os.write(session.controller, then.encode() + b"\n")
        code, out, err = session.answer_all(before)
        self.assertEqual(code, 0, err)
        return said, report_of(out)

    def test_a_number_out_of_range_or_not_a_number(self):
        said, report = self.try_answers(["--json", "--no-red-flags"], CALM_PAIN,
                                        "duration_weeks", ["soon", "600", "", "-1", "forever"],
                                        "3")
        for text in said:
            self.assertPlain(text, "0", "520")
        self.assertEqual(report["answers"]["duration_weeks"], 3)

    def test_a_choice_that_is_not_one(self):
        said, report = self.try_answers(["--json", "--no-red-flags"], CALM_PAIN, "sensation",
                                        ["6", "0", "burning", ""], "dull")
        for text in said:
            self.assertPlain(text)
        self.assertEqual(report["answers"]["sensation"], "dull")

    def test_yes_or_no(self):
        said, report = self.try_answers(["--json"], {}, "aortic_signs",
                                        ["hmm", "yess", "", "not really"], "yes")
        for text in said:
            self.assertPlain(text, "yes", "no", "not sure")
        self.assertEqual(report["level"], "ambulance")

    def test_the_hint_and_the_retry_name_the_unit_and_the_choices_as_shown(self):
        said, _ = self.try_answers(["--json", "--no-red-flags"], CALM_PAIN, "duration_weeks",
                                   ["forever", "600"], "3")
        self.assertIn("Please type a number from 0 to 520 (weeks), such as 1.", flat(said[0]))
        self.assertIn("600 is outside the range. Please type a number from 0 to 520 (weeks).",
                      flat(said[1]))
        said, _ = self.try_answers(["--json", "--no-red-flags"], CALM_PAIN, "spread",
                                   ["3"], "1")
        self.assertIn("Please type 1 or 2, or the words of one of the answers.", flat(said[0]))

    def test_checklist_numbers_that_are_not_on_it(self):
        session = Session(["--json"])
        while not isinstance(current := session.next_prompt(), tuple):
            os.write(session.controller, no_warnings()[current].encode() + b"\n")
        items = current
        for typed in [str(len(items) + 1), "yes", "1 x", "2??", ""]:
            os.write(session.controller, typed.encode() + b"\n")
            session.expect(PROMPT)
            err = session.err.decode()
            self.assertEqual(asked(err)[-1], items, typed)
            self.assertPlain(err.split(PROMPT.decode())[-2], "none")
        os.write(session.controller, b"none\n")
        code, out, err = session.answer_all(dict(no_warnings(), **CALM_PAIN))
        self.assertEqual(code, 0, err)
        self.assertEqual(report_of(out)["level"], "self_care")


class Everyday(unittest.TestCase):
    """Answers in everyday words, typed at a real prompt: what the report received, what was
    said back, and what is asked again (the words are the rule file's interview.spoken, each
    choice's `says` and each number question's spoken_units and spoken_phrases)."""

    def received(self, question, typed, before=None, args=("--json", "--no-red-flags")):
        """Types `typed` at `question`, answers the rest calmly; returns (answer, stderr)."""
        answers = dict(CALM_PAIN, **(before or {}))
        session = Session(list(args))
        while (current := session.next_prompt()) != question:
            os.write(session.controller, answers[current].encode() + b"\n")
        os.write(session.controller, typed.encode() + b"\n")
        code, out, err = session.answer_all(answers)
        self.assertEqual(code, 0, err)
        return report_of(out)["answers"].get(question), err

    def test_yes_and_no_in_everyday_words(self):
        for typed, meant in [("yeah", True), ("yep", True), ("yes i think so", True),
                             ("Yes, I think so.", True), ("nope", False), ("nah", False)]:
            with self.subTest(typed):
                got, _ = self.received("daily_life", typed)
                self.assertEqual(got, meant)

    def test_amounts_with_their_units_are_converted_and_said_back(self):
        for typed, weeks, noted in [
                ("5 days", 5 / 7, "5 days: 0.7 weeks"), ("less than a week", 0,
                                                         "less than a week: 0 weeks"),
                ("about 2 weeks", 2, None), ("2 wks", 2, None),
                ("a month", 13 / 3, "a month: 4.3 weeks"), ("two", 2, "two: 2 weeks")]:
            with self.subTest(typed):
                got, err = self.received("duration_weeks", typed,
                                         {"improving": "yes", "constant_pain": "no"})
                self.assertAlmostEqual(got, weeks)
                if noted:
                    self.assertIn(f"Noted: {noted}.", flat(err))
        got, err = self.received("duration_weeks", "3 months",
                                 {"improving": "yes", "checklist": "none"})
        self.assertEqual(got, 13)
        # The prompt says so (a form filler does not: its field takes weeks).
        self.assertIn("You can also type days, months or years (5 days, 3 months).", flat(err))
        got, _ = self.received("age", "34 yrs")
        self.assertEqual(got, 34)

    def test_choices_by_their_everyday_words(self):
        for question, typed, meant in [
                ("sensation", "ache", "achy"), ("sensation", "sore", "achy"),
                ("sensation", "shooting", "electric"), ("sensation", "tingling", "tingling"),
                ("sensation", "pins and needles", "tingling"), ("region", "lower back", "lower"),
                ("spread", "stays in one place", "one_spot"),
                ("spread", "down my leg", "spreads"), ("spread", "just one leg", "spreads")]:
            with self.subTest(typed):
                got, _ = self.received(question, typed)
                self.assertEqual(got, meant)

    def test_two_choices_at_once_are_asked_again_naming_both(self):
        session = Session(["--json", "--no-red-flags"])
        while (current := session.next_prompt()) != "sensation":
            os.write(session.controller, CALM_PAIN[current].encode() + b"\n")
        os.write(session.controller, b"sharp and achy\n")
        self.assertEqual(session.next_prompt(), "sensation")
        said = flat(session.err.decode().split(PROMPT.decode())[-2])
        self.assertIn("That could mean 2 (sharp) or 4 (achy)", said)
        os.write(session.controller, b"4\n")
        code, out, err = session.answer_all(CALM_PAIN)
        self.assertEqual(code, 0, err)
        self.assertEqual(report_of(out)["answers"]["sensation"], "achy")

    def test_a_warning_sign_hears_only_its_words(self):
        # Words that are not on the list are asked again; "maybe" counts as not sure.
        session = Session(["--json"])
        for typed in ["I had one last week", "hmm", "not really"]:
            session.step("aortic_signs", typed)
        session.step("aortic_signs", "maybe")
        code, out, err = session.answer_all(no_warnings())
        self.assertEqual(code, 0, err)
        report = report_of(out)
        self.assertEqual(report["red_flags"][0]["id"], "aortic_signs")
        self.assertEqual(report["red_flags"][0]["answer"], "unsure")

    def test_a_checklist_takes_numbers_between_words_and_none_in_words(self):
        for typed, meant in [("2 and 7", {2, 7}), ("none of those", set()),
                             ("nope none", set())]:
            with self.subTest(typed):
                session = Session(["--json"])
                while not isinstance(current := session.next_prompt(), tuple):
                    os.write(session.controller, no_warnings()[current].encode() + b"\n")
                os.write(session.controller, typed.encode() + b"\n")
                code, out, err = session.answer_all(dict(no_warnings(), **CALM_PAIN))
                self.assertEqual(code, 0, err)
                answers = report_of(out)["answers"]
                ticked = {current.index(q) + 1 for q in current if answers.get(q) is True}
                self.assertEqual(ticked, meant)

    def test_help_explains_and_quit_stops_like_ctrl_c(self):
        session = Session(["--json"])
        session.step("aortic_signs", "help")
        session.step("aortic_signs", "quit")
        code, out, err = session.finish()
        self.assertEqual((code, out), (130, ""))
        self.assertIn(flat(questions()["aortic_signs"]["why"]), flat(err))
        self.assertIn("backtriage: stopped at question 1 (quit); no report was made\n", err)


class Stopping(unittest.TestCase):
    """End of input at a prompt, or Ctrl-C: exit 130 and no report."""

    def test_end_of_input_at_a_question(self):
        for args in [[], ["--json"]]:
            with self.subTest(args):
                session = Session(args)
                session.step("aortic_signs", "no")
                session.control(b"\x04")  # Ctrl-D at the start of a line
                code, out, err = session.finish()
                self.assertEqual((code, out), (130, ""))
                # One line to say why it stopped, after the prompt.
                self.assertTrue(err.endswith("\n"), err)
                self.assertTrue(err.splitlines()[-1].startswith("backtriage: "), err)

    def test_end_of_input_at_the_checklist(self):
        session = Session(["--json"])
        while not isinstance(session.next_prompt(), tuple):
            os.write(session.controller, b"no\n")
        os.write(session.controller, b"\x04")
        code, out, err = session.finish()
        self.assertEqual((code, out), (130, ""))

    def test_ctrl_c_at_a_question(self):
        for args in [[], ["--json"]]:
            with self.subTest(args):
                session = Session(args)
                session.step("aortic_signs", "no")
                session.control(b"\x03")  # the terminal sends SIGINT
                code, out, err = session.finish()
                self.assertEqual((code, out), (130, ""))
                self.assertTrue(err.splitlines()[-1].startswith("backtriage: "), err)


class Streams(unittest.TestCase):
    """Questions on stderr; stdout is only the report."""

    def test_with_json_stdout_is_one_json_document(self):
        code, out, err = by_id(["--json"], dict(no_warnings(), **CALM_PAIN))
        self.assertEqual(code, 0, err)
        self.assertEqual(out.count("\n"), 1)  # compact: stdout is a pipe
        self.assertEqual(report_of(out)["level"], "self_care")
        self.assertIn(questions()["aortic_signs"]["prompt"], err)

    def test_the_text_report_has_no_questions_in_it(self):
        code, out, err = by_id([], dict(no_warnings(), **CALM_PAIN))
        self.assertEqual(code, 0, err)
        self.assertTrue(out.startswith(run_json_label("self_care") + "\n"), out[:200])
        self.assertNotIn("   > ", out)
        for q in ["aortic_signs", "duration_weeks"]:
            self.assertNotIn(questions()[q]["prompt"], out)

    def test_no_input_on_a_terminal_asks_nothing(self):
        code, out, err = interview(["--json", "--no-input"], [])
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(report_of(out)["level"], "incomplete")


class NotATerminal(unittest.TestCase):
    """stdin not a terminal and answers missing: one line on stderr, nothing asked."""

    def assertOneLine(self, err):
        self.assertEqual(err.count("\n"), 1, err)
        self.assertTrue(err.endswith("\n"), err)
        line = err.lower()
        self.assertRegex(line, r"no questions (were|was) asked")
        self.assertIn("--answers", line)  # how to pass answers
        self.assertIn("flag", line)
        self.assertNotIn("   > ", err)
        self.assertNotIn(questions()["aortic_signs"]["prompt"], err)

    def test_a_pipe_with_text_in_it(self):
        code, out, err = run(["--json"], stdin="no\nno\n")
        self.assertEqual(code, 0, err)
        self.assertOneLine(err)
        report = report_of(out)
        self.assertEqual(report["level"], "incomplete")
        self.assertNotIn("aortic_signs", report["answers"])  # the "no" was not taken

    def test_an_empty_stdin_and_a_text_report(self):
        code, out, err = run([], stdin=b"")
        self.assertEqual(code, 0, err)
        self.assertOneLine(err)
        self.assertTrue(out)

    def test_some_answers_given(self):
        code, out, err = run(["--json", "--no-red-flags", "--duration-weeks", "3"], stdin=b"")
        self.assertEqual(code, 0, err)
        self.assertOneLine(err)

    def test_nothing_missing_says_nothing(self):
        code, out, err = run(["--json", "--no-red-flags", "--duration-weeks", "2",
                              "--sensation", "dull", "--spread", "one-spot", "--region",
                              "lower", "--age", "40", "--daily-life", "no"], stdin=b"")
        self.assertEqual((code, err), (0, ""))


class Width(unittest.TestCase):
    """Prompts on a terminal wrap to its width, between words."""

    ANSWERS = ["?", "no", "no", "no", "no", "no", "no", "?", "none", "40", "2", "?", "3",
               "one spot", "lower", "no"]

    def transcript(self, columns, env=None):
        code, out, err = interview(["--json"], self.ANSWERS, env=env, terminal_columns=columns)
        self.assertEqual(code, 0, err)
        self.assertEqual(report_of(out)["level"], "self_care")
        return err

    def test_prompts_wrap_to_60_and_100_columns(self):
        wide = self.transcript(200)
        for columns in [60, 100]:
            with self.subTest(columns):
                err = self.transcript(columns)
                self.assertEqual(too_long(err, columns), [])
                self.assertEqual(words(err), words(wide))  # no word split across lines
        self.assertTrue(too_long(self.transcript(100), 80))  # the width is used

    def test_prompts_follow_COLUMNS(self):
        err = self.transcript(100, env={"COLUMNS": "60"})
        self.assertEqual(too_long(err, 60), [])

    def test_prompts_on_a_pipe_and_the_report_on_a_pipe_wrap_at_80(self):
        code, out, err = interview([], self.ANSWERS)
        self.assertEqual(code, 0, err)
        # What is typed after a prompt ends its line, but goes to the terminal, not stderr.
        err = err.replace(PROMPT.decode(), "\n")
        self.assertEqual(too_long(err, 80), [])
        self.assertEqual(too_long(out, 80), [])
        self.assertTrue(too_long(err, 70))

    def test_the_report_follows_stdout_not_the_terminal_of_the_prompts(self):
        code, out, err = interview([], self.ANSWERS, terminal_columns=60)
        self.assertEqual(code, 0, err)
        self.assertEqual(too_long(err, 60), [])
        self.assertEqual(too_long(out, 80), [])
        self.assertTrue(too_long(out, 70))  # the report is on a pipe: 80 columns


if __name__ == "__main__":
    main()
