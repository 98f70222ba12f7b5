"""The short lines around a chart (axis labels, data labels, legends, axis titles) that belong
to it rather than to the prose."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from rapportextract.lang.nl.words import layout_words
from rapportextract.layout.aligned import FIGURE
from rapportextract.layout.geometry import boxes_near, centre_in
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
                         params: LayoutParams = LAYOUT, bars: Sequence[BBox] = (),
                         marks: Sequence[BBox] = ()) -> list[Frag]:
    """Axis labels, category names, data labels above the bars, legends and axis titles sit
    just outside the drawn area: short lines within about a line's height of a chart belong
    to it. Two passes: the second reaches an axis title under the tick labels. Captions,
    headings and lines that end a sentence stay prose. The category names of horizontal
    bars (`bars`: the page's filled shapes) may stand further off, at the page's margin
    (`_absorb_bar_names`), and so may the category labels under a line chart, each under a
    point of its line (`marks`: the page's drawn shapes; `_absorb_slot_labels`)."""
    if not charts:
        return list(frags)
    caption = layout_words().caption
    boxes = list(charts)
    close = [f for f in frags if any(
        boxes_near(f.bbox, box, params.bar_name_reach * body) for box in boxes)]
    prose = {id(f) for f in close if _paragraph_line(f, frags, params)}
    keep = _absorb_bar_names(list(frags), boxes, bars, chart_words, prose, params)
    keep = _absorb_slot_labels(keep, boxes, marks, chart_words, prose, params)
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
    return _absorb_bare_figures(keep, boxes, chart_words, body, params)


def _absorb_bar_names(frags: list[Frag], boxes: Sequence[BBox], bars: Sequence[BBox],
                      chart_words: dict[int, list[Word]], prose: set[int],
                      params: LayoutParams = LAYOUT) -> list[Frag]:
    """The names left of a chart's horizontal bars, one level with each bar, set in a column
    at the page's margin however far from the bars: at least two short lines, each with its
    middle in a bar's height and nothing between it and the chart, that start (or end) at
    one edge, one per bar. Prose beside a chart is no column of one line per bar."""
    keep = list(frags)
    for c, box in enumerate(boxes):
        own = [b for b in bars if centre_in(b, box) and b[2] - b[0] > b[3] - b[1]]
        if len(own) < 2:
            continue
        named: dict[int, Frag] = {}
        for frag in keep:
            middle = (frag.top + frag.bottom) / 2
            bar = next((i for i, b in enumerate(own) if b[1] <= middle <= b[3]), None)
            if (
                bar is None or frag.x1 > box[0] + params.label_pad * frag.size
                or box[0] - frag.x1 > params.bar_name_reach * frag.size
                or id(frag) in prose or len(frag.body_words) > params.label_words
                or _SENTENCE_END.search(frag.text) or bar in named
                or any(o is not frag and o.x0 >= frag.x1 and o.x1 <= box[0]
                       and o.top < frag.bottom and o.bottom > frag.top for o in keep)
            ):
                continue
            named[bar] = frag
        column = list(named.values())
        lefts = {round(f.x0 / params.tick_align) for f in column}
        rights = {round(f.x1 / params.tick_align) for f in column}
        if len(column) < 2 or not (len(lefts) <= 2 or len(rights) <= 2):
            continue
        for frag in column:
            chart_words[c].extend(frag.words)
        taken = {id(f) for f in column}
        keep = [f for f in keep if id(f) not in taken]
    return keep


def _absorb_slot_labels(frags: list[Frag], boxes: list[BBox], marks: Sequence[BBox],
                        chart_words: dict[int, list[Word]], prose: set[int],
                        params: LayoutParams = LAYOUT) -> list[Frag]:
    """The category labels under a line chart stand where its axis is, which may lie far
    under the line (a series far above zero, an axis drawn with no gridlines): the first
    line under the chart whose every word is centred under a point of the chart's line or
    a mark of it, at least two points, with nothing between it and the chart. The chart's
    box grows to take the line in, so that an axis title under it follows."""
    keep = list(frags)
    for c, box in enumerate(boxes):
        spots = _mark_spots(box, marks, params)
        if len(spots) < 2:
            continue
        under = sorted((f for f in keep if f.top >= box[3] and f.x0 < box[2] and f.x1 > box[0]
                        and f.top - box[3] <= params.slot_label_reach * f.size),
                       key=lambda f: f.top)
        if not under:
            continue
        first = under[0]
        row = [f for f in under if abs(f.bottom - first.bottom) <= params.row_tolerance * f.size]
        words = [w for f in row for w in f.words]
        hit = set()
        for w in words:
            middle = (w.bbox[0] + w.bbox[2]) / 2
            spot = min(spots, key=lambda x: abs(x - middle))
            if abs(spot - middle) > params.label_pad * (w.bbox[3] - w.bbox[1]):
                break
            hit.add(spot)
        else:
            if len(hit) >= 2 and not any(
                id(f) in prose or len(f.body_words) > params.label_words
                or _SENTENCE_END.search(f.text) for f in row
            ):
                chart_words[c].extend(words)
                taken = {id(f) for f in row}
                keep = [f for f in keep if id(f) not in taken]
                boxes[c] = union_bbox([box, *(f.bbox for f in row)]) or box
    return keep


def _mark_spots(box: BBox, marks: Sequence[BBox], params: LayoutParams) -> list[float]:
    """Where a chart's points stand across: the middles of the small marks and bars in it
    and the ends of its sloping lines (a level line is a gridline, an upright one an
    axis)."""
    spots: set[float] = set()
    for m in marks:
        if not centre_in(m, box):
            continue
        width, height = m[2] - m[0], m[3] - m[1]
        if width <= params.bar_least or height <= params.bar_least:
            continue  # a level or upright line
        if width < box[2] - box[0]:
            spots.add(round((m[0] + m[2]) / 2, 1))
            spots.update((round(m[0], 1), round(m[2], 1)))
    return sorted(spots)


def _bare_figure(frag: Frag, body: float, params: LayoutParams) -> bool:
    """A line of figures only ("8.000", "0 20 40", "113"): no sentence, an axis or data label."""
    tokens = frag.text.split()
    return (
        bool(tokens) and len(tokens) <= params.label_words
        and all(FIGURE.match(t) for t in tokens) and frag.size < params.heading_size * body
    )


def _absorb_bare_figures(frags: list[Frag], boxes: Sequence[BBox],
                         chart_words: dict[int, list[Word]], body: float,
                         params: LayoutParams = LAYOUT) -> list[Frag]:
    """Figures alone on a line near a chart are its labels even where they stand further off
    than a label of words may: the top tick label over the last gridline, a data label by a
    line's point, the last tick of a row of tick labels past the plot's end."""
    reach = params.label_reach * body
    rows = {
        c: [w for w in chart_words[c] if FIGURE.match(w.text)] for c in range(len(boxes))
    }
    keep: list[Frag] = []
    for frag in frags:
        target = None
        if _bare_figure(frag, body, params):
            for c, box in enumerate(boxes):
                overlaps_x = frag.x0 < box[2] and frag.x1 > box[0]
                overlaps_y = frag.top < box[3] and frag.bottom > box[1]
                if (overlaps_x or overlaps_y) and boxes_near(frag.bbox, box, reach):
                    target = c
                    break
                row_reach = params.tick_row_reach * body
                if any(
                    abs(w.bbox[3] - frag.bottom) <= params.row_tolerance * frag.size
                    and boxes_near(frag.bbox, w.bbox, row_reach)
                    for w in rows[c]
                ):
                    target = c
                    break
        if target is None:
            keep.append(frag)
        else:
            chart_words[target].extend(frag.words)
    return keep
