#!/usr/bin/python3
"""Reads the window through AT-SPI, as Orca does, and drives it by keys (xdotool).

What the AT-SPI adapter of AccessKit 0.21 passes on is less than the tree holds (the
kittests in tests/it/access.rs read the tree itself): no heading levels, no Table
interface (rows and cells are children), no combo box value (Smallprint repeats it as
the description on Linux). This shows what Orca gets today.

For each screen: its level-1 heading, the headings, the tables (rows and columns the
Table interface reports), every combo box's name and value, and unnamed controls. Then
where the keyboard is after switching screens and after F6. Prints a report; exits 1 if
a screen has no heading named as the screen, or the requests table is missing.
"""

import os
import subprocess
import sys
import time

import pyatspi

BIN = os.path.basename(os.environ["SMALLPRINT_BIN"])
SCREENS = ["Overview", "Organisation", "Register", "Requests", "Breaches",
           "Calendar", "Documents", "Website kit", "Settings"]
failures = []


def app():
    for _ in range(40):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is not None and child.name == BIN:
                return child
        time.sleep(0.5)
    sys.exit("the window never appeared on the accessibility bus")


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


def attributes(acc):
    try:
        found = acc.getAttributes()
    except Exception:
        return {}
    if isinstance(found, dict):
        return found
    return dict(a.split(":", 1) for a in found if ":" in a)


def focused():
    for acc in walk(app()):
        try:
            if acc.getState().contains(pyatspi.STATE_FOCUSED):
                return f"{acc.getRoleName()} “{acc.name}”"
        except Exception:
            pass
    return "nothing"


def key(name, wait=0.6):
    subprocess.run(["xdotool", "key", name], check=True)
    time.sleep(wait)


def window():
    out = subprocess.run(["xdotool", "search", "--name", "Smallprint|Kestrel"],
                         capture_output=True, text=True).stdout.split()
    return out[0] if out else None


def press(name):
    for acc in walk(app()):
        try:
            if acc.getRoleName() in ("push button", "toggle button") and acc.name == name:
                action = acc.queryAction()
                action.doAction(0)
                time.sleep(1.0)
                return
        except Exception:
            continue
    failures.append(f"no button {name}")


def screen_report(screen):
    headings, tables, combos, unnamed = [], [], [], 0
    for acc in walk(app()):
        try:
            role = acc.getRoleName()
            name = acc.name or ""
        except Exception:
            continue
        if role == "heading":
            headings.append((attributes(acc).get("level", "?"), name))
        elif role == "table":
            try:
                t = acc.queryTable()
                tables.append(f"“{name}” {t.nRows} rows × {t.nColumns} columns, headers: "
                              + ", ".join(t.getColumnHeader(c).name or "?" for c in range(t.nColumns)))
            except Exception:
                roles = [d.getRoleName() for d in walk(acc)]
                headers = [d.name for d in walk(acc) if d.getRoleName() == "column header"]
                tables.append(f"“{name}” (rows and cells as children, no Table interface): "
                              f"{roles.count('table row')} rows, "
                              f"{roles.count('table cell')} cells, headers: "
                              + ", ".join(headers))
        elif role == "combo box":
            value = ""
            try:
                value = acc.queryText().getText(0, -1)
            except Exception:
                pass
            if not value:
                try:
                    value = str(acc.queryValue().currentValue)
                except Exception:
                    pass
            combos.append(f"“{name}” value “{value}”, description “{acc.description}”")
        elif role in ("push button", "entry", "check box", "combo box", "radio button") and not name:
            unnamed += 1
    print(f"\n## {screen}")
    print("headings: " + "; ".join(f"h{level} {name}" for level, name in headings[:12])
          + (f"; … ({len(headings)} in all)" if len(headings) > 12 else ""))
    # AccessKit's AT-SPI adapter (0.21) passes no heading level on: the title is the
    # first heading of the screen's content.
    content = [name for level, name in headings]
    if screen not in content:
        failures.append(f"{screen}: no heading “{screen}”")
    for table in tables:
        print("table: " + table)
    for combo in combos:
        print("combo: " + combo)
    print(f"unnamed controls: {unnamed}")
    return tables


win = window()
if win:
    subprocess.run(["xdotool", "windowfocus", "--sync", win])
print(f"# AT-SPI audit of {BIN} on the example shop")
print(f"window name: “{app().getChildAtIndex(0).name}”")
for screen in SCREENS:
    press(screen)
    tables = screen_report(screen)
    print(f"keyboard after switching: {focused()}")
    if screen == "Requests" and not any(t.startswith("“Requests”") for t in tables):
        failures.append("no requests table")

print("\n## Keys")
key("F6")
print(f"F6: {focused()}")
key("F6")
print(f"F6 again: {focused()}")
key("Tab")
key("Tab")
print(f"Tab, Tab: {focused()}")
print("\n" + ("all checks passed" if not failures else "FAILURES:\n" + "\n".join(failures)))
sys.exit(1 if failures else 0)
