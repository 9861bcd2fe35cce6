#!/usr/bin/python3
"""End to end, a crash and what comes back: the built program on a copy of
the example plan, with a state folder of its own; an edit made through the
interface; the copy of the unsaved changes it writes; a second start that
hands over to the running program (and offers nothing); kill -9; a new start
that offers the changes back; restoring, saving, quitting, and nothing left
in the recovery folder.

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import time

from e2e_util import (Tap, bail, exit_status, find_all, press, program_env, start, stop,
                      wait_for, window_titles)

program = sys.argv[1]
example = sys.argv[2]
NAME = "Zed Recovery"


def settle():
    # GTK 4.8 can crash (a null object path) when asked about a dialog's
    # widgets while the dialog goes away: let it go first.
    time.sleep(1.5)


def button(label):
    # A button with a mnemonic is named by its text; GTK 4.8 names it by its
    # label, mnemonic and all, then its text, until it is realized.
    return r"^(_?" + re.escape(label) + " )?" + re.escape(label) + "$"


def copies(folder):
    return sorted(glob.glob(os.path.join(folder, "*.ctoplan.json")))


def copy_with(folder, text):
    for path in copies(folder):
        with open(path, encoding="utf-8") as f:
            if text in f.read():
                return path
    return None


env, tmp = program_env("recovery")
recovery = os.path.join(tmp, "state", "cto-planner", "recovery")
plan = os.path.join(tmp, "acme.ctoplan.json")
shutil.copyfile(example, plan)
with open(plan, "rb") as f:
    original = f.read()

# How long a window or dialog may take to show: in the sanitized build on a
# slow machine, beside another test, the first dialog has taken over 10 s.
# The waits end as soon as it shows.
UI_WAIT = 30

tap = Tap(10)
process, app = start([program, plan], env)
try:
    if not wait_for(lambda: find_all(app, r"^Co-founder, CEO$", "label")):
        bail("the plan is not shown")

    # An edit: a person added with the Add Person button and its dialog.
    press(find_all(app, r"^Add Person$", "push button")[0])
    entries = wait_for(lambda: find_all(app, r"^Name$", "text"), seconds=UI_WAIT)
    adds = find_all(app, button("Add"), "push button")
    if not entries or not adds:
        bail("no Add Person dialog")
    entries[0].set_text_contents(NAME)
    time.sleep(0.3)
    press(adds[0])
    edited = time.monotonic()
    settle()
    shown = wait_for(lambda: find_all(app, "^" + re.escape(NAME) + "$", "label"), seconds=UI_WAIT)
    tap.report(bool(shown), "a person added through the interface is on the board")

    with open(plan, "rb") as f:
        tap.report(f.read() == original, "the edit is not saved: the file is as it was")

    copy = wait_for(lambda: copy_with(recovery, NAME), seconds=15, step=0.05)
    tap.report(copy is not None and os.path.exists(copy[:-len(".ctoplan.json")] + ".info"),
               "a copy of the unsaved changes is written, with its note",
               f"{time.monotonic() - edited:.1f} s after the edit")
    if copy is None:
        for root, _dirs, files in os.walk(tmp):
            print(f"# {root}: {files}")
        print(f"# exit: {process.poll()}, windows: {window_titles('.')}")
        for w in window_titles('.'):
            name = subprocess.run(["xdotool", "getwindowname", w], capture_output=True, text=True)
            print("#", name.stdout.strip())
        bail("no recovery copy")

    # Another start hands over to the running program, which opens a window
    # and offers nothing: the copy belongs to a window that is still open.
    second = subprocess.run([program], env=env, stdin=subprocess.DEVNULL, timeout=30)
    opened = wait_for(lambda: len(find_all(app, r".", "frame")) >= 2, seconds=UI_WAIT)
    time.sleep(1.5)
    offered = find_all(app, r"^Restore Unsaved Changes\?$", "label")
    tap.report(second.returncode == 0 and bool(opened) and not offered and os.path.exists(copy),
               "a second start opens a window and offers nothing",
               f"exit {second.returncode}, windows {len(find_all(app, r'.', 'frame'))}, offered {bool(offered)}, copy {os.path.exists(copy)}")

    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    tap.report(copy_with(recovery, NAME) is not None, "after kill -9 the copy is still there")

    # The next start offers the changes back.
    process, app = start([program, plan], env)
    heading = wait_for(lambda: find_all(app, r"^Restore Unsaved Changes\?$", "label"),
                       seconds=20)
    restore = find_all(app, button("Restore"), "push button")
    tap.report(bool(heading) and bool(restore), "the next start offers to restore them")
    if not restore:
        bail("no Restore button")
    if os.environ.get("CTO_E2E_SCREENSHOT"):
        subprocess.run(["import", "-window", "root", os.environ["CTO_E2E_SCREENSHOT"]])
    press(restore[0])
    settle()

    back = wait_for(lambda: find_all(app, "^" + re.escape(NAME) + "$", "label"), seconds=UI_WAIT)
    unsaved = wait_for(lambda: window_titles("^• Acme Robotics"), seconds=5)
    tap.report(bool(back) and bool(unsaved),
               "restored: the person is back, the plan marked unsaved")
    tap.report(copy_with(recovery, NAME) is not None
               and not os.path.exists(copy),
               "the old copy is gone; the window keeps one of its own")

    saves = wait_for(lambda: find_all(app, button("Save"), "push button"), seconds=5)
    if not saves:
        bail("no Save button")
    press(saves[0])

    def saved():
        with open(plan, encoding="utf-8") as f:
            return NAME in f.read()

    tap.report(bool(wait_for(saved, seconds=UI_WAIT)) and not wait_for(lambda: copies(recovery), 2),
               "saved into the plan's own file; the copy is gone")

    press(find_all(app, r"^Close$", "push button")[0])
    tap.report(exit_status(process) == 0 and not os.listdir(recovery),
               "closing the window quits and leaves nothing in the recovery folder",
               f"left: {os.listdir(recovery)}")
finally:
    stop(process, tmp)

tap.finish()
