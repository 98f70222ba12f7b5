"""Chart words grouped into lines: the grouping that skips lines left behind gives the lines
the plain rule gives (each word joins the first line whose first word's middle is within 0.4
times that word's size), whatever the words' positions and sizes."""

from __future__ import annotations

import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from rapportextract.figures.charts.fragments import label_size, word_lines
from rapportextract.models import Word


def _plain_lines(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0])):
        cy = (word.bbox[1] + word.bbox[3]) / 2
        for line in lines:
            ref = line[0]
            if abs((ref.bbox[1] + ref.bbox[3]) / 2 - cy) < 0.4 * label_size(ref):
                line.append(word)
                break
        else:
            lines.append([word])
    return lines


_COORD = st.one_of(st.floats(0, 800, allow_nan=False), st.sampled_from([10.0, 10.5, 11.0]))
_SIZE = st.one_of(st.none(), st.sampled_from([0.0, 2.0, 8.0, 9.5, 24.0]), st.floats(0, 40))


@st.composite
def _word(draw: st.DrawFn) -> Word:
    x, top = draw(_COORD), draw(_COORD)
    height = draw(st.sampled_from([0.0, 3.0, 8.0, 12.0, 30.0]))
    return Word(text=f"w{x:.0f}", bbox=(x, top, x + 10, top + height), size=draw(_SIZE))


def _ids(lines: list[list[Word]]) -> list[list[int]]:
    return [[id(w) for w in line] for line in lines]


@settings(max_examples=150, deadline=None)
@given(st.lists(_word(), max_size=40))
@example([Word("a", (0, 0, 5, 30), size=30.0), Word("b", (0, 13, 5, 14), size=2.0),
          Word("c", (0, 14, 5, 16), size=2.0), Word("d", (0, 20, 5, 21), size=2.0)])
def test_lines_are_those_of_the_plain_rule(words: list[Word]) -> None:
    assert _ids(word_lines(words)) == _ids(_plain_lines(words))


def test_lines_with_coordinates_that_are_not_numbers() -> None:
    # A middle that is not a number leaves the sorted order undefined: a word may come
    # after words further down, and still belong to a line above them.
    tops = [11, 30, 31, math.nan, 11, 31, math.inf]
    words = [Word(f"w{i}", (0, top, 5, top + 1), size=9.0) for i, top in enumerate(tops)]
    assert _ids(word_lines(words)) == _ids(_plain_lines(words))
    assert len(word_lines(words)) >= 3
