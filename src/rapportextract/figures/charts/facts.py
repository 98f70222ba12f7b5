"""Chart marks as facts with origin "chart"."""

from __future__ import annotations

from decimal import Decimal

from rapportextract.figures.charts.model import Chart, Mark
from rapportextract.figures.charts.params import CHART, ChartParams
from rapportextract.figures.charts.read import read_charts
from rapportextract.figures.concepts import (
    ConceptMatcher,
    default_catalogue,
    figure_fact_id,
    resolve_concept,
)
from rapportextract.figures.numbers import year_of
from rapportextract.models import (
    Document,
    Fact,
    Source,
    Unit,
)

CONFIDENCE_LABELLED = 0.9


CONFIDENCE_ESTIMATED = 0.5


def chart_facts(
    doc: Document, catalogue: ConceptMatcher | None = None, params: ChartParams = CHART
) -> list[Fact]:
    """Facts (origin "chart") for every labelled or measurable bar and point of every
    captioned chart in the document. A document without an edition gives none."""
    if doc.edition is None:
        return []
    if catalogue is None:
        catalogue = default_catalogue()
    facts: list[Fact] = []
    for page in doc.pages:
        for chart in read_charts(page, params):
            facts.extend(_chart_facts(doc, doc.edition, chart, catalogue))
    return facts


def _chart_facts(
    doc: Document, edition: int, chart: Chart, catalogue: ConceptMatcher | None
) -> list[Fact]:
    facts: list[Fact] = []
    years = [c for c in chart.categories if year_of(c.text)]
    # Two bars of one category that no legend tells apart (grouped or stacked bars without a
    # readable legend) would give one subject two figures for one period: neither is taken.
    seen: dict[tuple[str | None, str | None], int] = {}
    for mark in chart.marks:
        place = (mark.category, mark.series)
        seen[place] = seen.get(place, 0) + 1
    for index, mark in enumerate(chart.marks):
        if mark.value is None or seen[(mark.category, mark.series)] > 1:
            continue
        if years:
            year = year_of(mark.category or "")
            if year is None:
                continue
            period = year
            category = None
        else:
            period = _title_year(chart.title) or str(edition - 1)
            category = mark.category
            if category is None and mark.series is None and len(chart.marks) > 1:
                # Bars told apart by nothing the reader could find (their year labels were
                # unreadable): one period for all of them would be wrong.
                continue
        unit: Unit = mark.unit or chart.unit or "count"
        value = mark.value if unit == "percent" else mark.value * chart.scale
        subject = mark.series or chart.title
        if category:
            subject = f"{chart.title}: {category}"
        concept = _chart_concept(catalogue, chart, mark, category, unit)
        if mark.estimated:
            text, bbox = _estimate_text(mark.value), mark.bbox
            note = "estimated from bar height against the axis ticks"
            if mark.kind == "point":
                note = "estimated from point height against the axis ticks"
            if chart.orientation == "horizontal":
                note = "estimated from bar length against the axis ticks"
        else:
            assert mark.label is not None
            text, bbox, note = mark.label.text, mark.label.bbox, None
        facts.append(
            Fact(
                id=figure_fact_id(doc, "chart", chart.page, chart.number, index),
                document=doc.name,
                edition=edition,
                concept=concept,
                subject=subject,
                value=value,
                unit=unit,
                period=period,
                qualifier="approx" if mark.estimated else "exact",
                confidence=CONFIDENCE_ESTIMATED if mark.estimated else CONFIDENCE_LABELLED,
                source=Source(
                    page=chart.page,
                    bbox=bbox,
                    sentence=chart.caption,
                    text=text,
                    start=0,
                    end=0,
                    origin="chart",
                    note=note,
                ),
            )
        )
    return facts


def _chart_concept(
    catalogue: ConceptMatcher | None, chart: Chart, mark: Mark, category: str | None, unit: Unit
) -> str | None:
    if category:
        concept = resolve_concept(catalogue, f"{category} {chart.title}", unit)
        # The bars of a category chart are parts of what the title names ("zittend" and
        # "vertrokken" of "Huurachterstand eind 2014"): the title's own concept is the whole,
        # so a category that adds nothing more specific gets no concept rather than a wrong one.
        if len(chart.categories) > 1 and concept == resolve_concept(catalogue, chart.title, unit):
            return None
        return concept
    if mark.series:
        return resolve_concept(catalogue, mark.series, unit) or resolve_concept(
            catalogue, f"{mark.series} {chart.title}", unit
        )
    return resolve_concept(catalogue, chart.title, unit)


def _title_year(title: str) -> str | None:
    """The one year a category chart's title names ("Huurachterstand eind 2014"), if one."""
    years = {y for token in title.split() if (y := year_of(token.strip("(),.:;"))) is not None}
    return years.pop() if len(years) == 1 else None


def _estimate_text(value: Decimal) -> str:
    return f"~{value.normalize():f}"
