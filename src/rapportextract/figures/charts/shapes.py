"""The drawn graphics of a page as shapes (rects and segments), and what a shape looks like:
a legend key, a marker, a data line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rapportextract.models import (
    BBox,
    Page,
    Segment,
)

Colour = tuple[float, ...]


@dataclass
class Shape:
    kind: Literal["rect", "segment"]
    bbox: BBox
    colour: Colour | None
    points: list[tuple[float, float]] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]


def page_shapes(page: Page) -> list[Shape]:
    page_area = (page.width or 612.0) * (page.height or 842.0)
    shapes: list[Shape] = []
    for rect in page.rects:
        x0, top, x1, bottom = rect.bbox
        # A page or column background is no part of any chart.
        if (x1 - x0) * (bottom - top) < 0.4 * page_area:
            shapes.append(Shape("rect", rect.bbox, rect.fill))
    for seg in page.segments:
        if len(seg.points) < 2:
            continue
        xs = [p[0] for p in seg.points]
        ys = [p[1] for p in seg.points]
        box = (min(xs), min(ys), max(xs), max(ys))
        if _is_area(seg, box):
            # A bar drawn as a path (rounded corners, or a tool that draws no `re`): an area,
            # read like a rectangle.
            shapes.append(Shape("rect", box, seg.fill or seg.stroke))
            continue
        shapes.append(Shape("segment", box, seg.stroke, list(seg.points)))
    return shapes


def _is_area(seg: Segment, box: BBox) -> bool:
    """A filled path, or a closed one (it ends where it starts) that encloses an area at least
    a point and a half each way: no line of a line chart, no axis or gridline."""
    if box[2] - box[0] < 1.5 or box[3] - box[1] < 1.5 or len(seg.points) < 4:
        return False
    if seg.fill is not None:
        return True
    (x0, y0), (x1, y1) = seg.points[0], seg.points[-1]
    return abs(x0 - x1) <= 0.5 and abs(y0 - y1) <= 0.5



def squarish(shape: Shape, limit: float) -> bool:
    return shape.width <= limit and shape.height <= limit and abs(shape.width - shape.height) <= 2.5


def chromatic(colour: Colour | None) -> bool:
    return colour is not None and len(colour) >= 3 and max(colour[:3]) - min(colour[:3]) > 0.15


def is_data_line(seg: Shape) -> bool:
    # Axes and gridlines are straight and grey or black; a data line slopes or has a colour.
    sloped = seg.width > 1 and seg.height > 1
    return sloped or chromatic(seg.colour)
