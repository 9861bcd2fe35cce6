#!/usr/bin/python3
"""End to end, as a person does it: a file that cannot be opened. Over the
example plan, Ctrl+O and the path of a damaged file typed into the file
chooser: a dialog says why, and the plan shown stays as it was, with
nothing to save. Started on that file alone, the window shows
a page that says the file could not be opened and why, with Open Another and
Try Again. Widgets are found through the accessibility tree; keys go
through X (xdotool).

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import os
import sys
import time

from e2e_util import (BUTTONS, Tap, bail, find_all, focus_window, key, label_texts, n_windows,
                      program_env, start, stop, wait_for, window_origin, window_titles, xdotool)
from gi.repository import Atspi  # noqa: E402  (its version is set by e2e_util)

program = sys.argv[1]
plan = sys.argv[2]








env, home = program_env("open")
broken = os.path.join(home, "broken.ctoplan.json")
with open(broken, "w", encoding="utf-8") as out:
    out.write('{ "format": "cto-planner-plan",\n  "version": 1,\n  "people": [ \n')

tap = Tap(5)
process, app = start([program, plan], env)
try:
    if wait_for(lambda: window_origin("Acme Robotics")) is None:
        bail("no window")
    focus_window("Acme Robotics")
    if not wait_for(lambda: label_texts(app, r"^7 people$")):
        bail("the example plan is not shown")

    windows = n_windows(app)
    key("ctrl+o")
    if not wait_for(lambda: n_windows(app) > windows, seconds=10):
        bail("Ctrl+O opened no file chooser")
    time.sleep(0.5)
    # The location, typed: the chooser opens what it names.
    key("ctrl+l")
    xdotool("type", "--delay", "10", broken, pause=0.5)
    key("Return")

    said = wait_for(lambda: label_texts(app, r"^Could Not Open the Plan$"), seconds=15)
    why = label_texts(app, r"broken\.ctoplan\.json: ")
    tap.report(bool(said) and any("damaged at line" in text for text in why),
               "a dialog says the plan could not be opened, the file and why", f"{why}")
    tap.report(bool(label_texts(app, r"^7 people$")) and bool(window_titles("Acme Robotics")),
               "the plan shown stays: its people and its title")

    key("Return")
    closed = wait_for(lambda: not label_texts(app, r"^Could Not Open the Plan$"), seconds=5)
    tap.report(bool(closed), "Enter closes the dialog")
    # Nothing changed: nothing to save. (The program is stopped, not quit:
    # GTK's file chooser leaves memory of system libraries behind, which the
    # leak checker would report at a normal exit.)
    saves = find_all(app, r"^Save$", BUTTONS)
    tap.report(len(saves) == 1 and
               not saves[0].get_state_set().contains(Atspi.StateType.SENSITIVE),
               "the plan is unchanged: Save has nothing to save",
               f"{[b.get_name() for b in saves]}")
finally:
    stop(process)

# Started on the damaged file alone: a page says so, and offers a way on.
process, app = start([program, broken], env)
try:
    heading = wait_for(lambda: label_texts(app, r"^Could Not Open “broken\.ctoplan\.json”$"),
                       seconds=15)
    reason = label_texts(app, r"^The file is damaged at line \d+\.$")
    ways = [b.get_name() for b in find_all(app, r"(Open Another|Try Again)", BUTTONS)]
    tap.report(bool(heading) and bool(reason) and
               any("Open Another" in w for w in ways) and any("Try Again" in w for w in ways),
               "started on it, the window says it could not be opened and why, "
               "with Open Another and Try Again", f"{reason}, {ways}")
finally:
    stop(process, home)

tap.finish()
