#!/usr/bin/python3
"""End to end, as a person does it: the org chart of three hundred people.
It opens at its top, with the head of the company on screen; Fit the Whole
Chart shows every box inside the view; Ctrl+0 brings it back to its actual
size at its top, where most are off screen and the head is on it. Widgets
are found through the accessibility tree; keys go through X (xdotool).

Runs inside tests/run-display-test.sh (its own X server and session bus).
Prints TAP."""
import json
import os
import sys

from e2e_util import (BUTTONS, Tap, activate, bail, find_all, focus_window, key, program_env,
                      start, stop, wait_for, window_origin)
from gi.repository import Atspi  # noqa: E402  (its version is set by e2e_util)

program = sys.argv[1]
N_PEOPLE = 300




def big_plan(folder):
    """Three hundred people, each of five reporting to one above them."""
    people = [{"id": "p0", "name": "Ana Head", "role": "CEO", "capacity": 40}]
    people += [{"id": f"p{i}", "name": f"Person {i:03d}", "role": "Engineer", "capacity": 40,
                "reports_to": f"p{(i - 1) // 5}"} for i in range(1, N_PEOPLE)]
    path = os.path.join(folder, "company.ctoplan.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"format": "cto-planner-plan", "version": 1, "title": "Three hundred",
                   "people": people, "responsibilities": []}, out)
    return path


def extents(node):
    # GTK 4.8 reports extents relative to the window, whatever is asked.
    return node.get_extents(Atspi.CoordType.WINDOW)


def inside(node, area):
    """Whether the top left corner of @node is inside @area. (GTK 4.8 gives
    the extents of a zoomed box at its place on screen but at its unzoomed
    size.)"""
    box = extents(node)
    return (box.width > 0 and area.x <= box.x < area.x + area.width and
            area.y <= box.y < area.y + area.height)


def boxes(app):
    return find_all(app, r"^(Ana Head|Person \d{3}), .*Reports to ")


env, home = program_env("org-chart")
tap = Tap(4)
process, app = start([program, big_plan(home)], env)
try:
    if wait_for(lambda: window_origin("Three hundred")) is None:
        bail("no window")
    focus_window("Three hundred")

    # The view switcher's tab (the header has a wide and a narrow one).
    switch = wait_for(lambda: find_all(app, r"^Org Chart$", ("page tab",) + BUTTONS))
    if not switch:
        bail("no Org Chart in the view switcher")
    activate(switch[0])
    found = wait_for(lambda: len(boxes(app)) == N_PEOPLE and boxes(app), seconds=20)
    if not found:
        bail(f"the chart shows {len(boxes(app))} boxes of {N_PEOPLE}")
    # What is on screen of the chart: the scrolled pane that holds it.
    pane = None
    for view in find_all(app, r"^Org chart$"):
        node = view
        while node is not None and node.get_role_name() != "scroll pane":
            node = node.get_parent()
        if node is not None:
            pane = node
    if pane is None:
        bail("no scrolled pane around the org chart in the accessibility tree")
    area = extents(pane)

    head = [b for b in found if b.get_name().startswith("Ana Head, ")]
    tap.report(len(head) == 1 and inside(head[0], area),
               "the chart opens at its top: the head of the company is on screen",
               f"view {area.x},{area.y} {area.width}×{area.height}")

    fit = find_all(app, r"^Fit the Whole Chart$", BUTTONS)
    tap.report(bool(fit), "a button fits the whole chart, named in words")
    if not fit:
        bail("no Fit button")
    activate(fit[0])
    # The boxes found above: a walk of the whole tree is slow.
    fitted = wait_for(lambda: all(inside(b, area) for b in found), seconds=10)
    tap.report(bool(fitted), f"Fit shows all {N_PEOPLE} boxes inside the view",
               f"{sum(inside(b, area) for b in found)} inside")

    key("ctrl+0")
    actual = wait_for(lambda: sum(inside(b, area) for b in found) < N_PEOPLE // 2 and
                      inside(head[0], area), seconds=10)
    tap.report(bool(actual), "Ctrl+0 brings the actual size back, at the top: most boxes "
               "off screen, the head of the company on it",
               f"{sum(inside(b, area) for b in found)} inside, head inside: {inside(head[0], area)}")
finally:
    stop(process, home)

tap.finish()
