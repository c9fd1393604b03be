"""Reads an HTML file the way a browser would (html5lib, strict) and prints what the
tests check as JSON: every parse error, the visible text, every link, every form with
its fields and their labels, and how many scripts the page has. An independent reader:
nothing here shares code with Smallprint's writer."""

import json
import sys

import html5lib


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def main(path):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    with open(path, "rb") as handle:
        document = parser.parse(handle)
    errors = [str(error) for error in parser.errors]
    labels = {
        label.get("for"): text_of(label) for label in document.iter("label") if label.get("for")
    }
    forms = []
    for form in document.iter("form"):
        fields = []
        for element in form.iter():
            if element.tag in ("input", "textarea", "select"):
                fields.append(
                    {
                        "tag": element.tag,
                        "name": element.get("name"),
                        "type": element.get("type"),
                        "label": labels.get(element.get("id")),
                    }
                )
        forms.append(
            {
                "action": form.get("action"),
                "method": form.get("method"),
                "enctype": form.get("enctype"),
                "fields": fields,
            }
        )
    body = document.find("body")
    print(
        json.dumps(
            {
                "errors": errors,
                "lang": document.get("lang"),
                "title": text_of(document.find("head/title")),
                "text": text_of(body) if body is not None else "",
                "links": [a.get("href") for a in document.iter("a")],
                "forms": forms,
                "scripts": len(list(document.iter("script"))),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
