"""Reading the charts of a page: caption, region, legend, then bars or points."""

from __future__ import annotations

from rapportextract.figures.charts.bars import _read_bars, _rules
from rapportextract.figures.charts.captions import Caption, find_captions
from rapportextract.figures.charts.fragments import Fragment
from rapportextract.figures.charts.geometry import _centre, _contains, _inside
from rapportextract.figures.charts.legends import _assign_series, _legend_entry, _line_keys
from rapportextract.figures.charts.model import Chart, LegendEntry
from rapportextract.figures.charts.points import _points, _read_points
from rapportextract.figures.charts.regions import (
    FAR_SEED,
    SEED_DISTANCE,
    _band,
    _cluster,
    _far_keys,
    _region,
    _region_fragments,
    _side_limits,
)
from rapportextract.figures.charts.shapes import MARKER, Shape, _key_shape, _shapes, _squarish
from rapportextract.models import (
    Page,
    union_bbox,
)


def read_charts(page: Page) -> list[Chart]:
    """Every captioned chart on the page, with its marks, labels and diagnostics."""
    return read_charts_with(page, find_captions(page))


def read_charts_with(page: Page, captions: list[Caption]) -> list[Chart]:
    """`read_charts` for a caller that has the page's captions (`find_captions`) already."""
    shapes = _shapes(page)
    charts: list[Chart] = []
    claimed: list[int] = []
    for caption in captions:
        if caption.kind != "chart":
            continue
        left, right = _side_limits(caption, captions)
        free = [
            s
            for s in shapes
            if id(s) not in claimed and left <= (s.bbox[0] + s.bbox[2]) / 2 <= right
        ]
        cluster, below = [], True
        for reach, below in ((SEED_DISTANCE, True), (SEED_DISTANCE, False), (FAR_SEED, True)):
            lo, hi = _band(caption, captions, below, page.height or 1e9)
            cluster = _cluster(caption, free, lo, hi, below=below, reach=reach)
            if cluster:
                break
        chart = Chart(
            page.number,
            caption.number,
            caption.text,
            caption.title,
            caption.unit,
            caption.scale,
            caption.bbox,
        )
        if not cluster:
            chart.diagnostics.append("no drawn bars or lines next to the caption")
            charts.append(chart)
            continue
        cluster += _far_keys(cluster, [s for s in free if s not in cluster])
        claimed.extend(id(s) for s in cluster)
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        region = _region(caption, box, below)
        region = (max(region[0], left), region[1], min(region[2], right), region[3])
        chart.bbox = region
        squares = [sh.bbox for sh in cluster if sh.kind == "rect" and _key_shape(sh)]
        _read(chart, cluster, _region_fragments(page, caption, region, squares))
        charts.append(chart)
    return charts


def _read(chart: Chart, cluster: list[Shape], frags: list[Fragment]) -> None:
    rects = [s for s in cluster if s.kind == "rect" and s.width >= 1.5 and s.height >= 1.5]
    # A plot background holds the bars; it is no bar itself.
    rects = [r for r in rects if sum(_inside(o.bbox, r.bbox) for o in rects if o is not r) < 2]
    legend_frags: set[int] = set()
    bars: list[Shape] = []
    markers: list[Shape] = []
    keys = _line_keys(cluster, frags)
    for key, frag in keys:
        chart.legend.append(LegendEntry(frag.text, key.colour, frag.bbox))
        legend_frags.add(id(frag))
    for rect in rects:
        if any(_contains(key.bbox, _centre(rect.bbox), pad=2) for key, _ in keys):
            continue  # the marker drawn on a line's legend key
        entry = _legend_entry(rect, frags) if _key_shape(rect) else None
        if entry is not None:
            frag = entry[1]
            chart.legend.append(LegendEntry(frag.text, rect.colour, frag.bbox))
            legend_frags.add(id(frag))
        elif _squarish(rect, MARKER):
            markers.append(rect)
        else:
            bars.append(rect)
    frags = [f for f in frags if id(f) not in legend_frags]
    if bars:
        chart.kind = "bar"
        _read_bars(chart, bars, frags, lambda vertical: _rules(cluster, vertical))
    else:
        key_ids = {id(key) for key, _ in keys}
        points = _points([s for s in cluster if id(s) not in key_ids], markers)
        if not points:
            chart.diagnostics.append("no bars or line points in the chart region")
            return
        chart.kind = "line"
        chart.orientation = "vertical"
        _read_points(chart, cluster, points, frags)
    _assign_series(chart)
