"""Bar charts: bars on a baseline or stacked, their categories, ticks and labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapportextract.figures.charts.fragments import Fragment
from rapportextract.figures.charts.labels import (
    estimate_unlabelled,
    label_score,
    match_labels,
    nearest,
)
from rapportextract.figures.charts.model import Chart, Label, Mark
from rapportextract.figures.charts.params import CHART, ChartParams
from rapportextract.figures.charts.shapes import Shape
from rapportextract.layout.geometry import box_centre
from rapportextract.models import (
    union_bbox,
)


def _mode(values: Sequence[float], tolerance: float) -> tuple[float, int]:
    best, count = 0.0, 0
    for v in values:
        n = sum(abs(v - o) <= tolerance for o in values)
        if n > count:
            best, count = v, n
    return best, count


def rule_positions(cluster: list[Shape], vertical: bool) -> list[float]:
    """Positions of the gridlines and axes: where the tick values sit exactly."""
    if vertical:
        return [s.bbox[1] for s in cluster if s.kind == "segment" and s.height <= 1]
    return [s.bbox[0] for s in cluster if s.kind == "segment" and s.width <= 1]


def read_bars(
    chart: Chart, bars: list[Shape], frags: list[Fragment], rules: Callable[[bool], list[float]],
    params: ChartParams = CHART,
) -> None:
    bottom, n_bottom = _mode([b.bbox[3] for b in bars], 1.5)
    left, n_left = _mode([b.bbox[0] for b in bars], 1.5)
    vertical = n_bottom > n_left or (n_bottom == n_left and bars[0].height >= bars[0].width)
    chart.orientation = "vertical" if vertical else "horizontal"
    if vertical:
        on_base = [b for b in bars if abs(b.bbox[3] - bottom) <= 1.5]
    else:
        on_base = [b for b in bars if abs(b.bbox[0] - left) <= 1.5]
    stacked = _stacked(on_base, [b for b in bars if b not in on_base], vertical)
    if len(on_base) + len(stacked) < len(bars):
        skipped = len(bars) - len(on_base) - len(stacked)
        chart.diagnostics.append(f"{skipped} bar(s) off the baseline skipped")
    if vertical:
        on_base.sort(key=lambda b: b.bbox[0])
    else:
        on_base.sort(key=lambda b: b.bbox[1])
    chart.marks = [Mark("bar", b.bbox, b.colour) for b in on_base]
    chart.marks += [Mark("bar", b.bbox, b.colour, base=base) for b, base in stacked]

    if vertical:
        plot_left = min(b.bbox[0] for b in on_base)
        cats = [
            f
            for f in frags
            if bottom - 1 <= f.bbox[1] <= bottom + 22 and f.cy > bottom and (f.number is None)
        ]
        cats = stack(cats)
        ticks = [
            f
            for f in frags
            if f.number is not None and f.bbox[2] <= plot_left + 1 and f not in cats
        ]
        for mark in chart.marks:
            mark.category = nearest(cats, box_centre(mark.bbox)[0], axis=0)
    else:
        plot_bottom = max(b.bbox[3] for b in on_base)
        cats = [f for f in frags if f.bbox[2] <= left + 1 and f.number is None]
        ticks = [f for f in frags if f.number is not None and f.bbox[1] >= plot_bottom - 1]
        for mark in chart.marks:
            mark.category = nearest(
                cats, box_centre(mark.bbox)[1], axis=1, within=(mark.bbox[3] - mark.bbox[1]) / 2 + 4
            )
    chart.categories = [Label(c.text, c.bbox) for c in cats]
    chart.ticks = [Label(t.text, t.bbox, t.number.value if t.number else None) for t in ticks]
    used = {id(f) for f in [*cats, *ticks]}
    candidates = [f for f in frags if id(f) not in used and f.number is not None]
    match_labels(
        chart, candidates, lambda frag, mark: label_score(frag, mark.bbox, vertical, params)
    )
    base = [bottom] if vertical else [left]
    estimate_unlabelled(chart, ticks, vertical, [*rules(vertical), *base])


def _stacked(
    standing: list[Shape], rest: list[Shape], vertical: bool
) -> list[tuple[Shape, float]]:
    """Bars stacked on a bar that stands on the baseline (a stacked bar chart): same width and
    place, starting where the one below ends. Each with the position it starts from."""
    found: list[tuple[Shape, float]] = []
    below = list(standing)
    grown = True
    while grown:
        grown = False
        for bar in list(rest):
            for under in below:
                if vertical:
                    same = abs(bar.bbox[0] - under.bbox[0]) <= 1.5 and abs(
                        bar.bbox[2] - under.bbox[2]) <= 1.5
                    touches = abs(bar.bbox[3] - under.bbox[1]) <= 1.5
                    start = bar.bbox[3]
                else:
                    same = abs(bar.bbox[1] - under.bbox[1]) <= 1.5 and abs(
                        bar.bbox[3] - under.bbox[3]) <= 1.5
                    touches = abs(bar.bbox[0] - under.bbox[2]) <= 1.5
                    start = bar.bbox[0]
                if same and touches:
                    found.append((bar, start))
                    below.append(bar)
                    rest.remove(bar)
                    grown = True
                    break
    return found


def stack(cats: list[Fragment]) -> list[Fragment]:
    """Join category labels wrapped over two lines under one bar ("Hennep en" / "drugs")."""
    out: list[Fragment] = []
    for frag in sorted(cats, key=lambda f: (f.bbox[1], f.bbox[0])):
        for i, prev in enumerate(out):
            if abs(prev.cx - frag.cx) < 6 and 0 <= frag.bbox[1] - prev.bbox[3] < prev.size:
                out[i] = Fragment(
                    f"{prev.text} {frag.text}",
                    union_bbox([prev.bbox, frag.bbox]) or prev.bbox,
                    prev.size,
                    prev.words + frag.words,
                )
                break
        else:
            out.append(frag)
    return out
