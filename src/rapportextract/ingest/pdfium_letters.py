"""The letters of a page read with PDFium (pypdfium2), as the tuples `ingest.pdfium_words`
joins into words: the per-letter loop of the PDFium engine (`ingest.pdfium`), kept apart from
the page and document reading around it.

PDFium's character boxes are tight glyph boxes. pdfminer's are font boxes: from the origin
to the advance width along the line, and from the font's descent to one font size above it
across. The boxes here are built that way, from the origin, the loose box's advance and the
descent pdfminer would read (the standard fonts' own metrics, else the font descriptor's).
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from rapportextract.ingest.pdfium_shapes import Matrix, mult
from rapportextract.ingest.pdfium_words import Letter

__all__ = ["Oblique", "page_matrix", "read_letters"]


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


def page_matrix(page: Any) -> tuple[Matrix, float, float]:
    """PDF space to pdfplumber's top-down space as pdfminer sets it for the page's turn, and
    the page's width and height as pdfplumber gives them."""
    # The page's own media box, else the inherited one (PDFium's page box; its media box call
    # reads only the page's own dictionary, and would give US Letter).
    box = page.get_mediabox(fallback_ok=False) or page.get_bbox()
    x0, y0, x1, y1 = (float(v) for v in box)
    turn = page.get_rotation()
    if turn == 90:
        ctm: Matrix = (0.0, -1.0, 1.0, 0.0, -y0, x1)
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
    return mult(ctm, (1.0, 0.0, 0.0, -1.0, 0.0, height)), width, height


class Oblique(Exception):
    """A page with letters set at a slant (neither across nor a quarter turn): PDFium's
    loose box of such a letter cannot be turned back into pdfminer's font box, so the page is
    read by the reference reader."""


_Run = tuple[
    str, "dict[str, int] | None", float, float, float, float, float, float, float,
    float, float, float, float, bool, tuple[float, ...], bool, int,
]
"""What the letters of one text object share, worked out once for the run (`_run`)."""


def _run(raw: Any, index: int, obj: Any, fonts: _Fonts, to_top: Matrix) -> _Run:
    """The run of letter `index`: its matrix is the run's (with a form's, unlike the
    object's own matrix). Font name, standard widths, font size; the matrix's a and scale
    along the line and the squares of its direction; the font box's bottom and top across
    the line; the matrix in top-down page space (a, b, c, d), whether pdfminer calls such a
    letter upright, the letter dict's matrix; whether the advance is measured from PDFium's
    loose box (not from the standard widths); the font's address. Raises `Oblique` for a
    slanted run."""
    font = _FONT_ADDRESS(obj) or 0
    name, descent, widths = fonts.get(font)
    size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    fontsize = float(size.value)
    fs = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(fs))
    m: Matrix = (fs.a, fs.b, fs.c, fs.d, 0.0, 0.0)
    pa, pb, pc, pd = mult(m, to_top)[:4]
    if pa and pb and abs(pa * pb) > 1e-9:
        raise Oblique  # see `Oblique`
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


def _along(box: tuple[float, ...], xs: tuple[float, float], ys: tuple[float, float],
           pa: float, pb: float) -> tuple[float, float, float, float]:
    """`box` (x0, x1, top, bottom) widened along its line (across the page where the run's
    a outweighs its b, else down it) to hold the points `xs`, `ys`; across the line it stays
    the font box."""
    x0, x1, top, bottom = box[:4]
    if abs(pa) >= abs(pb):
        return min(x0, *xs), max(x1, *xs), top, bottom
    return x0, x1, min(top, *ys), max(bottom, *ys)


def read_letters(textpage: Any, to_top: Matrix, doctop: float) -> list[Letter]:
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
            # The letter reaches as far along the line as this one's box does, or a word
            # space opens after it: a ligature that a marked span gives the letters of has
            # its glyph's box split between them by PDFium ("f" the left half, "i" the
            # right: "profi el"), and a combining accent without advance shares its
            # origin with the letter after it, whose box is the wider ("geïn d").
            get_loose(raw, i, loose_ref)
            prev_box = _along(chars[-1][1:5] if wide is None else wide,
                              (ta * loose.left + tc * loose.bottom + te,
                               ta * loose.right + tc * loose.top + te),
                              (tb * loose.left + td * loose.bottom + tf,
                               tb * loose.right + td * loose.top + tf), pa, pb)
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
