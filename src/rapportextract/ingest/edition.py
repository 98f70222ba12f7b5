"""The edition of a document (docs/outputs.md): the option, else the year in the title on
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
_TITLE_WORDS = 16


def years_in(text: str) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(text)]


def _title_like(text: str) -> bool:
    """A short piece of text that is not a sentence: a title, subtitle or tagline."""
    return bool(text) and len(text.split()) <= _TITLE_WORDS and not text.endswith(
        (".", "!", "?", ":")
    )


def title_lines(doc: Document) -> list[str]:
    """The title block of page 1: its headings and short non-sentence lines (title, subtitle,
    "Jaarrapportage 2010") up to the first sentence."""
    if not doc.pages:
        return []
    found: list[str] = []
    for block in doc.pages[0].blocks:
        if block.kind in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.CHART) or not block.text:
            continue
        text = " ".join(block.text.split())
        if block.kind is BlockKind.HEADING or _title_like(text):
            found.append(text)
            if len(found) == _TITLE_LINES:
                break
            continue
        break  # the first sentence ends the title block
    return found


def resolve_edition(doc: Document, option: int | None) -> tuple[int, EditionSource]:
    """Raise `EditionNotFoundError` (naming the file) where no source gives a year."""
    if option is not None:
        return option, "option"
    # A running header of page 1 often carries the report's name and year too.
    headers = [b.text for b in doc.pages[0].blocks if b.kind is BlockKind.HEADER] \
        if doc.pages else []
    # A title block may name the data year as well as the publication year ("... 2009 /
    # Resultaten van de enquête over 2008", "Huisuitzettingen in 2009 / Jaarrapportage 2010"):
    # the edition is the latest year it names.
    years = [y for line in title_lines(doc) for y in years_in(line)]
    if years:
        return max(years), "title"
    for line in headers:
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
