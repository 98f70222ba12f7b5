"""The parts of reading a PDF page that do not need pdfplumber: word settings, fonts, shapes,
ruled tables, whether a page's text layer stands for it, and the notices of a page. Both
engines use them; `ingest.pdf` (pdfplumber) is imported only on its own path, where a page
needs pdfplumber's word joining or the reference reader.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import regex

from rapportextract.errors import RapportExtractError
from rapportextract.ingest.glyphs import placeholders, without_placeholders
from rapportextract.layout import normalise_text
from rapportextract.layout.ruled import is_text_table
from rapportextract.models import (
    Notice,
    NoticeCode,
    Rect,
    Segment,
    TableCell,
    TableGrid,
    Word,
)

# pdfminer and pdfplumber log a warning for every oddity of a damaged file ("Could not get
# FontBBox ..."). With no handler anywhere, Python prints those on stderr, between the one-line
# messages a user should see; a NullHandler keeps them quiet unless the application sets up
# logging itself (records still reach the application's handlers).
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
"""The Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) and their letters, as pdfplumber writes them out."""

# pdfplumber's default joins letters up to 3 pt apart into one word, which swallows the word
# spaces of PDFs that position words without space characters; a fifth of the font size keeps
# kerned letters together and word spaces apart.
_WORD_SETTINGS: dict[str, Any] = {
    "x_tolerance_ratio": 0.2,
    "y_tolerance": 3,
    "keep_blank_chars": False,
    "use_text_flow": False,
    "extra_attrs": ["fontname", "size", "bold"],
}
# Turned letters are grouped by font alone (their `size` is set in `_words`); a word takes the
# size of its first letter.
_TURNED_SETTINGS: dict[str, Any] = {**_WORD_SETTINGS, "extra_attrs": ["fontname"]}
_BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi")


def _is_bold(fontname: str | None) -> bool:
    name = (fontname or "").lower()
    return any(mark in name for mark in _BOLD_MARKS)


def _colour(value: object) -> tuple[float, ...] | None:
    if isinstance(value, int | float):
        return (float(value),)
    if isinstance(value, Sequence) and not isinstance(value, str):
        try:
            return tuple(float(v) for v in value)
        except (TypeError, ValueError):
            return None
    return None


# A font embedded in parts carries a six-letter tag per part ("ABCDEF+Arial"); letters of one
# word drawn from two parts of the same font must not be told apart by the tag.
_SUBSET_TAG = regex.compile(r"^[A-Z]{6}\+")

# Letters turned a quarter (an axis title, a label along the margin) run up or down the page;
# their lines follow each other to the right (read upwards) or to the left (read downwards).
# Letters that pdfminer calls not upright but that still run across the page (mirrored or
# skewed text) are read as lines across.
_TURNED_DIRECTIONS: dict[str, dict[str, str]] = {
    "btt": {"char_dir_rotated": "btt", "line_dir_rotated": "ltr"},
    "ttb": {"char_dir_rotated": "ttb", "line_dir_rotated": "rtl"},
    "ltr": {"char_dir_rotated": "ltr", "line_dir_rotated": "ttb"},
}


@cache
def _font_family(fontname: object) -> str | None:
    # cached: a page draws thousands of letters from a handful of fonts
    if fontname is None:
        return None
    return str(_SUBSET_TAG.sub("", str(fontname)))


def _turned_direction(char: dict[str, Any]) -> str:
    """Which way a letter that is not upright reads: up the page when its text matrix turns
    it a quarter anticlockwise, down the page when clockwise, across the page otherwise."""
    a, b = (float(v) for v in (char.get("matrix") or (1.0, 0.0))[:2])
    if abs(b) <= abs(a):
        return "ltr"
    return "btt" if b > 0 else "ttb"


def _rects(page: Any) -> list[Rect]:
    return [
        Rect(
            bbox=(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])),
            fill=_colour(r.get("non_stroking_color")) if r.get("fill") else None,
        )
        for r in page.rects
    ]


def _segments(objects: Iterable[dict[str, Any]]) -> list[Segment]:
    return [
        Segment(
            points=[(float(x), float(y)) for x, y in obj.get("pts", [])],
            stroke=_colour(obj.get("stroking_color")),
            # Open filled paths are bars too (Illustrator and spreadsheet exports draw them so).
            fill=_colour(obj.get("non_stroking_color")) if obj.get("fill") else None,
        )
        for obj in objects
        if obj.get("pts")
    ]


def _tables(page: Any) -> list[TableGrid]:
    grids: list[TableGrid] = []
    for table in page.find_tables():
        texts = table.extract()
        rows: list[list[TableCell | None]] = []
        for r, row in enumerate(table.rows):
            cells: list[TableCell | None] = []
            for c, box in enumerate(row.cells):
                if box is None:
                    cells.append(None)
                    continue
                text = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
                cells.append(
                    TableCell(text=normalise_text(without_placeholders(text or "")),
                              bbox=tuple(map(float, box)))
                )
            rows.append(cells)
        if is_text_table(rows):
            grids.append(TableGrid(bbox=tuple(map(float, table.bbox)), rows=rows))
    return grids


def _widthless(chars: Sequence[dict[str, Any]]) -> bool:
    """Most letters of the page have no width: their font could not be read (a damaged file
    whose font object is lost), so every letter sits on the one before and words cannot be
    told apart."""
    if len(chars) < 5:
        return False
    flat = sum(1 for c in chars if float(c["x1"]) - float(c["x0"]) <= 0.01)
    return flat > 0.5 * len(chars)


def _readable_text(page: Any, words: Sequence[Word]) -> bool:
    """Whether the page's text layer can stand for the page. Not so: no words; mostly
    unmapped glyph codes ("(cid:12)"), which only OCR can read; or a page-filling image
    with no more than a stamped page number on it."""
    if not words:
        return False
    chars = page.chars
    if placeholders(chars) > 0.3 * len(chars):
        return False
    area = float(page.width) * float(page.height)
    covered = max(
        ((float(i["x1"]) - float(i["x0"])) * (float(i["bottom"]) - float(i["top"]))
         for i in page.images),
        default=0.0,
    )
    # A cover photo with a title on it has a few words more than a stamped page number.
    return not (covered > 0.5 * area and len(words) <= 2)


def _reraise_ours(exc: BaseException) -> None:
    """Raise our own error again where a PDF library caught it and wrapped it: the time limit
    fires wherever the parser is, and pdfplumber turns anything raised while a page is
    interpreted into a `PdfminerException`."""
    if isinstance(exc, RapportExtractError):
        raise exc
    for inner in (*exc.args, exc.__cause__, exc.__context__):
        if isinstance(inner, RapportExtractError):
            raise inner from None


def _widthless_notice(path: Path, number: int) -> Notice:
    return Notice(
        code=NoticeCode.WIDTHLESS_LETTERS, page=number,
        message=f"{path.name}: page {number} has letters without width (a damaged or "
                "missing font); its text may run together",
    )


def _damaged(path: Path, number: int, exc: Exception) -> Notice:
    return Notice(
        code=NoticeCode.DAMAGED_PAGE, page=number,
        message=f"{path.name}: page {number} could not be read ({type(exc).__name__}); "
                "it is left empty",
    )
