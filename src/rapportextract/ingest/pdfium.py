"""PDF pages to `Page` models read with PDFium (pypdfium2): the default engine.

PDFium reads a real report's content streams some twenty times faster than pdfminer. This
module turns what it reports (each character with its origin and font, each page object)
into the letters and shape dicts pdfplumber makes, so that rects, segments and ruled tables
run through the very code of `ingest.pdf` and give the same `Page`. The letters are plain
tuples (`ingest.pdfium_words` joins them into words as `ingest.pdf` does), not a dict each.

The letters themselves, with pdfminer's font boxes built from PDFium's glyph boxes, are
read by `ingest.pdfium_letters`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from rapportextract.errors import InputError, RapportExtractError
from rapportextract.ingest.glyphs import (
    encoded_letters,
    glyph_notices,
    has_right_to_left,
    needs_cleaning,
    placeholders,
)
from rapportextract.ingest.pdf_parts import (
    _damaged,
    _readable_text,
    _rects,
    _reraise_ours,
    _segments,
    _tables,
    _widthless_notice,
)
from rapportextract.ingest.pdfium_letters import Oblique, page_matrix, read_letters
from rapportextract.ingest.pdfium_shapes import page_objects as _objects
from rapportextract.ingest.pdfium_words import Letter, letter_dict, letter_words
from rapportextract.models import Notice, NoticeCode, Page, Word

__all__ = ["read_pdfium_pages"]

class _Sheet:
    """The shapes of one page as pdfplumber's dicts, and its letters as `Letter` tuples: what
    `ingest.pdf`'s shape and table code reads from a pdfplumber page. Letter dicts are made
    only for what asks for them (a table's text). pdfplumber (its table finder) is loaded
    only for a page with lines or rectangles, where a ruled table can be."""

    def __init__(
        self, number: int, width: float, height: float,
        objects: dict[str, list[dict[str, Any]]], letters: list[Letter],
    ) -> None:
        self.page_number = number
        self.width = width
        self.height = height
        self.bbox = (0.0, 0.0, width, height)
        self._objects = objects
        self.letters = letters

    @property
    def objects(self) -> dict[str, list[dict[str, Any]]]:
        return self._objects

    @property
    def rects(self) -> list[dict[str, Any]]:
        return self._objects.get("rect", [])

    @property
    def lines(self) -> list[dict[str, Any]]:
        return self._objects.get("line", [])

    @property
    def curves(self) -> list[dict[str, Any]]:
        return self._objects.get("curve", [])

    @property
    def images(self) -> list[dict[str, Any]]:
        return self._objects.get("image", [])

    @property
    def chars(self) -> list[dict[str, Any]]:
        return [letter_dict(c) for c in self.letters]

    @cached_property
    def odd(self) -> bool:
        """Whether its letters hold what `glyphs.clean_letters` mends (code-point halves, a
        set fraction, glyph codes without text) or a right-to-left script, whose words the
        reference reader turns: such a page is read from letter dicts."""
        text = "".join(c[0] for c in self.letters)
        return needs_cleaning(text) or has_right_to_left(text)

    def odd_letters(self) -> list[dict[str, Any]]:
        """The letters `glyphs.glyph_notices` needs to see: none on a page without oddities."""
        return self.chars if self.odd else []

    def find_tables(self) -> list[Any]:
        if not (self.rects or self.lines or self.curves):
            return []  # pdfplumber's table finder finds tables by their ruling: none here
        from pdfplumber.table import TableFinder, TableSettings

        sheet = _ruled_sheet()(self.page_number, self.width, self.height, self._objects,
                               self.letters)
        tables = TableFinder(sheet, TableSettings.resolve(None)).tables  # type: ignore[arg-type]
        for table in tables:
            # A table's text is read from the letters whose middle is in a cell: those in
            # its box are all it can take, and testing only them saves testing the page's
            # thousands for every row.
            x0, top, x1, bottom = table.bbox
            inside = [
                c for c in self.letters
                if x0 <= (c[1] + c[2]) / 2 < x1 and top <= (c[3] + c[4]) / 2 < bottom
            ]
            table.page = _Sheet(  # type: ignore[assignment]
                self.page_number, self.width, self.height, {}, inside)
        return tables


@cache
def _ruled_sheet() -> type[_Sheet]:
    """`_Sheet` as a pdfplumber `Container` (its edges), what pdfplumber's table finder reads."""
    from pdfplumber.container import Container

    class RuledSheet(_Sheet, Container):
        pass

    return RuledSheet


def _sheet(page: Any, number: int, doctop: float) -> _Sheet:
    to_top, width, height = page_matrix(page)
    objects: dict[str, list[dict[str, Any]]] = {"rect": [], "line": [], "curve": [], "image": []}
    textpage = page.get_textpage()
    try:
        letters = encoded_letters(read_letters(textpage, to_top, doctop))
    finally:
        textpage.close()
    _objects(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, to_top,
             doctop, height, objects)
    return _Sheet(number, width, height, objects, letters)


def _widthless(letters: list[Letter]) -> bool:
    """`ingest.pdf._widthless` on letter tuples."""
    if len(letters) < 5:
        return False
    return sum(1 for c in letters if c[2] - c[1] <= 0.01) > 0.5 * len(letters)


def _page(sheet: _Sheet) -> Page:
    # The fast joining of letter tuples; a page whose letters need mending goes the way of
    # the reference reader's letter dicts, which `glyphs.clean_letters` mends first.
    words = None if sheet.odd else letter_words(sheet.letters)
    if words is None:
        from rapportextract.ingest.pdf import _words

        words = _words(sheet)
    return Page(
        number=sheet.page_number, width=sheet.width, height=sheet.height, words=words,
        rects=_rects(sheet), segments=_segments([*sheet.lines, *sheet.curves]),
        tables=_tables(sheet) if words else [],
        has_text_layer=_readable(sheet, words),
    )


def _readable(sheet: _Sheet, words: list[Word]) -> bool:
    """`ingest.pdf._readable_text` without a letter dict for every letter: a glyph code
    without text ("(cid:12)") is only in a letter whose text holds "(cid:", so only those are
    counted, against all of the page's letters; the rest of the test is asked of a sheet
    without letters."""
    coded = [letter_dict(c) for c in sheet.letters if "(cid:" in c[0]]
    if placeholders(coded) > 0.3 * len(sheet.letters):
        return False
    bare = _Sheet(sheet.page_number, sheet.width, sheet.height, sheet.objects, [])
    return _readable_text(bare, words)


_PageRead = tuple[Page | None, list[Notice]]
"""A page read (None: to be read by the reference reader) and its notices."""


def _read_page(pdf: Any, number: int, path: Path, doctop: float) -> tuple[_PageRead, float]:
    """One page as a `Page` and the document offset of the next; a damaged page is left empty
    with a warning, a page of slanted letters left to the reference reader (None). The
    collector is paused while the page is parsed: its thousands of letter dicts live only
    until the page is done, and would wake it many times over for nothing."""
    notices: list[Notice] = []
    paused = gc.isenabled()
    gc.disable()
    read: Page | None
    try:
        page = pdf[number - 1]
        try:
            sheet = _sheet(page, number, doctop)
            doctop += sheet.height
            read = _page(sheet)
            notices += glyph_notices(path.name, number, sheet.odd_letters(), read.words)
            if _widthless(sheet.letters):
                notices.append(_widthless_notice(path, number))
        finally:
            page.close()
    except Oblique:
        read = None
    except RapportExtractError:
        raise
    except Exception as exc:  # one damaged page should not lose the document
        _reraise_ours(exc)
        read = Page(number=number)
        notices.append(_damaged(path, number, exc))
    finally:
        if paused:
            gc.enable()
    return (read, notices), doctop


def open_pdfium(path: Path, password: str | None) -> Any | None:
    """The PDF opened by PDFium, or None where PDFium cannot open it."""
    try:
        return pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError:
        return None


def _title(pdf: Any) -> str | None:
    try:
        title = pdf.get_metadata_value("Title")
    except Exception:  # a damaged info dictionary: the title comes from the first page
        return None
    return str(title) if title else None


def read_pdfium_pages(
    path: Path,
    *,
    password: str | None = None,
    check: Callable[[], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Page], str | None, list[Notice]]:
    """Every page of the PDF as a `Page` (no blocks yet), the title in its metadata, and
    notices about pages that could not be read: `ingest.pdf.read_pdf_pages` with PDFium
    (which also reads a file PDFium cannot open). `check` raises once the time is up;
    `progress(done, total)` is called as pages are read."""
    pdf = open_pdfium(path, password)
    if pdf is None:
        # PDFium gives one error code for several faults (a file without pages passes for an
        # encrypted one): the reference reader says what is wrong, or reads what it can.
        from rapportextract.ingest.pdf import read_pdf_pages

        return read_pdf_pages(path, password=password, check=check, progress=progress)
    try:
        title = _title(pdf)
        count = len(pdf)
        if count == 0:
            raise InputError("PDF has no pages", path=path, hint="check the export of the file")
        pages: list[Page | None] = []
        notices: list[Notice] = []
        doctop = 0.0
        for number in range(1, count + 1):
            if check is not None:
                check()
            (page, page_notices), doctop = _read_page(pdf, number, path, doctop)
            pages.append(page)
            notices.extend(page_notices)
            if progress is not None:
                progress(number, count)
        slanted = {i + 1 for i, page in enumerate(pages) if page is None}
        if slanted:
            for number, (page, page_notices) in _reference_pages(path, password, slanted, check):
                pages[number - 1] = page
                notices.extend(page_notices)
            notices.sort(key=lambda n: n.page or 0)
        if sum(1 for n in notices if n.code is NoticeCode.DAMAGED_PAGE) == len(pages):
            raise InputError(
                f"none of its {len(pages)} pages could be read", path=path,
                hint="check that the file is a complete PDF, not damaged or cut short",
            )
    finally:
        pdf.close()
    return [page or Page(number=i + 1) for i, page in enumerate(pages)], title, notices


def _reference_pages(
    path: Path, password: str | None, numbers: set[int], check: Callable[[], None] | None
) -> Iterator[tuple[int, tuple[Page, list[Notice]]]]:
    """These pages read by the reference reader (`ingest.pdf`)."""
    from rapportextract.ingest import pdf as reference

    plumber = reference.open_pdf(path, password)
    try:
        for number, plumber_page in reference.plumber_pages(plumber, path, []):
            if check is not None:
                check()
            if number in numbers:
                yield number, reference._read_page(plumber_page, number, path)
            elif plumber_page is not None:
                plumber_page.close()
    finally:
        reference.close_pdf(plumber)
