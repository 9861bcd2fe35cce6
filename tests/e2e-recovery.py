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
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

program = sys.argv[1]
example = sys.argv[2]
PLANNED = 10
tests = []
NAME = "Zed Recovery"


def report(ok, name, note=""):
    tests.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(tests)} {name}{(' # ' + note) if note else ''}",
          flush=True)


def bail(message):
    print(f"Bail out! {message}", flush=True)
    sys.exit(1)


def wait_for(predicate, seconds=20.0, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except GLib.Error:
            continue
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except GLib.Error:
            continue
        yield from walk(child, depth + 1)


def find_all(app, role, pattern):
    regex = re.compile(pattern)
    found = []
    for node in walk(app):
        try:
            if node.get_role_name() == role and regex.search(node.get_name() or ""):
                found.append(node)
        except GLib.Error:
            continue
    return found


def click(node):
    for i in range(node.get_n_actions()):
        if node.get_action_name(i) in ("click", "press", "activate"):
            return node.do_action(i)
    return node.do_action(0)


def settle():
    # GTK 4.8 can crash (a null object path) when asked about a dialog's
    # widgets while the dialog goes away: let it go first.
    time.sleep(1.5)


def button(label):
    # GTK 4.8 names a button after its label, mnemonic and all, then its text.
    return r"^(_?" + re.escape(label) + " )?" + re.escape(label) + "$"


def copies(folder):
    return sorted(glob.glob(os.path.join(folder, "*.ctoplan.json")))


def copy_with(folder, text):
    for path in copies(folder):
        with open(path, encoding="utf-8") as f:
            if text in f.read():
                return path
    return None


def window_titles(pattern):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", pattern],
                         capture_output=True, text=True).stdout.split()
    return out


tmp = tempfile.mkdtemp(prefix="cto-e2e-recovery-")
env = dict(os.environ)
env["GTK_A11Y"] = "atspi"
env.pop("NO_AT_BRIDGE", None)
for var, name in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                  ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
    env[var] = os.path.join(tmp, name)
    os.makedirs(env[var])
recovery = os.path.join(tmp, "state", "cto-planner", "recovery")
plan = os.path.join(tmp, "acme.ctoplan.json")
shutil.copyfile(example, plan)
with open(plan, "rb") as f:
    original = f.read()

print(f"1..{PLANNED}", flush=True)
Atspi.init()
process = subprocess.Popen([program, plan], env=env, stdin=subprocess.DEVNULL)
try:
    app = wait_for(lambda: find_app(process.pid))
    if app is None:
        bail("the program did not show up in the accessibility tree")
    if not wait_for(lambda: find_all(app, "label", r"^Co-founder, CEO$")):
        bail("the plan is not shown")

    # An edit: a person added with the Add Person button and its dialog.
    click(find_all(app, "push button", r"^Add Person$")[0])
    entries = wait_for(lambda: find_all(app, "text", r"^Name$"), seconds=10)
    adds = find_all(app, "push button", button("Add"))
    if not entries or not adds:
        bail("no Add Person dialog")
    entries[0].set_text_contents(NAME)
    time.sleep(0.3)
    click(adds[0])
    edited = time.monotonic()
    settle()
    shown = wait_for(lambda: find_all(app, "label", "^" + re.escape(NAME) + "$"), seconds=10)
    report(bool(shown), "a person added through the interface is on the board")

    with open(plan, "rb") as f:
        report(f.read() == original, "the edit is not saved: the file is as it was")

    copy = wait_for(lambda: copy_with(recovery, NAME), seconds=15, step=0.05)
    report(copy is not None and os.path.exists(copy[:-len(".ctoplan.json")] + ".info"),
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
    opened = wait_for(lambda: len(find_all(app, "frame", r".")) >= 2, seconds=10)
    time.sleep(1.5)
    offered = find_all(app, "label", r"^Restore Unsaved Changes\?$")
    report(second.returncode == 0 and bool(opened) and not offered and os.path.exists(copy),
           "a second start opens a window and offers nothing",
           f"exit {second.returncode}, windows {len(find_all(app, 'frame', r'.'))}")

    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    report(copy_with(recovery, NAME) is not None, "after kill -9 the copy is still there")

    # The next start offers the changes back.
    process = subprocess.Popen([program, plan], env=env, stdin=subprocess.DEVNULL)
    app = wait_for(lambda: find_app(process.pid))
    if app is None:
        bail("the program did not start again")
    heading = wait_for(lambda: find_all(app, "label", r"^Restore Unsaved Changes\?$"),
                       seconds=20)
    restore = find_all(app, "push button", button("Restore"))
    report(bool(heading) and bool(restore), "the next start offers to restore them")
    if not restore:
        bail("no Restore button")
    if os.environ.get("CTO_E2E_SCREENSHOT"):
        subprocess.run(["import", "-window", "root", os.environ["CTO_E2E_SCREENSHOT"]])
    click(restore[0])
    settle()

    back = wait_for(lambda: find_all(app, "label", "^" + re.escape(NAME) + "$"), seconds=10)
    unsaved = wait_for(lambda: window_titles("^• Acme Robotics"), seconds=5)
    report(bool(back) and bool(unsaved),
           "restored: the person is back, the plan marked unsaved")
    report(copy_with(recovery, NAME) is not None
           and not os.path.exists(copy),
           "the old copy is gone; the window keeps one of its own")

    saves = wait_for(lambda: find_all(app, "push button", button("Save")), seconds=5)
    if not saves:
        bail("no Save button")
    click(saves[0])

    def saved():
        with open(plan, encoding="utf-8") as f:
            return NAME in f.read()

    report(bool(wait_for(saved, seconds=10)) and not wait_for(lambda: copies(recovery), 2),
           "saved into the plan's own file; the copy is gone")

    click(find_all(app, "push button", r"^Close$")[0])
    try:
        process.wait(timeout=10)
        report(process.returncode == 0 and not os.listdir(recovery),
               "closing the window quits and leaves nothing in the recovery folder",
               f"left: {os.listdir(recovery)}")
    except subprocess.TimeoutExpired:
        report(False, "closing the window quits and leaves nothing in the recovery folder")
finally:
    if process.poll() is None:
        process.kill()
        process.wait()
    shutil.rmtree(tmp, ignore_errors=True)

passed = sum(tests)
print(f"# {passed} passed, {len(tests) - passed} failed")
sys.exit(0 if all(tests) and len(tests) == PLANNED else 1)
