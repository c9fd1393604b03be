#!/usr/bin/python3
"""The first run as a new user does it (issue 25), driven for real.

A one-person 3D-model studio starts Smallprint with nothing, fills in its organisation,
takes four activities from the starter catalogue, types its own processors over the
example text, and exports its privacy notice as PDF and as a web page. Every input is a
real pointer click or real typing (xdotool) into the release build under Xvfb; AT-SPI
(the window's accessibility tree, which screen readers use) only tells where a control
is, as a person's eyes would. Each action is counted: a click, or a click and typing
into one field. A screenshot is taken at each stage, and at the end every typed value is
read back from the saved workspace file (an independent reader: Python's json).

Run by scripts/first-run/run, which starts Xvfb, D-Bus and the AT-SPI bus.
"""

import json
import os
import subprocess
import sys
import time

import pyatspi

OUT = os.environ["WALK_OUT"]
BIN = os.environ["SMALLPRINT_BIN"]
HOME = os.environ["HOME"]

actions = []


def log(text):
    print(text, flush=True)


def find_app(wait=20):
    start = time.time()
    while time.time() - start < wait:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == os.path.basename(BIN):
                return app
        time.sleep(0.5)
    raise SystemExit("the window never appeared on the accessibility bus")


def walk(acc):
    yield acc
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            yield from walk(child)


def extents(acc):
    e = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x, e.y, e.width, e.height


def find_all(name=None, roles=None, prefix=None):
    hits = []
    for acc in walk(find_app()):
        try:
            acc_name = acc.name or ""
            role = acc.getRoleName()
        except Exception:
            continue
        if roles and role not in roles:
            continue
        if name is not None and acc_name != name:
            continue
        if prefix is not None and not acc_name.startswith(prefix):
            continue
        try:
            x, y, w, h = extents(acc)
        except Exception:
            continue
        if w <= 0 or h <= 0:
            continue
        hits.append(acc)
    return hits


def find(name=None, roles=None, prefix=None, nth=0, wait=8):
    start = time.time()
    while True:
        hits = find_all(name=name, roles=roles, prefix=prefix)
        if len(hits) > nth:
            return hits[nth]
        if time.time() - start > wait:
            raise SystemExit(f"not found: {name or prefix!r} ({roles}) #{nth}")
        time.sleep(0.3)


def window():
    ids = subprocess.run(
        ["xdotool", "search", "--name", "Smallprint"], capture_output=True, text=True
    ).stdout.split()
    return ids[0]


def xdo(*args):
    subprocess.run(["xdotool", *args], check=True)


def window_box():
    out = subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", window()], capture_output=True, text=True
    ).stdout
    values = dict(line.split("=", 1) for line in out.split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


scrolls = []


def bring_into_view(acc):
    """Scrolls with the mouse wheel over the control's pane, as a person would, until
    the control is inside the window (between the menu bar and the status bar)."""
    wx, wy, ww, wh = window_box()
    top, bottom = wy + 26, wy + wh - 34
    for _ in range(80):
        x, y, w, h = extents(acc)
        if y >= top and y + h <= bottom:
            return
        button = "5" if y + h > bottom else "4"
        xdo("mousemove", str(min(max(x + w // 2, wx + 5), wx + ww - 5)), str(wy + wh // 2))
        xdo("click", button)
        scrolls.append(button)
        time.sleep(0.12)
    raise SystemExit(f"could not scroll {acc.name!r} into view")


def click_at(acc):
    xdo("windowfocus", "--sync", window())
    bring_into_view(acc)
    time.sleep(0.3)
    x, y, w, h = extents(acc)
    xdo("mousemove", str(x + w // 2), str(y + h // 2))
    xdo("click", "1")
    time.sleep(0.6)


BUTTONS = ("push button", "toggle button", "link", "check box", "radio button", "label")
FIELDS = ("text", "entry", "editbar", "password text", "terminal")


def click(name, what=None, nth=0, roles=BUTTONS, prefix=False):
    acc = find(name=None if prefix else name, prefix=name if prefix else None, roles=roles, nth=nth)
    click_at(acc)
    actions.append(what or f"click “{name}”")
    log(f"{len(actions):3}. {actions[-1]}")


def type_into(label, text, nth=0):
    """One action: click the field labelled `label` and type `text` into it."""
    acc = find(name=label, roles=FIELDS, nth=nth)
    click_at(acc)
    # Typed as a person types, a key at a time (xdotool's default delay).
    xdo("type", "--delay", "25", text)
    time.sleep(0.5)
    actions.append(f"type “{text}” into “{label}”" + (f" #{nth + 1}" if nth else ""))
    log(f"{len(actions):3}. {actions[-1]}")
    typed.append((label, text))


typed = []


def shot(name):
    path = os.path.join(OUT, f"{name}.png")
    time.sleep(1.0)
    subprocess.run(["import", "-window", "root", path], check=True)
    log(f"     screenshot {path}")


def main():
    log("Start: no data folder, no workspace.")
    shot("01-welcome")
    click("Start empty")

    click("Organisation")
    type_into("Legal name", "Ottoline Marsh")
    type_into("Trading name", "Marsh Miniatures")
    type_into("Street address", "Unit 4, Old Tannery Yard")
    type_into("Town or city", "Bristol")
    type_into("Postcode", "BS1 6QA")
    type_into("Email", "hello@marsh-miniatures.example")
    shot("02-organisation")

    click("Register")
    click("Kind of business", roles=("combo box", "push button"))
    click("Digital downloads / 3D or design studio")
    shot("03-catalogue")
    # Four of the studio's six: no fraud screening, no marketing to past customers.
    for purpose in (
        "Provide digital products and licences",
        "Make commissioned work from customers' files and photos",
        "Send our newsletter to people who sign up",
        "Keep accounts and tax records",
    ):
        rows = find_all(prefix=purpose[:24], roles=("label",))
        if not rows:
            shot("failed")
            raise SystemExit(f"the catalogue does not list {purpose}")
        row_y = extents(rows[0])[1]
        adds = [
            a
            for a in find_all(name="Add", roles=("push button",))
            if abs(extents(a)[1] - row_y) < 12
        ]
        if not adds:
            raise SystemExit(f"no Add button beside {purpose}")
        click_at(adds[0])
        actions.append(f"Add “{purpose}”")
        log(f"{len(actions):3}. {actions[-1]}")
    click("Close the catalogue")

    def open_activity(purpose):
        click(
            purpose[:24],
            what=f"open “{purpose}”",
            roles=("push button", "toggle button", "radio button"),
            prefix=True,
        )

    open_activity("Provide digital products and licences")
    shot("04-activity")
    type_into("Processor", "Payfair Payments Ltd")
    type_into("Contract or terms", "Payfair merchant agreement, data processing annex (2025)")
    type_into("Processor", "Hostwell Web Services", nth=1)
    type_into("Contract or terms", "Hostwell customer DPA, signed 3 March 2025", nth=1)
    type_into("Other recipients", "Etsy, which also decides how it uses your data")
    shot("05-activity-done")

    open_activity("Make commissioned work from customers' files and photos")
    type_into("Processor", "Boxdrop cloud storage")
    type_into("Contract or terms", "Boxdrop business terms and DPA")
    type_into("Processor", "Payfair Payments Ltd", nth=1)
    type_into("Contract or terms", "Payfair merchant agreement, data processing annex (2025)", nth=1)
    click("Confirm", what="Confirm the example source (people in customers' photos)")

    open_activity("Send our newsletter to people who sign up")
    type_into("Processor", "Mailkite")
    type_into("Contract or terms", "Mailkite data processing addendum")
    click("Confirm", what="Confirm where the consent records are kept")

    open_activity("Keep accounts and tax records")
    type_into("Processor", "Ledgerly bookkeeping")
    type_into("Contract or terms", "Ledgerly terms of service, GDPR schedule")
    click("Confirm", what="Confirm “Our accountant” as a recipient")
    click("Confirm", what="Confirm the law (Taxes Management Act 1970, s.12B)")
    shot("06-register")

    click("Documents")
    shot("07-documents")
    click("Export PDF…")
    shot("08-chooser")
    click("Save", roles=("push button",))
    shot("09-exported-pdf")
    click("Export HTML…")
    click("Save", roles=("push button",))
    shot("10-exported-html")
    click("Overview")
    shot("11-overview")

    with open(os.path.join(OUT, "actions.json"), "w", encoding="utf-8") as f:
        json.dump(
            {"actions": actions, "wheel_turns": len(scrolls), "typed": typed},
            f,
            indent=1,
            ensure_ascii=False,
        )
    log(f"{len(actions)} actions, and {len(scrolls)} turns of the mouse wheel to bring controls into view.")


if __name__ == "__main__":
    main()
