"""PDF pages to `Page` models: words with boxes and fonts, drawn rects and lines, ruled tables.

The one module that talks to pdfplumber. Each pdfplumber page is closed after use so a long
report keeps memory bounded; the layout (blocks, reading order) is built afterwards from the
models alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from math import ceil
from pathlib import Path
from typing import Any, ClassVar

import pdfplumber
from pdfminer.layout import LTChar, LTCurve, LTTextContainer
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes, lt_pat
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode
from pdfplumber.utils.text import extract_words

from rapportextract.errors import EncryptedPDFError, InputError, RapportExtractError
from rapportextract.ingest.glyphs import (
    clean_letters,
    glyph_notices,
    reverse_right_to_left,
    twin_reach,
)
from rapportextract.ingest.pdf_parts import (
    _TURNED_DIRECTIONS,
    _TURNED_SETTINGS,
    _WORD_SETTINGS,
    _damaged,
    _font_family,
    _is_bold,
    _readable_text,
    _rects,
    _reraise_ours,
    _segments,
    _tables,
    _turned_direction,
    _widthless,
    _widthless_notice,
)
from rapportextract.ingest.word_gaps import cut_word_dict
from rapportextract.layout import normalise_text
from rapportextract.models import Notice, NoticeCode, Page, Word


def _unique_chars(chars: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same letter printed again within a point of itself (a fake bold; further off on
large letters, a shadow: `glyphs.twin_reach`) counts once, and is marked bold (`"bold"`):
drawing a letter twice is how some tools set a bold weight."""
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    # Most letters have no letter of the same text anywhere near: a coarse grid of 4-point
    # cells answers that with one or two lookups, so the nine exact cells are looked up only
    # for the few letters that have a neighbour of their text (a doubled "ee", a fake bold).
    near: set[tuple[str, int, int]] = set()
    doubled: set[tuple[float, float]] = set()
    unique: list[dict[str, Any]] = []
    for c in chars:
        x, y = float(c["x0"]), float(c["top"])
        text = str(c.get("text", ""))
        bx, by = round(x), round(y)
        reach = twin_reach(c.get("size"))
        r = ceil(reach)
        cx0, cx1, cy0, cy1 = (bx - r) >> 2, (bx + r) >> 2, (by - r) >> 2, (by + r) >> 2
        if any(
            (text, gx, gy) in near for gx in range(cx0, cx1 + 1) for gy in range(cy0, cy1 + 1)
        ):
            twin = next((
                (ox, oy) for dx in range(-r, r + 1) for dy in range(-r, r + 1)
                for ox, oy in seen.get((text, bx + dx, by + dy), ())
                if abs(x - ox) <= reach and abs(y - oy) <= reach
            ), None)
            if twin is not None:
                doubled.add(twin)
                continue
        seen.setdefault((text, bx, by), []).append((x, y))
        near.add((text, bx >> 2, by >> 2))
        unique.append(c)
    if doubled:  # the letters kept of a fake bold are set bold
        unique = [
            {**c, "bold": True} if (float(c["x0"]), float(c["top"])) in doubled else c
            for c in unique
        ]
    return unique


def _word(raw: dict[str, Any]) -> Word | None:
    text = reverse_right_to_left(normalise_text(str(raw["text"])))
    if not text:
        return None
    fontname = raw.get("fontname")
    return Word(
        text=text,
        bbox=(float(raw["x0"]), float(raw["top"]), float(raw["x1"]), float(raw["bottom"])),
        fontname=fontname,
        size=float(raw["size"]) if raw.get("size") is not None else None,
        bold=_is_bold(fontname) or bool(raw.get("bold")),
    )


def _words(page: Any) -> list[Word]:
    # Sizes are compared exactly when letters are joined into words; rounding keeps float
    # noise in a text matrix (9.96 beside 9.9600001) from cutting a word in two. Letters
    # printed twice (a fake bold) are dropped first.
    upright: list[dict[str, Any]] = []
    turned: dict[str, list[dict[str, Any]]] = {}
    for c in _unique_chars(clean_letters(page.chars)):
        if c.get("upright", True):
            # only the keys word joining reads: copying all of a letter's keys costs more
            upright.append({
                "text": c["text"], "x0": c["x0"], "x1": c["x1"], "top": c["top"],
                "bottom": c["bottom"], "doctop": c["doctop"], "upright": c.get("upright", True),
                "fontname": _font_family(c.get("fontname")),
                "size": round(float(c.get("size") or 0.0), 1),
                "bold": bool(c.get("bold")),
            })
        else:
            char = {**c, "fontname": _font_family(c.get("fontname"))}
            # pdfminer gives a turned letter the length of its box along the line as its
            # size, which differs from letter to letter; the font size is the box's breadth
            # across the line.
            direction = _turned_direction(c)
            across = ("x0", "x1") if direction in ("btt", "ttb") else ("top", "bottom")
            char["size"] = round(float(c[across[1]]) - float(c[across[0]]), 1)
            turned.setdefault(direction, []).append(char)
    raws = [
        piece for raw in extract_words(upright, return_chars=True, **_WORD_SETTINGS)
        for piece in cut_word_dict(raw)
    ]
    for direction, chars in turned.items():
        settings = {**_TURNED_SETTINGS, **_TURNED_DIRECTIONS[direction]}
        raws += [
            {**raw, "size": raw["chars"][0]["size"]}
            for raw in extract_words(chars, return_chars=True, **settings)
        ]
    return [word for raw in raws if (word := _word(raw)) is not None]


def open_pdf(path: Path, password: str | None) -> Any:
    try:
        return pdfplumber.open(path, password=password or "")
    except RapportExtractError:
        raise
    except PdfminerException as exc:
        _reraise_ours(exc)
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            what = "wrong password for encrypted PDF" if password else "PDF is encrypted"
            raise EncryptedPDFError(what, path=path, hint="use --password PW") from exc
        raise InputError(
            f"not a readable PDF ({type(cause).__name__})", path=path,
            hint="check that the file is a complete PDF, not damaged or cut short",
        ) from exc
    except Exception as exc:  # pdfminer raises bare errors on badly damaged files
        _reraise_ours(exc)
        raise InputError(
            f"not a readable PDF ({type(exc).__name__})", path=path,
            hint="check that the file is a complete PDF, not damaged or cut short",
        ) from exc


def plumber_pages(
    pdf: Any, path: Path, notices: list[Notice]
) -> Iterator[tuple[int, Any | None]]:
    """The pages of an open PDF one at a time, so only the page being read is held in memory
    (pdfplumber's `pdf.pages` builds them all at once, and a damaged box or page tree on any
    one of them fails the whole list). A page whose box cannot be read is yielded as None; a
    page tree that breaks off ends the pages with a warning."""
    pages = PDFPage.create_pages(pdf.doc)
    number = 0
    doctop = 0.0
    while True:
        try:
            raw = next(pages)
        except StopIteration:
            return
        except RapportExtractError:
            raise
        except Exception as exc:
            _reraise_ours(exc)
            notices.append(Notice(
                code=NoticeCode.PAGE_LIST_BROKEN, page=number,
                message=f"{path.name}: the page list breaks off after page {number} "
                        f"({type(exc).__name__}); later pages are left out",
            ))
            return
        number += 1
        try:
            page = _Page(pdf, raw, page_number=number, initial_doctop=doctop)
            doctop += float(page.height)
        except RapportExtractError:
            raise
        except Exception as exc:
            _reraise_ours(exc)
            notices.append(_damaged(path, number, exc))
            yield number, None
            continue
        yield number, page


_PLAIN = (float, int, str, bool, type(None))
_PLAIN_TYPES = frozenset(_PLAIN)


def _resolved(value: Any) -> Any:
    # pdfplumber resolves every attribute of every letter recursively, which takes a good
    # part of the time a page takes to read; numbers, names and tuples of numbers (a letter's
    # matrix) resolve to themselves, so only the rest goes through the full resolution.
    if type(value) in _PLAIN:
        return value
    if type(value) is tuple and _PLAIN_TYPES.issuperset(map(type, value)):
        return value
    return resolve_all(value)


_TEXT_OBJECTS = (LTChar, LTTextContainer)


class _Page(PlumberPage):
    """A pdfplumber page that turns layout objects into the same dicts as pdfplumber's own
    `process_object` (0.11), with the cheap resolution above and the object kind looked up
    once per class."""

    _kinds: ClassVar[dict[type, str]] = {}

    def process_object(self, obj: Any) -> dict[str, Any]:
        cls = type(obj)
        kind = self._kinds.get(cls)
        if kind is None:
            kind = self._kinds[cls] = lt_pat.sub("", cls.__name__).lower()
        plain = _PLAIN_TYPES
        attr = {
            k: v if type(v) in plain else _resolved(v)
            for k, v in obj.__dict__.items() if k in ALL_ATTRS
        }
        attr["object_type"] = kind
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = _colour_space_name(getattr(obj, cs).name)
        if isinstance(obj, _TEXT_OBJECTS):
            text = obj.get_text()
            norm = self.pdf.unicode_norm
            attr["text"] = unicodedata.normalize(norm, text) if norm is not None else text
        if isinstance(obj, LTChar):
            gs = obj.graphicstate
            attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
            attr["non_stroking_color"] = (
                gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
            )
            if isinstance(attr["fontname"], bytes):
                attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        elif isinstance(obj, LTCurve):
            coord = self.point2coord
            attr["pts"] = list(map(coord, attr["pts"]))
            attr["path"] = [(cmd, *map(coord, pts)) for cmd, *pts in obj.original_path]  # type: ignore[union-attr]
            attr["dash"] = obj.dashing_style
        mb_x0, mb_top = self.mediabox[:2]
        if "y0" in attr:
            height = self.height
            attr["top"] = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr


def _colour_space_name(name: Any) -> Any:
    # A page has a handful of colour spaces and thousands of letters.
    if type(name) is str:
        return _decoded_name(name)
    return resolve_and_decode(name)


@cache
def _decoded_name(name: str) -> Any:
    return resolve_and_decode(name)


def _page(plumber_page: Any) -> Page:
    words = _words(plumber_page)
    return Page(
        number=plumber_page.page_number,
        width=float(plumber_page.width),
        height=float(plumber_page.height),
        words=words,
        rects=_rects(plumber_page),
        segments=_segments([*plumber_page.lines, *plumber_page.curves]),
        tables=_tables(plumber_page) if words else [],
        has_text_layer=_readable_text(plumber_page, words),
    )


def _read_page(plumber_page: Any, number: int, path: Path) -> tuple[Page, list[Notice]]:
    """One pdfplumber page as a `Page`, and its notices; a damaged page is left empty."""
    notices: list[Notice] = []
    if plumber_page is None:
        return Page(number=number), notices
    try:
        page = _page(plumber_page)
        notices += glyph_notices(path.name, number, plumber_page.chars, page.words)
        if _widthless(plumber_page.chars):
            notices.append(_widthless_notice(path, number))
    except RapportExtractError:
        raise
    except Exception as exc:  # one damaged page should not lose the document
        _reraise_ours(exc)
        page = Page(number=number)
        notices.append(_damaged(path, number, exc))
    finally:
        plumber_page.close()
    return page, notices


def _page_count_hint(pdf: Any) -> int:
    """The page count the page tree claims (0 where it cannot be read): only a hint for the
    progress shown. The pages themselves are counted as they are read."""
    try:
        count = resolve_all(pdf.doc.catalog["Pages"]).get("Count", 0)
        return count if isinstance(count, int) else 0
    except Exception:  # a damaged page tree: the pages are read one by one in any case
        return 0


def read_pdf_pages(
    path: Path,
    *,
    password: str | None = None,
    check: Callable[[], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Page], str | None, list[Notice]]:
    """Every page of the PDF as a `Page` (no blocks yet), the title in its metadata, and
    notices about pages that could not be read, in page order.

    Pages are read one at a time and each is closed before the next is opened, so the memory
    a long report takes grows with the words it holds, not with pdfminer's page objects.
    `check` is called before each page (it raises once the document's time is up).
    `progress(done, total)` is called as pages are read (`total` is the count the page
    tree claims, or the pages read so far where it claims fewer)."""
    pdf = open_pdf(path, password)
    notices: list[Notice] = []
    pages: list[Page] = []
    try:
        title = pdf.metadata.get("Title") if isinstance(pdf.metadata, dict) else None
        claimed = _page_count_hint(pdf) if progress is not None else 0
        for number, plumber_page in plumber_pages(pdf, path, notices):
            if check is not None:
                check()  # raises ExtractionTimeout once the document's time is up
            page, page_notices = _read_page(plumber_page, number, path)
            if progress is not None:
                progress(len(pages) + 1, max(claimed, len(pages) + 1))
            pages.append(page)
            notices.extend(page_notices)
        if not pages:
            raise InputError("PDF has no pages", path=path, hint="check the export of the file")
        lost = sum(1 for n in notices if n.code is NoticeCode.DAMAGED_PAGE)
        if lost == len(pages):
            # Every page damaged: an empty document would pass for a report without figures.
            raise InputError(
                f"none of its {len(pages)} pages could be read", path=path,
                hint="check that the file is a complete PDF, not damaged or cut short",
            )
    finally:
        close_pdf(pdf)
    return pages, (str(title) if title else None), notices


def close_pdf(pdf: Any) -> None:
    """Close the file without `pdf.close()`: that builds every page object again (to close
    each), which costs memory on a long report and fails on a page with a damaged box. The
    pages read here are closed one by one already."""
    pdf.flush_cache()
    pdf.stream.close()
