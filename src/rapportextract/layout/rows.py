"""Words on one baseline as rows, raised small words as their superscripts, and rows cut into
fragments where a gap is wider than a word space."""

from __future__ import annotations

import statistics
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import regex

from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.text import SUPERSCRIPT_DIGITS
from rapportextract.models import (
    BBox,
    BlockKind,
    Word,
    union_bbox,
)


@dataclass
class Frag:
    """Words on one baseline that belong together (one column's part of a printed line)."""

    words: list[Word]
    kind: BlockKind | None = None
    heading_like: bool = False
    """A line that reads as a heading in the body's style (`blocks.title_line`)."""
    _memo: tuple[list[Word], int, list[Word], BBox, float | None] | None = field(
        default=None, init=False, repr=False, compare=False)
    """The words the box below was worked out from, their number, the body words, the box
    and the median size (None till asked): layout asks for a fragment's box tens of times,
    and it is worked out again only where `words` is another list or of another length."""

    def _worked_out(self) -> tuple[list[Word], int, list[Word], BBox, float | None]:
        memo, words = self._memo, self.words
        if memo is None or memo[0] is not words or memo[1] != len(words):
            body = [w for w in words if not w.superscript]
            box = union_bbox([w.bbox for w in body] or [w.bbox for w in words])
            assert box is not None
            memo = self._memo = (words, len(words), body, box, None)
        return memo

    @property
    def body_words(self) -> list[Word]:
        return list(self._worked_out()[2])

    @property
    def bbox(self) -> BBox:
        return self._worked_out()[3]

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]

    @property
    def size(self) -> float:
        words, count, body, box, size = self._worked_out()
        if size is None:
            sizes = [w.size or 0.0 for w in body] or [w.size or 0.0 for w in words]
            size = statistics.median(sizes)
            self._memo = (words, count, body, box, size)
        return size

    @property
    def bold(self) -> bool:
        words = self._worked_out()[2]
        return bool(words) and all(w.bold for w in words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self._worked_out()[2])


def word_size(word: Word) -> float:
    return word.size or max(word.bbox[3] - word.bbox[1], 1.0)


def word_rows(words: Sequence[Word], params: LayoutParams = LAYOUT) -> list[list[Word]]:
    """Words grouped by baseline; raised small words glued to the word before them become
    superscripts of that row."""
    ordered = sorted(words, key=lambda w: (w.bbox[3], w.bbox[0]))
    rows: list[list[Word]] = []
    for word in ordered:
        tol = params.row_tolerance * word_size(word)
        if rows and abs(rows[-1][0].bbox[3] - word.bbox[3]) <= tol:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w.bbox[0])
    return _attach_superscripts(rows, params)


_MARKER_TEXT = regex.compile(rf"^(?:\d{{1,3}}\)?|[*†‡]|[{SUPERSCRIPT_DIGITS}]+)$")
"""A footnote marker: "1", "1)" (as some reports set them), "*", "¹"."""


@dataclass
class _RowStats:
    size: float
    top: float
    baseline: float


def _attach_superscripts(rows: list[list[Word]], params: LayoutParams = LAYOUT) -> list[list[Word]]:
    """Move each raised marker ("1" set small, or set at body size with a rise) into the row
    of the word it is glued to, flagged as superscript; raised small letters that are no
    marker join the row as its text (an ordinal's "th" is glued to its figure before, by
    `letters.join_raised_letters`)."""
    stats = [
        _RowStats(
            size=statistics.median(word_size(w) for w in row),
            top=min(w.bbox[1] for w in row),
            baseline=statistics.median(w.bbox[3] for w in row),
        )
        for row in rows
    ]
    moved: list[tuple[int, Word, int]] = []
    largest = max((st.size for st in stats), default=0.0)
    # the band a word's bottom must be in to be raised above each row, and the bands in the
    # order of their tops: a word is looked for only in the bands that start less than the
    # widest band above its bottom (a point of margin against rounding), the same rows
    bands = [(st.top, st.baseline - params.superscript_rise * st.size) for st in stats]
    by_top = sorted(range(len(bands)), key=lambda j: bands[j][0])
    tops = [bands[j][0] for j in by_top]
    widest = max((low - top for top, low in bands), default=0.0)
    for i, row in enumerate(rows):
        for word in row:
            # small beside some row (a row of raised letters alone is small only beside its host)
            small = word_size(word) < params.superscript_size * largest
            marker = _MARKER_TEXT.match(word.text)
            if not small and not marker:
                continue
            bottom = word.bbox[3]
            near = by_top[bisect_left(tops, bottom - widest - 1.0):bisect_left(tops, bottom)]
            for j in sorted(j for j in near if bands[j][0] < bottom < bands[j][1] and j != i):
                st, host = stats[j], rows[j]
                if (
                    (word_size(word) < params.superscript_size * st.size or marker)
                    and _glued(word, [w for w in host if not w.superscript], params)
                ):
                    moved.append((i, word, j))
                    break
    for i, word, j in moved:
        rows[i] = [w for w in rows[i] if w is not word]
        # raised letters that are no marker ("240" "th") are text of the line, not a note's number
        if word.text.isalpha() and not _MARKER_TEXT.match(word.text):
            rows[j].append(word)  # raised letters that are no marker: text of the line
        else:
            rows[j].append(word.model_copy(update={"superscript": True}))
        rows[j].sort(key=lambda w: w.bbox[0])
    return [row for row in rows if row]


def _glued(word: Word, row: Sequence[Word], params: LayoutParams = LAYOUT) -> bool:
    """A marker sits right after a word ("sector.¹") or right before one (a footnote's own
    marker at the start of its line)."""
    low, high = -params.marker_overlap, params.marker_gap
    return any(
        low <= word.bbox[0] - other.bbox[2] <= high or low <= other.bbox[0] - word.bbox[2] <= high
        for other in row
    )


def cut_row(
    row: list[Word], gutters: Sequence[tuple[float, float]] = (), params: LayoutParams = LAYOUT,
    *, smaller: bool = False,
) -> list[Frag]:
    """Cut a row where the gap between words is wider than a word space can be, or where it
    crosses a known column gutter. The gap is measured against the larger of the two words'
    sizes, or with `smaller` the smaller (a gap beside a heading is wide for the body)."""
    frags: list[Frag] = []
    current: list[Word] = []
    plain = [w for w in row if not w.superscript]
    spaces = sorted(b.bbox[0] - a.bbox[2] for a, b in pairwise(plain))
    space = spaces[len(spaces) // 2] if spaces else 0.0
    prev: Word | None = None
    end = 0.0
    """Where the line so far ends: a marker raised after a word ("Firefox[4] and") ends it
    past the word, so the space after the marker is a word space, not a column gap."""
    for word in row:
        if prev is not None and not word.superscript:
            gap = word.bbox[0] - end
            sizes = (word_size(word), word_size(prev))
            size = min(sizes) if smaller else max(sizes)
            # the gap spans the gutter, or takes its middle and is wider than a word space
            # and than the row's other spaces (a column's line that pokes into the gutter;
            # the even wide spaces of a justified line across the page stay)
            crosses = any(
                (prev.bbox[2] <= g0 + 1 and word.bbox[0] >= g1 - 1)
                or (gap > params.gutter_piece_gap * size and gap > params.gutter_space * space
                    and prev.bbox[2] <= (g0 + g1) / 2 <= word.bbox[0])
                for g0, g1 in gutters
            )
            if gap > params.column_gap * size or crosses:
                frags.append(Frag(current))
                current = []
        current.append(word)
        if not word.superscript:
            prev = word
            end = word.bbox[2]
        elif prev is not None and word.bbox[0] - end <= params.marker_gap:
            end = max(end, word.bbox[2])
    if current:
        frags.append(Frag(current))
    return frags
