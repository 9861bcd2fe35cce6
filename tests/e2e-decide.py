#!/usr/bin/python3
"""End to end, as a person does it: the built program on the example plan,
widgets found through the accessibility tree (as a screen reader finds them),
keys and clicks through X (xdotool). The header says how many suggestions
there are and lists them; a card's menu opens the what-if mode of a person
leaving; Escape leaves it with nothing changed, so Ctrl+Q quits at once.

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import sys
import time

from e2e_util import (BUTTONS, Tap, activate, bail, click_at, exit_status, find_all,
                      program_env, start, stop, wait_for, window_origin, xdotool)

program = sys.argv[1]
plan = sys.argv[2]

env, home = program_env("decide")
tap = Tap(6)
process, app = start([program, plan], env)
try:
    origin = wait_for(window_origin)
    if origin is None:
        bail("no window")

    counts = wait_for(lambda: find_all(app, r"^\d+ suggestions?$", BUTTONS))
    tap.report(bool(counts), "the header's control is named by how many suggestions there are",
               f"{[n.get_name() for n in counts or []]}")
    if not counts:
        bail("no suggestions control")

    click_at(counts[0], origin)
    applies = wait_for(lambda: find_all(app, r"^(Move|Give) “", BUTTONS), seconds=5)
    tap.report(bool(applies), "its list offers each suggestion in words, with Apply",
               f"{[n.get_name() for n in applies or []]}")
    xdotool("key", "--clearmodifiers", "Escape")
    time.sleep(0.3)

    options = wait_for(lambda: find_all(app, r"^Options for Bo Lin$", BUTTONS))
    if not options:
        bail("no menu on Bo Lin's card")
    # A grid recycles its cards: the one on screen is the one that opens.
    items = None
    for option in options:
        activate(option)
        items = wait_for(lambda: find_all(app, r"What If They Leave", "menu item"), seconds=3)
        if items:
            break
    tap.report(bool(items), "Bo Lin's menu offers What If They Leave?")
    if not items:
        bail("no menu item")
    activate(items[0])
    bars = wait_for(lambda: find_all(app, r"^What if Bo Lin leaves\?"), seconds=5)
    # The board shows the plan without Bo Lin: six people of seven.
    without = wait_for(lambda: find_all(app, r"^6 people$", "label"), seconds=5)
    tap.report(bool(bars) and bool(without),
               "the what-if mode says so in words, and shows the plan without them")

    xdotool("key", "--clearmodifiers", "Escape")
    back = wait_for(lambda: find_all(app, r"^7 people$", "label"), seconds=5)
    tap.report(bool(back), "Escape leaves the what-if mode")

    # Nothing changed: Ctrl+Q quits without asking about unsaved changes.
    xdotool("key", "--clearmodifiers", "ctrl+q")
    tap.report(exit_status(process) == 0, "the plan is unchanged: Ctrl+Q quits without asking")
finally:
    stop(process, home)

tap.finish()
