"""Reports made with other tools than reportlab (fixtures/diverse, made by make_diverse_pdfs.py):
fpdf2 with a TrueType font, justified columns, soft hyphens and ligatures; matplotlib charts
in PDF (TrueType and Type 3 text); a chart of path bars; tables with horizontal rules only and
without rules; a chart that is only a PNG image."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapportextract.charts import chart_facts, parse_number
from rapportextract.ingest import read_document
from rapportextract.models import BlockKind, Document, Fact
from rapportextract.quantities import parse_digits
from rapportextract.tables import table_facts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diverse"


def _generator() -> ModuleType:
    name = "make_diverse_pdfs"
    spec = importlib.util.spec_from_file_location(name, FIXTURES / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


GEN = _generator()
REPORT = "fpdf_report.pdf"


@cache
def _json(name: str) -> str:
    return read_document(FIXTURES / name, edition=GEN.EDITION).model_dump_json()


def _read(name: str) -> Document:
    return Document.model_validate_json(_json(name))


def _texts(doc: Document, kind: BlockKind) -> list[str]:
    return [b.text for b in doc.blocks() if b.kind is kind]


def _chart_values(facts: list[Fact], page: int | None = None) -> dict[str, Decimal]:
    chosen = [f for f in facts if page is None or f.source.page == page]
    out = {f.period: f.value for f in chosen}
    assert len(out) == len(chosen), f"two facts for one period: {chosen}"
    return out


# ------------------------------------------------------------------------------ prose


def test_every_paragraph_whole_and_in_reading_order() -> None:
    doc = _read(REPORT)
    paragraphs = _texts(doc, BlockKind.PARAGRAPH)
    expected = [
        GEN.visible(p)
        for p in [
            GEN.INTRO, *GEN.PARAGRAPHS_1, *GEN.PARAGRAPHS_2_TOP, *GEN.PARAGRAPHS_2_BOTTOM,
            GEN.PARAGRAPH_3, GEN.PARAGRAPH_4,
        ]
    ]
    assert paragraphs == expected


def test_coloured_bold_headings_are_headings_and_nothing_else_is() -> None:
    doc = _read(REPORT)
    assert _texts(doc, BlockKind.HEADING) == [
        GEN.TITLE, GEN.HEADING_1, GEN.HEADING_2, GEN.HEADING_3, GEN.HEADING_4,
    ]
    assert doc.title == GEN.TITLE


def test_captions_found_on_every_page() -> None:
    doc = _read(REPORT)
    assert _texts(doc, BlockKind.CAPTION) == [
        GEN.CHART_CAPTION_4, GEN.TABLE_1_CAPTION, GEN.TABLE_2_CAPTION, GEN.PNG_CAPTION,
    ]


def test_reading_order_puts_the_full_width_chart_between_the_column_bands() -> None:
    doc = _read(REPORT)
    page = doc.pages[1]
    kinds = [(b.kind, b.text[:25]) for b in page.blocks if b.kind is not BlockKind.FOOTER]
    top = [GEN.visible(p)[:25] for p in GEN.PARAGRAPHS_2_TOP]
    bottom = [GEN.visible(p)[:25] for p in GEN.PARAGRAPHS_2_BOTTOM]
    assert kinds == [
        (BlockKind.HEADING, GEN.HEADING_2[:25]),
        *[(BlockKind.PARAGRAPH, t) for t in top],
        (BlockKind.CAPTION, GEN.CHART_CAPTION_4[:25]),
        (BlockKind.CHART, kinds[4][1]),
        *[(BlockKind.PARAGRAPH, t) for t in bottom],
    ]


def test_ligatures_and_soft_hyphens_normalised_in_sentences() -> None:
    doc = _read(REPORT)
    text = " ".join(s.text for s in doc.sentences)
    for odd in (GEN.FI, GEN.FL, GEN.FF, GEN.SHY):
        assert odd not in text
    for word in ("financiële", "flexibele", "aflossen", "effectief", "huurachterstand",
                 "schuldhulpverlening", "betalingsregeling", "incassomedewerkers"):
        assert word in text, word
    # every word of a sentence keeps its box, ligature words included
    sentence = next(s for s in doc.sentences if "flexibele" in s.text)
    start = sentence.text.index("flexibele")
    assert sentence.bbox_of(start, start + len("flexibele")) is not None


def test_chart_labels_stay_out_of_the_prose() -> None:
    doc = _read(REPORT)
    tokens = {t.strip(".,;:()") for s in doc.sentences for t in s.text.split()}
    for value in GEN.JUDGMENTS.values():
        label = GEN.dutch(value)
        if label not in ("3.900", "5.300"):  # the prose names these two itself
            assert label not in tokens
    # nor the years under the bars: no sentence is a run of bare figures
    assert not [s.text for s in doc.sentences if not any(c.isalpha() for c in s.text)]


# ------------------------------------------------------------------------------ charts

CHARTS = [
    pytest.param("mpl_bars_type42.pdf", GEN.EVICTIONS, 1, id="matplotlib-truetype"),
    pytest.param(
        "mpl_bars_type3.pdf", {k: v * 1_000_000 for k, v in GEN.ARREARS_MLN.items()}, 1,
        id="matplotlib-type3-rotated-years",
    ),
    pytest.param("fpdf_report.pdf", GEN.JUDGMENTS, 2, id="fpdf-path-bars"),
]


@pytest.mark.parametrize(("name", "expected", "page"), CHARTS)
def test_chart_data_labels_are_chart_facts(
    name: str, expected: dict[str, int], page: int
) -> None:
    facts = chart_facts(_read(name))
    assert all(f.source.origin == "chart" for f in facts)
    # every labelled bar read, and nothing else: no axis tick, no year, no estimate
    assert _chart_values(facts, page) == {k: Decimal(v) for k, v in expected.items()}
    assert all(f.qualifier == "exact" for f in facts)


def test_type3_chart_caption_and_values_are_read() -> None:
    """Type 3 text of matplotlib is extractable: the caption and the data labels read."""
    doc = _read("mpl_bars_type3.pdf")
    assert _texts(doc, BlockKind.HEADING) + _texts(doc, BlockKind.CAPTION) == [GEN.MPL_CAPTION_2]
    words = {w.text for w in doc.pages[0].words}
    assert {str(v) for v in GEN.ARREARS_MLN.values()} <= words


def test_horizontal_matplotlib_chart_of_percentages() -> None:
    facts = chart_facts(_read("mpl_hbars.pdf"))
    got = {f.subject.rsplit(": ", 1)[-1]: (f.value, f.unit, f.period) for f in facts}
    assert got == {
        name: (Decimal(v), "percent", str(GEN.EDITION - 1)) for name, v in GEN.REASONS.items()
    }


def test_png_chart_gives_a_caption_and_no_facts() -> None:
    doc = _read(REPORT)
    assert GEN.PNG_CAPTION in _texts(doc, BlockKind.CAPTION)
    assert [f for f in chart_facts(doc) if f.source.page == 4] == []
    assert [f for f in table_facts(doc) if f.source.page == 4] == []


# ------------------------------------------------------------------------------ tables


def _table(facts: list[Fact], row: str) -> dict[str, tuple[Decimal, str]]:
    chosen = [f for f in facts if f.subject.endswith(row)]
    out = {f.period: (f.value, f.unit) for f in chosen}
    assert len(out) == len(chosen)
    return out


def test_table_with_horizontal_rules_only() -> None:
    facts = table_facts(_read(REPORT))
    assert _table(facts, "Huurders met achterstand") == {
        y: (Decimal(v * 1000), "count") for y, v in GEN.TENANTS_K.items()
    }
    extra = GEN.TABLE_1_EXTRA["Langer dan drie maanden"]
    assert _table(facts, "Langer dan drie maanden") == {
        y: (Decimal(v * 1000), "count") for y, v in extra.items()
    }


def test_table_without_rules() -> None:
    doc = _read(REPORT)
    facts = table_facts(doc)
    assert _table(facts, "Aangevraagde regelingen") == {
        y: (Decimal(v), "count") for y, v in GEN.ARRANGEMENTS.items()
    }
    assert _table(facts, "Toegekend (procent)") == {
        y: (Decimal(v.replace(",", ".")), "percent") for y, v in GEN.GRANTED_PCT.items()
    }
    # the table is a table block, not prose
    assert not any("91.500" in s.text for s in doc.sentences)
    assert all(f.source.page == 3 for f in facts)


def test_every_fixture_reads_without_warnings() -> None:
    for name in GEN.FILES:
        assert _read(name).warnings == [], name


# ------------------------------------------------------------------------------ Dutch digits


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(["", "%", "€"]),
)
def test_chart_labels_and_prose_read_dutch_digits_alike(
    n: int, decimals: int, mark: str
) -> None:
    value = Decimal(n).scaleb(-decimals)
    written = GEN.dutch(float(value), decimals) if n < 10**7 else f"{n:,}".replace(",", ".")
    if n >= 10**7:
        value = Decimal(n)
    label = f"{written}%" if mark == "%" else f"€ {written}" if mark == "€" else written
    number = parse_number(label)
    assert number is not None
    assert number.value == parse_digits(written).value == value
    assert number.unit == {"%": "percent", "€": "EUR", "": None}[mark]
