#!/usr/bin/env python3
"""Runs one command with stdin from a file and stdout to a path (a file,
created or truncated, or /dev/null) or, for OUTPUT "pipe", into a pipe that
`cat` empties into /dev/null; prints its wall seconds (to the end of both),
peak resident memory (KiB) and CPU seconds (user + system, all threads; not
the cat's), from wait4.

usage: batch_run.py INPUT OUTPUT COMMAND...
"""
import os
import sys
import time


def main():
    input_path, output_path, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    piped = output_path == "pipe"
    with open(input_path, "rb") as stdin, open("/dev/null" if piped else output_path,
                                               "wb") as stdout:
        start = time.perf_counter()
        if piped:
            read_end, write_end = os.pipe()
            cat = os.posix_spawn("/bin/cat", ["cat"], os.environ,
                                 file_actions=[(os.POSIX_SPAWN_DUP2, read_end, 0),
                                               (os.POSIX_SPAWN_DUP2, stdout.fileno(), 1),
                                               (os.POSIX_SPAWN_CLOSE, write_end)])
            os.close(read_end)
            out = write_end
        else:
            out = stdout.fileno()
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, stdin.fileno(), 0),
                                           (os.POSIX_SPAWN_DUP2, out, 1)])
        if piped:
            os.close(write_end)
        _, status, usage = os.wait4(pid, 0)
        if piped:
            os.waitpid(cat, 0)
        elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 65):
        sys.exit(f"batch_run: {' '.join(argv)} exited {code}")
    print(f"{elapsed:.3f} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.3f}")


if __name__ == "__main__":
    main()
