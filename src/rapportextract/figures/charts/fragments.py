"""Words to fragments: short runs of words on one line, labels set at an angle joined."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapportextract.figures.numbers import Number, is_year, parse_number
from rapportextract.layout import join_letters
from rapportextract.layout.geometry import box_centre
from rapportextract.models import (
    BBox,
    Word,
    union_bbox,
)


@dataclass
class Fragment:
    text: str
    bbox: BBox
    size: float
    words: list[Word] = field(default_factory=list)

    @property
    def cx(self) -> float:
        return (self.bbox[0] + self.bbox[2]) / 2

    @property
    def cy(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2

    @property
    def number(self) -> Number | None:
        return None if is_year(self.text) else parse_number(self.text)


def label_size(word: Word) -> float:
    return word.size or (word.bbox[3] - word.bbox[1]) or 8.0


def word_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words in lines: each word joins the first line whose first word's middle is within
    0.4 times that word's size of its own."""
    ordered = sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0]))
    middles = [(w.bbox[1] + w.bbox[3]) / 2 for w in ordered]
    lines: list[list[Word]] = []
    refs: list[tuple[float, float]] = []  # per line: its first word's middle and reach
    # Words come top to bottom, so a line that a word is too far below is too far above
    # every later word: the lines before `first` are not looked at again. (Not where a
    # coordinate is not finite, which leaves the order undefined.)
    first = 0
    skip = all(math.isfinite(m) and math.isfinite(w.bbox[0]) for w, m in zip(ordered, middles,
                                                                            strict=True))
    for word, cy in zip(ordered, middles, strict=True):
        while skip and first < len(refs) and cy - refs[first][0] >= refs[first][1]:
            first += 1
        for i in range(first, len(lines)):
            if abs(refs[i][0] - cy) < refs[i][1]:
                lines[i].append(word)
                break
        else:
            lines.append([word])
            refs.append((cy, 0.4 * label_size(word)))
    return lines


def is_numeric_word(text: str) -> bool:
    return is_year(text) or parse_number(text) is not None


def fragments(words: Iterable[Word], *, gap: float, numbers_alone: bool) -> list[Fragment]:
    """Join words of one line whose gap is below `gap` times the font size. With
    `numbers_alone`, a number never joins its neighbours: labels of adjacent bars stay apart."""
    out: list[Fragment] = []
    for line in word_lines(words):
        line.sort(key=lambda w: w.bbox[0])
        run: list[Word] = [line[0]]
        for word in line[1:]:
            prev = run[-1]
            space = word.bbox[0] - prev.bbox[2]
            close = space <= gap * label_size(prev)
            apart = numbers_alone and (
                (is_numeric_word(word.text) and prev.text != "€") or is_numeric_word(prev.text)
            ) and not _one_figure(run, word, space)
            if close and not apart:
                run.append(word)
            else:
                out.append(_fragment(run))
                run = [word]
        out.append(_fragment(run))
    return out


_GROUP_HEAD = re.compile(r"^[€-]?\d{1,3}$")


_GROUP = re.compile(r"^\d{3}(?:,\d+)?%?$")


def _one_figure(run: list[Word], word: Word, space: float) -> bool:
    """Pieces of one figure that the text layer split at a narrow space: a thousands group
    after a (thin) space ("1 720", "12 500") and a percent sign set apart ("52 %"). A word
    space is about a third of the size; two labels of adjacent bars stand further apart."""
    if space > 0.4 * label_size(word):
        return False
    if word.text == "%":
        return parse_number(" ".join(w.text for w in run)) is not None
    return (
        bool(_GROUP.match(word.text)) and not run[-1].text.endswith("%")
        and bool(_GROUP_HEAD.match(run[0].text))
        and all(_GROUP.match(w.text) for w in run[1:])
    )


def _fragment(run: list[Word]) -> Fragment:
    box = union_bbox([w.bbox for w in run])
    assert box is not None
    text = " ".join(w.text for w in run)
    return Fragment(text=text, bbox=box, size=max(label_size(w) for w in run), words=list(run))


def join_slanted(words: Sequence[Word]) -> list[Word]:
    """Category labels set at an angle (Excel and matplotlib turn crowded year labels 45
    degrees) reach the text layer as single letters on stepped baselines, and an axis title
    turned upright as letters stacked bottom to top. Letters that follow each other at one
    steady step rising to the right, or straight up, are one label, read along the slope."""
    singles = [w for w in words if len(w.text) == 1]
    rest = [w for w in words if len(w.text) != 1]
    successor: dict[int, tuple[int, tuple[float, float]]] = {}
    taken: set[int] = set()
    for i, a in enumerate(singles):
        ax, ay = box_centre(a.bbox)
        size = label_size(a)
        best: tuple[float, int, tuple[float, float]] | None = None
        for j, b in enumerate(singles):
            if j == i or j in taken:
                continue
            bx, by = box_centre(b.bbox)
            dx, dy = bx - ax, ay - by  # dy > 0: b stands higher
            distance = (dx * dx + dy * dy) ** 0.5
            rising = dy >= 0.25 * size and dx >= -0.1 * size
            if rising and distance <= 1.0 * size and (best is None or distance < best[0]):
                best = (distance, j, (dx, dy))
        if best is not None:
            successor[i] = (best[1], best[2])
            taken.add(best[1])
    joined: list[Word] = []
    used: set[int] = set()
    # Chains start at letters with no letter before them; where a chain breaks off (the step
    # changes), the rest starts a chain of its own.
    starts = [i for i in range(len(singles)) if i not in taken]
    while starts:
        start = starts.pop(0)
        if start in used:
            continue
        chain, k = [start], start
        steps: list[tuple[float, float]] = []
        while k in successor:
            nxt, step = successor[k]
            if steps and (abs(step[0] - steps[0][0]) > 1.5 or abs(step[1] - steps[0][1]) > 1.5):
                starts.append(nxt)
                break
            chain.append(nxt)
            steps.append(step)
            k = nxt
        used.update(chain)
        letters = [singles[c] for c in chain]
        if len(letters) == 1:
            joined.append(letters[0])
            continue
        joined.append(join_letters(letters))
    return rest + joined
