"""Every command example in README.md runs and exits as documented, so none can
rot: each line of every ```sh block but the first runs, in order, under
`bash -o pipefail` in a scratch directory holding copies of the files the
repository ships for them (`examples/`, `rules/`), with the built binary first
on PATH; so an example that reads a file nobody ships fails here. A line ending
in `# exit N` must exit N; any other must exit 0. The opening block must stay
the two setup commands that CI runs."""
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


# Lines that change the machine rather than show the tool: test_install runs it.
NOT_RUN = ("cmake --install ",)


def copy_shipped_files(work):
    """Only what a clone has: an example that needs anything else fails."""
    for d in ["examples", "rules"]:
        shutil.copytree(os.path.join(SOURCE_DIR, d), os.path.join(work, d))
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
                    if not line.startswith(NOT_RUN)]
        self.assertGreaterEqual(len([line for line in examples if runs_backtriage(line)]), 20)
        self.assertTrue({2, 65, 66} <= {expected_exit(line) for line in examples})
        work = tempfile.mkdtemp(prefix="backtriage-readme-")
        self.addCleanup(shutil.rmtree, work)
        copy_shipped_files(work)
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
                elif expected_exit(line) == 0 and ">" not in line and runs_backtriage(line):
                    self.assertTrue(p.stdout.strip(), "no output")


if __name__ == "__main__":
    main()
