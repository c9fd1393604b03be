#!/usr/bin/python3
"""Reads back the walkthrough's result with readers independent of Smallprint: the saved
workspace with Python's json (every typed value in its field, no example text left in
the activities), the PDF with pdftotext, the web page with Python's html.parser."""

import html.parser
import json
import os
import subprocess
import sys

home = sys.argv[1]
out = os.environ["WALK_OUT"]
walked = json.load(open(os.path.join(out, "actions.json"), encoding="utf-8"))

def every(suffix):
    """Every file under `home` ending in `suffix`, hidden folders (~/.local) included."""
    return sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(home)
        for name in names
        if name.endswith(suffix)
    )


files = [
    p
    for p in every(".json")
    if "backups" not in p and "example" not in os.path.basename(p)
]
workspaces = []
for path in files:
    try:
        data = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        continue
    if isinstance(data, dict) and "workspace" in data:
        workspaces.append((path, data["workspace"]))
if len(workspaces) != 1:
    raise SystemExit(f"expected one workspace file, found {[p for p, _ in workspaces]}")
path, ws = workspaces[0]
print(f"workspace: {path} (mode {oct(os.stat(path).st_mode & 0o777)})")

org = ws["organisation"]
values = {
    "Legal name": [org.get("legal_name", "")],
    "Trading name": [org.get("trading_name", "")],
    "Street address": ["\n".join(org.get("address", {}).get("lines", []))],
    "Town or city": [org.get("address", {}).get("town", "")],
    "Postcode": [org.get("address", {}).get("postcode", "")],
    "Email": [org.get("email", "")],
    "Processor": [],
    "Contract or terms": [],
    "Other recipients": [],
}
for activity in ws["register"]:
    for processor in activity["processors"]:
        values["Processor"].append(processor["name"])
        values["Contract or terms"].append(processor["contract_reference"])
    values["Other recipients"].append("\n".join(activity.get("other_recipients", [])))
failures = 0
for label, text in walked["typed"]:
    found = any(text == v or text in v.split("\n") for v in values.get(label, []))
    print(f"  {'ok ' if found else 'MISSING'} {label}: {text}")
    failures += not found
def texts(value):
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)


# Example text still standing: a catalogue example still the whole of a field, or a line
# of one, and not confirmed (confirming removes it from the activity's placeholders).
standing = []
for activity in ws["register"]:
    fields = {k: v for k, v in activity.items() if k != "placeholders"}
    values = {line.strip() for text in texts(fields) for line in text.split("\n")}
    standing += [
        (activity["purpose"], p["text"])
        for p in activity.get("placeholders", [])
        if p["text"].strip() in values
    ]
print(f"activities: {len(ws['register'])}; example text still standing: {standing}")
failures += len(standing)

pdfs = every(".pdf")
pages = every(".html")
print(f"exported: {pdfs + pages}")
if not pdfs or not pages:
    raise SystemExit("the notice was not exported as both PDF and HTML")
text = subprocess.run(["pdftotext", pdfs[0], "-"], capture_output=True, text=True).stdout


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


page = Text()
page.feed(open(pages[0], encoding="utf-8").read())
page_text = " ".join(" ".join(page.parts).split())
pdf_text = " ".join(text.split())
for needle in ["Marsh Miniatures", "Payfair Payments Ltd", "Hostwell Web Services", "Mailkite", "Ledgerly bookkeeping", "Boxdrop cloud storage"]:
    for name, body in (("PDF", pdf_text), ("HTML", page_text)):
        ok = needle in body
        print(f"  {'ok ' if ok else 'MISSING'} {name} names {needle}")
        failures += not ok
for example in ["Your payment provider", "Your website host", "Check the provider"]:
    for name, body in (("PDF", pdf_text), ("HTML", page_text)):
        if example in body:
            print(f"  EXAMPLE TEXT in the {name}: {example}")
            failures += 1
print(f"{len(walked['actions'])} actions; {failures} failures")
sys.exit(1 if failures else 0)
