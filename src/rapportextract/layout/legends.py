"""Legends found from their keys: a small coloured square, or a short stroke of a line
series, with a few words right after it. A legend is chart text wherever it stands: over
the plot, under it, or beside a pie chart that the regions do not find (its wedges are
curves). Bulleted lists are no legends: their marks are all of one colour and their
entries are sentences."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.regions import is_legend_key, text_of_key
from rapportextract.layout.rows import Frag
from rapportextract.models import BBox, Page, union_bbox

_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)]*$")


def legend_keys(page: Page, params: LayoutParams = LAYOUT) -> list[tuple[BBox, object]]:
    """The page's legend keys and their colours: filled small squares and flat bars (rects
    or paths), and short level strokes no longer than a flat key (the key of a line). A
    white square is a form's box, not a key; squares drawn one over the other in one spot
    (a form's check box) are one key, of the colour drawn last."""
    legend = params.legend
    shapes: list[tuple[BBox, object]] = [
        (r.bbox, r.fill) for r in page.rects if r.fill is not None and is_legend_key(r.bbox, legend)
    ]
    for seg in page.segments:
        if not seg.points:
            continue
        xs, ys = [p[0] for p in seg.points], [p[1] for p in seg.points]
        box = (min(xs), min(ys), max(xs), max(ys))
        if seg.fill is not None and is_legend_key(box, legend):
            shapes.append((box, seg.fill))
        elif (seg.fill is None and seg.stroke is not None and len(seg.points) == 2
              and box[3] - box[1] <= params.bar_least
              and params.legend_stroke <= box[2] - box[0] <= legend.key_width):
            # a stroke is as high as its line is thick: level it with the text by its middle
            middle = (box[1] + box[3]) / 2
            shapes.append(((box[0], middle - 1, box[2], middle + 1), seg.stroke))
    spots: dict[tuple[int, int], tuple[BBox, object]] = {}
    for box, colour in shapes:
        spots[(round(box[0] / params.bar_align), round(box[1] / params.bar_align))] = (box, colour)
    return [(box, colour) for box, colour in spots.values() if not _white(colour)]


def _white(colour: object) -> bool:
    return isinstance(colour, tuple) and len(colour) in (1, 3) and all(
        isinstance(v, (int, float)) and v >= 0.95 for v in colour)


def legends(frags: Sequence[Frag], keys: Sequence[tuple[BBox, object]],
            params: LayoutParams = LAYOUT) -> list[tuple[BBox, list[Frag]]]:
    """Legends: lines whose words follow keys, at least `legend_entries` keys of at least two
    colours, joined where they stand within a line's height of each other (a column or a row
    of entries); each its box (keys and text) and its lines. Every line holds short entries:
    at most `label_words` words a key, and no sentence's end."""
    entries: list[tuple[BBox, object, Frag]] = []
    for key, colour in keys:
        for frag in frags:
            word = next((w for w in frag.words if text_of_key(key, w.bbox, params.legend)), None)
            if word is not None:
                entries.append((key, colour, frag))
                break
    groups: list[list[tuple[BBox, object, Frag]]] = []
    for entry in sorted(entries, key=lambda e: (e[0][1], e[0][0])):
        box = union_bbox([entry[0], entry[2].bbox]) or entry[0]
        home = next((g for g in groups if any(_near(box, union_bbox([k, f.bbox]) or k, params)
                                              for k, _, f in g)), None)
        if home is None:
            groups.append([entry])
        else:
            home.append(entry)
    found: list[tuple[BBox, list[Frag]]] = []
    for group in groups:
        lines = list({id(f): f for _, _, f in group}.values())
        per_line = {id(f): sum(1 for _, _, g in group if g is f) for f in lines}
        if (
            len(group) < params.legend_entries or len({repr(c) for _, c, _ in group}) < 2
            or any(len(f.body_words) > params.label_words * per_line[id(f)]
                   or _SENTENCE_END.search(f.text) for f in lines)
        ):
            continue
        joined = union_bbox([*(k for k, _, _ in group), *(f.bbox for f in lines)])
        if joined is not None:
            found.append((joined, lines))
    return found


def _near(a: BBox, b: BBox, params: LayoutParams) -> bool:
    size = min(a[3] - a[1], b[3] - b[1])
    pad = params.legend_join * size
    return not (a[2] + pad < b[0] or b[2] + pad < a[0] or a[3] + pad < b[1] or b[3] + pad < a[1])
