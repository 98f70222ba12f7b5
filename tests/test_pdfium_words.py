"""The PDFium engine's own word joining (letters as tuples) against `ingest.pdf._words`, which
joins pdfplumber's letter dicts: the same words, on made-up letters and on every page of the
fixture and corpus PDFs."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest

from rapportextract.ingest import pdfium as engine
from rapportextract.ingest.pdf import _words
from rapportextract.ingest.pdfium_letters import Oblique
from rapportextract.ingest.pdfium_words import Letter, letter_dict, letter_words

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted(
    p for folder in ("fixtures/layout", "fixtures/charts", "fixtures/diverse", "corpus")
    for p in (ROOT / folder).glob("*.pdf")
)
UP = (1.0, 0.0, 0.0, 1.0)


def _row(text: str, x: float, top: float = 100.0, *, size: float = 10.0, step: float = 5.0,
         font: str = "ABCDEF+Body") -> list[Letter]:
    """Letters of `text` side by side from `x`, each `step` wide."""
    return [
        (ch, x + i * step, x + (i + 1) * step, top, top + size, top, True, font, size, UP)
        for i, ch in enumerate(text)
    ]


def _spaced(text: str, x: float, gap: float, size: float = 10.0) -> list[Letter]:
    """Letters of `text`, each 5 wide, `gap` apart (a letter-spaced word)."""
    return [
        (ch, x + i * (5 + gap), x + i * (5 + gap) + 5, 100.0, 100.0 + size, 100.0, True,
         "ABCDEF+Body", size, UP)
        for i, ch in enumerate(text)
    ]


EMPTY: Letter = ("", 20.0, 25.0, 100.0, 110.0, 100.0, True, "F", 10.0, UP)
TURNED = [
    (ch, 50.0, 60.0, 200.0 - 6 * i, 206.0 - 6 * i, 200.0 - 6 * i, False, "Axis", 6.0,
     (0.0, 1.0, -1.0, 0.0))
    for i, ch in enumerate("omhoog")
]
# letters, and the words they make
CASES: dict[str, tuple[list[Letter], list[str]]] = {
    "a space ends a word": (_row("twee woorden", 10), ["twee", "woorden"]),
    "a gap of more than a fifth of the size": ([*_row("ab", 10), *_row("cd", 22.1)],
                                               ["ab", "cd"]),
    "a gap of a tenth of the size stays one word": ([*_row("ab", 10), *_row("cd", 20.9)],
                                                    ["abcd"]),
    "a lost space: a gap well over the letters' own": ([*_row("ab", 10), *_row("cd", 21.9)],
                                                       ["ab", "cd"]),
    "letter-spaced letters stay one word": (_spaced("ruimte", 10, 1.6), ["ruimte"]),
    "a hyphen with room around it is no space": (
        [*_row("noord", 10), *_row("-", 36.5), *_row("oost", 43)], ["noord-oost"]),
    "digit groups set apart stay one figure": ([*_row("12", 10), *_row("345", 21.5)],
                                               ["12345"]),
    "a letter left of the one before": ([*_row("cd", 30), *_row("ab", 10)], ["ab", "cd"]),
    "lines within 3 points are one": ([*_row("ab", 10, 100), *_row("cd", 20, 102.5)],
                                      ["abcd"]),
    "lines further apart": ([*_row("ab", 10, 100), *_row("cd", 20, 103.5)], ["ab", "cd"]),
    "another font size": ([*_row("ab", 10), *_row("cd", 20, size=12)], ["ab", "cd"]),
    "a subset tag does not split a font": (
        [*_row("ab", 10), *_row("cd", 20, font="XYZABC+Body")], ["abcd"]),
    "a ligature letter is expanded": (_row("e\ufb03ci\u00ebnt", 10), ["efficiënt"]),
    "a turned label after the line": ([*TURNED, *_row("rechts", 100)], ["rechts", "omhoog"]),
    "an empty letter": ([*_row("ab", 10), EMPTY, *_row("cd", 25)], ["ab", "cd"]),
}


@pytest.mark.parametrize(("letters", "texts"), CASES.values(), ids=CASES.keys())
def test_the_words_of_made_up_letters(letters: list[Letter], texts: list[str]) -> None:
    words = letter_words(letters)
    assert words is not None and [w.text for w in words] == texts
    assert words == _words(SimpleNamespace(chars=[letter_dict(c) for c in letters]))


def test_a_letter_printed_twice_leaves_the_page_to_the_letter_dicts() -> None:
    letters = [*_row("vet", 10), *_row("vet", 10.4)]
    assert letter_words(letters) is None
    words = _words(SimpleNamespace(chars=[letter_dict(c) for c in letters]))
    assert [(w.text, w.bold) for w in words] == [("vet", True)]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_the_words_of_every_page(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            try:
                sheet = engine._sheet(pdf[index], index + 1, 0.0)
            except Oblique:
                continue  # read by the reference reader
            # A page with a fake bold or letters to mend is read from letter dicts (None here).
            words = None if sheet.odd else letter_words(sheet.letters)
            assert engine._page(sheet).words == _words(sheet), f"page {index + 1}"
            if words is not None:
                assert words == _words(sheet), f"page {index + 1}"
    finally:
        pdf.close()
