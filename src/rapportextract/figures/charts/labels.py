"""Data labels matched to marks, and unlabelled marks measured against the axis ticks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from rapportextract.figures.charts.fragments import Fragment
from rapportextract.figures.charts.model import Chart, Label, Mark
from rapportextract.figures.charts.params import CHART, ChartParams
from rapportextract.layout.geometry import box_centre
from rapportextract.models import (
    BBox,
)


def nearest(
    frags: list[Fragment], pos: float, axis: int, within: float | None = None
) -> str | None:
    best: Fragment | None = None
    for frag in frags:
        centre = frag.cx if axis == 0 else frag.cy
        if within is not None and abs(centre - pos) > within:
            continue
        if best is None or abs(centre - pos) < abs((best.cx if axis == 0 else best.cy) - pos):
            best = frag
    if best is None:
        return None
    if within is None and len(frags) > 1:
        # A bar belongs to a category only within half the distance between two categories.
        spacing = min(
            abs((a.cx if axis == 0 else a.cy) - (b.cx if axis == 0 else b.cy))
            for a in frags
            for b in frags
            if a is not b
        )
        if abs((best.cx if axis == 0 else best.cy) - pos) > spacing / 2 + 1:
            return None
    return best.text


def match_labels(
    chart: Chart, candidates: list[Fragment], score: Callable[[Fragment, Mark], float | None]
) -> None:
    """Attach data labels to the chart's marks, used for bars and for points alike.

    `score` rates a label for a mark (lower is better; None where it cannot be that mark's
    label). The best-rated pairs are taken first, each label and each mark at most once; a
    label left over is noted in the chart's diagnostics.
    """
    pairs: list[tuple[float, int, int]] = []
    for i, frag in enumerate(candidates):
        for j, mark in enumerate(chart.marks):
            rating = score(frag, mark)
            if rating is not None:
                pairs.append((rating, i, j))
    taken_f: set[int] = set()
    taken_m: set[int] = set()
    for _, i, j in sorted(pairs):
        if i in taken_f or j in taken_m:
            continue
        taken_f.add(i)
        taken_m.add(j)
        _attach(chart.marks[j], candidates[i])
    for i, frag in enumerate(candidates):
        if i not in taken_f:
            chart.diagnostics.append(f"label {frag.text!r} matched no bar or point")


def label_score(
    frag: Fragment, bar: BBox, vertical: bool, params: ChartParams = CHART
) -> float | None:
    x0, top, x1, bottom = bar
    if vertical:
        if abs(frag.cx - (x0 + x1) / 2) > (x1 - x0) / 2 + 3:
            return None
        inside = frag.bbox[1] >= top - 2 and frag.bbox[3] <= bottom + 1
        above = frag.bbox[3] <= top + 2 and top - frag.bbox[3] <= params.label_reach
        if not (inside or above):
            return None
        return abs(frag.cx - (x0 + x1) / 2) + (0.0 if inside else top - frag.bbox[3])
    if abs(frag.cy - (top + bottom) / 2) > (bottom - top) / 2 + 3:
        return None
    inside = frag.bbox[0] >= x0 - 1 and frag.bbox[2] <= x1 + 2
    beyond = frag.bbox[0] >= x1 - 2 and frag.bbox[0] - x1 <= params.label_reach
    if not (inside or beyond):
        return None
    return abs(frag.cy - (top + bottom) / 2) + (0.0 if inside else frag.bbox[0] - x1)


def _attach(mark: Mark, frag: Fragment) -> None:
    number = frag.number
    assert number is not None
    mark.label = Label(frag.text, frag.bbox, number.value)
    mark.value = number.value
    mark.unit = number.unit


def _tick_fit(
    ticks: list[Fragment], axis: int, rules: Sequence[float] = ()
) -> tuple[float, float] | None:
    """Value = a + b * position, fitted on the tick labels; None unless the ticks are evenly
    spaced numbers (at least two) that the line fits within 2% of their range. A tick label
    sits beside its gridline (`rules`) where one is drawn: the line is the exact position."""
    points: list[tuple[float, float]] = []
    for tick in ticks:
        if tick.number is None:
            continue
        pos = tick.cx if axis == 0 else tick.cy
        near = [r for r in rules if abs(r - pos) <= 0.6 * tick.size]
        if near:
            pos = min(near, key=lambda r: abs(r - pos))
        points.append((pos, float(tick.number.value)))
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(p for p, _ in points) / n
    mv = sum(v for _, v in points) / n
    sxx = sum((p - mx) ** 2 for p, _ in points)
    if sxx == 0:
        return None
    b = sum((p - mx) * (v - mv) for p, v in points) / sxx
    a = mv - b * mx
    span = max(v for _, v in points) - min(v for _, v in points)
    if span == 0 or any(abs(a + b * p - v) > 0.02 * span for p, v in points):
        return None
    return a, b


def estimate_unlabelled(
    chart: Chart, ticks: list[Fragment], vertical: bool, rules: Sequence[float] = ()
) -> None:
    unlabelled = [m for m in chart.marks if m.value is None]
    if not unlabelled:
        return
    fit = None
    if ticks and vertical:
        column = [t for t in ticks if abs(t.bbox[2] - max(x.bbox[2] for x in ticks)) <= 3]
        fit = _tick_fit(column, axis=1, rules=rules)
    elif ticks:
        fit = _tick_fit(ticks, axis=0, rules=rules)
    if fit is None:
        chart.diagnostics.append(
            f"{len(unlabelled)} bar(s) or point(s) without a data label and no axis ticks to "
            "measure them against: no values read"
        )
        return
    a, b = fit
    for mark in unlabelled:
        if mark.kind == "point":
            pos = box_centre(mark.bbox)[1]
        else:
            pos = mark.bbox[1] if vertical else mark.bbox[2]
        value = a + b * pos
        if mark.base is not None:  # a stacked bar measures from where it starts
            value -= a + b * mark.base
        mark.value = _round_estimate(value, ticks)
        mark.estimated = True


def _round_estimate(value: float, ticks: list[Fragment]) -> Decimal:
    """An estimate keeps about three significant figures; ticks with decimals keep one more."""
    decimals = max((len(t.text.split(",")[1]) for t in ticks if "," in t.text), default=0)
    magnitude = max((abs(float(t.number.value)) for t in ticks if t.number), default=1.0)
    step = Decimal(1).scaleb(-decimals - 1) if magnitude < 10 else Decimal(1)
    if magnitude >= 1000:
        step = Decimal(10)
    return (Decimal(str(value)) / step).quantize(Decimal(1)) * step
