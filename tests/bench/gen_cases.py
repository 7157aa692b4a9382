#!/usr/bin/env python3
"""Writes N varied, valid answers lines (JSON Lines) for `backtriage batch`,
each with an "id", against the version-2 questions.

usage: gen_cases.py N [SEED]   (deterministic for a given seed; default 6)
Mixes every step of the ladder: most cases answer the red flags no, some
raise one or answer it unsure, some leave a question out, and values come as
native JSON or as flag spellings, as real exports do.
"""
import json
import random
import sys

RED_FLAGS = ["aortic_signs", "spine_injury", "bladder_bowel", "saddle_numbness",
             "both_legs", "leg_weakness", "fever", "cancer_history", "infection_risk",
             "fragile_bones", "sudden_spine_pain", "weight_loss", "night_pain",
             "back_lump", "chest_band"]
INFLAMMATION = ["morning_stiffness", "better_with_exercise", "wakes_late_night",
                "alternating_buttock"]


def yes_no(rng):
    return rng.choice([True, False, "yes", "no"])


def case(rng, number):
    answers = {"id": f"case-{number}"}
    for flag in RED_FLAGS:
        answers[flag] = rng.choice(["no", False, "n", 0])
    roll = rng.random()
    if roll < 0.10:
        answers[rng.choice(RED_FLAGS)] = rng.choice([True, "yes"])
    elif roll < 0.13:
        answers[rng.choice(RED_FLAGS)] = "unsure"
    if answers["spine_injury"] in (True, "yes"):
        answers["injury_severe"] = yes_no(rng)
    answers["duration_weeks"] = rng.choice([rng.randint(0, 11), rng.randint(12, 520),
                                            str(rng.randint(0, 30))])
    answers["sensation"] = rng.choice(["electric", "sharp", "dull", "achy"])
    answers["spread"] = rng.choice(["one_spot", "spreads"])
    if answers["spread"] == "spreads":
        answers["below_knee"] = yes_no(rng)
    answers["region"] = rng.choice(["lower", "upper", "both"])
    if rng.random() < 0.5:
        answers["age"] = rng.randint(18, 90)
    for optional in ["improving", "daily_life", "new_back_pain", "constant_pain"]:
        if rng.random() < 0.5:
            answers[optional] = yes_no(rng)
    if rng.random() < 0.3:
        for sign in INFLAMMATION:
            answers[sign] = yes_no(rng)
    if rng.random() < 0.05:  # an incomplete case
        del answers[rng.choice([k for k in answers if k != "id"])]
    return answers


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 6)
    out = sys.stdout
    for number in range(1, n + 1):
        out.write(json.dumps(case(rng, number), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
