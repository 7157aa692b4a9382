"""Every command example in README.md runs and exits as documented, so none can
rot: each line of a ```sh block with a pipeline stage that starts with
`backtriage` runs under `bash -o pipefail` in a scratch directory holding the
files the examples name, with the built binary first on PATH. A line ending
in `# exit N` must exit N; any other must exit 0. The opening block must stay
the two setup commands that CI runs."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from harness import BINARY, SOURCE_DIR, main

SETUP_COMMANDS = [
    "bash .ci/install-deps && cmake -S . -B build -G Ninja && cmake --build build && "
    "./build/backtriage",
    "bash .ci/install-deps && bash tests/run_all.sh",
]
CALM = {flag: False for flag in [
    "aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
    "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
    "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]}


def sh_blocks(text):
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)


def commands(block):
    """The block's lines, continuation lines joined, comments kept."""
    return [line.strip() for line in block.replace("\\\n", " ").splitlines()
            if line.strip() and not line.strip().startswith("#")]


def runs_backtriage(line):
    return any(stage.split()[:1] == ["backtriage"] for stage in line.split(" | "))


def expected_exit(line):
    found = re.search(r"#\s*exit (\d+)\s*$", line)
    return int(found.group(1)) if found else 0


def write_fixtures(work):
    def write(name, text):
        with open(os.path.join(work, name), "w", encoding="utf-8") as f:
            f.write(text)
    answers = dict(CALM, duration_weeks=2, sensation="dull", spread="one_spot", region="lower",
                   age=40)
    write("answers.json", json.dumps(answers))
    write("typo.json", json.dumps({"fevr": True}))
    cases = [dict(answers, id="a-1"), {"id": "a-2", "fever": True},
             dict(answers, id=3, duration_weeks=20, region="both"),
             {"id": "a-4", "duration_weeks": 1, "region": "upper"}]
    write("cases.jsonl", "".join(json.dumps(c) + "\n" for c in cases))
    write("cases-with-a-bad-line.jsonl", json.dumps(answers) + "\n{not json\n")
    os.makedirs(os.path.join(work, "rules"))
    with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
        rules = f.read()
    write(os.path.join("rules", "back-pain.yaml"), rules)
    write("my-rules.yaml", rules.replace("\nversion: 2.1.0\n", "\nversion: 2.1.1\n", 1))
    with open(os.path.join(SOURCE_DIR, "rules", "tests", "back-pain.test.yaml"),
              encoding="utf-8") as f:
        os.makedirs(os.path.join(work, "rules", "tests"))
        write(os.path.join("rules", "tests", "back-pain.test.yaml"), f.read())
    write("broken-rules.yaml", rules.replace("\n    prompt:", "\n    promt:", 1))
    for d in [".local/share/bash-completion/completions", ".config/fish/completions"]:
        os.makedirs(os.path.join(work, "home", d))
    os.makedirs(os.path.join(work, "bin"))
    os.symlink(BINARY, os.path.join(work, "bin", "backtriage"))


class Readme(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8") as f:
            cls.blocks = sh_blocks(f.read())

    def test_the_opening_block_is_the_two_setup_commands_ci_runs(self):
        self.assertEqual(commands(self.blocks[0]), SETUP_COMMANDS)
        with open(os.path.join(SOURCE_DIR, ".ci", "run"), encoding="utf-8") as f:
            self.assertIn("bash tests/run_all.sh", f.read())

    def test_every_example_exits_as_documented(self):
        examples = [line for block in self.blocks[1:] for line in commands(block)
                    if runs_backtriage(line)]
        self.assertGreaterEqual(len(examples), 20)
        self.assertTrue({2, 65, 66} <= {expected_exit(line) for line in examples})
        work = tempfile.mkdtemp(prefix="backtriage-readme-")
        self.addCleanup(shutil.rmtree, work)
        write_fixtures(work)
        env = {"PATH": os.path.join(work, "bin") + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": os.path.join(work, "home"), "LC_ALL": "C.UTF-8"}
        has_jq = shutil.which("jq") is not None
        for line in examples:
            with self.subTest(line):
                if " jq " in line + " " and not has_jq:
                    self.skipTest("jq is not installed")
                p = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=work, env=env,
                                   stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
                self.assertEqual(p.returncode, expected_exit(line),
                                 p.stderr.decode("utf-8", "replace"))
                written = re.search(r"(?:-o|--output) (\S+)", line)
                if written:  # the file it names is written, and not empty
                    self.assertGreater(os.path.getsize(os.path.join(work, written.group(1))), 0)
                elif expected_exit(line) == 0 and ">" not in line:
                    self.assertTrue(p.stdout.strip(), "no output")


if __name__ == "__main__":
    main()
