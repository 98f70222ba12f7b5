"""PDF pages to `Page` models read with PDFium (pypdfium2): the default engine.

PDFium reads a real report's content streams some twenty times faster than pdfminer. This
module turns what it reports (each character with its origin and font, each page object)
into the letters and shape dicts pdfplumber makes, so that rects, segments and ruled tables
run through the very code of `ingest.pdf` and give the same `Page`. The letters are plain
tuples (`ingest.pdfium_words` joins them into words as `ingest.pdf` does), not a dict each.

PDFium's character boxes are tight glyph boxes. pdfminer's are font boxes: from the origin
to the advance width along the line, and from the font's descent to one font size above it
across. The boxes here are built that way, from the origin, the loose box's advance and the
descent pdfminer would read (the standard fonts' own metrics, else the font descriptor's).
"""

from __future__ import annotations

import ctypes
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
from rapportextract.ingest.pdfium_shapes import Matrix as _Matrix
from rapportextract.ingest.pdfium_shapes import mult as _mult
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


_STANDARD_FAMILIES = ("Arial", "Courier", "Helvetica", "Symbol", "Times", "ZapfDingbats")
"""The families of the fonts pdfminer keeps metrics of (the 14 standard fonts and the names
Windows gives some of them): only a font of these names has pdfminer's metrics loaded."""


def _standard_metrics(name: str) -> tuple[dict[str, Any], dict[str, int]] | None:
    if not name.startswith(_STANDARD_FAMILIES):
        return None
    from pdfminer.fontmetrics import FONT_METRICS

    found: tuple[dict[str, Any], dict[str, int]] | None = FONT_METRICS.get(name)
    return found


_Font = tuple[str, float, dict[str, int] | None]
"""A font's name, its descent (in ems, negative) and, for a standard font, its widths."""


class _Fonts:
    """Name, descent and widths of each font of a page, looked up once per font. pdfminer
    reads the 14 standard fonts (Helvetica, Times, ...) from its own metrics, whatever the file
    says; PDFium draws them with substitutes of other widths and depths, so for these the
    metrics pdfminer uses are taken too."""

    def __init__(self) -> None:
        self.known: dict[int, _Font] = {}
        self.advances: dict[tuple[int, str], float] = {}
        self.buffer = ctypes.create_string_buffer(256)

    def get(self, address: int) -> _Font:
        """The font at `address` (0 for none)."""
        found = self.known.get(address)
        if found is None:
            # A pointer made from the address, not `ctypes.cast`: a cast pointer and its
            # `_objects` refer to each other, garbage only the collector frees.
            font = pdfium_c.FPDF_FONT.from_buffer_copy(ctypes.c_void_p(address))
            found = self.known[address] = self._read(font)
        return found

    def advance(self, address: int, text: str) -> float:
        """The advance of `text`'s glyph in the font at `address` per point of size, by the
        font's own widths (0 where PDFium cannot tell: not one character, or no glyph for
        it)."""
        if len(text) != 1 or not address:
            return 0.0
        key = (address, text)
        found = self.advances.get(key)
        if found is None:
            font = pdfium_c.FPDF_FONT.from_buffer_copy(ctypes.c_void_p(address))
            width = ctypes.c_float()
            ok = pdfium_c.FPDFFont_GetGlyphWidth(font, ord(text), ctypes.c_float(1.0),
                                                 ctypes.byref(width))
            found = self.advances[key] = float(width.value) if ok else 0.0
        return found

    def _read(self, font: Any) -> _Font:
        size = pdfium_c.FPDFFont_GetBaseFontName(font, self.buffer, len(self.buffer))
        name = self.buffer.raw[: max(size - 1, 0)].decode("utf-8", "replace") if size else ""
        metrics = _standard_metrics(name)
        if metrics is not None:
            descent_em = metrics[0].get("Descent", 0)
            assert isinstance(descent_em, int | float)
            return name, -abs(float(descent_em)) / 1000, metrics[1]
        descent = ctypes.c_float()
        if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(descent)):
            return name, -abs(descent.value) / 1000, None
        return name, 0.0, None


def _page_matrix(page: Any) -> tuple[_Matrix, float, float]:
    """PDF space to pdfplumber's top-down space as pdfminer sets it for the page's turn, and
    the page's width and height as pdfplumber gives them."""
    # The page's own media box, else the inherited one (PDFium's page box; its media box call
    # reads only the page's own dictionary, and would give US Letter).
    box = page.get_mediabox(fallback_ok=False) or page.get_bbox()
    x0, y0, x1, y1 = (float(v) for v in box)
    turn = page.get_rotation()
    if turn == 90:
        ctm: _Matrix = (0.0, -1.0, 1.0, 0.0, -y0, x1)
    elif turn == 180:
        ctm = (-1.0, 0.0, 0.0, -1.0, x1, y1)
    elif turn == 270:
        ctm = (0.0, 1.0, -1.0, 0.0, y1, -x0)
    else:
        ctm = (1.0, 0.0, 0.0, 1.0, -x0, -y0)
    # PDFium keeps the box in single precision; four decimals give back the file's numbers
    # (595.2756), as pdfplumber reads them.
    width, height = (round(v, 4) for v in (x1 - x0, y1 - y0))
    if turn in (90, 270):
        width, height = height, width
    # then flipped: top = height - y, as pdfplumber does
    return _mult(ctm, (1.0, 0.0, 0.0, -1.0, 0.0, height)), width, height


class _Oblique(Exception):
    """A page with letters set at a slant (neither across nor a quarter turn): PDFium's
    loose box of such a letter cannot be turned back into pdfminer's font box, so the page is
    read by the reference reader."""


_Run = tuple[
    str, "dict[str, int] | None", float, float, float, float, float, float, float,
    float, float, float, float, bool, tuple[float, ...], bool, int,
]
"""What the letters of one text object share, worked out once for the run (`_run`)."""


def _run(raw: Any, index: int, obj: Any, fonts: _Fonts, to_top: _Matrix) -> _Run:
    """The run of letter `index`: its matrix is the run's (with a form's, unlike the
    object's own matrix). Font name, standard widths, font size; the matrix's a and scale
    along the line and the squares of its direction; the font box's bottom and top across
    the line; the matrix in top-down page space (a, b, c, d), whether pdfminer calls such a
    letter upright, the letter dict's matrix; whether the advance is measured from PDFium's
    loose box (not from the standard widths); the font's address. Raises `_Oblique` for a
    slanted run."""
    font = _FONT_ADDRESS(obj) or 0
    name, descent, widths = fonts.get(font)
    size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    fontsize = float(size.value)
    fs = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(fs))
    m: _Matrix = (fs.a, fs.b, fs.c, fs.d, 0.0, 0.0)
    pa, pb, pc, pd = _mult(m, to_top)[:4]
    if pa and pb and abs(pa * pb) > 1e-9:
        raise _Oblique  # see `_Oblique`
    a, b = m[:2]
    scale = (a * a + b * b) ** 0.5
    a2, b2 = ((a / scale) ** 2, (b / scale) ** 2) if scale else (0.0, 0.0)
    low = descent * fontsize
    return (
        name, widths, fontsize, a, scale, a2, b2, low, low + fontsize, pa, pb, pc, pd,
        # pdfminer's test, in PDF's upward space: flipping to top-down turns d's sign.
        pa * -pd > 0 and pb * -pc <= 0, (pa, -pb, pc, -pd), widths is None or bool(b) or not scale,
        font,
    )


def _unchecked(func: Any, restype: Any) -> Any:
    """PDFium's `func` without ctypes' conversion of each argument (no `argtypes`): a third of
    the time a call, which counts where five calls are made for every letter. The caller gives
    the arguments as the C function takes them (the text page as pypdfium2's pointer, indexes
    as ints, results through `ctypes.byref`)."""
    bare = type(func)(ctypes.cast(func, ctypes.c_void_p).value)
    bare.restype = restype
    return bare


_GET_UNICODE = _unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_IS_GENERATED = _unchecked(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_MAP_ERROR = _unchecked(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int)
_GET_ORIGIN = _unchecked(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_GET_LOOSE = _unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
# FPDFText_GetTextObject giving the object's address as a number: the letters of a run are
# told apart by it, and turning pypdfium2's pointer into a number cost a ctypes cast a letter.
_TEXT_OBJECT_ADDRESS = _unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_FONT_ADDRESS = _unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)


_SAME_ADVANCE = 0.01
"""Share of the font size: PDFium's step from one letter to the next within this of
pdfminer's width for the first is the same advance (both read the file's widths)."""


def _chars(textpage: Any, to_top: _Matrix, doctop: float) -> list[Letter]:
    """Every letter of the text layer with pdfplumber's letter fields (generated spaces and
    line breaks, which pdfminer does not make, are left out)."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    fonts = _Fonts()
    runs: dict[int, _Run] = {}
    drifts: dict[int, float] = {}
    advances: dict[int, tuple[float, float, float]] = {}  # a run's last letter: x, advances
    chars: list[Letter] = []
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    loose = pdfium_c.FS_RECTF()
    loose_ref = ctypes.byref(loose)
    get_unicode, is_generated, map_error = _GET_UNICODE, _IS_GENERATED, _MAP_ERROR
    text_object, get_origin, get_loose = _TEXT_OBJECT_ADDRESS, _GET_ORIGIN, _GET_LOOSE
    ta, tb, tc, td, te, tf = to_top
    last: tuple[int, float, float] | None = None
    wide: tuple[float, float, float, float] | None = None
    for i in range(count):
        code = get_unicode(raw, i)
        if code in (0x0D, 0x0A, 0xFFFE) or (code in (0x20, 0) and is_generated(raw, i) == 1):
            continue
        # PDFium reports a hyphen that ends a line as 0x02; the file draws a hyphen there.
        text = "-" if code == 0x02 else chr(code) if code else "\ufffd"
        if map_error(raw, i) == 1:
            text = f"(cid:{code})"
        key = text_object(raw, i)
        if not key:
            continue
        run = runs.get(key)
        if run is None:
            obj = pdfium_c.FPDF_PAGEOBJECT.from_buffer_copy(ctypes.c_void_p(key))
            run = runs[key] = _run(raw, i, obj, fonts, to_top)
        (name, widths, fontsize, a, scale, a2, b2, low, high, pa, pb, pc, pd, upright, matrix,
         measured, font) = run
        get_origin(raw, i, ox_ref, oy_ref)
        x, y = ox.value, oy.value
        if (key, x, y) == last:
            # One glyph for several letters (a ligature "ff" mapped to two): PDFium gives
            # each letter the glyph's place, pdfminer one letter with both.
            # The glyph is the ligature's, not its first letter's: its loose box holds it.
            prev_box = chars[-1][1:5] if wide is None else wide
            chars[-1] = (chars[-1][0] + text, *prev_box, *chars[-1][5:])
            continue
        last = (key, x, y)
        get_loose(raw, i, loose_ref)
        if measured:
            # The advance along the line, in text space, from the loose box's extent.
            extent = ((loose.right - loose.left) ** 2 * a2
                      + (loose.top - loose.bottom) ** 2 * b2) ** 0.5 if scale else 0.0
            adv = loose_adv = extent / scale if scale else 0.0
            if not b2 and scale and (
                    0 < (width := fonts.advance(font, text)) * fontsize < adv):
                # the font's own advance, where the loose box overhangs it (an "f" of an
                # embedded font): the box pdfminer gives, from the file's widths
                adv = width * fontsize
        else:
            # PDFium set the letters of this run with its substitute's widths: the drift from
            # pdfminer's widths so far moves this letter along the line too. The letter
            # before adds the difference of its width and its loose box, PDFium's advance;
            # but where its loose box is not the step PDFium took from it (an "f" whose box
            # overhangs) and that step is pdfminer's width, both read the file's widths and
            # it adds only what they round apart ("onl y" of a file that gives its widths).
            adv = loose_adv = widths.get(text, 0) / 1000 * fontsize  # type: ignore[union-attr]
            drift = drifts.get(key, 0.0)
            before = advances.get(key)
            if before is not None:
                step, width, box = x - before[0], before[1], before[2]
                near = _SAME_ADVANCE * fontsize * scale
                drift += width - (step if abs(box - step) > near >= abs(step - width) else box)
            drifts[key] = drift
            advances[key] = (x, adv * scale, loose.right - loose.left)
            x += drift * a / scale
        # the letter's origin in top-down page space, then its font box from there
        px, py = ta * x + tc * y + te, tb * x + td * y + tf
        # pdfminer's box: its lower-left and upper-right corners through the matrix (only
        # those two, also for a turned letter), put in order
        x0, x1 = px + pc * low, px + pa * adv + pc * high
        y0, y1 = py + pd * low, py + pb * adv + pd * high
        wide = None
        if loose_adv != adv:  # the box by the loose extent, should a ligature's letter follow
            wx1, wy1 = px + pa * loose_adv + pc * high, py + pb * loose_adv + pd * high
            wide = (min(x0, wx1), max(x0, wx1), min(y0, wy1), max(y0, wy1))
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        chars.append((text, x0, x1, y0, y1, doctop + y0, upright, name, y1 - y0, matrix))
    return chars


def _sheet(page: Any, number: int, doctop: float) -> _Sheet:
    to_top, width, height = _page_matrix(page)
    objects: dict[str, list[dict[str, Any]]] = {"rect": [], "line": [], "curve": [], "image": []}
    textpage = page.get_textpage()
    try:
        letters = encoded_letters(_chars(textpage, to_top, doctop))
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
    except _Oblique:
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
