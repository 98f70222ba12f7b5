"""Words the text layer gave apart: touching pieces of one word, and spaced letters."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import word_size
from rapportextract.models import (
    Word,
    union_bbox,
)


def join_touching_words(words: Sequence[Word], params: LayoutParams = LAYOUT) -> list[Word]:
    """Words that touch on one baseline are one word. A PDF switches fonts inside a word where
    a ligature glyph ("fi") comes from a second subset of the same font, or a kerned letter
    from a fallback font; the text layer then gives "Gra" "fi" "ek" for "Grafiek"."""
    out: list[Word] = []
    for word in _by_baseline(words, params):
        prev = out[-1] if out else None
        if prev is not None and not prev.superscript and not word.superscript:
            size = min(word_size(prev), word_size(word))
            gap = word.bbox[0] - prev.bbox[2]
            if (
                abs(prev.bbox[3] - word.bbox[3]) <= params.touch_baseline * size
                and abs(word_size(prev) - word_size(word)) <= params.touch_size
                and -params.touch_overlap * size <= gap <= params.touch_gap * size
            ):
                main = prev if len(prev.text) >= len(word.text) else word
                box = union_bbox([prev.bbox, word.bbox])
                assert box is not None
                out[-1] = main.model_copy(update={"text": prev.text + word.text, "bbox": box})
                continue
        out.append(word)
    return out


def join_kerned_letters(words: Sequence[Word], params: LayoutParams = LAYOUT) -> list[Word]:
    """A logo set with kerned letters ("LaTeX": a small raised "A" tucked under the "L", a
    lowered "E") reaches the text layer as pieces on different baselines: "L" "A" "T" "E" "X".
    A piece of at most `kerned_letters` letters that touches or overlaps the word on its left
    and the word on its right, with its middle inside their height, is a letter of that
    word: the three join. A raised marker after a word has a space on its right and stays a
    marker; pieces on one baseline are `join_touching_words`'s."""
    out = list(words)
    changed = True
    while changed:
        changed = False
        lines = _by_height(out)
        for piece in out:
            if not piece.text.isalpha() or len(piece.text) > params.kerned_letters:
                continue
            middle = (piece.bbox[1] + piece.bbox[3]) / 2
            left = right = None
            for word in lines.get(math.floor(middle), ()):
                if word is piece or not word.bbox[1] < middle < word.bbox[3]:
                    continue
                size = word_size(word)
                reach = params.touch_gap * size
                if word.bbox[0] < piece.bbox[0] <= word.bbox[2] + reach:
                    left = word
                elif piece.bbox[0] < word.bbox[0] <= piece.bbox[2] + reach:
                    right = word
            if left is None or right is None or not _one_line(left, right, params):
                continue
            box = union_bbox([left.bbox, piece.bbox, right.bbox])
            assert box is not None
            joined = left.model_copy(update={"text": left.text + piece.text + right.text,
                                             "bbox": box})
            out = [joined if w is left else w for w in out if w is not piece and w is not right]
            changed = True
            break
    return out


def _by_height(words: Sequence[Word]) -> dict[int, list[Word]]:
    """The words by each whole point of height they cover, in reading order: the words whose
    height holds a point `y` are among ``lines[floor(y)]`` (a page's words are compared with
    those of their own line only, not with every word of the page)."""
    lines: dict[int, list[Word]] = {}
    for word in words:
        for y in range(math.floor(word.bbox[1]), math.floor(word.bbox[3]) + 1):
            lines.setdefault(y, []).append(word)
    return lines


def _one_line(left: Word, right: Word, params: LayoutParams) -> bool:
    """Two words around a kerned letter stand on one line: each one's middle lies inside the
    other's height."""
    return (left.bbox[1] < (right.bbox[1] + right.bbox[3]) / 2 < left.bbox[3]
            and right.bbox[1] < (left.bbox[1] + left.bbox[3]) / 2 < right.bbox[3])


def join_raised_letters(words: Sequence[Word], params: LayoutParams = LAYOUT) -> list[Word]:
    """Small raised letters right after a word are its ending: an ordinal's "th" or "e"
    ("240th", "3e"), set smaller and higher than the figure they follow."""
    out: list[Word] = []
    largest = max((word_size(w) for w in words), default=0.0)
    ends: dict[int, list[Word]] = {}  # figures by where they end, to the point
    for w in words:
        if w.text[-1:].isdigit():
            ends.setdefault(round(w.bbox[2]), []).append(w)
    glued: dict[int, Word] = {}
    for word in words:
        if (
            not word.text.isalpha() or len(word.text) > params.raised_letters
            or word_size(word) >= params.superscript_size * largest
        ):
            continue
        start = round(word.bbox[0])
        near = [h for x in range(start - 2, start + 2) for h in ends.get(x, ())]
        for host in near:
            size = word_size(host)
            gap = word.bbox[0] - host.bbox[2]
            if (
                id(host) not in glued
                and -params.marker_overlap <= gap <= params.touch_gap * size
                and word_size(word) < params.superscript_size * size
                and host.bbox[1] < word.bbox[3] < host.bbox[3] - params.superscript_rise * size
            ):
                glued[id(host)] = word
                break
    absorbed = {id(w) for w in glued.values()}
    for word in words:
        if id(word) in absorbed:
            continue
        letters = glued.get(id(word))
        if letters is not None:
            box = union_bbox([word.bbox, letters.bbox])
            assert box is not None
            word = word.model_copy(update={"text": word.text + letters.text, "bbox": box})
        out.append(word)
    return out


def _by_baseline(words: Sequence[Word], params: LayoutParams = LAYOUT) -> list[Word]:
    """The words row by row, each row left to right: words whose baselines lie within
    `touch_baseline` of the size of the row's first are one row (a comma in another font
    may sit a fifth of a point lower than the word it ends)."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.bbox[3]):
        if rows and word.bbox[3] - rows[-1][0].bbox[3] <= params.touch_baseline * word_size(
            rows[-1][0]
        ):
            rows[-1].append(word)
        else:
            rows.append([word])
    return [w for row in rows for w in sorted(row, key=lambda w: w.bbox[0])]


def join_spaced_letters(words: Sequence[Word], params: LayoutParams = LAYOUT) -> list[Word]:
    """Headings set with spaced letters (tracking) reach the text layer as single letters:
    the gap between letters is wider than the word builder allows, "C I J F E R S". In a run
    of such short pieces on one baseline, the narrowest gap is the tracking: gaps close to it
    join letters, a gap clearly wider (tracking plus a word space) parts words."""
    rows: dict[tuple[float, float], list[Word]] = {}
    for word in words:
        rows.setdefault((round(word.bbox[3]), round(word_size(word))), []).append(word)
    out: list[Word] = []
    for row in rows.values():
        row.sort(key=lambda w: w.bbox[0])
        start = 0
        while start < len(row):
            end = start + 1
            size = word_size(row[start])
            reach = params.tracking_gap * size
            while end < len(row) and 0 <= row[end].bbox[0] - row[end - 1].bbox[2] <= reach:
                end += 1
            run = row[start:end]
            out.extend(_rejoin_letters(run, params) if _spaced_run(run, params) else run)
            start = end
    return out


def _spaced_run(run: Sequence[Word], params: LayoutParams = LAYOUT) -> bool:
    """Mostly single letters, three or more in a row: spaced letters. Ordinary text has
    single-letter words ("1 en 2") but seldom two side by side; a comma or a full stop on
    its own is no letter (a formula's "v , v , it")."""
    singles = [len(w.text) == 1 and w.text.isalnum() for w in run]
    in_a_row = any(all(singles[i:i + 3]) for i in range(len(singles) - 2))
    return len(run) >= params.spaced_letters and in_a_row and sum(singles) >= 0.5 * len(run)


def _rejoin_letters(run: Sequence[Word], params: LayoutParams = LAYOUT) -> list[Word]:
    size = word_size(run[0])
    gaps = [b.bbox[0] - a.bbox[2] for a, b in pairwise(run)]
    tracking = min(gaps)
    out: list[Word] = []
    current = [run[0]]
    for word, gap in zip(run[1:], gaps, strict=True):
        if gap <= tracking + params.tracking_slack * size:
            current.append(word)
        else:
            out.append(join_letters(current))
            current = [word]
    out.append(join_letters(current))
    return out


def join_letters(words: Sequence[Word]) -> Word:
    """One word from letters the text layer gave apart (spaced headings here, slanted chart
    labels in `figures.charts.join_slanted`): the first letter's font and flags, the letters'
    text run together in the order given, and the box around them all."""
    box = union_bbox([w.bbox for w in words])
    assert box is not None
    return words[0].model_copy(update={"text": "".join(w.text for w in words), "bbox": box})
