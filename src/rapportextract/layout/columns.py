"""Columns and reading order: gutters from the vertical whitespace of the body, bands of
full-width lines and regions, column after column within a band."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import Frag
from rapportextract.models import (
    BBox,
    Block,
)


def _cover(boxes: Sequence[BBox], xs: range) -> list[int]:
    """How many boxes cross each x of `xs` (from half a point left of a box to half a point
    right of it, ends excluded)."""
    # Counting every box at every x took a good part of the layout time on a text-heavy
    # page; each box adds one over the whole numbers strictly inside its ends instead.
    ends = [(b[0] - 0.5, b[2] + 0.5) for b in boxes]
    if not all(math.isfinite(a) and math.isfinite(z) for a, z in ends):
        return [sum(1 for a, z in ends if a < x < z) for x in xs]
    steps = [0] * (len(xs) + 1)
    for a, z in ends:
        first = max(math.floor(a) + 1, xs.start)
        last = min(math.ceil(z) - 1, xs.stop - 1)
        if first <= last:
            steps[first - xs.start] += 1
            steps[last - xs.start + 1] -= 1
    return list(accumulate(steps[:-1]))


def find_gutter(
    boxes: Sequence[BBox], size: float, params: LayoutParams = LAYOUT
) -> tuple[float, float] | None:
    """The vertical strip of whitespace that separates two columns, if the body has two.

    Scans the middle half of the text area for the x positions crossed by the fewest lines;
    two columns need lines on both sides of that strip, side by side, and few lines across.
    """
    if len(boxes) < params.gutter_lines:
        return None
    left_edge = min(b[0] for b in boxes)
    right_edge = max(b[2] for b in boxes)
    width = right_edge - left_edge
    if width < params.gutter_min_text * size:
        return None
    # A PDF page is at most 14,400 points wide (the format's own limit); text spread wider
    # than that comes from damaged coordinates, and scanning it point by point would not end.
    if not math.isfinite(width) or width > params.max_page_width:
        return None
    scan = params.gutter_scan
    xs = range(int(left_edge + scan * width), int(left_edge + (1 - scan) * width) + 1)
    cover = _cover(boxes, xs)
    best = min(cover)
    # the widest run of best coverage
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate([*cover, best + 1]):
        if c == best and start is None:
            start = i
        elif c != best and start is not None:
            runs.append((start, i - 1))
            start = None
    a, b = max(runs, key=lambda r: r[1] - r[0])
    g0, g1 = float(xs[a]), float(xs[b])
    if g1 - g0 < params.gutter_width * size:
        return None
    left = [bx for bx in boxes if bx[2] <= g0 + 0.5]
    right = [bx for bx in boxes if bx[0] >= g1 - 0.5]
    if len(left) < 2 or len(right) < 2:
        return None
    # two charts side by side with their captions are few boxes, but nothing crosses them
    if (len(left) < 3 or len(right) < 3) and best > 0:
        return None
    if best > params.gutter_crossing * min(len(left), len(right)):
        return None
    side_by_side = sum(1 for r in right if any(le[1] < r[3] and r[1] < le[3] for le in left))
    if side_by_side < 2:
        return None
    return g0, g1


@dataclass
class Item:
    """Something placed in reading order: a run of lines or a region block."""

    box: BBox
    column: int | None
    frag: Frag | None = None
    block: Block | None = None


def find_gutters(
    boxes: Sequence[BBox], size: float, params: LayoutParams = LAYOUT, *, prose: bool = False
) -> list[tuple[float, float]]:
    """All column gutters, left to right: a gutter, then the gutters of each side (three
    columns are two gutters; a side too narrow for two columns has none). With `prose`
    (the sides of a gutter found in a band), only columns of prose lines count."""
    gutter = find_gutter(boxes, size, params)
    if gutter is not None and prose and not prose_sides(boxes, gutter, size, params):
        gutter = None
    banded = gutter is None
    if banded:
        gutter = _band_gutter(boxes, size, params)
    if gutter is None:
        return []
    g0, g1 = gutter
    sides = prose or banded
    left = find_gutters([b for b in boxes if b[2] <= g0 + 0.5], size, params, prose=sides)
    right = find_gutters([b for b in boxes if b[0] >= g1 - 0.5], size, params, prose=sides)
    return [*left, gutter, *right]


def margin_gutters(
    boxes: Sequence[BBox], size: float, params: LayoutParams = LAYOUT
) -> list[tuple[float, float]]:
    """The gutters between one column of text and notes in its margins ("Here is a note"
    set beside a paragraph): a few short lines wholly outside the edges most lines keep,
    with words in them, and no line that reaches from the margin into the text."""
    if len(boxes) < params.gutter_lines:
        return []
    # the edges of the column: where its long lines (set full, or justified) start and end
    longest = max(b[2] - b[0] for b in boxes)
    long = [b for b in boxes if b[2] - b[0] >= longest / 2]
    left = statistics.median(b[0] for b in long)
    right = statistics.median(b[2] for b in long)
    width = right - left
    apart = params.gutter_width * size
    gutters: list[tuple[float, float]] = []
    for side in ("left", "right"):
        if side == "left":
            notes = [b for b in boxes if b[2] < left - apart]
            edge = max((b[2] for b in notes), default=0.0)
            crossing = [b for b in boxes if b[0] < edge and b[2] > left]
        else:
            notes = [b for b in boxes if b[0] > right + apart]
            edge = min((b[0] for b in notes), default=0.0)
            crossing = [b for b in boxes if b[0] < right and b[2] > edge]
        if (
            notes and not crossing
            and len(notes) <= params.margin_note_share * len(boxes)
            and all(b[2] - b[0] <= params.margin_note_width * width for b in notes)
        ):
            gutters.append((edge, left) if side == "left" else (right, edge))
    return gutters


def prose_sides(
    boxes: Sequence[BBox], gutter: tuple[float, float], size: float,
    params: LayoutParams = LAYOUT,
) -> bool:
    """The lines on both sides of the gutter are mostly lines of prose, not the cells of a
    listing or a table set without rules."""
    def row_widths(side: list[BBox]) -> list[float]:
        # a justified line may come in pieces cut at its wide spaces: a row's extent counts
        rows: dict[int, list[BBox]] = {}
        for b in side:
            rows.setdefault(round(b[3]), []).append(b)
        return [max(b[2] for b in r) - min(b[0] for b in r) for r in rows.values()]

    left = row_widths([b for b in boxes if b[2] <= gutter[0] + 0.5])
    right = row_widths([b for b in boxes if b[0] >= gutter[1] - 0.5])
    least = params.paragraph_width * size
    return bool(left and right) and min(statistics.median(left), statistics.median(right)) >= least


def _band_gutter(
    boxes: Sequence[BBox], size: float, params: LayoutParams = LAYOUT
) -> tuple[float, float] | None:
    """The gutter of a band of two columns under (or over) lines across most of the page: a
    listing of code, a caption, a table set wide cross the gutter more often than the page's
    columns leave it free. The page is cut at every such wide line; the largest stretch
    between them whose lines have a gutter, with prose lines on both sides, gives it."""
    if len(boxes) < params.gutter_lines:
        return None
    left_edge = min(b[0] for b in boxes)
    right_edge = max(b[2] for b in boxes)
    if not math.isfinite(right_edge - left_edge):
        return None
    wide = params.column_share * (right_edge - left_edge)
    runs: list[list[BBox]] = [[]]
    for box in sorted(boxes, key=lambda b: b[1]):
        if box[2] - box[0] > wide:
            runs.append([])
        else:
            runs[-1].append(box)
    for run in sorted(runs, key=len, reverse=True):
        if len(run) < params.gutter_lines or len(run) == len(boxes):
            break
        gutter = find_gutter(run, size, params)
        if gutter is not None and prose_sides(run, gutter, size, params):
            return gutter
    return None


def assign_columns(
    items: list[Item], gutters: Sequence[tuple[float, float]], params: LayoutParams = LAYOUT
) -> None:
    """Column index = the number of gutters left of where the item starts; None where it
    spans a gutter, reaching well into the columns on both sides, and so covers more than
    half of the columns (a line across the two columns of a sidebar's table, beside two
    columns of prose, stays in the sidebar: the prose band goes on past it)."""
    for it in items:
        x0, _, x1, _ = it.box
        reach = params.span_reach
        crossed = sum(1 for g0, g1 in gutters if g0 - x0 >= reach and x1 - g1 >= reach)
        if not gutters or (crossed and crossed + 1 > (len(gutters) + 1) / 2):
            it.column = None
        else:
            it.column = sum(1 for g0, _ in gutters if x0 >= g0)


def join_spanning_rows(
    items: list[Item], gutters: Sequence[tuple[float, float]], params: LayoutParams = LAYOUT
) -> None:
    """A piece of a line across the columns (a listing's comment, a wide table row) takes
    the other pieces of its row into the full width with it, unless a gutter parts them."""
    changed = True
    while changed:
        changed = False
        spanning = [it for it in items if it.column is None and it.frag is not None]
        for it in items:
            if it.column is None or it.frag is None:
                continue
            size = it.frag.size
            for wide in spanning:
                if abs(wide.box[3] - it.box[3]) > params.row_tolerance * size:
                    continue
                a, b = (it.box, wide.box) if it.box[0] < wide.box[0] else (wide.box, it.box)
                if not any(a[2] <= g0 + 1 and b[0] >= g1 - 1 for g0, g1 in gutters):
                    it.column = None
                    changed = True
                    break


def absorb_short_tails(items: list[Item], params: LayoutParams = LAYOUT) -> None:
    """The last line of a full-width paragraph can be short enough to sit in the left column;
    directly under a full-width line with the same left edge and with nothing beside it, it
    belongs to the full-width band."""
    spanning = [it for it in items if it.column is None and it.frag is not None]
    right = [it for it in items if it.column == 1]
    for it in items:
        if it.column != 0 or it.frag is None:
            continue
        for above in spanning:
            gap = it.box[1] - above.box[3]
            size = above.frag.size if above.frag else params.body_size
            if (
                0 <= gap <= params.tail_gap * size
                and abs(it.box[0] - above.box[0]) <= params.tail_edge
                and abs(it.frag.size - size) < 0.5
                and not any(r.box[1] < it.box[3] + size and r.box[3] > above.box[1] for r in right)
            ):
                it.column = None
                spanning.append(it)
                break


def lift_region_titles(items: list[Item], params: LayoutParams = LAYOUT) -> None:
    """A caption or title right above a full-width chart or table, below the end of every
    column beside it, belongs to the chart's band: read after the columns above, not between
    them. Lines are lifted from the region upwards, so a caption of two lines goes whole."""
    regions = [it for it in items if it.block is not None and it.column is None]
    in_columns = sorted(
        (it for it in items if it.frag is not None and it.column is not None),
        key=lambda it: -it.box[3],
    )
    for region in regions:
        top = region.box[1]
        for it in in_columns:
            assert it.frag is not None
            size = it.frag.size
            far = top - it.box[3] > params.title_reach * size
            if it.column is None or it.box[3] > top + 1 or far:
                continue
            if it.box[2] < region.box[0] or it.box[0] > region.box[2]:
                continue
            beside = any(
                other.column is not None and other.column != it.column
                and other.box[3] > it.box[1] - 1 and other.box[1] < region.box[1]
                for other in items
            )
            if beside:
                break
            it.column = None
            top = it.box[1]


def reading_order(items: list[Item]) -> list[Item]:
    """Band by band from the top; within a band of columns, the left column then the right."""
    ordered = sorted(items, key=lambda it: (it.box[1], it.box[0]))
    bands: list[list[Item]] = []
    for it in ordered:
        full = it.column is None
        if bands and (bands[-1][0].column is None) == full:
            bands[-1].append(it)
        else:
            bands.append([it])
    result: list[Item] = []
    for band in bands:
        if band[0].column is None:
            result.extend(band)
        else:
            result.extend(sorted(band, key=lambda it: (it.column or 0, it.box[1], it.box[0])))
    return result


def merge_row_pieces(items: list[Item], params: LayoutParams = LAYOUT) -> list[Item]:
    """Pieces of one printed line in one column, cut apart at a wide justified space, are one
    line again (unless a chart or table stands between them)."""
    regions = [it for it in items if it.block is not None]
    pieces = sorted(
        (it for it in items if it.frag is not None),
        key=lambda it: (it.column if it.column is not None else -1, it.box[3], it.box[0]),
    )
    out: list[Item] = []
    for it in pieces:
        prev = out[-1] if out else None
        if prev is not None and prev.frag is not None and it.frag is not None:
            size = max(prev.frag.size, it.frag.size)
            between = any(
                r.box[1] < it.box[3] and r.box[3] > it.box[1]
                and r.box[0] >= prev.box[2] - 1 and r.box[2] <= it.box[0] + 1
                for r in regions
            )
            if (
                prev.column == it.column
                and abs(prev.box[3] - it.box[3]) <= params.row_tolerance * size
                and it.box[0] >= prev.box[2] - 1 and not between
            ):
                merged = Frag(sorted(prev.frag.words + it.frag.words, key=lambda w: w.bbox[0]))
                prev.frag, prev.box = merged, merged.bbox
                continue
        out.append(it)
    return out + regions


def column_regions(
    regions: Sequence[Block], frags: Sequence[Frag], params: LayoutParams = LAYOUT
) -> list[BBox]:
    """The boxes of charts and tables that may stand in a column. A region across most of the
    text width is a band of its own; left in, it would cover the gutter of the columns above
    or below it (prose beside a narrow picture, then a full-width table)."""
    boxes = [r.bbox for r in regions if r.bbox]
    if not frags:
        return boxes
    width = max(f.x1 for f in frags) - min(f.x0 for f in frags)
    return [b for b in boxes if b[2] - b[0] <= params.region_share * width]
