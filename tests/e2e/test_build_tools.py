"""The build-time tools beside the binary (backtriage_compile_rules, which
writes the embedded rule set's compact form, and backtriage_draw_figures,
which draws its figures) fail the build with one line that says what and
where, and the exit code for it: 2 a bad command line, 66 a rule file that
cannot be read, 65 one that does not load (its diagnostic first), 74 an
output that cannot be written."""
import os
import shutil
import subprocess
import unittest

from harness import BINARY, SOURCE_DIR, TempDirTest, main

BUILD_DIR = os.path.dirname(BINARY)
TOOLS = ["backtriage_compile_rules", "backtriage_draw_figures"]
RULES = os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")


def run_tool(tool, *args):
    p = subprocess.run([os.path.join(BUILD_DIR, tool)] + list(args), capture_output=True,
                       text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


@unittest.skipUnless(all(os.path.exists(os.path.join(BUILD_DIR, t)) for t in TOOLS),
                     "the binary is not in a CMake build tree with its tools")
class BuildTools(TempDirTest):
    def test_bad_command_line(self):
        for tool in TOOLS:
            with self.subTest(tool=tool):
                code, _, err = run_tool(tool, RULES)
                self.assertEqual(code, 2)
                self.assertEqual(err, f"usage: {tool} RULES.yaml OUTPUT.cpp\n")

    def test_unreadable_rule_file(self):
        missing = os.path.join(self.tmp, "missing.yaml")
        for tool in TOOLS:
            with self.subTest(tool=tool):
                code, _, err = run_tool(tool, missing, os.path.join(self.tmp, "out.cpp"))
                self.assertEqual(code, 66)
                self.assertEqual(err, f"{tool}: cannot read {missing}\n")

    def test_rule_file_that_does_not_load(self):
        bad = self.write("bad.yaml", "id: x\nfoo: [\n")
        for tool in TOOLS:
            with self.subTest(tool=tool):
                code, _, err = run_tool(tool, bad, os.path.join(self.tmp, "out.cpp"))
                self.assertEqual(code, 65)
                self.assertRegex(err, rf"^{bad}: <embedded>:3:1: YAML syntax error: ")
                self.assertEqual(err.count("\n"), 1)

    def test_unwritable_output(self):
        out = os.path.join(self.tmp, "no-such-dir", "out.cpp")
        for tool in TOOLS:
            with self.subTest(tool=tool):
                code, _, err = run_tool(tool, RULES, out)
                self.assertEqual(code, 74)
                self.assertEqual(err, f"{tool}: cannot write {out}\n")

    def test_an_overlay_that_does_not_load_stops_the_compile(self):
        # The rule file and its overlays, one of them broken.
        for name in os.listdir(os.path.dirname(RULES)):
            if name.startswith("back-pain.") and name.endswith(".yaml"):
                shutil.copy(os.path.join(os.path.dirname(RULES), name), self.tmp)
        self.write("back-pain.es.yaml", "locale: es\nwords: [\n")
        rules = os.path.join(self.tmp, "back-pain.yaml")
        code, _, err = run_tool("backtriage_compile_rules", rules,
                                os.path.join(self.tmp, "out.cpp"))
        self.assertEqual(code, 65)
        self.assertTrue(err.endswith(
            f"backtriage_compile_rules: {rules} does not load in es\n"), err)

    def test_both_write_the_cpp_they_are_built_for(self):
        for tool in TOOLS:
            with self.subTest(tool=tool):
                out = os.path.join(self.tmp, tool + ".cpp")
                code, _, err = run_tool(tool, RULES, out)
                self.assertEqual((code, err), (0, ""))
                with open(out) as f:
                    text = f.read()
                self.assertTrue(text.startswith(f"// Generated from {RULES} by {tool}."))


if __name__ == "__main__":
    main()
