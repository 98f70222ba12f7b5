"""plots/<series-id>.png: each series over time, with the vintages where editions differ.

Drawn with matplotlib's object API on an Agg canvas (no pyplot, no global backend switch), so
plotting works in worker processes and on machines without a display. What a plot shows:

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

import io
import math
import textwrap
from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, MaxNLocator

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


class DutchUnitFormatter(Formatter):
    """Axis labels in the series' unit, with as many decimals as the ticks need to differ."""

    def __init__(self, unit: Unit, millions: bool) -> None:
        self.unit = unit
        self.millions = millions
        self.decimals = 0

    def set_locs(self, locs: list[float]) -> None:
        super().set_locs(locs)
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


def _new_figure() -> Figure:
    fig = Figure(figsize=(7.5, 4.2), dpi=100)
    FigureCanvasAgg(fig)
    fig.add_subplot()
    return fig


def _blank(fig: Figure) -> Figure:
    """`fig` emptied for the next series: its plotted artists, legend and texts removed, its
    axes' data limits and autoscaling reset. The axes and their ticks stay, which is most of
    what a new figure costs to make (about a quarter of a plot's time)."""
    ax = fig.axes[0]
    for artist in [*ax.lines, *ax.texts, *ax.collections, *ax.patches, *fig.texts]:
        artist.remove()
    if ax.legend_ is not None:
        ax.legend_.remove()
    ax.relim()
    ax.set_autoscale_on(True)
    return fig


def draw_series(series: Series, figure: Figure | None = None) -> Figure:
    """The figure of one series (not yet written): drawn on `figure` (one this function made
    before, emptied first) or on a new one.

    Markers that look alike are one artist (one per headline style, one or two per edition),
    so that drawing costs little however many periods and editions a series has. The legend
    sits inside the plot while it names only the headline, and in a column beside the plot as
    soon as editions have markers of their own, where it can never hide a point.
    """
    words = linking_words().plot
    fig = _new_figure() if figure is None else _blank(figure)
    ax = fig.axes[0]

    values = [float(v.value) for o in series.observations for v in o.vintages]
    millions = series.unit == "EUR" and bool(values) and max(abs(v) for v in values) >= _MILLION

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
        ax.plot(*_xs_ys(run), color=_HEADLINE_COLOR, linewidth=1.8, zorder=2)
    if headline:
        # Line and dot: a series of lone points is read as well as one of consecutive years.
        ax.plot([], [], marker="o", markersize=6, linewidth=1.8, color=_HEADLINE_COLOR,
                label=words.get("headline", "headline"))
    for (is_year, derived), marks in sorted(headline.items()):
        ax.plot(*_xs_ys(marks), marker="o" if is_year else "s", markersize=6, linestyle="none",
                color=_HEADLINE_COLOR,
                markerfacecolor="white" if derived else _HEADLINE_COLOR, zorder=3)
    for obs in series.observations:
        x = period_position(obs.period)
        if x is None:
            continue
        if not is_annual(obs.period):
            ax.plot([], [], marker="s", linestyle="none", color=_HEADLINE_COLOR,
                    label=words.get("part_year", "{period}").format(period=obs.period))
        if obs.qualifier != "exact":
            ax.annotate(words.get(f"q_{obs.qualifier}", obs.qualifier), (x, float(obs.value)),
                        xytext=(5, 5), textcoords="offset points", fontsize=7,
                        color=_HEADLINE_COLOR, zorder=5)
    others = [
        (x, float(a.value))
        for obs in series.observations
        if (x := period_position(obs.period)) is not None
        for v in obs.vintages for a in v.alternatives[1:]
    ]
    if others:
        ax.plot(*_xs_ys(others), marker="x", markersize=7, linestyle="none", color="#c00000",
                markeredgewidth=1.6, zorder=5, label=words.get("alternative", "alternative"))

    for i, (edition, by_status) in enumerate(sorted(editions.items())):
        color, marker = edition_style(i)
        label = words.get("edition", "{edition}").format(edition=edition)
        # Filled (stated) first: the legend shows the first artist that carries the label.
        for j, derived in enumerate(sorted(by_status)):
            ax.plot(*_xs_ys(by_status[derived]), marker=marker, markersize=5,
                    linestyle="none", color=color, markerfacecolor="none" if derived else color,
                    zorder=4, label=label if j == 0 else None)
    any_derived = any(derived for _, derived in headline) or any(
        True in by_status for by_status in editions.values()
    )
    if any_derived:
        ax.plot([], [], marker="o", linestyle="none", color=_HEADLINE_COLOR,
                markerfacecolor="white", label=words.get("derived", "derived"))

    if series.kind == "change":
        ax.axhline(0, color="#999999", linewidth=0.8, zorder=1)
    xs = [x for obs in series.observations if (x := period_position(obs.period)) is not None]
    if xs:
        ax.set_xlim(*_x_limits(xs))
    if values and max(values) == min(values):
        # One value (or one repeated): a range around it, from zero where it is positive.
        v = values[0]
        ax.set_ylim((0, v * 1.25) if v > 0 else (v * 1.25, 0) if v < 0 else (-1, 1))
    # Steps of 1, 2 or 5 (no 2,5): tick labels as short as the values allow.
    ax.yaxis.set_major_locator(MaxNLocator(steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(DutchUnitFormatter(series.unit, millions))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0f}")
    ax.set_xlabel(words.get("period", "period"))
    ax.set_ylabel(_axis_label(series.unit, millions))
    ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # A fixed title height: nothing is drawn above the plot that the title would have to
    # clear, and finding that out would measure every tick label on each draw.
    ax.set_title("\n".join(textwrap.wrap(series.label, 70)[:2]), fontsize=10, loc="left",
                 y=1.0)
    right = 0.97
    entries = len(ax.get_legend_handles_labels()[0])
    fig.text(0.01, 0.01, _source_line(series), fontsize=7, color="#555555", ha="left",
             va="bottom")
    if editions or others or entries > 3:
        columns = math.ceil(entries / _LEGEND_ROWS)
        right -= columns * _LEGEND_COLUMN_WIDTH
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  ncols=columns, borderaxespad=0.0, handletextpad=0.3, columnspacing=0.8)
    elif entries:
        ax.legend(fontsize=8, frameon=False, loc="best")
    fig.subplots_adjust(left=0.15, right=right, top=0.88, bottom=0.16)
    return fig


_reused: list[Figure] = []
"""The one figure this process draws its plots on, once made."""


def _figure() -> Figure:
    if not _reused:
        _reused.append(_new_figure())
    return _reused[0]


def warm_up() -> None:
    """Make the figure plots are drawn on and draw it once, empty: the font is loaded and
    its letters rendered, which makes a process's first plot about twice as slow as the
    next. For a process waiting to draw (and one about to fork processes that will)."""
    empty = Series(id="-", concept="-", label="-", unit="count", kind="level",
                   observations=[])
    draw_series(empty, _figure()).canvas.draw()


def plot_series(series: Series, path: str | Path) -> Path:
    """Draw one series and write it as PNG (atomically)."""
    fig = draw_series(series, _figure())
    buffer = io.BytesIO()
    # Fast zlib level: these plots are small, and drawing them dominates a cached rebuild.
    fig.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    atomic_write_bytes(path, buffer.getvalue())
    return Path(path)


def plot_all(series_list: Sequence[Series], folder: str | Path) -> list[Path]:
    """One PNG per series in `folder`; returns the files written."""
    folder = Path(folder)
    return [plot_series(s, folder / plot_file_name(s.id)) for s in series_list]


__all__: list[str] = [
    "DutchUnitFormatter",
    "draw_series",
    "edition_style",
    "format_number_nl",
    "format_value_nl",
    "plot_all",
    "plot_file_name",
    "plot_series",
    "warm_up",
]
