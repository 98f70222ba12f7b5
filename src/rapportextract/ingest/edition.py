"""The edition of a document (docs/outputs.md): the option, else the publication date at the
top of the body (a press release's dateline "Den Haag, 4 april 2019"), else the year in the
title on page 1 (a title year after "in" or "over" is the data year: the edition is the year
after), else a four-digit year in the file name. `Document.edition_source` says which."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import regex

from rapportextract.errors import EditionNotFoundError
from rapportextract.lang import nl
from rapportextract.models import BlockKind, Document
from rapportextract.quantities.phrases import alt

EditionSource = Literal["option", "date", "title", "title_data_year", "filename"]

# Reports of this series appear from the 1990s on; a year outside that range in a title is
# more likely a count ("2500 woningen") than an edition.
_YEAR = regex.compile(r"(?<![\d.,])(199\d|20\d\d)(?![\d.,]\d)")
_TITLE_LINES = 5
_TITLE_WORDS = 16
# How many blocks of page 1 a dateline may stand in: the title block and the body's start.
_DATELINE_BLOCKS = 8


@cache
def _dateline() -> regex.Pattern[str]:
    """A block that opens with a date, after at most a few words of a place and a comma or
    dash: "19 maart 2013", "Den Haag, 4 april 2019", "DEN HAAG - 4 april 2019 -"."""
    ctx = nl.load().contexts
    words = max(0, ctx.dateline_place_words - 1)
    place = rf"(?:\p{{Lu}}[\p{{L}}'’.-]*\s+){{0,{words}}}?"
    return regex.compile(
        rf"^(?:{place}\p{{Lu}}[\p{{L}}'’.-]*\s*[,–—-]\s*)?(?:{alt(ctx.weekdays)}\s+)?"
        rf"(?P<day>\d{{1,2}})\.?\s+{alt(ctx.months)}\s+(?P<year>199\d|20\d\d)(?!\d)",
        regex.IGNORECASE | regex.VERSION1,
    )


@cache
def _data_year_before() -> regex.Pattern[str]:
    return regex.compile(rf"{alt(nl.load().contexts.data_year_before)}\s*$", regex.IGNORECASE)


def dateline_year(doc: Document) -> int | None:
    """The year of a publication date that opens a block at the top of page 1, if any."""
    if not doc.pages:
        return None
    blocks = [b for b in doc.pages[0].blocks
              if b.text and b.kind not in (BlockKind.FOOTER, BlockKind.CHART)]
    for block in blocks[:_DATELINE_BLOCKS]:
        m = _dateline().match(" ".join(block.text.split()))
        if m and 1 <= int(m.group("day")) <= 31:
            return int(m.group("year"))
    return None


def _title_year(line: str, year_match: regex.Match[str]) -> tuple[int, bool]:
    """A title's year, and whether it is the data year ("... in 2012": edition 2013)."""
    year = int(year_match.group(1))
    if _data_year_before().search(line[: year_match.start()]):
        return year + 1, True
    return year, False


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
    dated = dateline_year(doc)
    if dated is not None:
        return dated, "date"
    # A running header of page 1 often carries the report's name and year too.
    headers = [b.text for b in doc.pages[0].blocks if b.kind is BlockKind.HEADER] \
        if doc.pages else []
    # A title block may name the data year as well as the publication year ("... 2009 /
    # Resultaten van de enquête over 2008", "Huisuitzettingen in 2009 / Jaarrapportage 2010"):
    # the edition is the latest year it names.
    titled = [_title_year(line, m) for line in title_lines(doc) for m in _YEAR.finditer(line)]
    if titled:
        # the latest year; of a year named both ways, the title's own ("in 2009 / ... 2010")
        year, data_year = max(titled, key=lambda pair: (pair[0], not pair[1]))
        return year, "title_data_year" if data_year else "title"
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
