"""Reading the charts of a page: caption, region, legend, then bars or points."""

from __future__ import annotations

from rapportextract.figures.charts.bars import read_bars, rule_positions
from rapportextract.figures.charts.captions import Caption, find_captions
from rapportextract.figures.charts.fragments import Fragment
from rapportextract.figures.charts.legends import assign_series, legend_entry, line_keys
from rapportextract.figures.charts.model import Chart, LegendEntry
from rapportextract.figures.charts.params import CHART, ChartParams
from rapportextract.figures.charts.points import line_points, read_points
from rapportextract.figures.charts.regions import (
    caption_band,
    caption_cluster,
    far_keys,
    region_around,
    region_fragments,
    side_limits,
)
from rapportextract.figures.charts.shapes import Shape, page_shapes, squarish
from rapportextract.layout.geometry import box_centre, box_within, point_in
from rapportextract.layout.regions import is_legend_key
from rapportextract.models import (
    Page,
    union_bbox,
)


def read_charts(page: Page, params: ChartParams = CHART) -> list[Chart]:
    """Every captioned chart on the page, with its marks, labels and diagnostics."""
    return read_charts_with(page, find_captions(page), params)


def read_charts_with(
    page: Page, captions: list[Caption], params: ChartParams = CHART
) -> list[Chart]:
    """`read_charts` for a caller that has the page's captions (`find_captions`) already."""
    shapes = page_shapes(page)
    charts: list[Chart] = []
    claimed: list[int] = []
    for caption in captions:
        if caption.kind != "chart":
            continue
        left, right = side_limits(caption, captions, params)
        free = [
            s
            for s in shapes
            if id(s) not in claimed and left <= (s.bbox[0] + s.bbox[2]) / 2 <= right
        ]
        cluster, below = [], True
        near, far = params.seed_distance, params.far_seed
        for reach, below in ((near, True), (near, False), (far, True)):
            lo, hi = caption_band(caption, captions, below, page.height or 1e9)
            cluster = caption_cluster(
                caption, free, lo, hi, below=below, reach=reach, params=params
            )
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
        cluster += far_keys(cluster, [s for s in free if s not in cluster], params)
        claimed.extend(id(s) for s in cluster)
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        region = region_around(caption, box, below, params)
        region = (max(region[0], left), region[1], min(region[2], right), region[3])
        chart.bbox = region
        squares = [
            sh.bbox for sh in cluster
            if sh.kind == "rect" and is_legend_key(sh.bbox, params.legend)
        ]
        _read(chart, cluster, region_fragments(page, caption, region, squares, params), params)
        charts.append(chart)
    return charts


def _read(
    chart: Chart, cluster: list[Shape], frags: list[Fragment], params: ChartParams = CHART
) -> None:
    rects = [s for s in cluster if s.kind == "rect" and s.width >= 1.5 and s.height >= 1.5]
    # A plot background holds the bars; it is no bar itself.
    rects = [r for r in rects if sum(box_within(o.bbox, r.bbox) for o in rects if o is not r) < 2]
    legend_frags: set[int] = set()
    bars: list[Shape] = []
    markers: list[Shape] = []
    keys = line_keys(cluster, frags, params)
    for key, frag in keys:
        chart.legend.append(LegendEntry(frag.text, key.colour, frag.bbox))
        legend_frags.add(id(frag))
    for rect in rects:
        if any(point_in(key.bbox, box_centre(rect.bbox), pad=2) for key, _ in keys):
            continue  # the marker drawn on a line's legend key
        entry = (
            legend_entry(rect, frags, params)
            if is_legend_key(rect.bbox, params.legend) else None
        )
        if entry is not None:
            frag = entry[1]
            chart.legend.append(LegendEntry(frag.text, rect.colour, frag.bbox))
            legend_frags.add(id(frag))
        elif squarish(rect, params.marker):
            markers.append(rect)
        else:
            bars.append(rect)
    frags = [f for f in frags if id(f) not in legend_frags]
    if bars:
        chart.kind = "bar"
        read_bars(chart, bars, frags, lambda vertical: rule_positions(cluster, vertical), params)
    else:
        key_ids = {id(key) for key, _ in keys}
        points = line_points([s for s in cluster if id(s) not in key_ids], markers)
        if not points:
            chart.diagnostics.append("no bars or line points in the chart region")
            return
        chart.kind = "line"
        chart.orientation = "vertical"
        read_points(chart, cluster, points, frags, params)
    assign_series(chart)
