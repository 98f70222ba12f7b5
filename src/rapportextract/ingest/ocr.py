"""Pages without a text layer (scans) read by OCR: the page drawn as an image by pdfium, its
words and their boxes read by Tesseract with its Dutch language data.

Tesseract is a program of its own, not a Python package: where it is missing, or has no Dutch
data (`tesseract --list-langs` shows no ``nld``), scanned pages stay empty with a warning, as
without OCR. Nothing is downloaded. Install it with the system's packages, e.g.
``apt-get install tesseract-ocr tesseract-ocr-nld`` (Debian, Ubuntu) or ``brew install
tesseract tesseract-lang`` (macOS).

The words come back in the same form as those of a text layer (PDF points, top-left origin),
each with the top and bottom of its line; body lines share one size, so that the layout tells
paragraphs and headings apart as it does on typeset pages (`parse_tsv`).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import statistics
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rapportextract.errors import ExtractionTimeout, InputError
from rapportextract.limits import Deadline
from rapportextract.models import Word

LANGUAGE = "nld"
DPI = 300
"""Tesseract reads print best at 300 dots per inch; a page of A4 is then 2480 x 3508 pixels."""

ONE_THREAD = {"OMP_THREAD_LIMIT": "1"}
"""Tesseract's own threads make it slower, not faster (a page: 2.1 s with them, 0.5 s on one
thread, here); pages are read side by side instead (`ocr_pages`)."""

MIN_CONFIDENCE = 30.0
"""Words Tesseract is less sure of than this (0-100) are left out: specks, rules and the edges
of pictures read as letters."""


@dataclass(frozen=True)
class OcrEngine:
    """The Tesseract found on this system."""

    program: str
    version: str


@cache
def find_engine() -> OcrEngine | None:
    """Tesseract with Dutch language data, or None where either is missing."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        version = subprocess.run([program, "--version"], capture_output=True, text=True,
                                 timeout=30, check=True).stdout.splitlines()
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True,
                                timeout=30, check=True)
        langs = (listed.stdout + listed.stderr).split()  # older versions print to stderr
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in langs:
        return None
    return OcrEngine(program, version[0].strip() if version else "tesseract")


MISSING_HINT = ("install Tesseract with its Dutch data (e.g. apt-get install tesseract-ocr "
                "tesseract-ocr-nld) for rapportextract to read scans, or run OCR first "
                "(e.g. ocrmypdf) and read the OCR'd PDF")


def _open(path: Path, password: str | None) -> Any:
    import pypdfium2 as pdfium  # pdfplumber's own renderer

    return pdfium.PdfDocument(str(path), password=password)


def render_page(pdf: Any, number: int) -> bytes:
    """Page `number` (1-based) of a pdfium document as a greyscale PNG at `DPI`."""
    page = pdf[number - 1]
    try:
        image = page.render(scale=DPI / 72).to_pil().convert("L")
    finally:
        page.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def read_words(
    engine: OcrEngine, image: bytes, *, limit: Deadline | None = None,
    path: Path | None = None,
) -> list[Word]:
    """The words Tesseract reads in a PNG of a page drawn at `DPI`. Raises `limit`'s
    `errors.ExtractionTimeout` once its time is up, `errors.InputError` where Tesseract
    fails."""
    try:
        done = subprocess.run(
            [engine.program, "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
            input=image, capture_output=True, timeout=limit.remaining() if limit else None,
            check=False, env={**os.environ, **ONE_THREAD},
        )
    except subprocess.TimeoutExpired as exc:
        assert limit is not None  # only a limit sets a timeout
        raise limit.error() from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"OCR failed ({reason[-1] if reason else done.returncode})",
                         path=path, hint=MISSING_HINT)
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str, dpi: int = DPI) -> list[Word]:
    """Tesseract's TSV output as words in PDF points (rows of level 4 are lines, of level 5
    words), each with the top and bottom of its line and a size (`_sized`)."""
    scale = 72 / dpi
    lines: dict[tuple[str, ...], tuple[float, float]] = {}
    found: list[tuple[tuple[str, ...], str, float, float, float, float]] = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12:
            continue
        level, key = fields[0], tuple(fields[1:5])  # page, block, paragraph, line
        try:
            left, top, width, height = (int(v) for v in fields[6:10])
            confidence = float(fields[10])
        except ValueError:
            continue
        if level == "4":
            lines[key] = (top * scale, (top + height) * scale)
        elif level == "5":
            text = _TESSERACT_LETTERS.sub(lambda m: _SPELLED[m.group()], fields[11].strip())
            if text and confidence >= MIN_CONFIDENCE:
                found.append((key, text, left * scale, top * scale, (left + width) * scale,
                               (top + height) * scale))
    return _sized(lines, found)


_SPELLED = {"\u0132": "IJ", "\u0133": "ij"}
"""Tesseract's Dutch data reads IJ as one letter (U+0132); reports spell it with two."""
_TESSERACT_LETTERS = re.compile("|".join(_SPELLED))

_SAME_SIZE = (0.75, 1.3)
"""A line whose height is within these factors of the page's usual line height is body text
of the usual size (`_sized`)."""


def _sized(
    lines: dict[tuple[str, ...], tuple[float, float]],
    found: list[tuple[tuple[str, ...], str, float, float, float, float]],
) -> list[Word]:
    """The words with the top and bottom of their line, and one size for body text: how tall
    a line's box is depends on its letters (ascenders, descenders), not only on the font, and
    the layout tells headings from body text by size. A line within `_SAME_SIZE` of the page's
    usual line height has that height as its size; a taller one (a heading) its own."""
    spans = [lines.get(key, (top, bottom)) for key, _, _, top, _, bottom in found]
    usual = statistics.median(b - t for t, b in set(spans)) if spans else 0.0
    words: list[Word] = []
    for (_, text, left, _, right, _), (top, bottom) in zip(found, spans, strict=True):
        height = bottom - top
        body = _SAME_SIZE[0] * usual <= height <= _SAME_SIZE[1] * usual
        words.append(Word(text=text, bbox=(left, top, right, bottom),
                          size=round(usual if body else height, 1)))
    return words


def ocr_pages(
    path: Path, numbers: list[int], engine: OcrEngine, *, password: str | None = None,
    limit: Deadline | None = None, workers: int = 1,
) -> dict[int, list[Word] | str]:
    """The words of each page in `numbers`, read by OCR within `limit`; for a page that could
    not be drawn or read, the reason instead (a damaged page leaves the others readable).
    Pages are drawn one after the other here (pdfium is not thread-safe) and read by up to
    `workers` Tesseract processes at once. Raises `limit`'s `errors.ExtractionTimeout` once
    its time is up."""
    read: dict[int, list[Word] | str] = {}
    try:
        pdf = _open(path, password)
    except Exception as exc:  # pdfium fails on what pdfminer repaired: no page image then
        return {number: _reason(exc) for number in numbers}
    pending: dict[int, Future[list[Word]]] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        try:
            for number in numbers:
                if limit is not None:
                    limit.check()
                try:
                    image = render_page(pdf, number)
                except Exception as exc:
                    read[number] = _reason(exc)
                    continue
                pending[number] = pool.submit(read_words, engine, image, limit=limit,
                                              path=path)
            for number, future in pending.items():
                try:
                    read[number] = future.result()
                except ExtractionTimeout:
                    raise
                except Exception as exc:
                    read[number] = _reason(exc)
        finally:
            for future in pending.values():
                future.cancel()  # those not started yet, on a time-out
            pdf.close()
    return {number: read[number] for number in numbers}


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


__all__ = [
    "DPI",
    "LANGUAGE",
    "MISSING_HINT",
    "OcrEngine",
    "find_engine",
    "ocr_pages",
    "parse_tsv",
    "read_words",
    "render_page",
]
