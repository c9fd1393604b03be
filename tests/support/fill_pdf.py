"""Fills a PDF form's text fields the way a person's PDF reader would, with pypdf (an
independent library), and saves it: argv[1] the form, argv[2] where to save, then
name=value pairs."""

import sys

from pypdf import PdfReader, PdfWriter


def main(source, target, pairs):
    values = dict(pair.split("=", 1) for pair in pairs)
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    with open(target, "wb") as handle:
        writer.write(handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
