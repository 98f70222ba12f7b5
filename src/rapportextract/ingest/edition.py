"""The edition of a document (FACTS-SPEC section 1): the option, else the year in the title on
page 1, else a four-digit year in the file name."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import regex

from rapportextract.errors import EditionNotFoundError
from rapportextract.models import BlockKind, Document

EditionSource = Literal["option", "title", "filename"]

# Reports of this series appear from the 1990s on; a year outside that range in a title is
# more likely a count ("2500 woningen") than an edition.
_YEAR = regex.compile(r"(?<![\d.,])(199\d|20\d\d)(?![\d.,]\d)")
_TITLE_LINES = 5


def years_in(text: str) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(text)]


def title_lines(doc: Document) -> list[str]:
    """The first lines of page 1: its headings before the first paragraph, else its first
    lines of text."""
    if not doc.pages:
        return []
    blocks = [b for b in doc.pages[0].blocks if b.text]
    headings: list[str] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            headings.append(block.text)
        elif block.kind is BlockKind.PARAGRAPH:
            break
    if headings:
        return headings[:_TITLE_LINES]
    # No heading: a short first line that is not a sentence ("Huurschulden 2024") still
    # reads as a title; a first sentence ("In 2023 daalde ...") names a data year instead.
    for block in blocks:
        if block.kind in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.CHART):
            continue
        first = block.text.splitlines()[0].strip() if block.text else ""
        if first and len(first.split()) <= 12 and not first.endswith((".", "!", "?")):
            return [first]
        return []
    return []


def resolve_edition(doc: Document, option: int | None) -> tuple[int, EditionSource]:
    """Raise `EditionNotFoundError` (naming the file) where no source gives a year."""
    if option is not None:
        return option, "option"
    # A running header of page 1 often carries the report's name and year too.
    headers = [b.text for b in doc.pages[0].blocks if b.kind is BlockKind.HEADER] \
        if doc.pages else []
    for line in [*title_lines(doc), *headers]:
        years = years_in(line)
        if years:
            return years[-1], "title"
    years = years_in(Path(doc.path).stem.replace("_", " "))
    if years:
        return years[-1], "filename"
    raise EditionNotFoundError(
        "no edition year in the title on page 1 or in the file name",
        path=doc.path,
        hint="pass the publication year with --edition YEAR",
    )
