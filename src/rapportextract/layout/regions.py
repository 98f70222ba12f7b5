"""Chart regions: clusters of drawn rects, lines and paths that are charts, with a legend set
beside them."""

from __future__ import annotations

from collections.abc import Sequence

from rapportextract.layout.rows import _rows
from rapportextract.models import (
    BBox,
    Page,
    Word,
    union_bbox,
)


def _inside(box: BBox, region: BBox, pad: float = 1.0) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] - pad <= cx <= region[2] + pad and region[1] - pad <= cy <= region[3] + pad


def _near(a: BBox, b: BBox, pad: float) -> bool:
    return not (
        a[2] + pad < b[0] or b[2] + pad < a[0] or a[3] + pad < b[1] or b[3] + pad < a[1]
    )


def graphic_boxes(page: Page) -> list[BBox]:
    boxes: list[BBox] = [r.bbox for r in page.rects]
    for seg in page.segments:
        xs = [p[0] for p in seg.points]
        ys = [p[1] for p in seg.points]
        if xs:
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def chart_regions(page: Page, words: Sequence[Word]) -> list[BBox]:
    """Areas of drawn graphics that are charts: clusters of at least three rects, lines or
    curves, at least 30 points each way. Not charts: page backgrounds, a box behind a run of
    text (a coloured title band), a framed text box (its lines are prose), and a drawing
    without figures or labels (a logo)."""
    width, height = page.width or 595.0, page.height or 842.0
    tables = [t.bbox for t in page.tables if t.bbox]
    boxes: list[BBox] = []
    for box in graphic_boxes(page):
        w, h = box[2] - box[0], box[3] - box[1]
        if w * h > 0.4 * width * height or any(_inside(box, t, 2) for t in tables):
            continue
        if w >= 30 and h >= 8:
            letters = sum(
                sum(c.isalpha() for c in wd.text) for wd in words if _inside(wd.bbox, box, 0)
            )
            if letters > 20:  # a box behind prose
                continue
        boxes.append(box)
    clusters = _cluster(boxes, pad=6.0)
    seeds = [
        box for members, box in clusters
        if members >= 3 and box[2] - box[0] >= 30 and box[3] - box[1] >= 30
    ]
    strays = [box for members, box in clusters if members < 3]
    charts: list[BBox] = []
    for seed in seeds:
        box = _with_aligned_strays(seed, strays)
        inside = [wd for wd in words if _inside(wd.bbox, box)]
        if _is_text_box(inside):
            continue
        near = [wd for wd in words if _near(wd.bbox, box, 12.0)]
        if len(inside) < 3 and not any(c.isdigit() for wd in near for c in wd.text):
            continue
        charts.append(_with_legend_keys(box, page))
    return _merge_overlapping(charts)


def _merge_overlapping(boxes: list[BBox]) -> list[BBox]:
    """One chart whose parts fell into two clusters (a data line with its markers and legend
    apart from the axes) is one region: boxes that overlap are joined."""
    merged = list(boxes)
    joined = True
    while joined:
        joined = False
        pairs = [(a, b) for a in range(len(merged)) for b in range(a + 1, len(merged))]
        for i, j in pairs:
            if _near(merged[i], merged[j], 0):
                merged[i] = union_bbox([merged[i], merged[j]]) or merged[i]
                del merged[j]
                joined = True
                break
    return merged


_LEGEND_REACH = 100.0


def _with_legend_keys(box: BBox, page: Page) -> BBox:
    """A legend set beside the plot stands further off than the chart's own parts: small
    filled keys (squares, or 20 by 7 point bars) level with the chart and within reach of it
    belong to it; their texts then join it as labels."""
    keys = [
        r.bbox for r in page.rects
        if r.fill is not None
        and r.bbox[2] - r.bbox[0] <= 24 and 2 <= r.bbox[3] - r.bbox[1] <= 14
        and box[1] - 5 <= r.bbox[1] and r.bbox[3] <= box[3] + 5
        and not _near(r.bbox, box, 0) and _near(r.bbox, box, _LEGEND_REACH)
    ]
    return union_bbox([box, *keys]) or box


def _with_aligned_strays(box: BBox, strays: Sequence[BBox]) -> BBox:
    """A gridline beyond the longest bar, or an axis a little apart from the bars, stands
    apart from the cluster but spans the same height (or width): it belongs to the chart."""
    parts = [box]
    for stray in strays:
        height = box[3] - box[1]
        width = box[2] - box[0]
        same_height = (
            min(box[3], stray[3]) - max(box[1], stray[1]) >= 0.8 * height
            and stray[3] - stray[1] <= 1.2 * height
            and (stray[0] - box[2] <= 60 and box[0] - stray[2] <= 60)
        )
        same_width = (
            min(box[2], stray[2]) - max(box[0], stray[0]) >= 0.8 * width
            and stray[2] - stray[0] <= 1.2 * width
            and (stray[1] - box[3] <= 20 and box[1] - stray[3] <= 20)
        )
        if same_height or same_width:
            parts.append(stray)
    return union_bbox(parts) or box


def _is_text_box(words: Sequence[Word]) -> bool:
    """Framed prose: most of the words inside stand in long lines."""
    if len(words) < 12:
        return False
    long_rows = sum(len(row) for row in _rows(words) if len(row) >= 6)
    return long_rows >= 0.5 * len(words)


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
            if _near(boxes[i], boxes[j], pad):
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
