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
        block = err[head.end():end]
        block = flat(block.split("\n   > ")[0])
        single = [q for q in qs.values() if block.startswith(flat(q["prompt"]))]
        if single:
            result.append(max(single, key=lambda q: len(q["prompt"]))["id"])
            continue
        items = re.findall(r"(?m)^   (\d+)\. ", err[head.end():end])
        found = sorted((block.find(flat(q["prompt"])), q["id"]) for q in qs.values()
                       if q["checklist"] and flat(q["prompt"]) in block)
        assert len(found) == len(items) > 1, (block, items, found)
        result.append(tuple(qid for _, qid in found))
    return result


def numbers(err):
    """The numbers of the prompts, in order."""
    return [int(n) for n in re.findall(r"(?m)^(\d+)\. ", err)]
