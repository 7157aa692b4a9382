"""Batch is a JSON Lines filter, so it scales out on an existing engine: GNU parallel
splits the input into blocks of whole lines, runs backtriage on each (here two jobs on
this machine; with -S, on other hosts) and, with --keep-order, joins the outputs in input
order. The result must be byte for byte what one process writes, record ids included."""
import json
import random
import shutil
import subprocess
import tempfile
import unittest

from harness import BINARY, main

PARALLEL = shutil.which("parallel")
FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness", "both_legs",
         "leg_weakness", "fever", "cancer_history", "infection_risk", "fragile_bones",
         "sudden_spine_pain", "weight_loss", "night_pain", "back_lump"]


def cases(n, seed=3, bad_lines=False):
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        case = {"id": f"rec-{i}" if i % 3 else i}
        for flag in FLAGS:
            if rng.random() < 0.9:
                case[flag] = rng.choice([False] * 12 + [True, "unsure"])
        case["duration_weeks"] = rng.choice([0, 3, 6, 12, 40])
        case["region"] = rng.choice(["lower", "upper", "both"])
        case["sensation"] = rng.choice(["electric", "sharp", "dull", "achy"])
        case["spread"] = rng.choice(["one_spot", "spreads"])
        if rng.random() < 0.5:
            case["age"] = rng.randint(10, 90)
        lines.append(json.dumps(case))
        if bad_lines and i % 997 == 5:
            lines.append('{"id": "bad-%d", "fever": "perhaps"}' % i)
    return "\n".join(lines) + "\n"


@unittest.skipUnless(PARALLEL, "needs GNU parallel")
class Parallel(unittest.TestCase):
    def test_two_jobs_under_gnu_parallel_write_what_one_process_writes(self):
        text = cases(20000)
        for args in ([], ["--brief"], ["--format", "cds-hooks"]):
            with self.subTest(args=args):
                one = subprocess.run([BINARY, "batch"] + args, input=text.encode(),
                                     capture_output=True, timeout=300)
                self.assertEqual(one.returncode, 0, one.stderr)
                with tempfile.TemporaryDirectory() as home:
                    many = subprocess.run(
                        [PARALLEL, "--will-cite", "--pipe", "--keep-order", "-j", "2",
                         "--block", "200k", BINARY, "batch"] + args,
                        input=text.encode(), capture_output=True, timeout=300,
                        env={"PATH": "/usr/bin:/bin", "HOME": home, "LC_ALL": "C.UTF-8"})
                self.assertEqual(many.stdout, one.stdout)
                lines = one.stdout.decode().splitlines()
                self.assertEqual(len(lines), text.count("\n"))
                first = json.loads(lines[0])
                self.assertEqual(list(first)[0], "id")
                self.assertEqual(first["id"], 0)

    def test_a_bad_line_keeps_its_place_and_its_id_when_split(self):
        # Each process numbers the lines of its own block, so across machines the
        # record id, not the line number, is what joins an error to its input.
        text = cases(5000, bad_lines=True)
        with tempfile.TemporaryDirectory() as home:
            many = subprocess.run(
                [PARALLEL, "--will-cite", "--pipe", "--keep-order", "-j", "2", "--block",
                 "100k", BINARY, "batch", "--brief"],
                input=text.encode(), capture_output=True, timeout=300,
                env={"PATH": "/usr/bin:/bin", "HOME": home, "LC_ALL": "C.UTF-8"})
        outputs = [json.loads(line) for line in many.stdout.decode().splitlines()]
        inputs = [json.loads(line) for line in text.splitlines()]
        self.assertEqual([o["id"] for o in outputs], [i["id"] for i in inputs])
        errors = [o for o in outputs if "error" in o]
        self.assertEqual([e["id"] for e in errors], [i["id"] for i in inputs
                                                     if i.get("fever") == "perhaps"])
        self.assertTrue(all(list(e)[0] == "id" for e in errors))


if __name__ == "__main__":
    main()
