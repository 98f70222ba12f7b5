"""Box and point tests that layout and the chart reader share (boxes are PDF points, top-left
origin: x0, top, x1, bottom)."""

from __future__ import annotations

from rapportextract.models import BBox


def centre_in(box: BBox, region: BBox, pad: float = 1.0) -> bool:
    """The box's centre lies in the region, grown by `pad` points."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] - pad <= cx <= region[2] + pad and region[1] - pad <= cy <= region[3] + pad


def boxes_near(a: BBox, b: BBox, pad: float) -> bool:
    """The boxes overlap or stand at most `pad` points apart, each way."""
    return not (
        a[2] + pad < b[0] or b[2] + pad < a[0] or a[3] + pad < b[1] or b[3] + pad < a[1]
    )


def box_gap(a: BBox, b: BBox) -> float:
    """The larger of the horizontal and vertical distance between the boxes (0 where they
    overlap that way)."""
    dx = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    dy = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    return max(dx, dy)


def point_in(box: BBox, point: tuple[float, float], pad: float = 0.0) -> bool:
    return box[0] - pad <= point[0] <= box[2] + pad and box[1] - pad <= point[1] <= box[3] + pad


def overlaps_x(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2]


def box_centre(box: BBox) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def box_within(inner: BBox, outer: BBox) -> bool:
    """The whole inner box lies in the outer one, within half a point."""
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and inner[3] <= outer[3] + 0.5
    )
