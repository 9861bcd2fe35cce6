#!/usr/bin/python3
"""End to end, as a person does it: the built program on the example plan,
widgets found through the accessibility tree (as a screen reader finds them),
a real drag with the pointer (xdotool), Ctrl+Z, then Ctrl+Q.

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import re
import sys
import time

from e2e_util import (Tap, bail, centre, exit_status, find_all, label_texts, program_env, start,
                      stop, wait_for, window_origin, xdotool)

program = sys.argv[1]
plan = sys.argv[2]


def drag(start, end):
    xdotool("mousemove", *start)
    xdotool("mousedown", 1)
    xdotool("mousemove", start[0] + 20, start[1] + 5)
    for fraction in (0.3, 0.6, 0.9, 1.0):
        xdotool("mousemove", int(start[0] + (end[0] - start[0]) * fraction),
                int(start[1] + (end[1] - start[1]) * fraction))
    xdotool("mousemove", end[0] + 2, end[1] + 2)
    xdotool("mouseup", 1)
    time.sleep(0.5)


env, home = program_env("drag")
tap = Tap(5)
process, app = start([program, plan], env)
try:
    origin = wait_for(window_origin)
    if origin is None:
        bail("no window")

    title = "Choose the software for the assembly line"
    rows = wait_for(lambda: find_all(app, re.escape(title), "label"))
    # Ana's role is on her card only (her name is also in the rows she carries).
    cards = wait_for(lambda: find_all(app, r"^Co-founder, CEO$", "label"))
    tap.report(bool(rows) and bool(cards), "the row and the card are found by name")
    if not rows or not cards:
        bail("widgets missing")
    tap.report("Unassigned" in " ".join(label_texts(app, r"Unassigned")),
               "the unassigned responsibility says so in words")

    drag(centre(rows[0], origin), centre(cards[0], origin))
    loads = wait_for(lambda: [t for t in label_texts(app, r"of 4 h") if t.startswith("5 of 4 h")],
                     seconds=5)
    tap.report(bool(loads), "dropping the row on Ana's card assigns it",
               f"loads: {label_texts(app, r'of 4 h')}")

    xdotool("key", "--clearmodifiers", "ctrl+z")
    back = wait_for(lambda: [t for t in label_texts(app, r"of 4 h") if t.startswith("2 of 4 h")],
                    seconds=5)
    tap.report(bool(back), "Ctrl+Z takes the drop back", f"loads: {label_texts(app, r'of 4 h')}")

    xdotool("key", "--clearmodifiers", "ctrl+q")
    tap.report(exit_status(process) == 0, "Ctrl+Q quits when nothing is unsaved")
finally:
    stop(process, home)

tap.finish()
