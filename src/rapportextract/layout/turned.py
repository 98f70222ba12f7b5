"""Text turned a quarter (a sidebar up the margin, a stamp along the edge) set apart from the
prose it stands beside: its words are no part of any row of the page."""

from __future__ import annotations

from collections.abc import Sequence

from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.models import Word


def _tall(word: Word, params: LayoutParams) -> bool:
    """A word of several letters whose box is clearly taller than wide: turned text (an
    upright word of three letters or more is wider than it is high)."""
    x0, top, x1, bottom = word.bbox
    width, height = x1 - x0, bottom - top
    return len(word.text) >= params.turned_letters and height >= params.turned_ratio * width > 0


def turned_lines(
    words: Sequence[Word], params: LayoutParams = LAYOUT
) -> tuple[list[list[Word]], list[Word]]:
    """The lines of turned text, each read from the foot of the page upwards, and the other
    words (text turned the other way, read downwards, comes out with its words reversed).
    A turned line is a band of tall words one above the other; the short words within that
    band ("14", "op") belong to it too."""
    tall = [w for w in words if _tall(w, params)]
    if not tall:
        return [], list(words)
    bands: list[list[float]] = []  # x0, x1, top, bottom
    for w in sorted(tall, key=lambda w: w.bbox[0]):
        for band in bands:
            if abs(w.bbox[0] - band[0]) <= params.turned_align and abs(w.bbox[2] - band[1]) <= (
                params.turned_align
            ):
                band[2], band[3] = min(band[2], w.bbox[1]), max(band[3], w.bbox[3])
                break
        else:
            bands.append([w.bbox[0], w.bbox[2], w.bbox[1], w.bbox[3]])
    lines: list[list[Word]] = [[] for _ in bands]
    rest: list[Word] = []
    for w in words:
        for i, (x0, x1, top, bottom) in enumerate(bands):
            # a turned word's box is as wide as its size: both edges on the band's
            inside_x = abs(w.bbox[0] - x0) <= params.turned_align and abs(w.bbox[2] - x1) <= (
                params.turned_align
            )
            size = x1 - x0
            inside_y = w.bbox[1] >= top - size and w.bbox[3] <= bottom + size
            if inside_x and inside_y:
                lines[i].append(w)
                break
        else:
            rest.append(w)
    # read upwards, as turned text in reports mostly is (a spine, a sidebar turned left)
    upwards = [sorted(line, key=lambda w: -w.bbox[3]) for line in lines if line]
    return upwards, rest
