"""Chart regions: clusters of drawn rects, lines and paths that are charts, with a legend set
beside them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from rapportextract.layout.aligned import FIGURE
from rapportextract.layout.geometry import box_gap, boxes_near, centre_in
from rapportextract.layout.params import LAYOUT, LEGEND, LayoutParams, LegendParams
from rapportextract.layout.rows import word_rows
from rapportextract.layout.ticks import ladder_region, tick_ladders
from rapportextract.models import (
    BBox,
    Page,
    Word,
    union_bbox,
)


def is_legend_key(box: BBox, legend: LegendParams = LEGEND) -> bool:
    """A legend key: a small square, or the small flat bar matplotlib and office tools draw
    (20 by 7 points)."""
    width, height = box[2] - box[0], box[3] - box[1]
    if width <= legend.square and height <= legend.square and (
        abs(width - height) <= legend.square_slack
    ):
        return True
    return width <= legend.key_width and legend.key_min_height <= height <= legend.square and (
        width >= height
    )


def key_beside(chart: BBox, key: BBox, legend: LegendParams = LEGEND) -> bool:
    """A key within reach of the chart's drawn parts and level with them."""
    return (
        box_gap(chart, key) <= legend.reach
        and chart[1] - legend.level <= key[1] and key[3] <= chart[3] + legend.level
    )


def text_of_key(key: BBox, text: BBox, legend: LegendParams = LEGEND) -> bool:
    """The text starts just right of the key, its middle level with the key's."""
    middle, key_middle = (text[1] + text[3]) / 2, (key[1] + key[3]) / 2
    return (
        0 <= text[0] - key[2] <= legend.text_gap
        and abs(middle - key_middle) <= legend.text_level
    )


def graphic_boxes(page: Page) -> list[BBox]:
    boxes: list[BBox] = [r.bbox for r in page.rects]
    for seg in page.segments:
        xs = [p[0] for p in seg.points]
        ys = [p[1] for p in seg.points]
        if xs:
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _labelled_line(box: BBox, words: Sequence[Word], params: LayoutParams = LAYOUT) -> bool:
    """A flat drawing with figures by it: the line of a line chart with its point labels (a
    series that hardly rises is lower than any chart's plot, but a rule has no labels)."""
    near = [
        wd for wd in words
        if boxes_near(wd.bbox, box, params.figure_reach) and FIGURE.match(wd.text)
    ]
    return len(near) >= params.line_labels


def chart_regions(page: Page, words: Sequence[Word], params: LayoutParams = LAYOUT) -> list[BBox]:
    """Areas of drawn graphics that are charts: clusters of at least three rects, lines or
    curves, at least 30 points each way. Not charts: page backgrounds, a box behind a run of
    text (a coloured title band), a framed text box (its lines are prose), and a drawing
    without figures or labels (a logo)."""
    width, height = page.width or params.page_width, page.height or params.page_height
    tables = [t.bbox for t in page.tables if t.bbox]
    boxes: list[BBox] = []
    for box in graphic_boxes(page):
        w, h = box[2] - box[0], box[3] - box[1]
        if w * h > params.background_share * width * height or any(
            centre_in(box, t, params.table_pad) for t in tables
        ):
            continue
        if w >= params.text_band_width and h >= params.text_band_height:
            letters = sum(
                sum(c.isalpha() for c in wd.text) for wd in words if centre_in(wd.bbox, box, 0)
            )
            if letters > params.prose_letters:  # a box behind prose
                continue
        boxes.append(box)
    # bars set further apart than the parts of one picture are still one chart: each row of
    # them joins its bars in the clusters
    kept = set(boxes)
    shapes = [(r.bbox, r.fill) for r in page.rects if r.bbox in kept]
    clusters = _cluster([*boxes, *bar_bridges(shapes, params)], pad=params.cluster_pad)
    seeds = [
        box for members, box in clusters
        if members >= params.chart_parts
        and box[2] - box[0] >= params.chart_size
        and (box[3] - box[1] >= params.chart_size or _labelled_line(box, words, params))
    ]
    strays = [box for members, box in clusters
              if members < params.chart_parts and box not in seeds]
    charts: list[BBox] = []
    for seed in seeds:
        box = _with_aligned_strays(seed, strays, params, drawn=boxes)
        inside = [wd for wd in words if centre_in(wd.bbox, box)]
        if _is_text_box(inside, params):
            continue
        near = [wd for wd in words if boxes_near(wd.bbox, box, params.figure_reach)]
        figures = any(c.isdigit() for wd in near for c in wd.text)
        if len(inside) < params.chart_words and not figures:
            continue
        charts.append(_with_legend_keys(box, page, params.legend))
    merged = _merge_overlapping(charts)
    return merged + _scale_charts(words, merged, params)


def bar_rows(shapes: Sequence[tuple[BBox, object]], params: LayoutParams = LAYOUT) -> list[BBox]:
    """Rows of bars, each as one box: at least `chart_parts` shapes (box and fill) of one
    width standing on one baseline (upright bars) or of one height starting at one edge
    (horizontal bars), of at least two lengths, evenly spaced at most `bar_spacing` bar
    widths apart. A chart drawn without a frame (no axis line, no gridlines) is only its
    bars, a slot apart. Bars are taken per fill (a series of grouped bars) and all fills
    together (one series with a colour per bar). A table's shaded cells and a legend's keys
    are all of one length; the bars of two charts side by side stand a step apart that is
    not their own."""
    found = {union_bbox(run) for _, run in _bar_runs(shapes, params)}
    return [box for box in found if box is not None]


def bar_bridges(shapes: Sequence[tuple[BBox, object]],
                params: LayoutParams = LAYOUT) -> list[BBox]:
    """Thin boxes across the gap between each two bars of a row (`bar_rows`), on their
    baseline: in the clusters they join a row's bars as its box would, without a box as wide
    as the row that the sweep would hold against every drawing after it."""
    bridges: list[BBox] = []
    for axis, run in _bar_runs(shapes, params):
        for a, b in pairwise(run):
            bridges.append((a[2], a[3], b[0], a[3]) if axis == 0 else (a[0], a[3], a[0], b[1]))
    return bridges


def _bar_runs(shapes: Sequence[tuple[BBox, object]],
              params: LayoutParams) -> list[tuple[int, list[BBox]]]:
    found: list[tuple[int, list[BBox]]] = []
    for axis in (0, 1):  # 0: upright bars on a baseline; 1: horizontal bars from an edge
        groups: dict[tuple[int, int, object], list[BBox]] = {}
        for box, fill in shapes:
            across = box[2] - box[0] if axis == 0 else box[3] - box[1]
            along = box[3] - box[1] if axis == 0 else box[2] - box[0]
            if across < params.bar_least or along < params.bar_least:
                continue
            foot = round((box[3] if axis == 0 else box[0]) / params.bar_align)
            groups.setdefault((foot, round(across), fill), []).append(box)
            groups.setdefault((foot, round(across), None), []).append(box)
        for members in groups.values():
            found.extend((axis, run) for run in _even_runs(members, axis, params))
    return found


def _even_runs(members: list[BBox], axis: int, params: LayoutParams) -> list[list[BBox]]:
    start = 0 if axis == 0 else 1
    members = sorted(set(members), key=lambda b: b[start])
    runs: list[list[BBox]] = []
    run: list[BBox] = []
    for box in members:
        across = box[start + 2] - box[start]
        if run:
            step = box[start] - run[-1][start]
            first = run[1][start] - run[0][start] if len(run) > 1 else step
            if (box[start] - run[-1][start + 2] > params.bar_spacing * across
                    or abs(step - first) > params.tick_slack * first):
                runs.append(run)
                run = []
        run.append(box)
    runs.append(run)
    return [
        run for run in runs
        if len(run) >= params.chart_parts
        and len({round(b[3] - b[1] if axis == 0 else b[2] - b[0]) for b in run}) >= 2
    ]


def _scale_charts(
    words: Sequence[Word], charts: Sequence[BBox], params: LayoutParams = LAYOUT
) -> list[BBox]:
    """Charts whose plot is no drawing found here (a picture, shapes the clusters miss),
    found from the value axis they print as text (`ticks`); none where the axis lies in or
    by a chart found from its drawing (whose labels it is). Each is its own region, whatever
    it overlaps: a word in two regions goes to the first, a chart found from its drawing."""
    ladders = [
        (ladder, pitch) for ladder, pitch in tick_ladders(words, params)
        if not any(boxes_near(ladder, box, params.figure_reach) for box in charts)
    ]
    axes = [ladder for ladder, _ in ladders]
    return [ladder_region(ladder, pitch, words, axes, params) for ladder, pitch in ladders]


def _merge_overlapping(boxes: list[BBox]) -> list[BBox]:
    """One chart whose parts fell into two clusters (a data line with its markers and legend
    apart from the axes) is one region: boxes that overlap are joined."""
    merged = list(boxes)
    joined = True
    while joined:
        joined = False
        pairs = [(a, b) for a in range(len(merged)) for b in range(a + 1, len(merged))]
        for i, j in pairs:
            if boxes_near(merged[i], merged[j], 0):
                merged[i] = union_bbox([merged[i], merged[j]]) or merged[i]
                del merged[j]
                joined = True
                break
    return merged


def _with_legend_keys(box: BBox, page: Page, legend: LegendParams = LEGEND) -> BBox:
    """A legend set beside the plot stands further off than the chart's own parts: small
    filled keys level with the chart and within reach of it belong to it; their texts then
    join it as labels."""
    keys = [
        r.bbox for r in page.rects
        if r.fill is not None and is_legend_key(r.bbox, legend)
        and not boxes_near(r.bbox, box, 0) and key_beside(box, r.bbox, legend)
    ]
    return union_bbox([box, *keys]) or box


def _with_aligned_strays(box: BBox, strays: Sequence[BBox], params: LayoutParams = LAYOUT,
                         drawn: Sequence[BBox] = ()) -> BBox:
    """A gridline beyond the longest bar, or an axis a little apart from the bars, stands
    apart from the cluster but spans the same height (or width): it belongs to the chart.
    Gridlines under a line chart's data stand one under the other a step apart, the step of
    the gridlines among the data (`drawn`): each that joins brings the next within reach."""
    parts = [box]
    reach_x, reach_y = params.stray_reach_x, params.stray_reach_y
    reach_y = max(reach_y, params.stray_step * _grid_step(box, drawn, params))
    left = list(strays)
    grown = True
    while grown:
        grown = False
        for stray in list(left):
            if _aligned_stray(box, stray, reach_x, reach_y, params):
                parts.append(stray)
                left.remove(stray)
                box = union_bbox(parts) or box
                grown = True
    return box


def _grid_step(box: BBox, drawn: Sequence[BBox], params: LayoutParams) -> float:
    """The smallest step between the level lines across the box (its gridlines); 0 where
    it has fewer than two."""
    width = box[2] - box[0]
    levels = sorted({
        round(b[1], 1) for b in drawn
        if b[3] - b[1] <= params.bar_least and b[2] - b[0] >= params.stray_overlap * width
        and centre_in(b, box)
    })
    steps = [b - a for a, b in pairwise(levels) if b - a > params.bar_least]
    return min(steps, default=0.0)


def _aligned_stray(
    box: BBox, stray: BBox, reach_x: float, reach_y: float, params: LayoutParams
) -> bool:
    """The stray spans most of the box's height beside it, or most of its width over or
    under it."""
    height = box[3] - box[1]
    width = box[2] - box[0]
    same_height = (
        min(box[3], stray[3]) - max(box[1], stray[1]) >= params.stray_overlap * height
        and stray[3] - stray[1] <= params.stray_extent * height
        and (stray[0] - box[2] <= reach_x and box[0] - stray[2] <= reach_x)
    )
    same_width = (
        min(box[2], stray[2]) - max(box[0], stray[0]) >= params.stray_overlap * width
        and stray[2] - stray[0] <= params.stray_extent * width
        and (stray[1] - box[3] <= reach_y and box[1] - stray[3] <= reach_y)
    )
    return same_height or same_width


def _is_text_box(words: Sequence[Word], params: LayoutParams = LAYOUT) -> bool:
    """Framed prose: most of the words inside stand in long lines."""
    if len(words) < params.text_box_words:
        return False
    long_rows = sum(len(row) for row in word_rows(words, params) if len(row) >= params.text_box_row)
    return long_rows >= params.text_box_share * len(words)


def _cluster(boxes: Sequence[BBox], pad: float) -> list[tuple[int, BBox]]:
    """Boxes that touch (within `pad`), joined transitively: union-find over a sweep."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    parent = list(range(len(boxes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for n, i in enumerate(order):
        reach = boxes[i][2] + pad
        for j in order[n + 1:]:
            if boxes[j][0] > reach:
                break
            if boxes_near(boxes[i], boxes[j], pad):
                parent[find(i)] = find(j)
    groups: dict[int, list[BBox]] = {}
    for i, box in enumerate(boxes):
        groups.setdefault(find(i), []).append(box)
    result: list[tuple[int, BBox]] = []
    for members in groups.values():
        joined = union_bbox(members)
        assert joined is not None
        result.append((len(members), joined))
    return result
