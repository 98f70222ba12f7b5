"""Word spaces the text layer lost: where a PDF sets words apart by position alone and the
space between two words is narrower than a fifth of the font size (a tightly justified line),
letters are joined into one word ("Commentswelcome"). The gaps between the letters of such a
run say where it breaks: a word space stands out against the letters' usual gap, which is
close to nothing. Letters of a tightly set or letter-spaced word have gaps alike, so they
stay one word; a hyphen, a dash or a slash with room around it ("Indo - Pacific" drawn as
"Indo-Pacific"), punctuation, digit groups ("12 345") and a combining mark are never cut.

An accent that a file draws as a glyph of its own over a letter (as TeX sets "naïve": a
spacing diaeresis over a dotless i) becomes that letter's combining mark (`accented_text`):
sorted by its left edge it came before the letter ("na¨ıve"), and NFKC then made it a space
and a mark.

Both readers cut their words here, from the same letters, so they give the same words.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, TypeVar

from rapportextract.ingest.pdf_parts import LIGATURES

__all__ = [
    "LOST_SPACE_GAP", "LOST_SPACE_OVER", "PUNCTUATION_SPACE_GAP", "accented_text", "cut_at",
    "cut_word_dict", "lost_space_cuts",
]

T = TypeVar("T")

LOST_SPACE_GAP = 0.145
"""Share of the font size: a gap of more than this between two letters may be a word space
(measured on real PDFs: lost word spaces of tightly justified lines are 0.15 to 0.2 of the
size; letters that a file positions one by one stand up to 0.14 apart inside a word)..."""
LOST_SPACE_OVER = 0.07
"""...where it is wider than the word's usual letter gap by more than this share of the size."""

PUNCTUATION_SPACE_GAP = 0.1
"""Share of the font size: a gap of more than this after a mark of `_SPACE_AFTER` that a
letter follows is a word space (measured on real PDFs: 0.13 to 0.17 where one was lost)."""
_SPACE_AFTER = frozenset(",;:.")

# no cut next to these: a word joined by a hyphen or slash, punctuation that clings to a word
_NO_CUT_BEFORE = frozenset("-‐‑–—/\\,.;:!?)]}»”’'\"%‰°")
_NO_CUT_AFTER = frozenset("-‐‑–—/\\([{«„“‘'\"")


def lost_space_cuts(letters: Sequence[tuple[float, float, str]], size: float) -> list[int]:
    """The positions after which a word space was lost, in `letters` ((x0, x1, text) in
    reading order, one word's letters in one font and size). After a comma, a semicolon, a
    colon or a full stop that a letter follows (", i" of a formula set with a thin space,
    "radio. The" set tight), a gap of `PUNCTUATION_SPACE_GAP` is enough, in a word of two
    letters too: inside a word such a mark is followed by a letter without a gap
    ("e.g.", "pdf.js")."""
    if len(letters) < 2 or size <= 0:
        return []
    gaps = [(b[0] - a[1]) / size for a, b in pairwise(letters)]
    if max(gaps) <= PUNCTUATION_SPACE_GAP:
        return []
    # the usual gap between letters: the median, or little above the narrowest where few
    # gaps are known (a short word of two joined makes the median the wide one); none known
    # in a word of two letters
    usual = min(statistics.median(gaps), min(gaps) + 0.05) if len(gaps) > 1 else 0.0
    cuts: list[int] = []
    for i, gap in enumerate(gaps):
        left, right = letters[i][2][-1:], letters[i + 1][2][:1]
        after_mark = left in _SPACE_AFTER and right.isalpha()
        least = PUNCTUATION_SPACE_GAP if after_mark else LOST_SPACE_GAP
        if (len(letters) < 3 and not after_mark) or gap <= least or gap - usual <= LOST_SPACE_OVER:
            continue
        if not left or not right or left in _NO_CUT_AFTER or right in _NO_CUT_BEFORE:
            continue
        if (left.isdigit() and right.isdigit()) or unicodedata.category(right).startswith("M"):
            continue
        cuts.append(i)
    return cuts


SPACING_ACCENTS = {
    "\u00a8": "\u0308", "\u00b4": "\u0301", "\u02c6": "\u0302", "\u02dc": "\u0303",
    "\u00af": "\u0304", "\u02d8": "\u0306", "\u02d9": "\u0307", "\u02da": "\u030a",
    "\u02dd": "\u030b", "\u02c7": "\u030c", "\u00b8": "\u0327", "\u02db": "\u0328",
}
"""Accents as glyphs of their own (spacing) and the combining mark each stands for; the
ASCII ones ("^", "`", "~") are left alone: code and formulas use them as characters."""


def accented_text(letters: Sequence[tuple[float, float, str]]) -> str | None:
    """The text of one word's letters ((x0, x1, text) in reading order) with each spacing
    accent made the combining mark of the letter it is drawn over (the letter whose box
    holds the accent's middle), composed where Unicode has the letter ("a" and a diaeresis:
    "ä"); None where no accent stands over a letter of the word."""
    if not any(c[2] in SPACING_ACCENTS for c in letters):
        return None
    marks: dict[int, list[str]] = {}
    placed: set[int] = set()
    for i, (x0, x1, text) in enumerate(letters):
        if text not in SPACING_ACCENTS:
            continue
        middle = (x0 + x1) / 2
        base = next((j for j, c in enumerate(letters) if j != i and c[2] not in SPACING_ACCENTS
                     and c[0] <= middle <= c[1]), None)
        if base is not None:
            marks.setdefault(base, []).append(SPACING_ACCENTS[text])
            placed.add(i)
    if not placed:
        return None
    text = "".join(c[2] + "".join(marks.get(i, ())) for i, c in enumerate(letters)
                   if i not in placed)
    return unicodedata.normalize("NFC", text)


def cut_at(items: Sequence[T], cuts: Sequence[int]) -> list[list[T]]:
    """`items` cut after each position of `cuts`."""
    pieces: list[list[T]] = []
    start = 0
    for cut in cuts:
        pieces.append(list(items[start:cut + 1]))
        start = cut + 1
    pieces.append(list(items[start:]))
    return pieces


def cut_word_dict(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """A word of pdfplumber's `extract_words` (with its `chars`) cut where its letters show
    a lost word space, each piece joined the way pdfplumber joins a word's letters."""
    chars = raw["chars"]
    letters = [(float(c["x0"]), float(c["x1"]), str(c["text"] or "")) for c in chars]
    cuts = lost_space_cuts(letters, float(raw.get("size") or 0.0))
    if not cuts:
        accented = accented_text(letters)
        return [raw if accented is None else {**raw, "text": accented}]
    pieces: list[dict[str, Any]] = []
    for part, part_letters in zip(cut_at(chars, cuts), cut_at(letters, cuts), strict=True):
        plain = "".join(LIGATURES.get(c["text"], c["text"] or "") for c in part)
        pieces.append({
            **raw,
            "text": accented_text(part_letters) or plain,
            "x0": min(c["x0"] for c in part), "x1": max(c["x1"] for c in part),
            "top": min(c["top"] for c in part), "bottom": max(c["bottom"] for c in part),
            "chars": part,
        })
    return pieces
