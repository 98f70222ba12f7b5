"""The chart region next to a caption: the cluster of graphics that starts close to it, grown
by proximity, with its axes and a legend set beside it; and the words in the region."""

from __future__ import annotations

from collections.abc import Sequence

from rapportextract.figures.charts.captions import Caption
from rapportextract.figures.charts.fragments import Fragment, fragments, join_slanted
from rapportextract.figures.charts.params import CHART, ChartParams
from rapportextract.figures.charts.shapes import Shape
from rapportextract.layout.geometry import box_centre, box_gap, overlaps_x, point_in
from rapportextract.layout.regions import is_legend_key, key_beside, text_of_key
from rapportextract.models import (
    BBox,
    Page,
    Word,
    union_bbox,
)


def caption_cluster(
    caption: Caption,
    shapes: list[Shape],
    lo: float,
    hi: float,
    below: bool,
    reach: float | None = None,
    params: ChartParams = CHART,
) -> list[Shape]:
    """The graphics next to the caption: seeds close below (or above) it, grown by proximity
    within the band [lo, hi] between neighbouring captions."""
    if reach is None:
        reach = params.seed_distance
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
    _grow(cluster, rest, params)
    while True:
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        rule = next((s for s in rest if _is_rule_of(s, box, params)), None)
        if rule is None:
            return cluster
        cluster.append(rule)
        rest.remove(rule)
        _grow(cluster, rest, params)


def _is_rule_of(shape: Shape, box: BBox, params: ChartParams = CHART) -> bool:
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
    return (
        along > 0 and overlap >= params.axis_share * along
        and box_gap(box, shape.bbox) <= params.axis_reach
    )


def _grow(cluster: list[Shape], rest: list[Shape], params: ChartParams = CHART) -> None:
    grown = True
    while grown:
        grown = False
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        for shape in list(rest):
            if box_gap(box, shape.bbox) <= params.cluster_gap:
                cluster.append(shape)
                rest.remove(shape)
                grown = True




def far_keys(cluster: list[Shape], rest: list[Shape], params: ChartParams = CHART) -> list[Shape]:
    """Legend keys beside the chart, within reach of its drawn parts and level with them."""
    box = union_bbox([s.bbox for s in cluster])
    assert box is not None
    return [
        s for s in rest
        if s.kind == "rect" and is_legend_key(s.bbox, params.legend)
        and key_beside(box, s.bbox, params.legend)
    ]


def caption_band(
    caption: Caption, captions: list[Caption], below: bool, height: float
) -> tuple[float, float]:
    """The stretch of page between this caption and the next (or previous) one above each
    other: a chart never reaches past a neighbouring caption."""
    if below:
        nxt = [
            c.bbox[1]
            for c in captions
            if c.bbox[1] > caption.bbox[3] + 1 and overlaps_x(c.bbox, caption.bbox)
        ]
        return caption.bbox[3], min(nxt, default=height)
    prev = [
        c.bbox[3]
        for c in captions
        if c.bbox[3] < caption.bbox[1] - 1 and overlaps_x(c.bbox, caption.bbox)
    ]
    return max(prev, default=0.0), caption.bbox[1]


def side_limits(
    caption: Caption, captions: list[Caption], params: ChartParams = CHART
) -> tuple[float, float]:
    """Captions side by side (two charts in two columns) split the page between them."""
    left, right = float("-inf"), float("inf")
    for other in captions:
        if other is caption or abs(other.bbox[1] - caption.bbox[1]) > params.side_by_side:
            continue
        if other.bbox[0] >= caption.bbox[2]:
            right = min(right, other.bbox[0] - 2)
        elif other.bbox[2] <= caption.bbox[0]:
            left = max(left, other.bbox[2] + 2)
    return left, right


def region_around(caption: Caption, box: BBox, below: bool, params: ChartParams = CHART) -> BBox:
    left = min(box[0] - params.region_left, caption.bbox[0] - 3)
    right = box[2] + params.region_right
    if below:
        return (left, caption.bbox[3], right, box[3] + params.region_below)
    return (left, box[1] - params.region_below, right, caption.bbox[1])


def region_fragments(
    page: Page, caption: Caption, region: BBox, squares: Sequence[BBox] = (),
    params: ChartParams = CHART,
) -> list[Fragment]:
    """The words of the chart: inside the region, not the caption's own, and not part of a
    prose line that runs out of the region (the next column's text). Text just right of a
    small drawn square is a legend entry, however far it runs."""
    keep: list[Word] = []
    for line in fragments(page.words, gap=1.6, numbers_alone=False):
        legend = any(text_of_key(sq, line.bbox, params.legend) for sq in squares)
        if not legend:
            if not point_in(region, (line.cx, line.cy)):
                continue
            if line.bbox[0] < region[0] - 5 or line.bbox[2] > region[2] + 5:
                continue
        keep.extend(w for w in line.words if not point_in(caption.bbox, box_centre(w.bbox)))
    return fragments(join_slanted(keep), gap=0.6, numbers_alone=True)
