"""Legends: keys (squares, flat bars, short strokes) with their text, and the series of each
mark taken from the legend colour."""

from __future__ import annotations

from rapportextract.figures.charts.fragments import Fragment
from rapportextract.figures.charts.model import Chart
from rapportextract.figures.charts.params import CHART, ChartParams
from rapportextract.figures.charts.shapes import Colour, Shape, is_data_line
from rapportextract.figures.numbers import is_year
from rapportextract.layout.regions import text_of_key


def legend_entry(
    square: Shape, frags: list[Fragment], params: ChartParams = CHART
) -> tuple[Shape, Fragment] | None:
    """A legend entry is a small coloured square with its text just to the right."""
    for frag in frags:
        if frag.number is not None or is_year(frag.text):
            continue
        if text_of_key(square.bbox, frag.bbox, params.legend):
            return square, frag
    return None



def line_keys(
    cluster: list[Shape], frags: list[Fragment], params: ChartParams = CHART
) -> list[tuple[Shape, Fragment]]:
    """A line chart's legend keys: a short level stroke in a series colour (often with the
    series' marker on it) and the series name just right of it."""
    keys: list[tuple[Shape, Fragment]] = []
    taken: set[int] = set()
    for seg in cluster:
        if (
            seg.kind != "segment" or seg.height > 1
            or not 5 <= seg.width <= params.line_key_length or not is_data_line(seg)
        ):
            continue
        for frag in frags:
            if id(frag) in taken or frag.number is not None or is_year(frag.text):
                continue
            if text_of_key(seg.bbox, frag.bbox, params.legend):
                keys.append((seg, frag))
                taken.add(id(frag))
                break
    return keys


def _same_colour(a: Colour | None, b: Colour | None) -> bool:
    if a is None or b is None or len(a) != len(b):
        return False
    return all(abs(x - y) <= 0.02 for x, y in zip(a, b, strict=True))


def assign_series(chart: Chart) -> None:
    """Bars and points take their series from the legend entry of the same fill colour."""
    if not chart.legend:
        return
    for mark in chart.marks:
        for entry in chart.legend:
            if _same_colour(mark.colour, entry.colour):
                mark.series = entry.text
                break
        else:
            chart.diagnostics.append(
                f"a {mark.kind} at {tuple(round(v) for v in mark.bbox)} has no legend colour"
            )
