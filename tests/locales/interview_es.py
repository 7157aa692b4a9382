#!/usr/bin/env python3
"""Plays a Spanish interview on a pseudo-terminal and prints the transcript.

    interview_es.py BACKTRIAGE MERGED_RULES ANSWER...

MERGED_RULES is a rule file in Spanish (check_overlay.py --merged=...). Each ANSWER is typed
after a prompt, in order; the transcript (prompts on stderr, the report on stdout) is printed.
A hand check of the spoken words until backtriage reads overlays itself."""
import os, pty, re, select, subprocess, sys, time

binary, rules, answers = sys.argv[1], sys.argv[2], sys.argv[3:]
controller, terminal = pty.openpty()
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "TERM": "dumb", "NO_COLOR": "1"}
proc = subprocess.Popen([binary, "--rules", rules, "--no-pager", "--color", "never"],
                        stdin=terminal, stdout=subprocess.PIPE, stderr=terminal, env=env)
os.close(terminal)
seen = b""
def read_until_prompt(timeout=5):
    global seen
    end = time.time() + timeout
    buf = b""
    while time.time() < end:
        r, _, _ = select.select([controller], [], [], 0.2)
        if r:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            if buf.rstrip().endswith(b">"):
                break
        elif proc.poll() is not None:
            break
    seen += buf
    return buf
for a in answers:
    read_until_prompt()
    if proc.poll() is not None:
        break
    os.write(controller, a.encode() + b"\n")
read_until_prompt(2)
if proc.poll() is None:  # out of answers: stop it, and show what was asked
    proc.kill()
out, _ = proc.communicate(timeout=10)
print(re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", seen.decode(errors="replace")))
print("=== report ===")
print(out.decode(errors="replace"))
