#!/usr/bin/env python3
"""Runs one command with stdin from a file and stdout to a path (a file,
created or truncated, or /dev/null); prints its wall seconds, peak resident
memory (KiB) and CPU seconds (user + system, all threads), from wait4.

usage: batch_run.py INPUT OUTPUT COMMAND...
"""
import os
import sys
import time


def main():
    input_path, output_path, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(input_path, "rb") as stdin, open(output_path, "wb") as stdout:
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, stdin.fileno(), 0),
                                           (os.POSIX_SPAWN_DUP2, stdout.fileno(), 1)])
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 65):
        sys.exit(f"batch_run: {' '.join(argv)} exited {code}")
    print(f"{elapsed:.3f} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.3f}")


if __name__ == "__main__":
    main()
