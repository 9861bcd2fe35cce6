"""What the end-to-end tests share: TAP output, the built program started
with folders of its own and the accessibility bus, the application found in
the accessibility tree by its process, the window on the screen, and the
pointer and keys through X (xdotool).

The tests run inside tests/run-display-test.sh (its own X server and session
bus); Python finds this module next to them, in the folder of the script."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# The roles a button has, whatever GTK version names it.
BUTTONS = ("push button", "toggle button", "button")


class Tap:
    """TAP output of a plan of @planned tests."""

    def __init__(self, planned):
        self.planned = planned
        self.results = []
        print(f"1..{planned}", flush=True)

    def report(self, ok, name, note=""):
        self.results.append(ok)
        print(f"{'ok' if ok else 'not ok'} {len(self.results)} {name}"
              f"{(' # ' + note) if note else ''}", flush=True)

    def finish(self):
        passed = sum(self.results)
        print(f"# {passed} passed, {len(self.results) - passed} failed")
        sys.exit(0 if all(self.results) and len(self.results) == self.planned else 1)


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


def program_env(name):
    """An environment for the program, with the accessibility bus, and HOME
    and the XDG folders in a new folder (returned too) named after @name:
    no recent files, no recovery copies, no settings left from before."""
    folder = tempfile.mkdtemp(prefix=f"cto-e2e-{name}-")
    env = dict(os.environ)
    env["GTK_A11Y"] = "atspi"
    env.pop("NO_AT_BRIDGE", None)
    for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state")):
        env[var] = os.path.join(folder, sub)
        os.makedirs(env[var])
    Atspi.init()
    # The program answers slowly under the sanitizers: a call waits up to
    # ten seconds for its reply (half a minute while it starts), not the
    # default of less than one, after which it is lost.
    Atspi.set_timeout(10000, 30000)
    return env, folder


def start(argv, env, stderr=None):
    """The program started with @argv, and its application in the
    accessibility tree; bails out if it does not show up. Its standard error
    goes to @stderr, an open file, if given."""
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stderr=stderr)
    app = wait_for(lambda: find_app(process.pid))
    if app is None:
        stop(process)
        bail("the program did not show up in the accessibility tree")
    return process, app


def stop(process, folder=None):
    """Ends @process if it still runs, and removes @folder."""
    if process.poll() is None:
        process.kill()
        process.wait()
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def exit_status(process, seconds=10):
    """The exit status of @process, or None if it still runs after @seconds."""
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
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


def find_all(app, pattern, roles=None):
    """The nodes below @app whose name @pattern finds, of one of @roles
    (a role name or a tuple of them; any role when None)."""
    if isinstance(roles, str):
        roles = (roles,)
    regex = re.compile(pattern)
    found = []
    for node in walk(app):
        try:
            if (roles is None or node.get_role_name() in roles) and \
                    regex.search(node.get_name() or ""):
                found.append(node)
        except GLib.Error:
            continue
    return found


def label_texts(app, pattern):
    return [n.get_name() for n in find_all(app, pattern, "label")]


def window_titles(pattern):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", pattern],
                          capture_output=True, text=True).stdout.split()


def window_origin(title="Acme Robotics"):
    out = window_titles(title)
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


def xdotool(*args, pause=0.1):
    subprocess.run(["xdotool", *[str(a) for a in args]], check=True)
    time.sleep(pause)


def click_at(node, origin):
    """A click with the pointer at the centre of @node."""
    x, y = centre(node, origin)
    xdotool("mousemove", x, y)
    xdotool("click", 1)
    time.sleep(0.4)


def activate(node):
    """As a screen reader does it: the node's first action, no pointer."""
    action = node.get_action_iface()
    if action is None or action.get_n_actions() == 0:
        return False
    action.do_action(0)
    time.sleep(0.4)
    return True


def press(node):
    """The node's click (or press, or activate) action, no pointer."""
    for i in range(node.get_n_actions()):
        if node.get_action_name(i) in ("click", "press", "activate"):
            return node.do_action(i)
    return node.do_action(0)


def key(*keys):
    """Keys pressed as a person presses them: "ctrl+o", "Return", …"""
    xdotool("key", "--clearmodifiers", *keys, pause=0.3)


def type_text(text):
    xdotool("type", "--delay", "20", text, pause=0.3)


def n_windows(app):
    """How many windows the program shows: each is a child of its
    application in the accessibility tree."""
    try:
        return app.get_child_count()
    except GLib.Error:
        return 0


def focus_window(title):
    """Gives the window titled @title the keyboard, as a click on it would:
    the X server of the tests has no window manager to do it."""
    ids = window_titles(title)
    if ids:
        xdotool("windowfocus", "--sync", ids[0], pause=0.3)
    return bool(ids)
