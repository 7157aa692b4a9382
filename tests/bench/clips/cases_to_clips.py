#!/usr/bin/env python3
"""Writes the bench's JSON Lines cases as CLIPS facts for triage.clp, one
(case ...) fact a line, answers normalised as the backtriage reader does
(true/"yes"/"y"/1 -> yes, false/"no"/"n"/0 -> no, numbers from strings).

usage: cases_to_clips.py < cases.jsonl > cases.fct
"""
import json
import sys

YES = {True, "yes", "y", 1, "true"}
NO = {False, "no", "n", 0, "false"}
NUMBERS = {"age", "duration_weeks"}


def clips_value(key, value):
    if key in NUMBERS:
        return str(float(value))
    if value in YES and not isinstance(value, float):
        return "yes"
    if value in NO and not isinstance(value, float):
        return "no"
    return str(value)


def main():
    out = sys.stdout
    for line in sys.stdin:
        answers = json.loads(line)
        slots = [f"(id {answers.pop('id')})"]
        slots += [f"({key} {clips_value(key, value)})" for key, value in answers.items()]
        out.write("(case " + " ".join(slots) + ")\n")


if __name__ == "__main__":
    main()
