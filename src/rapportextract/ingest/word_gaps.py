"""Word spaces the text layer lost: where a PDF sets words apart by position alone and the
space between two words is narrower than a fifth of the font size (a tightly justified line),
letters are joined into one word ("Commentswelcome"). The gaps between the letters of such a
run say where it breaks: a word space stands out against the letters' usual gap, which is
close to nothing. Letters of a tightly set or letter-spaced word have gaps alike, so they
stay one word; a hyphen, a dash or a slash with room around it ("Indo - Pacific" drawn as
"Indo-Pacific"), punctuation, digit groups ("12 345") and a combining mark are never cut.

Both readers cut their words here, from the same letters, so they give the same words.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, TypeVar

from rapportextract.ingest.pdf_parts import LIGATURES

__all__ = ["LOST_SPACE_GAP", "LOST_SPACE_OVER", "cut_at", "cut_word_dict", "lost_space_cuts"]

T = TypeVar("T")

LOST_SPACE_GAP = 0.145
"""Share of the font size: a gap of more than this between two letters may be a word space
(measured on real PDFs: lost word spaces of tightly justified lines are 0.15 to 0.2 of the
size; letters that a file positions one by one stand up to 0.14 apart inside a word)..."""
LOST_SPACE_OVER = 0.07
"""...where it is wider than the word's usual letter gap by more than this share of the size."""

# no cut next to these: a word joined by a hyphen or slash, punctuation that clings to a word
_NO_CUT_BEFORE = frozenset("-‐‑–—/\\,.;:!?)]}»”’'\"%‰°")
_NO_CUT_AFTER = frozenset("-‐‑–—/\\([{«„“‘'\"")


def lost_space_cuts(letters: Sequence[tuple[float, float, str]], size: float) -> list[int]:
    """The positions after which a word space was lost, in `letters` ((x0, x1, text) in
    reading order, one word's letters in one font and size)."""
    if len(letters) < 3 or size <= 0:
        return []
    gaps = [(b[0] - a[1]) / size for a, b in pairwise(letters)]
    if max(gaps) <= LOST_SPACE_GAP:
        return []
    # the usual gap between letters: the median, or little above the narrowest where few
    # gaps are known (a short word of two joined makes the median the wide one)
    usual = min(statistics.median(gaps), min(gaps) + 0.05)
    cuts: list[int] = []
    for i, gap in enumerate(gaps):
        if gap <= LOST_SPACE_GAP or gap - usual <= LOST_SPACE_OVER:
            continue
        left, right = letters[i][2][-1:], letters[i + 1][2][:1]
        if not left or not right or left in _NO_CUT_AFTER or right in _NO_CUT_BEFORE:
            continue
        if (left.isdigit() and right.isdigit()) or unicodedata.category(right).startswith("M"):
            continue
        cuts.append(i)
    return cuts


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
    cuts = lost_space_cuts(
        [(float(c["x0"]), float(c["x1"]), str(c["text"] or "")) for c in chars],
        float(raw.get("size") or 0.0),
    )
    if not cuts:
        return [raw]
    pieces: list[dict[str, Any]] = []
    for part in cut_at(chars, cuts):
        pieces.append({
            **raw,
            "text": "".join(LIGATURES.get(c["text"], c["text"] or "") for c in part),
            "x0": min(c["x0"] for c in part), "x1": max(c["x1"] for c in part),
            "top": min(c["top"] for c in part), "bottom": max(c["bottom"] for c in part),
            "chars": part,
        })
    return pieces
