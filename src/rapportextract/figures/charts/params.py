"""The thresholds of the chart reader, named, as one frozen object (as pdfminer's `LAParams`).

Lengths are PDF points (1/72 inch). The values were set on the charts of the Aedes reports
and the chart fixtures (matplotlib, office tools); each says why it is what it is. The legend
keys are the layout's own `LegendParams`, so layout and charts agree on what a legend is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapportextract.layout.params import LEGEND, LegendParams


@dataclass(frozen=True)
class ChartParams:
    """Every threshold of the chart reader (`figures.charts`), with what it measures."""

    seed_distance: float = 60.0
    """How far below (or above) its caption a chart's first drawn part may start: charts in
    the Aedes reports start within a few lines of their caption."""
    far_seed: float = 150.0
    """Where nothing is drawn that close, a chart up to this far below its caption is still
    taken (a subtitle or a source line may stand between them)."""
    side_by_side: float = 40.0
    """Captions whose tops lie this close belong to charts side by side, which split the page
    between them."""
    cluster_gap: float = 30.0
    """Drawn parts of one chart (bars, gridlines, legend squares) lie within about two text
    lines of each other."""
    axis_reach: float = 160.0
    """A line chart's axis may lie well below its lowest point, and the last gridline of a bar
    chart well beyond its longest bar: a straight line along most of the cluster, this close,
    is its own."""
    axis_share: float = 0.6
    """...where it runs along at least this share of the cluster's width (or height)."""
    region_left: float = 45.0
    """Tick labels stand left of the plot within about three label widths."""
    region_right: float = 40.0
    """Labels (a legend, the last category) stand right of the plot within this much."""
    region_below: float = 25.0
    """Category labels stand below the plot within about two text lines."""
    marker: float = 8.0
    """The largest side of a drawn point marker of a line chart (a small square or circle)."""
    line_key_length: float = 40.0
    """The longest stroke that is a line chart's legend key (a key is a short stroke in the
    series colour; a data line is longer)."""
    label_reach: float = 20.0
    """A label above a bar sits within about two label heights of the bar's top (or its end
    for a horizontal bar); a point's label this far from the point, plus its half height."""
    legend: LegendParams = field(default=LEGEND)
    """The legend keys and their texts (shared with the layout's chart regions)."""


CHART = ChartParams()
"""The default thresholds."""
