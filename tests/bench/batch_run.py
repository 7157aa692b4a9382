#!/usr/bin/env python3
"""Runs one batch command with stdin from a file and stdout to /dev/null;
prints its wall seconds and peak resident memory (KiB), from wait4.

usage: batch_run.py INPUT COMMAND...
"""
import os
import sys
import time


def main():
    input_path, argv = sys.argv[1], sys.argv[2:]
    with open(input_path, "rb") as stdin, open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, stdin.fileno(), 0),
                                           (os.POSIX_SPAWN_DUP2, devnull.fileno(), 1)])
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 65):
        sys.exit(f"batch_run: {' '.join(argv)} exited {code}")
    print(f"{elapsed:.3f} {usage.ru_maxrss}")


if __name__ == "__main__":
    main()
