"""plots/<series-id>.png: each series over time, with the vintages where editions differ.

Drawn with matplotlib's object API on an Agg canvas (no pyplot, no global backend switch), so
plotting works in worker processes and on machines without a display. What a plot shows:

- the headline value per period as a line (calendar years; parts of a year as loose squares),
  filled where an edition states it, hollow where it was derived;
- one marker per edition whose vintage differs from the headline, a colour per edition, hollow
  where derived;
- the y axis in the series' unit, numbers written the Dutch way (1.234,5; € 164 mln; 12,5%).
"""

from __future__ import annotations

import io
import itertools
import math
import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, MaxNLocator

from rapportextract.export.atomic import atomic_write_bytes
from rapportextract.models import Series, Unit
from rapportextract.series import is_annual, linking_words, period_position

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MILLION = 1_000_000


def plot_file_name(series_id: str) -> str:
    """The PNG file name of a series: its id with anything unsafe for a file name replaced."""
    return f"{_UNSAFE.sub('_', series_id).strip('._') or 'series'}.png"


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
    """Axis labels in the series' unit; as many decimals as the tick step needs."""

    def __init__(self, unit: Unit, millions: bool) -> None:
        self.unit = unit
        self.millions = millions
        self.decimals = 0

    def set_locs(self, locs: list[float]) -> None:
        super().set_locs(locs)
        scale = _MILLION if self.millions else 1
        steps = [abs(b - a) / scale for a, b in itertools.pairwise(locs) if b != a]
        step = min(steps) if steps else 1.0
        self.decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0

    def __call__(self, x: float, pos: int | None = None) -> str:
        return format_value_nl(x, self.unit, self.decimals, millions=self.millions)


def _axis_label(unit: Unit, millions: bool) -> str:
    words = linking_words().plot
    if unit == "EUR":
        base = words.get("eur_axis", "euro")
        return f"{words.get('million', 'mln')} {base}" if millions else base
    return words.get("percent_axis" if unit == "percent" else "count_axis", unit)


def draw_series(series: Series) -> Figure:
    """The figure of one series (not yet written)."""
    words = linking_words().plot
    fig = Figure(figsize=(7.5, 4.2), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()

    values = [float(v.value) for o in series.observations for v in o.vintages]
    millions = series.unit == "EUR" and bool(values) and max(abs(v) for v in values) >= _MILLION

    points: list[tuple[float, float, bool, bool]] = []  # x, value, derived, annual
    editions: dict[int, list[tuple[float, float, bool]]] = {}
    for obs in series.observations:
        x = period_position(obs.period)
        if x is None:
            continue
        points.append((x, float(obs.value), obs.status == "derived", is_annual(obs.period)))
        for vintage in obs.vintages:
            if vintage.edition != obs.edition and vintage.value != obs.value:
                editions.setdefault(vintage.edition, []).append(
                    (x, float(vintage.value), vintage.status == "derived")
                )

    annual = sorted(p for p in points if p[3])
    headline_color = "#1f4e79"
    if annual:
        ax.plot([p[0] for p in annual], [p[1] for p in annual], color=headline_color,
                linewidth=1.8, zorder=2, label=words.get("headline", "headline"))
    for x, y, derived, is_year in points:
        ax.plot([x], [y], marker="o" if is_year else "s", markersize=6, linestyle="none",
                color=headline_color, markerfacecolor="white" if derived else headline_color,
                zorder=3)

    cycle = ["#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1b9e77",
             "#666666"]
    for i, (edition, marks) in enumerate(sorted(editions.items())):
        color = cycle[i % len(cycle)]
        for j, (x, y, derived) in enumerate(marks):
            ax.plot([x], [y], marker="D", markersize=5, linestyle="none", color=color,
                    markerfacecolor="none" if derived else color, zorder=4,
                    label=words.get("edition", "{edition}").format(edition=edition)
                    if j == 0 else None)
    if any(p[2] for p in points) or any(m[2] for ms in editions.values() for m in ms):
        ax.plot([], [], marker="o", linestyle="none", color=headline_color,
                markerfacecolor="white", label=words.get("derived", "derived"))

    if series.kind == "change":
        ax.axhline(0, color="#999999", linewidth=0.8, zorder=1)
    ax.yaxis.set_major_formatter(DutchUnitFormatter(series.unit, millions))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0f}")
    ax.set_xlabel(words.get("period", "period"))
    ax.set_ylabel(_axis_label(series.unit, millions))
    ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title("\n".join(textwrap.wrap(series.label, 70)[:2]), fontsize=10, loc="left")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, frameon=False, loc="best")
    fig.subplots_adjust(left=0.15, right=0.97, top=0.88, bottom=0.13)
    return fig


def plot_series(series: Series, path: str | Path) -> Path:
    """Draw one series and write it as PNG (atomically)."""
    fig = draw_series(series)
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
    "format_number_nl",
    "format_value_nl",
    "plot_all",
    "plot_file_name",
    "plot_series",
]
