#!/usr/bin/python3
"""End to end, with a screen reader reading the window: the example plan's
window read whole through the accessibility tree, a search that finds
nothing, read again, then cleared, and read again. The rows that come back
are shown without a word from GTK on standard error: GTK 4.8 complains,
and aborts under G_DEBUG=fatal-criticals, when a widget a screen reader has
read is moved to another place in the window. Keys go through X (xdotool).

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import os
import subprocess
import sys

from e2e_util import (Tap, bail, focus_window, key, label_texts, program_env, start, stop,
                      type_text, wait_for, window_origin)

program = sys.argv[1]
plan = sys.argv[2]


# A screen reader is a program of its own: each reading is a new one, which
# asks the window for everything, where this program's own connection would
# answer from what it already knows.
READER = """
import sys
import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib
Atspi.set_timeout(10000, 30000)
desktop = Atspi.get_desktop(0)
def walk(node, depth=0):
    if node is None or depth > 60:
        return
    try:
        node.get_role_name(); node.get_name(); node.get_description(); node.get_state_set()
        count = node.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            walk(node.get_child_at_index(i), depth + 1)
        except GLib.Error:
            pass
for i in range(desktop.get_child_count()):
    app = desktop.get_child_at_index(i)
    if app is not None and app.get_process_id() == int(sys.argv[1]):
        walk(app)
        sys.exit(0)
sys.exit(1)
"""


def read_whole(process):
    """Everything a screen reader asks of each node: its role, name,
    description and states."""
    try:
        done = subprocess.run([sys.executable, "-c", READER, str(process.pid)], timeout=50,
                              check=False)
    except subprocess.TimeoutExpired:
        bail("the reader did not finish reading the window")
    if done.returncode != 0:
        bail(f"the reader failed ({done.returncode})")


env, home = program_env("reader-search")
errors_path = os.path.join(home, "stderr")
tap = Tap(2)
with open(errors_path, "w") as errors:
    process, app = start([program, plan], env, stderr=errors)
try:
    if wait_for(lambda: window_origin("Acme Robotics")) is None:
        bail("no window")
    focus_window("Acme Robotics")
    if not wait_for(lambda: label_texts(app, r"^7 people$")):
        bail("the example plan is not shown")
    read_whole(process)

    key("ctrl+f")
    type_text("zzz")
    if not wait_for(lambda: label_texts(app, r"^0 of 7 people$"), seconds=10):
        bail("the search did not narrow the plan")
    read_whole(process)
    key("ctrl+a")
    key("BackSpace")
    back = wait_for(lambda: label_texts(app, r"^7 people$"), seconds=10)
    read_whole(process)
    rows = wait_for(lambda: label_texts(app, r"^Choose and run the engineering tools$"),
                    seconds=10)
    tap.report(bool(back) and bool(rows), "the search cleared, the plan's rows are back")

    with open(errors_path) as log:
        complaints = [line.strip() for line in log if "Gtk-CRITICAL" in line]
    tap.report(not complaints, "GTK raises no criticals on standard error",
               "; ".join(complaints[:3]))
finally:
    stop(process, home)

tap.finish()
