"""Words of a PDFium page from its letters as plain tuples: the word joining of `ingest.pdf`
(pdfplumber's `extract_words` with the same settings, after the same double-print filter)
done without a dict per letter, for the letters that run across the page.

The letters are `Letter` tuples in the text layer's order. The steps and their order are
pdfplumber's, so the words are the same: letters of one font and size that follow each other
are a group; a group's letters are put in lines (tops within 3 points of the one before,
chained); a line is sorted by its left edges; a word ends at a space, where a letter starts
before the one before it, more than a fifth of the font size after its end, or on another
line. Letters turned on the page (rare: axis titles, margin labels) still go through
pdfplumber's word joining, as dicts.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from math import ceil
from typing import Any

from rapportextract.ingest.glyphs import twin_reach
from rapportextract.ingest.pdf_parts import (
    _TURNED_DIRECTIONS,
    _TURNED_SETTINGS,
    _WORD_SETTINGS,
    LIGATURES,
    _font_family,
    _is_bold,
    _turned_direction,
)
from rapportextract.ingest.word_gaps import accented_text, cut_at, lost_space_cuts
from rapportextract.layout import normalise_text
from rapportextract.models import Word

__all__ = ["Letter", "letter_dict", "letter_words"]

Letter = tuple[str, float, float, float, float, float, bool, str, float, tuple[float, ...]]
"""text, x0, x1, top, bottom, doctop, upright, font name, size (the box's height), matrix:
the fields of pdfplumber's letter dict that the engine fills."""

_X_RATIO = float(_WORD_SETTINGS["x_tolerance_ratio"])
_Y_TOLERANCE = float(_WORD_SETTINGS["y_tolerance"])


def letter_dict(letter: Letter) -> dict[str, Any]:
    """The letter as pdfplumber's dict (for its table and turned-word code)."""
    text, x0, x1, top, bottom, doctop, upright, name, size, matrix = letter
    return {
        "text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "width": x1 - x0, "height": bottom - top, "doctop": doctop, "upright": upright,
        "fontname": name, "size": size, "matrix": matrix,
    }


def _unique(letters: list[Letter]) -> list[Letter]:
    """`ingest.pdf._unique_chars` on tuples: a letter printed again within a point of itself
    (a fake bold; further off on large letters, a shadow: `glyphs.twin_reach`) counts once."""
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    near: set[tuple[str, int, int]] = set()
    unique: list[Letter] = []
    for c in letters:
        text, x, y = c[0], c[1], c[3]
        bx, by = round(x), round(y)
        reach = twin_reach(c[8])
        r = ceil(reach)
        cx0, cx1, cy0, cy1 = (bx - r) >> 2, (bx + r) >> 2, (by - r) >> 2, (by + r) >> 2
        if any(
            (text, gx, gy) in near for gx in range(cx0, cx1 + 1) for gy in range(cy0, cy1 + 1)
        ):
            twin = any(
                abs(x - ox) <= reach and abs(y - oy) <= reach
                for dx in range(-r, r + 1) for dy in range(-r, r + 1)
                for ox, oy in seen.get((text, bx + dx, by + dy), ())
            )
            if twin:
                continue
        seen.setdefault((text, bx, by), []).append((x, y))
        near.add((text, bx >> 2, by >> 2))
        unique.append(c)
    return unique


@lru_cache(maxsize=1 << 16)
def _normalised(text: str) -> str:
    # words repeat: a page of prose has a few hundred distinct ones
    return normalise_text(text)


def _lines(group: list[tuple[float, float, float, float, str]]) -> list[list[Any]]:
    """pdfplumber's `cluster_objects` on the tops (tolerance 3), then each line sorted by x0."""
    tops = sorted({c[2] for c in group})
    cluster: dict[float, int] = {}
    index, last = 0, tops[0]
    for top in tops:
        if top > last + _Y_TOLERANCE:
            index += 1
        cluster[top] = index
        last = top
    if index == 0:
        return [sorted(group, key=lambda c: c[0])]
    keyed = sorted(group, key=lambda c: cluster[c[2]])
    return [
        sorted(line, key=lambda c: c[0])
        for _, line in groupby(keyed, key=lambda c: cluster[c[2]])
    ]


def _upright_words(letters: list[Letter]) -> list[Word]:
    words: list[Word] = []
    append = words.append

    def emit_cut(chars: list[Any], name: str | None, size: float) -> None:
        cuts = lost_space_cuts([(c[0], c[1], c[4]) for c in chars], size)
        if not cuts:
            emit(chars, name, size)
            return
        for piece in cut_at(chars, cuts):
            emit(piece, name, size)

    def emit(chars: list[Any], name: str | None, size: float) -> None:
        text = accented_text([(c[0], c[1], c[4]) for c in chars]) or "".join(
            LIGATURES.get(c[4], c[4] or "") for c in chars)
        text = _normalised(text)
        if text:
            append(Word(
                text=text,
                bbox=(min(c[0] for c in chars), min(c[2] for c in chars),
                      max(c[1] for c in chars), max(c[3] for c in chars)),
                fontname=name, size=size, bold=_is_bold(name),
            ))

    keyed = [
        (_font_family(c[7]), round(c[8], 1), (c[1], c[2], c[3], c[4], c[0])) for c in letters
    ]
    for (name, size), run in groupby(keyed, key=lambda k: (k[0], k[1])):
        gap = _X_RATIO * size
        for line in _lines([k[2] for k in run]):
            word: list[Any] = []
            for c in line:
                text = c[4]
                if text.isspace():
                    if word:
                        emit_cut(word, name, size)
                    word = []
                elif not text:  # pdfplumber: an empty text splits as punctuation would
                    if word:
                        emit_cut(word, name, size)
                    emit([c], name, size)
                    word = []
                elif word and (
                    c[0] < (prev := word[-1])[0] or c[0] > prev[1] + gap
                    or abs(c[2] - prev[2]) > _Y_TOLERANCE
                ):
                    emit_cut(word, name, size)
                    word = [c]
                else:
                    word.append(c)
            if word:
                emit_cut(word, name, size)
    return words


def _turned_words(letters: list[Letter]) -> list[Word]:
    """`ingest.pdf._words`'s way with turned letters: by direction, through pdfplumber."""
    from pdfplumber.utils.text import extract_words  # only for a page with turned letters

    turned: dict[str, list[dict[str, Any]]] = {}
    for letter in letters:
        c = letter_dict(letter)
        c["fontname"] = _font_family(c["fontname"])
        direction = _turned_direction(c)
        across = ("x0", "x1") if direction in ("btt", "ttb") else ("top", "bottom")
        c["size"] = round(float(c[across[1]]) - float(c[across[0]]), 1)
        turned.setdefault(direction, []).append(c)
    words: list[Word] = []
    for direction, chars in turned.items():
        settings = {**_TURNED_SETTINGS, **_TURNED_DIRECTIONS[direction]}
        for raw in extract_words(chars, return_chars=True, **settings):
            text = normalise_text(str(raw["text"]))
            if text:
                name = raw.get("fontname")
                words.append(Word(
                    text=text,
                    bbox=(float(raw["x0"]), float(raw["top"]), float(raw["x1"]),
                          float(raw["bottom"])),
                    fontname=name, size=float(raw["chars"][0]["size"]), bold=_is_bold(name),
                ))
    return words


def letter_words(letters: list[Letter]) -> list[Word] | None:
    """The words of a page's letters, as `ingest.pdf._words` gives them from letter dicts:
    those across the page first, then the turned ones. None where a letter is printed twice
    (a fake bold, which the reference reader marks bold): such a page is read from dicts."""
    unique = _unique(letters)
    if len(unique) < len(letters):
        return None
    upright = [c for c in unique if c[6]]
    words = _upright_words(upright)
    if len(upright) < len(unique):
        words += _turned_words([c for c in unique if not c[6]])
    return words
