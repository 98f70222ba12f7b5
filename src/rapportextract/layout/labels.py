"""The short lines around a chart (axis labels, data labels, legends, axis titles) that belong
to it rather than to the prose."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from rapportextract.lang.nl.words import layout_words
from rapportextract.layout.aligned import _FIGURE
from rapportextract.layout.regions import _near
from rapportextract.layout.rows import _Frag
from rapportextract.models import (
    BBox,
    Word,
    union_bbox,
)

_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)]*$")


def _paragraph_line(frag: _Frag, frags: Sequence[_Frag]) -> bool:
    """A wide line with a line of the same style right under or over it, starting at the same
    left edge: a line of a paragraph, however short its sentence fragment."""
    if frag.x1 - frag.x0 < 12 * frag.size or len(frag.body_words) < 4:
        return False
    for other in frags:
        if other is frag or abs(other.x0 - frag.x0) > 1.0 or abs(other.size - frag.size) > 0.5:
            continue
        gap = max(other.top - frag.bottom, frag.top - other.bottom)
        if -0.2 * frag.size <= gap <= 0.8 * frag.size and other.x1 - other.x0 >= 8 * frag.size:
            return True
    return False


def _absorb_chart_labels(frags: list[_Frag], charts: Sequence[BBox],
                         chart_words: dict[int, list[Word]], body: float) -> list[_Frag]:
    """Axis labels, category names, data labels above the bars, legends and axis titles sit
    just outside the drawn area: short lines within about a line's height of a chart belong
    to it. Two passes: the second reaches an axis title under the tick labels. Captions,
    headings and lines that end a sentence stay prose."""
    if not charts:
        return list(frags)
    caption = layout_words().caption
    boxes = list(charts)
    keep = list(frags)
    reach = 3 * body
    close = [f for f in frags if any(_near(f.bbox, box, reach) for box in boxes)]
    prose = {id(f) for f in close if _paragraph_line(f, frags)}
    for _ in range(2):
        rest: list[_Frag] = []
        grown = list(boxes)
        for frag in keep:
            target = None
            for c, box in enumerate(boxes):
                pad = 1.2 * frag.size
                # Data labels are often set bold; a bold line of words is a heading.
                plain = (not frag.bold and frag.size < 1.15 * body) or _FIGURE.match(frag.text)
                label_like = (
                    len(frag.body_words) <= 6
                    and not _SENTENCE_END.search(frag.text)
                    and bool(plain)
                    and not caption.match(frag.text)
                    and id(frag) not in prose
                )
                overlaps_x = frag.x0 < box[2] + pad and frag.x1 > box[0] - pad
                if label_like and overlaps_x and _near(frag.bbox, box, pad):
                    target = c
                    break
            if target is None:
                rest.append(frag)
            else:
                chart_words[target].extend(frag.words)
                grown[target] = union_bbox([grown[target], frag.bbox]) or grown[target]
        if len(rest) == len(keep):
            break
        keep, boxes = rest, grown
    return keep
