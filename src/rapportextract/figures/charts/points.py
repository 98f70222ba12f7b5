"""Line charts: the points of a line, their categories, ticks and labels."""

from __future__ import annotations

from rapportextract.figures.charts.bars import rule_positions, stack
from rapportextract.figures.charts.fragments import Fragment
from rapportextract.figures.charts.labels import (
    estimate_unlabelled,
    match_labels,
    nearest,
)
from rapportextract.figures.charts.model import Chart, Label, Mark
from rapportextract.figures.charts.params import CHART, ChartParams
from rapportextract.figures.charts.shapes import Shape, chromatic, is_data_line
from rapportextract.layout.geometry import box_centre
from rapportextract.models import (
    union_bbox,
)


def line_points(cluster: list[Shape], markers: list[Shape]) -> list[Shape]:
    """Line-chart points: drawn markers, and the corners of the coloured data line."""
    points = [Shape("rect", m.bbox, m.colour) for m in markers]
    for seg in cluster:
        if seg.kind != "segment" or not is_data_line(seg):
            continue
        for x, y in seg.points:
            on = [
                p for p in points
                if abs(x - box_centre(p.bbox)[0]) <= 2 and abs(y - box_centre(p.bbox)[1]) <= 2
            ]
            if not on:
                points.append(Shape("rect", (x, y, x, y), seg.colour))
            for p in on:
                # A marker drawn from a shared symbol may come without its colour (black);
                # the line it sits on has the series colour.
                if not chromatic(p.colour):
                    p.colour = seg.colour
    return points


def read_points(
    chart: Chart, cluster: list[Shape], points: list[Shape], frags: list[Fragment],
    params: ChartParams = CHART,
) -> None:
    box = union_bbox([s.bbox for s in cluster])
    assert box is not None
    width = box[2] - box[0]
    axes = [
        s.bbox[3]
        for s in cluster
        if s.kind == "segment" and s.height <= 1 and s.width >= 0.5 * width and not is_data_line(s)
    ]
    lowest = max(box_centre(p.bbox)[1] for p in points)
    base = max(axes) if axes else lowest + 3
    cats = stack([f for f in frags if base - 1 <= f.bbox[1] <= base + 22 and f.number is None])
    plot_left = min(box_centre(p.bbox)[0] for p in points)
    ticks = [f for f in frags if f.number is not None and f.bbox[2] <= plot_left - 10]
    points.sort(key=lambda p: box_centre(p.bbox)[0])
    chart.marks = [Mark("point", p.bbox, p.colour) for p in points]
    for mark in chart.marks:
        mark.category = nearest(cats, box_centre(mark.bbox)[0], axis=0)
    chart.categories = [Label(c.text, c.bbox) for c in cats]
    chart.ticks = [Label(t.text, t.bbox, t.number.value if t.number else None) for t in ticks]
    used = {id(f) for f in [*cats, *ticks]}
    candidates = [f for f in frags if id(f) not in used and f.number is not None]
    match_labels(
        chart, candidates, lambda frag, mark: _point_label_distance(frag, mark, params)
    )
    estimate_unlabelled(chart, ticks, vertical=True, rules=rule_positions(cluster, True))


def _point_label_distance(frag: Fragment, mark: Mark, params: ChartParams = CHART) -> float | None:
    """How far a label's centre lies from a point's; None beyond a label's reach."""
    px, py = box_centre(mark.bbox)
    distance = ((frag.cx - px) ** 2 + (frag.cy - py) ** 2) ** 0.5
    return distance if distance <= params.label_reach + 4 else None
