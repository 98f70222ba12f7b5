"""The chart reader on vector fixture PDFs (fixtures/charts, made by make_chart_pdfs.py)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chart_pages import TEST_CATALOGUE, load_pdf
from rapportextract.catalogue import load_catalogue
from rapportextract.figures.charts import (
    Chart,
    chart_facts,
    parse_caption,
    parse_number,
    read_charts,
    resolve_concept,
)
from rapportextract.figures.tables import table_facts
from rapportextract.ingest import read_document
from rapportextract.models import Document, Fact, Page, Rect, Segment, Word

ARREARS = {"2020": 227_000_000, "2021": 185_000_000, "2022": 173_000_000, "2023": 164_000_000}
ARREARS_TICKS = {"0", "50", "100", "150", "200", "250"}


def _charts(name: str) -> list[Chart]:
    return read_charts(load_pdf(name).pages[0])


def _by_period(facts: list[Fact]) -> dict[str, Fact]:
    out = {f.period: f for f in facts}
    assert len(out) == len(facts), "two facts for one period"
    return out


# ------------------------------------------------------------------------------ small parsers

NUMBER_CASES = [
    ("164", Decimal("164"), None),
    ("1.720", Decimal("1720"), None),
    ("1,1", Decimal("1.1"), None),
    ("24,6", Decimal("24.6"), None),
    ("50%", Decimal("50"), "percent"),
    ("€ 164", Decimal("164"), "EUR"),
    ("1.234.567", Decimal("1234567"), None),
    ("-15", Decimal("-15"), None),
    # Read by the prose recogniser: a unit word instead of a sign.
    ("23 procent", Decimal("23"), "percent"),
]


@pytest.mark.parametrize(("text", "value", "unit"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES])
def test_chart_labels_read_the_dutch_way(text: str, value: Decimal, unit: str | None) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == value and number.unit == unit


@pytest.mark.parametrize(
    "text", ["", "Vonnissen", "1.72", "12.34,5,6", "2020-2023", "1.1.1", "ca. 300", "1,2 mln"]
)
def test_non_numbers_are_no_labels(text: str) -> None:
    assert parse_number(text) is None


CAPTION_CASES = [
    (
        "Grafiek 1: Totale huurachterstand bij woningcorporaties (x miljoen euro)",
        "1",
        "Totale huurachterstand bij woningcorporaties",
        "EUR",
        1_000_000,
    ),
    (
        "Grafiek 3: Redenen voor een huisuitzetting in procenten",
        "3",
        "Redenen voor een huisuitzetting",
        "percent",
        1,
    ),
    (
        "Grafiek 6: Aantal huurders met een huurachterstand (x 1.000)",
        "6",
        "Aantal huurders met een huurachterstand",
        "count",
        1000,
    ),
    (
        "Figuur 2.1 Huisuitzettingen per jaar (aantal)",
        "2.1",
        "Huisuitzettingen per jaar",
        "count",
        1,
    ),
    ("Tabel 4: Huurachterstand (in miljoenen euro)", "4", "Huurachterstand", "EUR", 1_000_000),
]


@pytest.mark.parametrize(
    ("text", "number", "title", "unit", "scale"), CAPTION_CASES, ids=[c[1] for c in CAPTION_CASES]
)
def test_caption_gives_number_title_unit_and_scale(
    text: str, number: str, title: str, unit: str, scale: int
) -> None:
    caption = parse_caption(text)
    assert caption is not None
    assert (caption.number, caption.title, caption.unit, caption.scale) == (
        number,
        title,
        unit,
        scale,
    )


@pytest.mark.parametrize(
    "text", ["Grafieken laten zien dat het daalt", "Zie grafiek hieronder", "Tabel"]
)
def test_prose_mentioning_a_chart_is_no_caption(text: str) -> None:
    assert parse_caption(text) is None


def test_every_chart_caption_of_a_whole_report_parses() -> None:
    own = Path(__file__).parents[1] / "fixtures" / "text" / "headings-and-captions-2021.txt"
    lines = [
        ln.strip() for ln in own.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*Grafiek \d+:", ln)
    ]
    captions = [parse_caption(ln) for ln in lines]
    assert len(captions) == 4 and all(c is not None for c in captions)
    units = {c.number: (c.unit, c.scale) for c in captions if c is not None}
    assert units == {"1": ("EUR", 1_000_000), "2": ("count", 1_000), "3": ("percent", 1),
                     "4": ("count", 1)}
    third = captions[2]
    assert third is not None and "procenten" not in third.title


@pytest.mark.seed
def test_every_chart_caption_of_the_reference_edition_parses() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_58a9799dcc4c8c90.txt"
    if not seed.exists():
        pytest.skip("reference text ../shared/seeds not present")
    lines = [
        ln.strip()
        for ln in seed.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*Grafiek \d+:", ln)
    ]
    assert len(lines) >= 4
    captions = [parse_caption(ln) for ln in lines]
    assert all(c is not None for c in captions)
    by_number = {c.number: c for c in captions if c is not None}
    assert by_number["1"].unit == "EUR" and by_number["1"].scale == 1_000_000
    assert by_number["3"].unit == "percent"
    assert "procenten" not in by_number["3"].title


# ---------------------------------------------------------------------- the report-like pages


@pytest.mark.parametrize("name", ["report_one_column.pdf", "report_two_columns.pdf"])
def test_grafiek_1_gives_the_four_rent_arrears_figures(name: str) -> None:
    doc = load_pdf(name)
    facts = chart_facts(doc, TEST_CATALOGUE)
    assert {f.period: int(f.value) for f in facts} == ARREARS
    for fact in facts:
        assert fact.concept == "total_rent_arrears_eur"
        assert fact.unit == "EUR" and fact.qualifier == "exact" and fact.kind == "level"
        assert fact.edition == 2024 and fact.document == name
        assert fact.source.origin == "chart" and fact.source.page == 1
        assert fact.source.sentence.startswith("Grafiek 1: Totale huurachterstand bij")
        assert fact.source.text == str(int(fact.value) // 1_000_000)
        # The bbox is that of the printed label itself.
        assert fact.source.bbox is not None
        printed = [w for w in doc.pages[0].words if w.text == fact.source.text]
        assert any(w.bbox == fact.source.bbox for w in printed)


@pytest.mark.parametrize("name", ["report_one_column.pdf", "report_two_columns.pdf"])
def test_no_axis_tick_or_prose_figure_becomes_a_chart_fact(name: str) -> None:
    doc = load_pdf(name)
    facts = chart_facts(doc, TEST_CATALOGUE)
    assert len(facts) == 4
    assert not {f.source.text for f in facts} & ARREARS_TICKS
    (chart,) = read_charts(doc.pages[0])
    assert {t.text for t in chart.ticks} == ARREARS_TICKS
    # The prose beside and above the chart speaks of 117.000 and 25%: never chart labels.
    labels = {m.label.text for m in chart.marks if m.label}
    assert labels == {"227", "185", "173", "164"}
    assert chart.diagnostics == []


def test_chart_ids_are_stable_across_runs() -> None:
    first = [f.id for f in chart_facts(load_pdf("report_one_column.pdf"), TEST_CATALOGUE)]
    again = [f.id for f in chart_facts(load_pdf("report_one_column.pdf"), TEST_CATALOGUE)]
    assert first == again and len(set(first)) == 4


def test_without_edition_no_chart_facts() -> None:
    doc = load_pdf("report_one_column.pdf")
    doc.edition = None
    assert chart_facts(doc, TEST_CATALOGUE) == []


# ---------------------------------------------------------------------------- other features


def test_labels_inside_the_bars() -> None:
    facts = chart_facts(load_pdf("bars_labels_inside.pdf"), TEST_CATALOGUE)
    assert {f.period: int(f.value) for f in facts} == ARREARS
    (chart,) = _charts("bars_labels_inside.pdf")
    for mark in chart.marks:
        assert mark.label is not None
        # Inside: the label's box lies within the bar's box.
        assert mark.bbox[1] <= mark.label.bbox[1] and mark.label.bbox[3] <= mark.bbox[3]


def test_multi_series_bars_take_their_series_from_the_legend_colour() -> None:
    facts = chart_facts(load_pdf("bars_multi_series.pdf"), TEST_CATALOGUE)
    judgments = _by_period([f for f in facts if f.concept == "court_judgments_total"])
    evictions = _by_period([f for f in facts if f.concept == "evictions_total"])
    assert {p: int(f.value) for p, f in judgments.items()} == {
        "2020": 7000,
        "2021": 5900,
        "2022": 5300,
        "2023": 5600,
    }
    assert {p: int(f.value) for p, f in evictions.items()} == {
        "2020": 1720,
        "2021": 1400,
        "2022": 1200,
        "2023": 1200,
    }
    assert len(facts) == 8
    assert {f.subject for f in facts} == {"Vonnissen", "Huisuitzettingen"}
    assert all(f.unit == "count" for f in facts)
    (chart,) = _charts("bars_multi_series.pdf")
    assert [e.text for e in chart.legend] == ["Vonnissen", "Huisuitzettingen"]
    # Legend entries and ticks are no categories.
    assert [c.text for c in chart.categories] == ["2020", "2021", "2022", "2023"]


def _grafiek(facts: list[Fact], number: str) -> list[Fact]:
    return [f for f in facts if f.source.sentence.startswith(f"Grafiek {number}:")]


def test_horizontal_bars_of_reasons_give_a_share_per_category() -> None:
    facts = _grafiek(chart_facts(load_pdf("bars_horizontal.pdf"), TEST_CATALOGUE), "3")
    got = {f.concept: f.value for f in facts if f.concept}
    assert got == {
        "share_evictions_rent_arrears_pct": 50,
        "share_evictions_nuisance_pct": 21,
        "share_evictions_cannabis_pct": 13,
        "share_evictions_housing_fraud_pct": 9,
    }
    assert len(facts) == 5  # "Overig" has no concept but is still a fact
    assert all(f.unit == "percent" and f.period == "2023" for f in facts)
    other = next(f for f in facts if f.concept is None)
    assert other.subject.endswith(": Overig") and other.value == 7
    chart = _charts("bars_horizontal.pdf")[0]
    assert chart.orientation == "horizontal"


def test_horizontal_bars_without_values_are_measured_against_the_ticks_below() -> None:
    facts = _grafiek(chart_facts(load_pdf("bars_horizontal.pdf"), TEST_CATALOGUE), "4")
    truth = {"Gedwongen ontruiming": 60, "Sleutel ingeleverd": 20, "Vertrokken": 15}
    got = {f.subject.split(": ")[1]: f for f in facts}
    assert set(got) == set(truth)
    for category, fact in got.items():
        assert abs(float(fact.value) - truth[category]) <= 0.02 * 80
        assert fact.qualifier == "approx" and fact.unit == "percent" and fact.period == "2023"
        assert fact.source.note is not None and "bar length" in fact.source.note
    chart = _charts("bars_horizontal.pdf")[1]
    assert [t.text for t in chart.ticks] == ["0", "20", "40", "60", "80"]


def test_legend_in_a_column_right_of_the_plot() -> None:
    facts = chart_facts(load_pdf("bars_legend_right.pdf"), TEST_CATALOGUE)
    by_series = {
        s: {f.period: int(f.value) for f in facts if f.subject == s}
        for s in ("Vonnissen", "Huisuitzettingen")
    }
    assert by_series == {
        "Vonnissen": {"2020": 7000, "2021": 5900, "2022": 5300, "2023": 5600},
        "Huisuitzettingen": {"2020": 1720, "2021": 1400, "2022": 1200, "2023": 1200},
    }
    assert len(facts) == 8


def test_line_chart_with_point_labels() -> None:
    facts = chart_facts(load_pdf("line_with_labels.pdf"), TEST_CATALOGUE)
    assert {f.period: int(f.value) for f in facts} == {
        "2020": 152_000,
        "2021": 144_000,
        "2022": 135_000,
        "2023": 117_000,
    }
    assert all(f.concept == "tenants_with_arrears" and f.unit == "count" for f in facts)
    (chart,) = _charts("line_with_labels.pdf")
    assert chart.kind == "line"


def test_bars_without_labels_are_measured_against_the_ticks() -> None:
    facts = chart_facts(load_pdf("bars_without_labels.pdf"), TEST_CATALOGUE)
    truth = {"2020": 1720, "2021": 1400, "2022": 1200, "2023": 1200}
    assert set(_by_period(facts)) == set(truth)
    for fact in facts:
        assert abs(float(fact.value) - truth[fact.period]) <= 0.02 * 2000
        assert fact.qualifier == "approx"
        assert fact.confidence < 0.9
        assert fact.source.note is not None and "estimated from bar height" in fact.source.note
        assert fact.source.bbox is not None
        assert fact.concept == "evictions_total"


def test_bars_without_labels_or_ticks_give_no_facts_but_a_diagnostic() -> None:
    charts = _charts("bars_without_labels.pdf")
    bare = next(c for c in charts if c.number == "8")
    assert len(bare.marks) == 4 and all(m.value is None for m in bare.marks)
    assert any("no axis ticks" in d for d in bare.diagnostics)
    facts = chart_facts(load_pdf("bars_without_labels.pdf"), TEST_CATALOGUE)
    assert all(f.source.sentence.startswith("Grafiek 7") for f in facts)


# ------------------------------------------------------------------- hand-built pages, concepts


def _page(
    words: list[tuple[str, float, float]], bars: list[tuple[float, float, float, float]]
) -> Page:
    return Page(
        number=1,
        width=595,
        height=842,
        words=[Word(text=t, bbox=(x, top, x + 6 * len(t), top + 8), size=8) for t, x, top in words],
        rects=[Rect(bbox=b, fill=(0.8, 0.1, 0.2)) for b in bars],
    )


def test_a_number_far_from_any_bar_is_no_fact() -> None:
    caption = [
        (w, 50 + 40 * i, 60)
        for i, w in enumerate(["Grafiek", "9:", "Huisuitzettingen", "(aantal)"])
    ]
    page = _page(
        [*caption, ("2022", 100, 205), ("2023", 160, 205), ("1.200", 96, 120), ("999", 200, 150)],
        [(95, 110, 125, 200), (155, 140, 185, 200)],
    )
    (chart,) = read_charts(page)
    assert [m.value for m in chart.marks] == [Decimal(1200), None]
    assert any("'999'" in d for d in chart.diagnostics)
    doc = Document(
        path="x.pdf", name="x.pdf", sha256="0" * 64, source_type="pdf", edition=2024, pages=[page]
    )
    facts = chart_facts(doc, TEST_CATALOGUE)
    assert [(f.period, int(f.value)) for f in facts] == [("2022", 1200)]


def test_concept_in_another_unit_is_not_taken() -> None:
    assert (
        resolve_concept(TEST_CATALOGUE, "Totale huurachterstand", "EUR") == "total_rent_arrears_eur"
    )
    assert resolve_concept(TEST_CATALOGUE, "Totale huurachterstand", "percent") is None
    assert resolve_concept(None, "Totale huurachterstand", "EUR") is None


# ----------------------------------------------------------- with ingestion's blocks, or none


@pytest.mark.parametrize("name", ["report_one_column.pdf", "report_two_columns.pdf"])
def test_grafiek_1_with_the_shipped_catalogue(name: str) -> None:
    facts = chart_facts(load_pdf(name), load_catalogue())
    assert {f.period: int(f.value) for f in facts} == ARREARS
    assert {f.concept for f in facts} == {"total_rent_arrears_eur"}


def test_reasons_with_the_shipped_catalogue_map_to_share_concepts() -> None:
    facts = _grafiek(chart_facts(load_pdf("bars_horizontal.pdf"), load_catalogue()), "3")
    concepts = {f.concept: f.value for f in facts if f.concept}
    assert concepts["share_evictions_rent_arrears_pct"] == 50
    assert all(c.startswith("share_evictions_") for c in concepts)


@pytest.mark.parametrize("name", ["report_two_columns.pdf", "bars_multi_series.pdf"])
def test_charts_are_found_without_caption_or_chart_blocks(name: str) -> None:
    with_blocks = chart_facts(load_pdf(name), TEST_CATALOGUE)
    doc = load_pdf(name)
    for page in doc.pages:
        page.blocks = []
    without = chart_facts(doc, TEST_CATALOGUE)
    assert [(f.period, f.value, f.concept) for f in without] == [
        (f.period, f.value, f.concept) for f in with_blocks
    ]
    assert len(without) in (4, 8)


def test_charts_side_by_side_keep_to_their_own_column() -> None:
    doc = load_pdf("charts_side_by_side.pdf")
    facts = chart_facts(doc, TEST_CATALOGUE)
    arrears = [f for f in facts if f.source.sentence.startswith("Grafiek 1")]
    evictions = [f for f in facts if f.source.sentence.startswith("Grafiek 2")]
    assert {f.period: int(f.value) for f in arrears} == ARREARS
    # Labels printed with a euro sign: the text keeps it, the value does not.
    assert {f.source.text for f in arrears} == {"€ 227", "€ 185", "€ 173", "€ 164"}
    assert all(f.unit == "EUR" and f.concept == "total_rent_arrears_eur" for f in arrears)
    # "2023*" (a preliminary figure) is still the year 2023.
    assert {f.period: int(f.value) for f in evictions} == {
        "2020": 1720,
        "2021": 1400,
        "2022": 1200,
        "2023": 1200,
    }
    assert len(facts) == 8
    for chart in read_charts(doc.pages[0]):
        assert chart.diagnostics == []


def test_caption_under_the_chart() -> None:
    facts = chart_facts(load_pdf("caption_below.pdf"), TEST_CATALOGUE)
    assert {f.period: int(f.value) for f in facts} == {
        "2020": 7000,
        "2021": 5900,
        "2022": 5300,
        "2023": 5600,
    }
    assert all(f.concept == "court_judgments_total" for f in facts)


def test_two_lines_take_their_series_from_the_legend_colour() -> None:
    facts = chart_facts(load_pdf("lines_two_series.pdf"), TEST_CATALOGUE)
    requests = {f.period: int(f.value) for f in facts if f.subject == "Verzoeken"}
    agreed = {f.period: int(f.value) for f in facts if f.subject == "Getroffen regelingen"}
    assert requests == {"2021": 113_000, "2022": 104_000, "2023": 95_000}
    assert agreed == {"2021": 80_000, "2022": 74_000, "2023": 68_000}
    assert len(facts) == 6
    by_concept = {f.concept for f in facts}
    assert by_concept == {"payment_arrangement_requests", "payment_arrangements_agreed"}


# ------------------------------------------------------------------ the reconstructed corpus

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("edition", [2013, 2015, 2017, 2019, 2021, 2022, 2023])
def test_corpus_chart_and_table_figures_match_the_gold_files(edition: int) -> None:
    yaml = pytest.importorskip("yaml")
    gold_path = CORPUS / "gold" / f"{edition}.yaml"
    pdfs = sorted(CORPUS.glob(f"*-{edition}.pdf"))
    if not gold_path.exists() or not pdfs:
        pytest.skip(f"corpus edition {edition} not present")
    doc = read_document(pdfs[0])
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["facts"]
    facts = chart_facts(doc) + table_facts(doc)
    for origin in ("chart", "table"):
        want = sorted(
            (g["page"], str(g["period"]), Decimal(str(g["value"])), g["unit"])
            for g in gold
            if g.get("origin") == origin
        )
        got = sorted(
            (f.source.page, f.period, f.value, f.unit) for f in facts if f.source.origin == origin
        )
        assert got == want, origin


def test_category_bars_never_take_the_concept_of_the_whole() -> None:
    pdfs = sorted(CORPUS.glob("*-2015.pdf"))
    if not pdfs:
        pytest.skip("corpus edition 2015 not present")
    facts = chart_facts(read_document(pdfs[0]))
    parts = [f for f in facts if f.subject.startswith("Huurachterstand eind 2014: ")]
    assert {f.source.text for f in parts} == {"171", "182"}
    assert all(f.period == "2014" for f in parts)
    # "zittend" and "vertrokken" are parts of the total, never the total itself.
    assert all(f.concept != "total_rent_arrears_eur" for f in parts)
    assert any(f.concept == "rent_arrears_departed_tenants_eur" for f in parts)


# --------------------------------------------------------------------------- never raises

_TOKENS = [
    "Grafiek",
    "1:",
    "Tabel",
    "2",
    "(x",
    "miljoen",
    "euro)",
    "2021",
    "2022",
    "1.200",
    "164",
    "50%",
    "€",
    "Totaal",
    "0",
    "250",
    "in",
    "procenten",
    "-",
    "",
]


@st.composite
def _random_page(draw: st.DrawFn) -> Page:
    coord = st.floats(min_value=0, max_value=600, allow_nan=False)
    words = []
    if draw(st.booleans()):  # a caption at the top, so that the chart reader gets to work
        for i, text in enumerate(["Grafiek", "1:", "Huisuitzettingen", "(aantal)"]):
            words.append(Word(text=text, bbox=(50 + 70 * i, 40, 110 + 70 * i, 48), size=8))
    for _ in range(draw(st.integers(0, 25))):
        x, top = draw(coord), draw(coord)
        text = draw(st.sampled_from(_TOKENS)) or "x"
        words.append(Word(text=text, bbox=(x, top, x + 5 * len(text), top + 8), size=8))
    rects = []
    for _ in range(draw(st.integers(0, 12))):
        x, top = draw(coord), draw(st.floats(min_value=50, max_value=300))
        w, h = draw(st.floats(0, 80)), draw(st.floats(0, 200))
        fill = draw(st.sampled_from([None, (0.8, 0.1, 0.2), (0.1, 0.3, 0.6), (0.0,)]))
        rects.append(Rect(bbox=(x, top, x + w, top + h), fill=fill))
    segments = [
        Segment(points=[(draw(coord), draw(coord)) for _ in range(draw(st.integers(0, 3)))])
        for _ in range(draw(st.integers(0, 6)))
    ]
    return Page(number=1, width=600, height=800, words=words, rects=rects, segments=segments)


@settings(max_examples=40, deadline=None)
@given(page=_random_page())
def test_random_pages_never_raise_and_facts_come_from_marks(page: Page) -> None:
    charts = read_charts(page)
    doc = Document(
        path="r.pdf", name="r.pdf", sha256="2" * 64, source_type="pdf", edition=2024, pages=[page]
    )
    facts = chart_facts(doc, TEST_CATALOGUE)
    marks = [m for c in charts for m in c.marks if m.value is not None]
    assert len(facts) <= len(marks)
    for fact in facts:
        assert fact.source.origin == "chart"
        assert fact.qualifier == "approx" or parse_number(fact.source.text) is not None
