#!/usr/bin/python3
"""End to end, from the keyboard alone, as a person does it: the built
program on a new plan, three people added (Shift+Ctrl+P, a name, Enter) and
a responsibility given to one of them from its row's menu (Ctrl+F and Tab to
the list, Shift+F10, Assign To…, a name, Enter); the main menu (F10) and
the keyboard shortcuts (Ctrl+?), both made when first asked for; Export…,
an arrow to a format and Enter. Then a
plan of sixty people, where Ctrl+F and a name find the person; F6 reaches
the As of control, where Space, Down and Enter show the plan as of today;
Shift+F10 there opens nothing, and on a card the card's menu; and that window at 800×600, whose coverage strip is compact and still names
each function and its status. Widgets are found through the accessibility tree, as a screen
reader finds them; keys go through X (xdotool).

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import json
import os
import re
import subprocess
import sys
import time

from e2e_util import (BUTTONS, Tap, bail, find_all, focus_window, key, label_texts, n_windows,
                      program_env, start, stop, type_text, wait_for, window_origin, window_titles,
                      xdotool)
from gi.repository import Atspi  # noqa: E402  (its version is set by e2e_util)

program = sys.argv[1]

PEOPLE = ("Rosa Novak", "Ivo Petrov", "Mei Tanaka")
FUNCTIONS = ("planning", "infrastructure", "consumer-liaison", "thinker")
FUNCTION_NAMES = ("Planning", "Infrastructure", "Consumer liaison", "Thinker")


def window_width(title):
    ids = window_titles(title)
    if not ids:
        return None
    info = subprocess.run(["xwininfo", "-id", ids[0]], capture_output=True, text=True).stdout
    width = re.search(r"Width:\s+(\d+)", info)
    return int(width.group(1)) if width else None


def sixty_people_plan(folder):
    """A plan of sixty people and four hundred responsibilities, one of
    them Rosa Novak; its path."""
    people = [{"id": f"p{i}", "name": f"Person {i:02d}", "role": "Engineer", "capacity": 40}
              for i in range(59)]
    people.insert(31, {"id": "rosa", "name": "Rosa Novak", "role": "Data engineer",
                       "capacity": 32, "end": "2020-01-01"})
    responsibilities = [{"id": f"r{i}", "title": f"Responsibility number {i}",
                         "function": FUNCTIONS[i % 4], "effort": 2,
                         "assignees": [{"person": people[i % 60]["id"]}]}
                        for i in range(400)]
    path = os.path.join(folder, "team.ctoplan.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"format": "cto-planner-plan", "version": 1, "title": "Sixty people",
                   "people": people, "responsibilities": responsibilities}, out)
    return path


env, home = program_env("keyboard")
tap = Tap(10)

# A new plan, from the keyboard alone.
process, app = start([program], env)
try:
    if wait_for(lambda: window_origin("Untitled plan")) is None:
        bail("no window")
    focus_window("Untitled plan")

    added = True
    windows = n_windows(app)
    for name in PEOPLE:
        key("ctrl+shift+p")
        if not wait_for(lambda: n_windows(app) > windows, seconds=10):
            bail("Shift+Ctrl+P opened no Add Person dialog")
        # The focus is in the name: type, and Enter adds.
        type_text(name)
        key("Return")
        shown = wait_for(lambda: n_windows(app) == windows and
                         label_texts(app, "^" + re.escape(name) + "$"), seconds=10)
        added = added and bool(shown)
    count = wait_for(lambda: label_texts(app, r"^3 people$"), seconds=5)
    tap.report(added and bool(count),
               "Shift+Ctrl+P, a name and Enter add a person, three times",
               f"{label_texts(app, r'people$')}")

    # Ctrl+F, then Tab: the list of responsibilities, one Tab stop away from
    # its search, where Shift+F10 opens the focused row's menu.
    before = find_all(app, r", carried by Ivo Petrov, ", "list item")
    key("ctrl+f")
    key("Tab")
    key("shift+F10")
    items = wait_for(lambda: find_all(app, r"^Assign To…$", "menu item"), seconds=5)
    tap.report(bool(items), "Ctrl+F and Tab reach the list; Shift+F10 opens a row's menu")
    if not items:
        bail("no row menu")

    # Assign To… opens the picker with the focus in its search: a name and
    # Enter give the responsibility to that person.
    key("Return")
    time.sleep(0.5)
    type_text("Ivo")
    key("Return")
    carried = wait_for(lambda: find_all(app, r", carried by Ivo Petrov, ", "list item"),
                       seconds=10)
    tap.report(not before and carried is not None and len(carried) == 1,
               "Ivo and Enter give it to Ivo Petrov, as its row now says",
               carried[0].get_name() if carried else "")

    # The main menu, made when first opened, opens with F10; Ctrl+? shows
    # the keyboard shortcuts, built when first asked for.
    key("Escape")
    key("F10")
    entries = wait_for(lambda: find_all(app, r"^Keyboard Shortcuts$", "menu item"), seconds=5)
    tap.report(bool(entries), "F10 opens the main menu, with Keyboard Shortcuts")
    key("Escape")
    windows = n_windows(app)
    key("ctrl+question")
    shortcuts = wait_for(lambda: n_windows(app) > windows and
                         find_all(app, r"^Save as$", "label"), seconds=10)
    tap.report(bool(shortcuts), "Ctrl+? shows the keyboard shortcuts")
    key("Escape")

    # Export… from the main menu opens on the board pack; Down to the
    # coverage page as a picture and Enter: the file for that format.
    key("F10")
    wait_for(lambda: find_all(app, r"^Export…$", "menu item"), seconds=5)
    key("e")
    wait_for(lambda: label_texts(app, r"^Export the Plan$"), seconds=10)
    time.sleep(0.5)
    key("Down")
    key("Down")
    key("Return")
    chooser = wait_for(lambda: window_titles(r"^Export as "), seconds=10)
    tap.report(chooser is not None and bool(window_titles(r"^Export as Coverage page \(PNG\)$")),
               "Export…, Down to the coverage page (PNG) and Enter ask where to write a PNG",
               f"{len(window_titles(r'^Export as '))} file choosers")
    key("Escape")
finally:
    stop(process, home)

# Sixty people: the search finds one by name. Folders of its own: the
# program stopped above left a copy of its unsaved plan to recover.
env, home = program_env("search")
plan = sixty_people_plan(home)
process, app = start([program, plan], env)
try:
    if wait_for(lambda: window_origin("Sixty people")) is None:
        bail("no window for the plan of sixty people")
    focus_window("Sixty people")
    wait_for(lambda: label_texts(app, r"^60 people$"), seconds=20)
    key("ctrl+f")
    type_text("Rosa Novak")
    found = wait_for(lambda: label_texts(app, r"^1 of 60 people$"), seconds=10)
    cards = wait_for(lambda: find_all(app, r"^Options for Rosa Novak$"), seconds=5)
    others = find_all(app, r"^Options for Person ")
    tap.report(bool(found) and bool(cards) and not others,
               "Ctrl+F and a name show that person's card alone, 1 of 60",
               f"{label_texts(app, r'of 60 people$')}, {len(others)} other cards")
    key("Escape")

    # F6 goes from the list's pane to the people's, first to its As of
    # control; Space opens it, and Down and Enter pick today: Rosa, who
    # left in 2020, is shown gone.
    gone = r"^Left 1 January 2020$"
    before = label_texts(app, gone)
    key("F6")
    key("space")
    time.sleep(0.5)
    key("Down")
    key("Return")
    left = wait_for(lambda: label_texts(app, gone), seconds=10)
    tap.report(not before and bool(left),
               "F6, Space, Down and Enter show the plan as of today: Rosa has left",
               f"{label_texts(app, r'^(Whole Plan|Today, .*)$')}")

    # Shift+F10 on the As of control opens nothing: not the search field's
    # Cut, Copy and Paste, which the window passes keys on to. On a card,
    # past the Add Person button, it opens the card's own menu.
    key("shift+F10")
    time.sleep(0.5)
    clipboard = find_all(app, r"^(Cut|Copy|Paste)$", "menu item")
    key("Tab")
    key("Tab")
    key("shift+F10")
    items = wait_for(lambda: find_all(app, r"^What If They Leave\?$", "menu item"), seconds=5)
    tap.report(not clipboard and bool(items),
               "Shift+F10 opens no menu of the search from the As of control, and a card's own",
               f"{[n.get_name() for n in clipboard]}")
    key("Escape")

    # A small screen: the strip still names each function and its status.
    ids = window_titles("Sixty people")
    xdotool("windowsize", ids[0], 800, 600, pause=1.5)
    width = wait_for(lambda: window_width("Sixty people") == 800 and 800, seconds=5)
    # Each tile is named by its function, short, and says its status in
    # words; full tiles would be about 150 px tall.
    tiles = wait_for(lambda: [n for n in FUNCTION_NAMES
                              if any(tile.get_extents(Atspi.CoordType.WINDOW).height <= 60
                                     for tile in find_all(app, "^" + re.escape(n) + "$", "panel"))
                              ] == list(FUNCTION_NAMES), seconds=5)
    statuses = [b.get_name() for n in FUNCTION_NAMES
                for b in find_all(app, "^" + re.escape(n) + ": ", BUTTONS)]
    tap.report(width == 800 and bool(tiles) and len(statuses) == 4,
               "at 800×600 the window keeps its width, and the strip is compact: "
               "each function's tile short, with its name and status",
               f"width {window_width('Sixty people')}, {statuses}")
finally:
    stop(process, home)

tap.finish()
