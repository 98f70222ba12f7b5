"""Figures printed in vector charts, read from the page's words, rectangles and lines.

Aedes reports print their longest time series as charts: a caption ("Grafiek 1: Totale
huurachterstand (x miljoen euro)"), bars or a line, a category label per
bar (a year, or a reason), often a legend, and usually the value printed on or above each bar.

The reader works in small steps, each on the models of `rapportextract.models` only, each a
module of this package (`captions`, `shapes`, `regions`, `legends`, `bars`, `points`,
`labels`, `facts`; `read` runs them in order):

  page words  -> caption lines ("Grafiek N: ...") with number, title, unit and scale
  rects/lines -> the cluster of graphics next to each caption = the chart region
  region      -> legend keys (squares, flat bars, short strokes of a line's colour), bars
                 (rectangles or filled paths, stacked or side by side) or line points,
                 category labels (also those set at an angle), axis ticks
  labels      -> matched to their bar or point by position; unlabelled bars are measured
                 against the axis ticks
  marks       -> facts with origin "chart" (`chart_facts`)

Axis ticks, category labels and legend entries are never facts: only a label matched to a bar
or point, or a bar measured against the ticks, becomes one.
"""

from __future__ import annotations

from rapportextract.figures.charts.captions import (
    Caption,
    find_captions,
    parse_caption,
    unit_and_scale,
)
from rapportextract.figures.charts.facts import chart_facts
from rapportextract.figures.charts.fragments import join_slanted
from rapportextract.figures.charts.model import Chart, Label, LegendEntry, Mark
from rapportextract.figures.charts.read import read_charts, read_charts_with
from rapportextract.figures.concepts import (
    ConceptMatcher,
    default_catalogue,
    figure_fact_id,
    resolve_concept,
)
from rapportextract.figures.numbers import parse_number, year_of

__all__ = [
    "Caption",
    "Chart",
    "ConceptMatcher",
    "Label",
    "LegendEntry",
    "Mark",
    "chart_facts",
    "default_catalogue",
    "figure_fact_id",
    "find_captions",
    "join_slanted",
    "parse_caption",
    "parse_number",
    "read_charts",
    "read_charts_with",
    "resolve_concept",
    "unit_and_scale",
    "year_of",
]
