"""Report pages with a chart among the prose (fixtures/charts/report_page_*.pdf, made by
make_chart_pdfs.py): labels inside the bars, grouped bars with a legend, horizontal
category bars, a line chart with point labels, stacked bars, bars drawn without a frame, a
chart set as a picture, and a pie (curves no region finds) with its legend. Every word of
the chart stays out of the prose, the paragraphs around it come out whole, and the chart
reader still reads its values."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from rapportextract.layout.legends import legends
from rapportextract.layout.regions import bar_rows
from rapportextract.layout.rows import Frag
from rapportextract.models import PROSE_KINDS, BBox, BlockKind, Word
from rapportextract.pipeline import extract

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "charts"

_WORD = regex.compile(r"\p{L}{2}")

# (fixture, paragraphs as (start, end), chart labels that must be chart words, chart values)
PAGES = [
    pytest.param(
        "report_page_labels_inside.pdf",
        [("Een betalingsregeling", "dan in 2022."), ("De daling", "volledig nagekomen."),
         ("Corporaties die vroeg", "contact gelegd.")],
        ["300", "150", "0", "265", "2020"],
        [265000, 240000, 212000, 198000],
        id="labels-inside-bars",
    ),
    pytest.param(
        "report_page_grouped_legend.pdf",
        [("Het aantal vonnissen", "in gesprek te gaan."), ("Van de vonnissen", "jaar eerder."),
         ("De meeste ontruimingen", "na een aanmaning."),
         ("Na een ontruiming", "maatschappelijke opvang.")],
        ["8.000", "2.000", "0", "Vonnissen", "Ontruimingen"],
        [7000, 1720, 5900, 1400, 5300, 1200, 5600, 1200],
        id="grouped-bars-legend",
    ),
    pytest.param(
        "report_page_hbar_categories.pdf",
        [("Huurders met een achterstand", "budgetcoach aangeboden."),
         ("Een op de acht", "met een huisbezoek."), ("Het aantal huisbezoeken", "dan een brief.")],
        ["Schuldhulpverlening", "Budgetcoaching", "gewenst", "100", "2021", "410"],
        [62, 48, 35, 12, 410, 380, 345, 300],
        id="horizontal-category-bars",
    ),
    pytest.param(
        "report_page_line_points.pdf",
        [("Corporaties sturen", "vier jaar eerder."), ("Een herinnering", "binnen een maand.")],
        ["300", "50", "0", "2019", "286"],
        [118000, 164000, 203000, 241000, 286000],
        id="line-with-point-labels-and-gridlines",
    ),
    pytest.param(
        "report_page_stacked.pdf",
        [("De totale achterstand", "€ 88 miljoen."), ("Schulden van vertrokken", "jaar af.")],
        ["250", "0", "107", "Zittende", "Vertrokken", "2023"],
        [120e6, 98e6, 92e6, 88e6, 107e6, 87e6, 81e6, 76e6],
        id="stacked-bars",
    ),
    pytest.param(
        "report_page_frameless.pdf",
        [("Wie zich bij de gemeente", "dan in 2022."), ("In die weken", "wachten duurt."),
         ("De kortste wachttijden", "werken.")],
        ["9", "8", "6", "2019", "2023"],
        [9, 8, 8, 7, 6],
        id="bars-without-a-frame",
    ),
    pytest.param(
        "report_page_line_far_axis.pdf",
        [("Het aantal huurders", "een jaar eerder."), ("Vooral de groep", "even groot."),
         ("Corporaties verwachten", "lager zijn.")],
        ["152", "117", "2020", "2023"],
        [152000, 144000, 135000, 117000],
        id="line-far-above-its-axis",
    ),
    pytest.param(
        "report_page_hbar_beside_prose.pdf",
        # (the first paragraph ends with no full stop, its last line level with a bar)
        [("Corporaties vroegen", "een rol"), ("Een kleiner deel", "het laatst."),
         ("Bijna een op de tien", "contact."), ("Huurders konden", "niet op.")],
        ["Minder", "Energierekening", "reden", "41%"],
        [41, 27, 19, 9],
        id="horizontal-bars-beside-prose",
    ),
    pytest.param(
        "report_page_pie_legend.pdf",
        # (the list's bullets are drawn squares too, all black: no legend)
        [("Een achterstand komt", "zelf melden zich."), ("Wat corporaties doen", "binnen is:"),
         ("Zij bellen", "niet reageert.")],
        ["Eigen", "wijkteam", "(58%)", "(6%)"],
        [],
        id="pie-legend",
    ),
    pytest.param(
        "report_page_picture_chart.pdf",
        [("Steeds meer huishoudens", "tot 340."), ("Het loket verwijst", "een vrijwilliger."),
         ("Vrijwilligers van het loket", "huishoudens thuis.")],
        ["400", "100", "0", "2020", "2023"],
        [],
        id="picture-chart-text-caption",
    ),
]


@pytest.mark.parametrize(("name", "paragraphs", "labels", "values"), PAGES)
def test_chart_words_stay_out_of_the_prose(
    name: str, paragraphs: list[tuple[str, str]], labels: list[str], values: list[float]
) -> None:
    found = extract(ROOT / name, edition=2024, ocr=False)
    blocks = found.document.blocks()
    prose = [b.text for b in blocks if b.kind in PROSE_KINDS and b.kind is not BlockKind.HEADING]
    # no prose block of bare labels, and every paragraph whole, in order
    assert [t for t in prose if sum(1 for w in t.split() if _WORD.search(w)) < 3] == []
    whole = [t for t in prose if not t.startswith("Figuur")]
    assert [(t.split()[0], t[-6:]) for t in whole] == [
        (start.split()[0], end[-6:]) for start, end in paragraphs]
    for (start, end), text in zip(paragraphs, whole, strict=True):
        assert text.startswith(start) and text.endswith(end)
    chart = " ".join(b.text for b in blocks if b.kind is BlockKind.CHART).split()
    for label in labels:
        assert label in chart, label
    # no fact from the text is a chart's label
    assert all(sum(1 for w in f.source.sentence.split() if _WORD.search(w)) >= 3
               for f in found.facts if f.source.origin == "text")
    assert [float(f.value) for f in found.facts if f.source.origin == "chart"] == values


def _bars(heights: list[float], width: float = 20.0, step: float = 40.0,
          x0: float = 100.0) -> list[tuple[BBox, object]]:
    return [((x0 + i * step, 300.0 - h, x0 + i * step + width, 300.0), (1, 0, 0))
            for i, h in enumerate(heights)]


@pytest.mark.parametrize(
    ("shapes", "rows"),
    [
        pytest.param(_bars([90, 80, 80, 70, 60]), 1, id="bars-a-slot-apart"),
        pytest.param(_bars([20, 20, 20, 20]), 0, id="shaded-cells-one-length"),
        pytest.param(_bars([90, 80]), 0, id="two-bars-too-few"),
        pytest.param(_bars([90, 80, 70, 60], step=100.0), 0, id="too-far-apart"),
        pytest.param([*_bars([90, 80, 70, 60]), *_bars([50, 40, 60, 30], x0=300.0)], 2,
                     id="two-charts-side-by-side"),
        pytest.param([((100.0, 100 + i * 18.0, 100 + w, 112 + i * 18.0), (0, 0, 1))
                      for i, w in enumerate([160.0, 125.0, 90.0])], 1, id="horizontal-bars"),
    ],
)
def test_bar_rows(shapes: list[tuple[BBox, object]], rows: int) -> None:
    found = bar_rows(shapes)
    assert len(set(found)) == rows


def _entry(text: str, top: float, x0: float = 112.0) -> Frag:
    words, x = [], x0
    for t in text.split():
        words.append(Word(text=t, bbox=(x, top, x + 5.0 * len(t), top + 8.0), size=8.0))
        x += 5.0 * len(t) + 2.5
    return Frag(words=words)


def _key(top: float, colour: object) -> tuple[BBox, object]:
    return ((100.0, top + 0.5, 107.0, top + 7.5), colour)


@pytest.mark.parametrize(
    ("texts", "colours", "found"),
    [
        pytest.param(["Eigen incasso", "Gemeente", "Huurder zelf"], [1, 2, 3], 1,
                     id="keys-of-three-colours"),
        pytest.param(["Eigen incasso", "Gemeente", "Huurder zelf"], [0, 0, 0], 0,
                     id="bullets-of-one-colour"),
        pytest.param(["Zij bellen de huurder binnen een week na de vervaldag.", "Gemeente"],
                     [1, 2], 0, id="a-sentence-is-no-entry"),
        pytest.param(["Eigen incasso"], [1], 0, id="one-key-too-few"),
    ],
)
def test_legends_from_their_keys(texts: list[str], colours: list[int], found: int) -> None:
    frags = [_entry(t, 200.0 + 16 * i) for i, t in enumerate(texts)]
    keys = [_key(200.0 + 16 * i, (c, 0, 0)) for i, c in enumerate(colours)]
    assert len(legends(frags, keys)) == found
