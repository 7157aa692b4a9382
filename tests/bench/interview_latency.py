#!/usr/bin/env python3
"""Time from an answer to the next prompt in the interview, as a person at a
terminal sees it: stdin is a pseudo-terminal, prompts arrive on stderr, and
the clock runs from writing the answer's Enter to reading the end of the
next prompt ("\\n   > "), or to the report when the interview is over.

usage: interview_latency.py BINARY [INTERVIEWS]   (default 20)
A calm patient answers: no to each warning sign, none to the checklist, 40
years, 3 weeks, and the first choice. Prints the median, 95th percentile and
maximum over every answer of every interview, in milliseconds.
"""
import os
import pty
import select
import statistics
import subprocess
import sys
import time

PROMPT = b"\n   > "


def answer_for(prompt):
    if b"Type the numbers" in prompt:
        return b"none"
    if b"Type a number" in prompt:
        return b"40" if b"old" in prompt else b"3"
    if b"Answer yes, no" in prompt or b"Answer yes or no" in prompt:
        return b"no"
    return b"1"  # a choice: the first


def interview(binary):
    controller, terminal = pty.openpty()
    process = subprocess.Popen([binary], stdin=terminal, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE,
                               env={"PATH": "/usr/bin:/bin", "TERM": "xterm",
                                    "LC_ALL": "C.UTF-8", "NO_COLOR": "1"})
    os.close(terminal)
    err = process.stderr.fileno()
    latencies, text, sent_at = [], b"", None
    while True:
        ready, _, _ = select.select([err], [], [], 10)
        if not ready:
            process.kill()
            sys.exit("interview_latency: no prompt within 10 s; last output: " + repr(text[-300:]))
        chunk = os.read(err, 65536)
        if not chunk:
            if sent_at is not None:
                latencies.append(time.perf_counter() - sent_at)
            break
        text += chunk
        if text.endswith(PROMPT):
            now = time.perf_counter()
            if sent_at is not None:
                latencies.append(now - sent_at)
            answer = answer_for(text)
            text = b""
            sent_at = time.perf_counter()
            os.write(controller, answer + b"\n")
    process.wait()
    os.close(controller)
    if process.returncode != 0:
        sys.exit(f"interview_latency: the interview exited {process.returncode}")
    return latencies


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    latencies, answers = [], []
    for _ in range(runs):
        one = interview(binary)
        answers.append(len(one))
        latencies += one
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    print(f"{len(latencies)} answers in {runs} interviews ({answers[0]} each): "
          f"median {statistics.median(latencies) * 1e3:.2f} ms, 95% {p95 * 1e3:.2f} ms, "
          f"max {latencies[-1] * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
