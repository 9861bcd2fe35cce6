#!/usr/bin/python3
"""End to end, as a person does it: the built program on the example plan,
widgets found through the accessibility tree (as a screen reader finds them),
a real drag with the pointer (xdotool), Ctrl+Z, then Ctrl+Q.

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import os
import re
import subprocess
import shutil
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

program = sys.argv[1]
plan = sys.argv[2]
tests = []


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
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1)


def find_all(app, role, pattern):
    regex = re.compile(pattern)
    found = []
    for node in walk(app):
        try:
            if node.get_role_name() == role and regex.search(node.get_name() or ""):
                found.append(node)
        except gi.repository.GLib.Error:
            continue
    return found


def window_origin():
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Acme Robotics"],
                         capture_output=True, text=True).stdout.split()
    if not out:
        return None
    info = subprocess.run(["xwininfo", "-id", out[0]], capture_output=True, text=True).stdout
    x = re.search(r"Absolute upper-left X:\s+(-?\d+)", info)
    y = re.search(r"Absolute upper-left Y:\s+(-?\d+)", info)
    return (int(x.group(1)), int(y.group(1))) if x and y else None


def centre(node, origin):
    # GTK 4.8 reports extents relative to the window, whatever is asked.
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    return (origin[0] + extents.x + extents.width // 2,
            origin[1] + extents.y + extents.height // 2)


def xdotool(*args):
    subprocess.run(["xdotool", *[str(a) for a in args]], check=True)
    time.sleep(0.08)


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


def label_texts(app, pattern):
    return [n.get_name() for n in find_all(app, "label", pattern)]


env = dict(os.environ)
env["GTK_A11Y"] = "atspi"
env.pop("NO_AT_BRIDGE", None)
# Folders of its own: no recent files, no recovery copies left from before.
home = tempfile.mkdtemp(prefix="cto-e2e-drag-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    env[var] = os.path.join(home, var.lower())
print("1..5", flush=True)
Atspi.init()
process = subprocess.Popen([program, plan], env=env, stdin=subprocess.DEVNULL)
try:
    app = wait_for(lambda: find_app(process.pid))
    if app is None:
        bail("the program did not show up in the accessibility tree")
    origin = wait_for(window_origin)
    if origin is None:
        bail("no window")

    title = "Choose the software for the assembly line"
    rows = wait_for(lambda: find_all(app, "label", re.escape(title)))
    # Ana's role is on her card only (her name is also in the rows she carries).
    cards = wait_for(lambda: find_all(app, "label", r"^Co-founder, CEO$"))
    report(bool(rows) and bool(cards), "the row and the card are found by name")
    if not rows or not cards:
        bail("widgets missing")
    report("Unassigned" in " ".join(label_texts(app, r"Unassigned")),
           "the unassigned responsibility says so in words")

    drag(centre(rows[0], origin), centre(cards[0], origin))
    loads = wait_for(lambda: [t for t in label_texts(app, r"of 4 h") if t.startswith("5 of 4 h")],
                     seconds=5)
    report(bool(loads), "dropping the row on Ana's card assigns it",
           f"loads: {label_texts(app, r'of 4 h')}")

    xdotool("key", "--clearmodifiers", "ctrl+z")
    back = wait_for(lambda: [t for t in label_texts(app, r"of 4 h") if t.startswith("2 of 4 h")],
                    seconds=5)
    report(bool(back), "Ctrl+Z takes the drop back", f"loads: {label_texts(app, r'of 4 h')}")

    xdotool("key", "--clearmodifiers", "ctrl+q")
    try:
        process.wait(timeout=10)
        report(process.returncode == 0, "Ctrl+Q quits when nothing is unsaved")
    except subprocess.TimeoutExpired:
        report(False, "Ctrl+Q quits when nothing is unsaved")
finally:
    if process.poll() is None:
        process.kill()
        process.wait()
    shutil.rmtree(home, ignore_errors=True)

passed = sum(tests)
print(f"# {passed} passed, {len(tests) - passed} failed")
sys.exit(0 if all(tests) and len(tests) == 5 else 1)
