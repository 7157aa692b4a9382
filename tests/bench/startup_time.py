#!/usr/bin/env python3
"""Median wall time of whole processes, interleaved so that a noisy neighbour
slows every contender alike.

usage: startup_time.py RUNS NAME=COMMAND... (COMMAND is split on spaces)
Prints one line per contender: name, median ms, and its ratio to the first.
"""
import os
import statistics
import sys
import time


def spawn_and_wait(argv, devnull):
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 0),
                                       (os.POSIX_SPAWN_DUP2, devnull, 1),
                                       (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"startup_time: {' '.join(argv)} exited {os.waitstatus_to_exitcode(status)}")
    return elapsed


def main():
    runs = int(sys.argv[1])
    contenders = []
    for spec in sys.argv[2:]:
        name, _, command = spec.partition("=")
        contenders.append((name, command.split()))
    devnull = os.open(os.devnull, os.O_RDWR)
    times = {name: [] for name, _ in contenders}
    for name, argv in contenders:  # warm the page cache; not counted
        spawn_and_wait(argv, devnull)
    for _ in range(runs):
        for name, argv in contenders:
            times[name].append(spawn_and_wait(argv, devnull))
    base = statistics.median(times[contenders[0][0]])
    for name, _ in contenders:
        median = statistics.median(times[name])
        print(f"{name}\t{median * 1000:.2f} ms\t{median / base:.2f}x")


if __name__ == "__main__":
    main()
