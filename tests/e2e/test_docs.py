"""The man page keeps up with the program: every flag that `--help` or a
subcommand's `--help` shows is documented, with the accepted values of each
answer flag; the required sections, commands and exit codes are there; and
the page is clean under `mandoc -T lint -W warning` when mandoc is installed."""
import json
import os
import re
import shutil
import subprocess
import unittest

from harness import SOURCE_DIR, main, run

MAN_PAGE = os.path.join(SOURCE_DIR, "man", "backtriage.1")
SUBCOMMANDS = ["batch", "questions", "check", "test", "diff", "completion"]
SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS",
            "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"]


def help_flags(args):
    """The flags of the option lists ("  -j,--jobs N ..."), not the examples."""
    code, out, err = run(args + ["--help"])
    if code != 0:
        raise AssertionError(f"{args} --help: exit {code}: {err}")
    return {name for names in re.findall(r"^  (-\S+)", out, flags=re.M)
            for name in names.split(",")}


def man_spelling(flag):
    """--below-knee as the page writes it after `Fl`: \\-below\\-knee."""
    return flag[1:].replace("-", "\\-")


def mdoc_flags(source):
    """The flags that head an entry (`.It Fl ...`) of OPTIONS, as the page
    spells them: `Fl \\-fever` is --fever, `Fl j` is -j. A mention in the
    synopsis or an example does not count as documentation."""
    options = source.split("\n.Sh OPTIONS\n")[1].split("\n.Sh ")[0]
    items = "\n".join(re.findall(r"^\.It (.*)$", options, flags=re.M))
    return {"-" + arg.replace("\\-", "-")
            for arg in re.findall(r"\bFl\s+((?:\\-|[\w-])+)", items)}


class ManPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(MAN_PAGE, encoding="utf-8") as f:
            cls.source = f.read()
        cls.documented = mdoc_flags(cls.source)

    def test_every_flag_in_help_is_documented(self):
        for args in [[]] + [[sub] for sub in SUBCOMMANDS]:
            flags = help_flags(args)
            self.assertIn("--help", flags)
            with self.subTest(args=args):
                self.assertEqual(sorted(flags - self.documented), [])

    def test_the_check_itself_sees_a_missing_flag(self):
        self.assertIn("--sensation", self.documented)
        without = self.source.replace("Fl \\-sensation", "Sy sensation")
        self.assertNotIn("--sensation", mdoc_flags(without))

    def test_each_answer_flag_lists_its_accepted_values(self):
        code, out, err = run(["questions", "--json"])
        self.assertEqual(code, 0, err)
        for q in json.loads(out):
            with self.subTest(q["id"]):
                line = re.search(r"^\.It Fl " + re.escape(man_spelling(q["flag"])) + r" (.*)$",
                                 self.source, flags=re.M)
                self.assertIsNotNone(line, q["flag"])
                if q["type"] in ("bool", "choice"):
                    self.assertEqual(line.group(1).strip(), "Cm " + " | ".join(q["answers"]))
                else:
                    self.assertEqual(line.group(1).strip(), "Ar n")
                    entry = self.source[line.end():].split("\n.It ")[0]
                    self.assertIn(f"{q['min']:g} to {q['max']:g}", entry)

    def test_sections_commands_exit_codes_and_disclaimer(self):
        headings = re.findall(r"^\.Sh (.+)$", self.source, flags=re.M)
        for section in SECTIONS:
            self.assertIn(section, headings)
        for sub in SUBCOMMANDS:
            self.assertRegex(self.source, r"(?m)^\.It Cm " + sub + r"\b")
        exit_status = self.source.split(".Sh EXIT STATUS")[1].split(".Sh ")[0]
        self.assertEqual(re.findall(r"^\.It (\d+)$", exit_status, flags=re.M),
                         ["0", "1", "2", "3", "65", "66", "70", "74", "130"])
        for name in ["NO_COLOR", "TERM", "COLUMNS", "PAGER"]:
            self.assertIn(".It Ev " + name, self.source)
        self.assertIn("not medical advice", self.source)
        self.assertRegex(self.source, r"jq")
        self.assertRegex(self.source, r"backtriage batch")
        for word in ["Fl \\-no\\-pager", "Cm unsure", "Cm back", "Cm html", "Cm ics",
                     "Fl \\-start", "Fl \\-time", "Fl o Ar file"]:
            self.assertIn(word, self.source)

    @unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed")
    def test_mandoc_lint_is_clean(self):
        p = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", MAN_PAGE],
                           capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stdout + p.stderr), (0, ""))

    @unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed")
    def test_the_rendered_page_shows_every_flag(self):
        p = subprocess.run(["mandoc", "-T", "ascii", MAN_PAGE], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        text = re.sub(r".\x08", "", p.stdout)
        for flag in help_flags([]) | help_flags(["batch"]):
            self.assertRegex(text, r"(?<![\w-])" + re.escape(flag) + r"(?![\w-])")


if __name__ == "__main__":
    main()
