#!/usr/bin/env python3
"""Writes N varied, valid answers lines (JSON Lines) for `backtriage batch`.

usage: gen_cases.py N [SEED]   (deterministic for a given seed; default 6)
Mixes every level: most cases answer the red flags no, some raise one, some
leave questions out, and values come as native JSON or as flag spellings.
"""
import json
import random
import sys

RED_FLAGS = ["fever", "spine_injury", "bladder_bowel", "cancer_history",
             "saddle_numbness", "leg_weakness"]


def case(rng):
    answers = {}
    raised = rng.random() < 0.1
    for flag in RED_FLAGS:
        answers[flag] = rng.choice(["no", False, "n", 0])
    if raised:
        answers[rng.choice(RED_FLAGS)] = rng.choice([True, "yes"])
    answers["duration_weeks"] = rng.choice([rng.randint(0, 11), rng.randint(12, 520),
                                            str(rng.randint(0, 30))])
    answers["sensation"] = rng.choice(["electric", "sharp", "dull", "achy"])
    answers["spread"] = rng.choice(["one_spot", "spreads"])
    if answers["spread"] == "spreads":
        answers["below_knee"] = rng.choice([True, False, "yes", "no"])
    answers["region"] = rng.choice(["lower", "upper", "both"])
    if rng.random() < 0.05:  # an incomplete case
        del answers[rng.choice(list(answers))]
    return answers


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 6)
    out = sys.stdout
    for _ in range(n):
        out.write(json.dumps(case(rng), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
