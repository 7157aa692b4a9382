"""The pager: a text report longer than the terminal (stdout a real pseudo-terminal here, its
rows from the pty's size or LINES) goes through $PAGER (default less), unless --no-pager, an
empty PAGER or PAGER=cat, or stdout is not a terminal. A fake pager records what it was given.
Every read has a timeout (see test_interactive.run_on_terminal)."""
import os
import shutil
import stat
import tempfile
import unittest

from harness import main, run
from test_interactive import environment, run_on_terminal, words

# A long self-care report: both routines, every section (well over 100 lines).
LONG = ["--no-input", "--no-red-flags", "--duration-weeks", "2", "--sensation", "dull",
        "--spread", "one-spot", "--region", "both", "--age", "40", "--daily-life", "no"]
# A short one: the ambulance advice (about 20 lines).
SHORT = ["--no-input", "--aortic-signs", "yes"]

FAKE_PAGER = """#!/bin/sh
# Records what it is given, as a pager would show it, and says it ran.
/bin/cat > "$PAGER_LOG"
printf '%s\\n' "$@" > "$PAGER_LOG.args"
printf '%s' "${LESS-(unset)}" > "$PAGER_LOG.less"
echo "[fake pager]"
"""
FAKE_CAT = """#!/bin/sh
# Stands in for cat on PATH: records that it ran.
/bin/cat > "$PAGER_LOG.cat"
/bin/cat "$PAGER_LOG.cat"
"""


class Pager(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="backtriage-pager-")
        cls.pager = os.path.join(cls.dir, "fake-pager")
        os.mkdir(os.path.join(cls.dir, "bin"))
        for path, text in [(cls.pager, FAKE_PAGER),
                           (os.path.join(cls.dir, "bin", "cat"), FAKE_CAT)]:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            os.chmod(path, stat.S_IRWXU)
        cls.log = os.path.join(cls.dir, "paged")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def setUp(self):
        for suffix in ["", ".args", ".less", ".cat"]:
            if os.path.exists(self.log + suffix):
                os.remove(self.log + suffix)

    def env(self, **extra):
        env = {"PAGER": self.pager, "PAGER_LOG": self.log}
        env.update(extra)
        return env

    def paged(self, suffix=""):
        """What the fake pager received, or None when it did not run."""
        if not os.path.exists(self.log + suffix):
            return None
        with open(self.log + suffix, encoding="utf-8", errors="replace") as f:
            return f.read()

    def direct(self, args, rows=30, columns=80, **env):
        """The report as written straight to a terminal of that size."""
        code, out, err = run_on_terminal(args + ["--no-pager"], self.env(**env), rows, columns)
        self.assertEqual((code, err), (0, ""))
        return out

    def test_a_long_report_on_a_short_terminal_goes_through_the_pager(self):
        expected = self.direct(LONG)
        self.assertGreater(expected.count("\n"), 30)
        code, out, err = run_on_terminal(LONG, self.env(), rows=30, columns=80)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(self.paged(), expected)  # the whole report, as on the terminal
        self.assertEqual(out, "[fake pager]\n")  # and nothing written around the pager

    def test_the_pager_gets_the_terminals_width(self):
        code, out, err = run_on_terminal(LONG, self.env(), rows=30, columns=60)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(self.paged(), self.direct(LONG, columns=60))

    def test_a_pager_with_arguments(self):
        code, out, err = run_on_terminal(LONG, self.env(PAGER=self.pager + " -x 'two words'"),
                                         rows=30, columns=80)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(self.paged(".args"), "-x\ntwo words\n")
        self.assertEqual(self.paged(), self.direct(LONG))

    def test_no_pager_writes_directly(self):
        code, out, err = run_on_terminal(LONG + ["--no-pager"], self.env(), rows=30,
                                         columns=80)
        self.assertEqual((code, err), (0, ""))
        self.assertIsNone(self.paged())
        self.assertGreater(out.count("\n"), 30)
        self.assertEqual(words(out)[:5], words(self.direct(LONG))[:5])

    def test_an_empty_PAGER_or_cat_writes_directly(self):
        path = os.path.join(self.dir, "bin") + ":" + environment()["PATH"]
        for pager in ["", "cat"]:
            with self.subTest(PAGER=pager):
                self.setUp()
                code, out, err = run_on_terminal(LONG, self.env(PAGER=pager, PATH=path),
                                                 rows=30, columns=80)
                self.assertEqual((code, err), (0, ""))
                self.assertIsNone(self.paged())
                self.assertIsNone(self.paged(".cat"))  # cat was not run
                self.assertEqual(out, self.direct(LONG))

    def test_into_a_pipe_the_pager_is_never_used(self):
        for env in [self.env(), self.env(LINES="5"), self.env(LINES="5", COLUMNS="60")]:
            with self.subTest(env):
                code, out, err = run(LONG, env=env)
                self.assertEqual((code, err), (0, ""))
                self.assertIsNone(self.paged())
                self.assertGreater(out.count("\n"), 30)

    def test_into_a_file_the_pager_is_never_used(self):
        target = os.path.join(self.dir, "report.txt")
        code, out, err = run_on_terminal(LONG + ["-o", target], self.env(), rows=30,
                                         columns=80)
        self.assertEqual((code, out, err), (0, "", ""))
        self.assertIsNone(self.paged())
        with open(target, encoding="utf-8") as f:
            self.assertGreater(f.read().count("\n"), 30)

    def test_a_missing_pager_falls_back_to_plain_output(self):
        code, out, err = run_on_terminal(LONG, self.env(PAGER="/nonexistent/pager"), rows=30,
                                         columns=80)
        self.assertEqual(code, 0, err)
        self.assertEqual(out, self.direct(LONG))
        # Our one line, not the shell's "not found".
        self.assertEqual(err, "backtriage: pager '/nonexistent/pager' not found; not paging\n")
        code, out, err = run_on_terminal(LONG, self.env(PAGER="no-such-pager -R"), rows=30,
                                         columns=80)
        self.assertEqual((code, out), (0, self.direct(LONG)))
        self.assertEqual(err, "backtriage: pager 'no-such-pager -R' not found; not paging\n")

    def test_a_failing_pager_does_not_lose_the_report(self):
        code, out, err = run_on_terminal(LONG, self.env(PAGER="false"), rows=30, columns=80)
        self.assertEqual(code, 0, err)
        self.assertEqual(out, self.direct(LONG))
        self.assertEqual(err, "backtriage: pager 'false' failed (exit status 1); not paging\n")

    def test_a_pager_that_quits_early_is_not_an_error(self):
        code, out, err = run_on_terminal(LONG, self.env(PAGER="head -n 1"), rows=30,
                                         columns=80)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, self.direct(LONG).split("\n")[0] + "\n")

    def test_a_short_report_on_a_tall_terminal_is_not_paged(self):
        expected = self.direct(SHORT, rows=100)
        code, out, err = run_on_terminal(SHORT, self.env(), rows=100, columns=80)
        self.assertEqual((code, err), (0, ""))
        self.assertIsNone(self.paged())
        self.assertEqual(out, expected)
        self.assertLess(out.count("\n"), 100)

    def test_LINES_is_the_terminals_height(self):
        # A short report on a tall terminal that LINES says is short is paged...
        code, out, err = run_on_terminal(SHORT, self.env(LINES="10"), rows=100, columns=80)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(self.paged(), self.direct(SHORT, rows=100, LINES="10"))
        # ...and a long report on a short terminal that LINES says is tall is not.
        self.setUp()
        code, out, err = run_on_terminal(LONG, self.env(LINES="1000"), rows=30, columns=80)
        self.assertEqual((code, err), (0, ""))
        self.assertIsNone(self.paged())
        self.assertGreater(out.count("\n"), 30)

    def test_less_is_told_to_show_colours_unless_LESS_is_set(self):
        run_on_terminal(LONG, self.env(), rows=30, columns=80)
        self.assertIn("R", self.paged(".less"))  # the report's colours reach the screen
        self.setUp()
        run_on_terminal(LONG, self.env(LESS="-S"), rows=30, columns=80)
        self.assertEqual(self.paged(".less"), "-S")  # the user's own settings are kept


if __name__ == "__main__":
    main()
