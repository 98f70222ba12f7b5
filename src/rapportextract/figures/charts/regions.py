"""The chart region next to a caption: the cluster of graphics that starts close to it, grown
by proximity, with its axes and a legend set beside it; and the words in the region."""

from __future__ import annotations

from collections.abc import Sequence

from rapportextract.figures.charts.captions import Caption
from rapportextract.figures.charts.fragments import Fragment, fragments, join_slanted
from rapportextract.figures.charts.geometry import _centre, _contains, _gap, _overlaps_x
from rapportextract.figures.charts.shapes import Shape, _key_shape
from rapportextract.models import (
    BBox,
    Page,
    Word,
    union_bbox,
)

# Charts in the Aedes reports start within a few lines of their caption, and their parts (bars,
# gridlines, legend squares) lie within about two text lines of each other.
SEED_DISTANCE = 60.0


# Where nothing is drawn that close, a chart further below its caption is still taken (a
# subtitle or a source line may stand between them).
FAR_SEED = 150.0


# Captions whose tops lie this close belong to charts side by side.
SIDE_BY_SIDE = 40.0


CLUSTER_GAP = 30.0


# A line chart's axis may lie well below its lowest point, and the last gridline of a bar chart
# well beyond its longest bar: a straight line along most of the cluster, this close, is its own.
AXIS_REACH = 160.0


def _cluster(
    caption: Caption,
    shapes: list[Shape],
    lo: float,
    hi: float,
    below: bool,
    reach: float = SEED_DISTANCE,
) -> list[Shape]:
    """The graphics next to the caption: seeds close below (or above) it, grown by proximity
    within the band [lo, hi] between neighbouring captions."""
    inside = [s for s in shapes if s.bbox[1] >= lo - 1 and s.bbox[3] <= hi + 1]
    cx0, ctop, cx1, cbottom = caption.bbox
    if below:
        seeds = [s for s in inside if s.bbox[1] - cbottom <= reach]
    else:
        seeds = [s for s in inside if ctop - s.bbox[3] <= reach]
    seeds = [s for s in seeds if s.bbox[2] >= cx0 - 20 and s.bbox[0] <= cx1 + 20]
    if not seeds:
        return []
    cluster = list(seeds)
    rest = [s for s in inside if s not in cluster]
    _grow(cluster, rest)
    while True:
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        rule = next((s for s in rest if _is_rule_of(s, box)), None)
        if rule is None:
            return cluster
        cluster.append(rule)
        rest.remove(rule)
        _grow(cluster, rest)


def _is_rule_of(shape: Shape, box: BBox) -> bool:
    """An axis or gridline of the chart in `box`: a straight line running along most of the
    chart, a little way off it."""
    if shape.kind != "segment":
        return False
    if shape.height <= 1:
        overlap = min(box[2], shape.bbox[2]) - max(box[0], shape.bbox[0])
        along = box[2] - box[0]
    elif shape.width <= 1:
        overlap = min(box[3], shape.bbox[3]) - max(box[1], shape.bbox[1])
        along = box[3] - box[1]
    else:
        return False
    return along > 0 and overlap >= 0.6 * along and _gap(box, shape.bbox) <= AXIS_REACH


def _grow(cluster: list[Shape], rest: list[Shape]) -> None:
    grown = True
    while grown:
        grown = False
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        for shape in list(rest):
            if _gap(box, shape.bbox) <= CLUSTER_GAP:
                cluster.append(shape)
                rest.remove(shape)
                grown = True


# A legend set beside the plot (matplotlib's figure legend, an office chart's legend on the
# right) stands further off than the chart's own parts.
LEGEND_REACH = 100.0


def _far_keys(cluster: list[Shape], rest: list[Shape]) -> list[Shape]:
    """Legend keys beside the chart, within reach of its drawn parts and level with them."""
    box = union_bbox([s.bbox for s in cluster])
    assert box is not None
    return [
        s for s in rest
        if s.kind == "rect" and _key_shape(s) and _gap(box, s.bbox) <= LEGEND_REACH
        and box[1] - 5 <= s.bbox[1] and s.bbox[3] <= box[3] + 5
    ]


def _band(
    caption: Caption, captions: list[Caption], below: bool, height: float
) -> tuple[float, float]:
    """The stretch of page between this caption and the next (or previous) one above each
    other: a chart never reaches past a neighbouring caption."""
    if below:
        nxt = [
            c.bbox[1]
            for c in captions
            if c.bbox[1] > caption.bbox[3] + 1 and _overlaps_x(c.bbox, caption.bbox)
        ]
        return caption.bbox[3], min(nxt, default=height)
    prev = [
        c.bbox[3]
        for c in captions
        if c.bbox[3] < caption.bbox[1] - 1 and _overlaps_x(c.bbox, caption.bbox)
    ]
    return max(prev, default=0.0), caption.bbox[1]


def _side_limits(caption: Caption, captions: list[Caption]) -> tuple[float, float]:
    """Captions side by side (two charts in two columns) split the page between them."""
    left, right = float("-inf"), float("inf")
    for other in captions:
        if other is caption or abs(other.bbox[1] - caption.bbox[1]) > SIDE_BY_SIDE:
            continue
        if other.bbox[0] >= caption.bbox[2]:
            right = min(right, other.bbox[0] - 2)
        elif other.bbox[2] <= caption.bbox[0]:
            left = max(left, other.bbox[2] + 2)
    return left, right


# Tick labels stand left of the plot and category labels below it, each within about three
# label widths or two text lines of the drawn graphics.
REGION_LEFT = 45.0


REGION_RIGHT = 40.0


REGION_BELOW = 25.0


def _region(caption: Caption, box: BBox, below: bool) -> BBox:
    left = min(box[0] - REGION_LEFT, caption.bbox[0] - 3)
    right = box[2] + REGION_RIGHT
    if below:
        return (left, caption.bbox[3], right, box[3] + REGION_BELOW)
    return (left, box[1] - REGION_BELOW, right, caption.bbox[1])


def _region_fragments(
    page: Page, caption: Caption, region: BBox, squares: Sequence[BBox] = ()
) -> list[Fragment]:
    """The words of the chart: inside the region, not the caption's own, and not part of a
    prose line that runs out of the region (the next column's text). Text just right of a
    small drawn square is a legend entry, however far it runs."""
    keep: list[Word] = []
    for line in fragments(page.words, gap=1.6, numbers_alone=False):
        legend = any(
            0 <= line.bbox[0] - sq[2] <= 12 and abs(line.cy - (sq[1] + sq[3]) / 2) <= 5
            for sq in squares
        )
        if not legend:
            if not _contains(region, (line.cx, line.cy)):
                continue
            if line.bbox[0] < region[0] - 5 or line.bbox[2] > region[2] + 5:
                continue
        keep.extend(w for w in line.words if not _contains(caption.bbox, _centre(w.bbox)))
    return fragments(join_slanted(keep), gap=0.6, numbers_alone=True)
