"""The short lines around a chart (axis labels, data labels, legends, axis titles) that belong
to it rather than to the prose."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from rapportextract.lang.nl.words import layout_words
from rapportextract.layout.aligned import FIGURE
from rapportextract.layout.geometry import boxes_near
from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import Frag
from rapportextract.models import (
    BBox,
    Word,
    union_bbox,
)

_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)]*$")


def _paragraph_line(frag: Frag, frags: Sequence[Frag], params: LayoutParams = LAYOUT) -> bool:
    """A wide line with a line of the same style right under or over it, starting at the same
    left edge: a line of a paragraph, however short its sentence fragment."""
    size = frag.size
    if frag.x1 - frag.x0 < params.paragraph_width * size or (
        len(frag.body_words) < params.paragraph_words
    ):
        return False
    for other in frags:
        if (
            other is frag or abs(other.x0 - frag.x0) > params.paragraph_edge
            or abs(other.size - size) > params.same_size
        ):
            continue
        gap = max(other.top - frag.bottom, frag.top - other.bottom)
        if (
            -params.paragraph_overlap * size <= gap <= params.paragraph_gap * size
            and other.x1 - other.x0 >= params.paragraph_neighbour * size
        ):
            return True
    return False


def absorb_chart_labels(frags: list[Frag], charts: Sequence[BBox],
                         chart_words: dict[int, list[Word]], body: float,
                         params: LayoutParams = LAYOUT) -> list[Frag]:
    """Axis labels, category names, data labels above the bars, legends and axis titles sit
    just outside the drawn area: short lines within about a line's height of a chart belong
    to it. Two passes: the second reaches an axis title under the tick labels. Captions,
    headings and lines that end a sentence stay prose."""
    if not charts:
        return list(frags)
    caption = layout_words().caption
    boxes = list(charts)
    keep = list(frags)
    reach = params.label_reach * body
    close = [f for f in frags if any(boxes_near(f.bbox, box, reach) for box in boxes)]
    prose = {id(f) for f in close if _paragraph_line(f, frags, params)}
    for _ in range(2):
        rest: list[Frag] = []
        grown = list(boxes)
        for frag in keep:
            target = None
            for c, box in enumerate(boxes):
                pad = params.label_pad * frag.size
                # Data labels are often set bold; a bold line of words is a heading.
                plain = (
                    not frag.bold and frag.size < params.heading_size * body
                ) or FIGURE.match(frag.text)
                label_like = (
                    len(frag.body_words) <= params.label_words
                    and not _SENTENCE_END.search(frag.text)
                    and bool(plain)
                    and not caption.match(frag.text)
                    and id(frag) not in prose
                )
                overlaps_x = frag.x0 < box[2] + pad and frag.x1 > box[0] - pad
                if label_like and overlaps_x and boxes_near(frag.bbox, box, pad):
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
