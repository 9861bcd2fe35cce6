#!/usr/bin/python3
"""End to end, as a person does it: the built program on the example plan,
widgets found through the accessibility tree (as a screen reader finds them),
keys and clicks through X (xdotool). The header says how many suggestions
there are and lists them; a card's menu opens the what-if mode of a person
leaving; Escape leaves it with nothing changed, so Ctrl+Q quits at once.

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
N_TESTS = 6


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


def find_all(app, pattern, roles=None):
    regex = re.compile(pattern)
    found = []
    for node in walk(app):
        try:
            if (roles is None or node.get_role_name() in roles) and \
                    regex.search(node.get_name() or ""):
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
    time.sleep(0.1)


def activate(node):
    # As a screen reader does it: the node's own action, no pointer.
    action = node.get_action_iface()
    if action is None or action.get_n_actions() == 0:
        return False
    action.do_action(0)
    time.sleep(0.4)
    return True


def click(node, origin):
    x, y = centre(node, origin)
    xdotool("mousemove", x, y)
    xdotool("click", 1)
    time.sleep(0.4)


buttons = ("push button", "toggle button", "button")
env = dict(os.environ)
env["GTK_A11Y"] = "atspi"
env.pop("NO_AT_BRIDGE", None)
home = tempfile.mkdtemp(prefix="cto-e2e-decide-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    env[var] = os.path.join(home, var.lower())
print(f"1..{N_TESTS}", flush=True)
Atspi.init()
process = subprocess.Popen([program, plan], env=env, stdin=subprocess.DEVNULL)
try:
    app = wait_for(lambda: find_app(process.pid))
    if app is None:
        bail("the program did not show up in the accessibility tree")
    origin = wait_for(window_origin)
    if origin is None:
        bail("no window")

    counts = wait_for(lambda: find_all(app, r"^\d+ suggestions?$", buttons))
    report(bool(counts), "the header's control is named by how many suggestions there are",
           f"{[n.get_name() for n in counts or []]}")
    if not counts:
        bail("no suggestions control")

    click(counts[0], origin)
    applies = wait_for(lambda: find_all(app, r"^(Move|Give) “", buttons), seconds=5)
    report(bool(applies), "its list offers each suggestion in words, with Apply",
           f"{[n.get_name() for n in applies or []]}")
    xdotool("key", "--clearmodifiers", "Escape")
    time.sleep(0.3)

    options = wait_for(lambda: find_all(app, r"^Options for Bo Lin$", buttons))
    if not options:
        bail("no menu on Bo Lin's card")
    # A grid recycles its cards: the one on screen is the one that opens.
    items = None
    for option in options:
        activate(option)
        items = wait_for(lambda: find_all(app, r"What If They Leave", ("menu item",)), seconds=3)
        if items:
            break
    report(bool(items), "Bo Lin's menu offers What If They Leave?")
    if not items:
        bail("no menu item")
    activate(items[0])
    bars = wait_for(lambda: find_all(app, r"^What if Bo Lin leaves\?", None), seconds=5)
    # The board shows the plan without Bo Lin: six people of seven.
    without = wait_for(lambda: find_all(app, r"^6 people$", ("label",)), seconds=5)
    report(bool(bars) and bool(without), "the what-if mode says so in words, and shows the plan without them")

    xdotool("key", "--clearmodifiers", "Escape")
    back = wait_for(lambda: find_all(app, r"^7 people$", ("label",)), seconds=5)
    report(bool(back), "Escape leaves the what-if mode")

    # Nothing changed: Ctrl+Q quits without asking about unsaved changes.
    xdotool("key", "--clearmodifiers", "ctrl+q")
    try:
        process.wait(timeout=10)
        report(process.returncode == 0, "the plan is unchanged: Ctrl+Q quits without asking")
    except subprocess.TimeoutExpired:
        report(False, "the plan is unchanged: Ctrl+Q quits without asking")
finally:
    if process.poll() is None:
        process.kill()
        process.wait()
    shutil.rmtree(home, ignore_errors=True)

passed = sum(tests)
print(f"# {passed} passed, {len(tests) - passed} failed")
sys.exit(0 if all(tests) and len(tests) == N_TESTS else 1)
