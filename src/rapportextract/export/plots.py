"""plots/<series-id>.png: each series over time, with the vintages where editions differ.

`draw_series` lays a plot out (`Plot`: its marks, notes, axes, ticks and legend: what it shows,
in plain data); `export.raster` draws that with Pillow, anti-aliased, in about 10 ms, with no
display, no global state and no plotting library to load. What a plot shows:

- the headline value per period as a line over consecutive calendar years, broken where a
  year has no value (a gap stays visible); parts of a year as loose squares, each named in the
  legend; filled where an edition states it, hollow where it was derived; a qualified figure
  carries its word (ruim, bijna, zo'n) beside its point;
- every other value one edition gives the same period (its `alternatives`) as a red cross;
- an x axis of at least four years around the data (one observation is a dot in the middle),
  and a source line under the plot naming the editions;
- one marker per edition whose vintage differs from the headline, a colour per edition (and a
  marker shape of its own past eight editions), hollow where derived; the legend beside the
  plot as soon as editions appear in it, so that it never hides a point;
- the y axis in the series' unit, numbers written the Dutch way (1.234,5; € 164 mln; 12,5%).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapportextract.export.atomic import atomic_write_bytes
from rapportextract.export.names import plot_file_name
from rapportextract.lang.nl.words import linking_words
from rapportextract.models import Series, Unit
from rapportextract.series import is_annual, period_position

_MILLION = 1_000_000
_MAX_DECIMALS = 3


def format_number_nl(value: float, decimals: int = 0) -> str:
    """A number written the Dutch way: thousands dot, decimal comma (1.234.567,5)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_value_nl(value: float, unit: Unit, decimals: int = 0, *, millions: bool = False) -> str:
    """A value with its unit the Dutch way: € 164 mln, € 1.250, 12,5%, 117.000."""
    if unit == "EUR":
        if millions:
            million = linking_words().plot.get("million", "mln")
            return f"€ {format_number_nl(value / _MILLION, decimals)} {million}"
        return f"€ {format_number_nl(value, decimals)}"
    if unit == "percent":
        return f"{format_number_nl(value, decimals)}%"
    return format_number_nl(value, decimals)


class DutchUnitFormatter:
    """Axis labels in the series' unit, with as many decimals as the ticks need to differ."""

    def __init__(self, unit: Unit, millions: bool) -> None:
        self.unit = unit
        self.millions = millions
        self.decimals = 0

    def set_locs(self, locs: Sequence[float]) -> None:
        scale = _MILLION if self.millions else 1
        # The fewest decimals that write every tick exactly (a step of 2,5 needs one).
        self.decimals = next(
            (d for d in range(_MAX_DECIMALS)
             if all(abs(x / scale - round(x / scale, d)) < 1e-9 * max(1.0, abs(x / scale))
                    for x in locs)),
            _MAX_DECIMALS,
        )

    def __call__(self, x: float, pos: int | None = None) -> str:
        return format_value_nl(x, self.unit, self.decimals, millions=self.millions)


def _axis_label(unit: Unit, millions: bool) -> str:
    words = linking_words().plot
    if unit == "EUR":
        base = words.get("eur_axis", "euro")
        return f"{words.get('million', 'mln')} {base}" if millions else base
    return words.get("percent_axis" if unit == "percent" else "count_axis", unit)


_HEADLINE_COLOR = "#1f4e79"
_EDITION_COLORS = ("#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1b9e77",
                   "#666666")
# After every colour has been used once, the next editions change marker shape, so that no two
# editions look the same in a plot or its legend.
_EDITION_MARKERS = ("D", "^", "v", "s", "P", "X")
_LEGEND_ROWS = 22
"""Legend entries per column beside the plot; more editions than this get a second column."""
_LEGEND_COLUMN_WIDTH = 0.16
"""Width of one legend column beside the plot, as a fraction of the figure."""


def edition_style(index: int) -> tuple[str, str]:
    """Colour and marker of the `index`-th edition (oldest first) that has its own markers."""
    colors = len(_EDITION_COLORS)
    return _EDITION_COLORS[index % colors], _EDITION_MARKERS[(index // colors)
                                                             % len(_EDITION_MARKERS)]


def _xs_ys(points: Sequence[tuple[float, float]]) -> tuple[list[float], list[float]]:
    return [p[0] for p in points], [p[1] for p in points]


def _runs(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Consecutive years together: a year without a value breaks the line."""
    runs: list[list[tuple[float, float]]] = []
    for point in sorted(points):
        if runs and point[0] - runs[-1][-1][0] <= 1.0 + 1e-9:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


_MIN_X_SPAN = 4.0
"""Fewest years the x axis spans: one observation sits in the middle of a readable axis."""


def _x_limits(xs: list[float]) -> tuple[float, float]:
    lo, hi = min(xs) - 0.5, max(xs) + 0.5
    if hi - lo < _MIN_X_SPAN:
        middle = (lo + hi) / 2
        lo, hi = middle - _MIN_X_SPAN / 2, middle + _MIN_X_SPAN / 2
    return lo, hi


def _source_line(series: Series) -> str:
    words = linking_words().plot
    editions = sorted({v.edition for o in series.observations for v in o.vintages})
    if len(editions) == 1:
        return words.get("source_one", "{editions}").format(editions=editions[0])
    shown = ", ".join(str(e) for e in editions)
    if len(shown) > 90:
        shown = f"{editions[0]}-{editions[-1]}"
    return words.get("source", "{editions}").format(count=len(editions), editions=shown)


@dataclass(frozen=True)
class Mark:
    """Points drawn alike: a line through them (`line_width` > 0), a marker on each, or both.
    Sizes are in points (1/72 inch) as in print: `size` is the marker's width, `edge` the
    width of its outline. `face` is the marker's fill: its colour, "white" (hollow on the
    plot) or "none" (an outline alone). A mark with a `label` is an entry of the legend (one
    without points, a key only)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    color: str
    line_width: float = 0.0
    marker: str | None = None
    size: float = 6.0
    face: str | None = None
    edge: float = 1.0
    label: str | None = None
    zorder: int = 2

    @property
    def fill(self) -> str:
        return self.color if self.face is None else self.face


@dataclass(frozen=True)
class Note:
    """A small text beside a point (a qualifier's word), in the headline's colour."""

    x: float
    y: float
    text: str
    color: str = _HEADLINE_COLOR


@dataclass
class Plot:
    """What one plot shows, laid out: in data units except where said, ready to draw."""

    title: list[str]
    xlabel: str
    ylabel: str
    source: str
    marks: list[Mark] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    zero_line: bool = False
    xlim: tuple[float, float] = (0.0, 1.0)
    ylim: tuple[float, float] = (0.0, 1.0)
    xticks: list[tuple[float, str]] = field(default_factory=list)
    yticks: list[tuple[float, str]] = field(default_factory=list)
    legend_beside: bool = False
    legend_columns: int = 1
    right: float = 0.97
    """Right edge of the axes, as a fraction of the figure's width (the legend beside it)."""

    @property
    def legend(self) -> list[Mark]:
        """The legend's entries, in the order they were added."""
        return [m for m in self.marks if m.label is not None]

    def points(self) -> list[tuple[float, float]]:
        return [p for m in self.marks for p in zip(m.xs, m.ys, strict=True)]


WIDTH, HEIGHT, DPI = 750, 420, 100
"""The figure: 7.5 by 4.2 inches at 100 pixels an inch."""
LEFT, TOP, BOTTOM = 0.15, 0.88, 0.16
"""The axes' other edges, as fractions of the figure (from its left and bottom)."""
_MARGIN = 0.05
"""Space around the data on an axis whose limits follow the data, as a share of its range."""
_NBINS = 10
"""Most intervals between ticks on an axis."""


def nice_ticks(lo: float, hi: float, steps: Sequence[float], integer: bool = False) -> list[float]:
    """Ticks between `lo` and `hi` a round step apart (one of `steps` times a power of ten,
    whole where `integer`): the smallest such step that makes at most `_NBINS` intervals,
    or a smaller one where that leaves fewer than two ticks (as matplotlib's `MaxNLocator`)."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return []
    span = hi - lo
    mean = (hi + lo) / 2
    offset = 0.0 if abs(mean) / span < 100 else math.copysign(
        10 ** (math.log10(abs(mean)) // 1), mean)
    scale = 10 ** (math.log10(span / _NBINS) // 1)
    extended = [0.1 * s for s in steps[:-1]] + list(steps) + [10 * steps[1]]
    candidates = [s * scale for s in extended]
    if integer:
        candidates = [s for s in candidates if s < 1 or abs(s - round(s)) < 0.001]
    vmin, vmax = lo - offset, hi - offset
    raw = span / _NBINS
    first = next((k for k, s in enumerate(candidates) if s >= raw), len(candidates) - 1)
    ticks: list[float] = []
    for step in reversed(candidates[: first + 1]):
        if integer and math.floor(vmax) - math.ceil(vmin) >= 1:
            step = max(1.0, step)
        base = (vmin // step) * step
        low = _edge(vmin - base, step, offset, up=False)
        high = _edge(vmax - base, step, offset, up=True)
        ticks = [k * step + base for k in range(low, high + 1)]
        if sum(vmin <= t <= vmax for t in ticks) >= 2:
            break
    eps = span * 1e-10
    return [t + offset for t in ticks if vmin - eps <= t <= vmax + eps]


def _edge(x: float, step: float, offset: float, *, up: bool) -> int:
    """How many steps fit into `x`, rounded down (or up), with a tolerance for float error."""
    tol = 1e-10
    if offset > 0:
        tol = min(0.4999, max(1e-10, 10 ** (math.log10(offset / step) - 12)))
    whole, rest = divmod(x, step)
    if up:
        return int(whole) if abs(rest / step) < tol else int(whole) + 1
    return int(whole) + 1 if abs(rest / step - 1) < tol else int(whole)


def draw_series(series: Series) -> Plot:
    """The plot of one series, laid out (`export.raster` draws it).

    Markers that look alike are one mark (one per headline style, one or two per edition),
    so that drawing costs little however many periods and editions a series has. The legend
    sits inside the plot while it names only the headline, and in a column beside the plot as
    soon as editions have markers of their own, where it can never hide a point.
    """
    words = linking_words().plot
    values = [float(v.value) for o in series.observations for v in o.vintages]
    millions = series.unit == "EUR" and bool(values) and max(abs(v) for v in values) >= _MILLION
    plot = Plot(
        title=textwrap.wrap(series.label, 70)[:2],
        xlabel=words.get("period", "period"),
        ylabel=_axis_label(series.unit, millions),
        source=_source_line(series),
        zero_line=series.kind == "change",
    )
    marks = plot.marks

    def mark(points: Sequence[tuple[float, float]], color: str, **style: object) -> None:
        xs, ys = _xs_ys(points)
        marks.append(Mark(tuple(xs), tuple(ys), color, **style))  # type: ignore[arg-type]

    # Headline markers by style: (annual, derived) -> points.
    headline: dict[tuple[bool, bool], list[tuple[float, float]]] = {}
    # Edition markers: edition -> derived -> points.
    editions: dict[int, dict[bool, list[tuple[float, float]]]] = {}
    for obs in series.observations:
        x = period_position(obs.period)
        if x is None:
            continue
        style = (is_annual(obs.period), obs.status == "derived")
        headline.setdefault(style, []).append((x, float(obs.value)))
        for vintage in obs.vintages:
            if vintage.edition != obs.edition and vintage.value != obs.value:
                editions.setdefault(vintage.edition, {}).setdefault(
                    vintage.status == "derived", []
                ).append((x, float(vintage.value)))

    annual = sorted(headline.get((True, False), []) + headline.get((True, True), []))
    for run in (r for r in _runs(annual) if len(r) > 1):  # a lone year is its dot alone
        mark(run, _HEADLINE_COLOR, line_width=1.8, zorder=2)
    if headline:
        # Line and dot: a series of lone points is read as well as one of consecutive years.
        mark([], _HEADLINE_COLOR, line_width=1.8, marker="o",
             label=words.get("headline", "headline"))
    for (is_year, derived), points in sorted(headline.items()):
        mark(points, _HEADLINE_COLOR, marker="o" if is_year else "s",
             face="white" if derived else None, zorder=3)
    for obs in series.observations:
        x = period_position(obs.period)
        if x is None:
            continue
        if not is_annual(obs.period):
            mark([], _HEADLINE_COLOR, marker="s",
                 label=words.get("part_year", "{period}").format(period=obs.period))
        if obs.qualifier != "exact":
            plot.notes.append(Note(x, float(obs.value),
                                   words.get(f"q_{obs.qualifier}", obs.qualifier)))
    others = [
        (x, float(a.value))
        for obs in series.observations
        if (x := period_position(obs.period)) is not None
        for v in obs.vintages for a in v.alternatives[1:]
    ]
    if others:
        mark(others, "#c00000", marker="x", size=7, edge=1.6, zorder=5,
             label=words.get("alternative", "alternative"))

    for i, (edition, by_status) in enumerate(sorted(editions.items())):
        color, marker = edition_style(i)
        label = words.get("edition", "{edition}").format(edition=edition)
        # Filled (stated) first: the legend shows the first mark that carries the label.
        for j, derived in enumerate(sorted(by_status)):
            mark(by_status[derived], color, marker=marker, size=5,
                 face="none" if derived else None, zorder=4, label=label if j == 0 else None)
    any_derived = any(derived for _, derived in headline) or any(
        True in by_status for by_status in editions.values()
    )
    if any_derived:
        mark([], _HEADLINE_COLOR, marker="o", face="white",
             label=words.get("derived", "derived"))

    _set_limits(plot, values)
    formatter = DutchUnitFormatter(series.unit, millions)
    # Steps of 1, 2 or 5 (no 2,5): tick labels as short as the values allow.
    ys = nice_ticks(*plot.ylim, steps=(1, 2, 5, 10))
    formatter.set_locs(ys)
    plot.yticks = [(y, formatter(y)) for y in ys]
    plot.xticks = [(x, f"{x:.0f}") for x in nice_ticks(*plot.xlim, steps=(1, 2, 2.5, 5, 10),
                                                       integer=True)]
    entries = len(plot.legend)
    if editions or others or entries > 3:
        plot.legend_beside = True
        plot.legend_columns = math.ceil(entries / _LEGEND_ROWS)
        plot.right -= plot.legend_columns * _LEGEND_COLUMN_WIDTH
    return plot


def _set_limits(plot: Plot, values: list[float]) -> None:
    points = plot.points()
    xs = [x for x, _ in points]
    if xs:
        plot.xlim = _x_limits(xs)
    if values and max(values) == min(values):
        # One value (or one repeated): a range around it, from zero where it is positive.
        v = values[0]
        plot.ylim = (0, v * 1.25) if v > 0 else (v * 1.25, 0) if v < 0 else (-1, 1)
        return
    ys = [y for _, y in points] + ([0.0] if plot.zero_line and points else [])
    if ys:
        lo, hi = min(ys), max(ys)
        pad = (hi - lo) * _MARGIN
        plot.ylim = (lo - pad, hi + pad) if hi > lo else (lo - 1, hi + 1)


def plot_series(series: Series, path: str | Path) -> Path:
    """Draw one series and write it as PNG (atomically)."""
    from rapportextract.export.raster import render_png

    # Not flushed to disk one by one (33 flushes were a third of drawing the corpus's plots):
    # a plot lost in a power cut fails its hash check, and the next build draws it again.
    atomic_write_bytes(path, render_png(draw_series(series)), sync=False)
    return Path(path)


def plot_all(series_list: Sequence[Series], folder: str | Path) -> list[Path]:
    """One PNG per series in `folder`; returns the files written."""
    folder = Path(folder)
    return [plot_series(s, folder / plot_file_name(s.id)) for s in series_list]


__all__: list[str] = [
    "DutchUnitFormatter",
    "Mark",
    "Note",
    "Plot",
    "draw_series",
    "edition_style",
    "format_number_nl",
    "format_value_nl",
    "nice_ticks",
    "plot_all",
    "plot_file_name",
    "plot_series",
]
