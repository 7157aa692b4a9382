"""`cmake --install` into a scratch prefix puts the binary, the man page, the
rule set with its schemas and the bash completion where they belong, and the
installed binary runs from `/` on its embedded rules and on the installed
rule file."""
import filecmp
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import jsonschema
import yaml

from harness import BINARY, CALM, SOURCE_DIR, main

BUILD_DIR = os.path.dirname(BINARY)
FILES = ["bin/backtriage", "share/man/man1/backtriage.1",
         "share/backtriage/rules/back-pain.yaml",
         "share/backtriage/rules/schema/ruleset.schema.json",
         "share/backtriage/rules/schema/report.schema.json",
         "share/backtriage/rules/schema/cds-hooks.schema.json",
         "share/bash-completion/completions/backtriage",
         "share/doc/backtriage/examples/answers.json",
         "share/doc/backtriage/examples/cases.jsonl"]


@unittest.skipUnless(os.path.exists(os.path.join(BUILD_DIR, "cmake_install.cmake")),
                     "the binary is not in a CMake build tree")
class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.prefix = tempfile.mkdtemp(prefix="backtriage-install-")
        env = dict(os.environ)
        env.pop("DESTDIR", None)
        p = subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", cls.prefix],
                           capture_output=True, text=True, env=env, timeout=120)
        if p.returncode != 0:
            raise AssertionError(f"cmake --install failed:\n{p.stdout}{p.stderr}")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.prefix)

    def path(self, relative):
        return os.path.join(self.prefix, relative)

    def run_installed(self, args):
        p = subprocess.run([self.path("bin/backtriage")] + args, cwd="/", capture_output=True,
                           text=True, stdin=subprocess.DEVNULL, timeout=60,
                           env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"})
        return p.returncode, p.stdout, p.stderr

    def test_every_file_is_installed(self):
        for relative in FILES:
            self.assertTrue(os.path.isfile(self.path(relative)), relative)
        self.assertTrue(os.access(self.path("bin/backtriage"), os.X_OK))

    def test_installed_data_files_are_the_sources(self):
        for installed, source in [("share/man/man1/backtriage.1", "man/backtriage.1"),
                                  ("share/backtriage/rules/back-pain.yaml",
                                   "rules/back-pain.yaml"),
                                  ("share/backtriage/rules/schema/report.schema.json",
                                   "rules/schema/report.schema.json")]:
            self.assertTrue(filecmp.cmp(self.path(installed), os.path.join(SOURCE_DIR, source),
                                        shallow=False), installed)

    def test_the_installed_binary_runs_from_root_on_its_embedded_rules(self):
        code, out, err = self.run_installed(["--json", "--no-input"] + CALM)
        self.assertEqual(code, 0, err)
        report = json.loads(out)
        self.assertEqual(report["level"], "self_care")
        with open(self.path("share/backtriage/rules/schema/report.schema.json")) as f:
            jsonschema.validate(report, json.load(f))

    def test_the_installed_rule_file_checks_and_runs(self):
        rules = self.path("share/backtriage/rules/back-pain.yaml")
        # The installed file is the source's, byte for byte, and checks the same.
        source = os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")
        with open(rules, "rb") as installed, open(source, "rb") as original:
            self.assertEqual(installed.read(), original.read())
        code, out, _ = self.run_installed(["check", rules])
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^.*: ok: back-pain \d+\.\d+\.\d+, \d+ questions, \d+ rules, "
                              r"0 warnings; in en-GB(, [A-Za-z-]+)+\n$")
        self.assertEqual(out.split(": ok: ")[1],
                         subprocess.run([BINARY, "check", source], capture_output=True, text=True).stdout.split(": ok: ")[1])
        code, out, err = self.run_installed(["--rules", rules, "--json", "--no-input"] + CALM)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["level"], "self_care")

    def test_the_installed_rule_file_validates_against_the_schema_beside_it(self):
        rules = self.path("share/backtriage/rules/back-pain.yaml")
        with open(rules, encoding="utf-8") as f:
            text = f.read()
        modeline = text.splitlines()[0]
        schema_path = os.path.join(os.path.dirname(rules), modeline.split("$schema=")[1])
        with open(schema_path, encoding="utf-8") as f:
            jsonschema.Draft202012Validator(json.load(f)).validate(yaml.safe_load(text))

    def test_the_installed_completion_is_the_installed_binarys_output(self):
        code, out, err = self.run_installed(["completion", "bash"])
        self.assertEqual(code, 0, err)
        with open(self.path("share/bash-completion/completions/backtriage")) as f:
            self.assertEqual(f.read(), out)

    @unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed")
    def test_the_installed_man_page_renders(self):
        p = subprocess.run(["mandoc", "-T", "ascii", self.path("share/man/man1/backtriage.1")],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("backtriage", p.stdout)


if __name__ == "__main__":
    main()
