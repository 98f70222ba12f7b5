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

from rapportextract.figures.charts import chart_facts, join_slanted, parse_number, read_charts
from rapportextract.figures.tables import table_facts
from rapportextract.ingest import read_document
from rapportextract.layout import (
    aligned_tables,
    join_spaced_letters,
    join_touching_words,
    layout_pages,
)
from rapportextract.layout.rows import Frag
from rapportextract.models import BlockKind, Document, Fact, Page, Segment, Word
from rapportextract.quantities import parse_digits

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
            GEN.PARAGRAPH_3, GEN.PARAGRAPH_4, *GEN.PARAGRAPH_5,
        ]
    ]
    assert paragraphs == expected


def test_coloured_bold_headings_are_headings_and_nothing_else_is() -> None:
    doc = _read(REPORT)
    assert _texts(doc, BlockKind.HEADING) == [
        GEN.TITLE, GEN.HEADING_1, GEN.HEADING_2, GEN.HEADING_3, GEN.HEADING_4, GEN.HEADING_5,
    ]
    assert doc.title == GEN.TITLE


def test_captions_found_on_every_page() -> None:
    doc = _read(REPORT)
    assert _texts(doc, BlockKind.CAPTION) == [
        GEN.CHART_CAPTION_4, GEN.TABLE_1_CAPTION, GEN.TABLE_2_CAPTION, GEN.TABLE_3_CAPTION,
        GEN.PNG_CAPTION, GEN.TABLE_4_CAPTION, GEN.TABLE_5_CAPTION, GEN.SVG_CAPTION,
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
    pytest.param(
        "fpdf_report.pdf", {k: v * 1000 for k, v in GEN.TENANTS_K.items()}, 5,
        id="fpdf-svg-chart-in-a-column",
    ),
    pytest.param("mpl_line.pdf", GEN.EVICTIONS, 1, id="matplotlib-line-with-markers"),
]


@pytest.mark.parametrize(("name", "expected", "page"), CHARTS)
def test_chart_data_labels_are_chart_facts(
    name: str, expected: dict[str, int], page: int
) -> None:
    facts = [f for f in chart_facts(_read(name)) if f.source.page == page]
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


def test_grouped_bars_take_their_series_from_a_legend_of_flat_keys() -> None:
    facts = chart_facts(_read("mpl_grouped_legend.pdf"))
    got = {(f.subject, f.period): f.value for f in facts}
    current, departed = GEN.SERIES
    expected = {(current, y): Decimal(v * 1_000_000) for y, v in GEN.CURRENT.items()}
    expected |= {(departed, y): Decimal(v * 1_000_000) for y, v in GEN.DEPARTED.items()}
    assert got == expected
    assert len(facts) == len(expected)


def test_bars_with_values_inside_are_no_table() -> None:
    doc = _read("mpl_grouped_legend.pdf")
    assert doc.pages[0].tables == []
    assert table_facts(doc) == []
    assert [b.kind for b in doc.blocks()] == [BlockKind.CAPTION, BlockKind.CHART]


def test_stacked_bars_with_a_legend_beside_the_plot() -> None:
    doc = _read("mpl_stacked.pdf")
    facts = chart_facts(doc)
    got = {(f.subject, f.period): f.value for f in facts}
    current, departed = GEN.SERIES
    expected = {(current, y): Decimal(v * 1_000_000) for y, v in GEN.CURRENT.items()}
    expected |= {(departed, y): Decimal(v * 1_000_000) for y, v in GEN.DEPARTED.items()}
    assert got == expected
    assert len(facts) == len(expected)
    # the legend is part of the chart, not a paragraph
    assert [b.kind for b in doc.blocks()] == [BlockKind.CAPTION, BlockKind.CHART]


def test_two_labelled_lines_take_their_series_from_line_keys() -> None:
    facts = chart_facts(_read("mpl_two_lines.pdf"))
    got = {(f.subject, f.period): f.value for f in facts}
    judgments, evictions = GEN.LINES
    expected = {(judgments, y): Decimal(v) for y, v in GEN.JUDGMENTS.items()}
    expected |= {(evictions, y): Decimal(v) for y, v in GEN.LINE_EVICTIONS.items()}
    assert got == expected
    assert len(facts) == len(expected)  # the legend's markers are no points


def test_labels_split_at_a_narrow_space_are_one_figure() -> None:
    """"1 720" (a narrow no-break space between the thousands) is 1720, not 720; "52 %" is a
    percentage."""
    facts = chart_facts(_read("mpl_spaced_labels.pdf"))
    bars = {f.period: (f.value, f.unit) for f in facts if f.subject == "Huisuitzettingen per jaar"}
    assert bars == {y: (Decimal(v), "count") for y, v in GEN.EVICTIONS.items()}
    reasons = {
        f.subject.rsplit(": ", 1)[-1]: (f.value, f.unit) for f in facts if ": " in f.subject
    }
    assert reasons == {name: (Decimal(v), "percent") for name, v in GEN.REASONS.items()}


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
    # the page's only figures are those of the table under the picture
    assert {f.source.sentence for f in table_facts(doc) if f.source.page == 4} == {
        GEN.TABLE_4_CAPTION, GEN.TABLE_5_CAPTION,
    }


# ------------------------------------------------------------------------------ tables


def _table(facts: list[Fact], row: str) -> dict[str, tuple[Decimal, str]]:
    chosen = [f for f in facts if f.subject.endswith(row)]
    out: dict[str, tuple[Decimal, str]] = {f.period: (f.value, f.unit) for f in chosen}
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
    assert {f.source.page for f in facts if "regelingen" in f.subject} == {3}


def test_table_with_shaded_rows_and_no_rules() -> None:
    facts = table_facts(_read(REPORT))
    for label, row in GEN.TABLE_4_ROWS.items():
        assert _table(facts, label) == {y: (Decimal(v), "count") for y, v in row.items()}


def test_table_with_years_down_the_side_and_no_rules() -> None:
    facts = table_facts(_read(REPORT))
    for name, column in GEN.TABLE_5_COLUMNS.items():
        assert _table(facts, f"per jaar: {name}") == {
            y: (Decimal(v), "count") for y, v in column.items()
        }


def test_breakdown_rows_do_not_take_the_concept_of_the_whole() -> None:
    """"Alleenstaanden" in a table of evictions by household is a part of all evictions: the
    title's concept (the total) is no concept of the row."""
    facts = table_facts(_read(REPORT))
    parts = [*GEN.TABLE_4_ROWS, "Langer dan drie maanden"]
    concepts = {f.concept for f in facts if f.subject.rsplit(": ", 1)[-1] in parts}
    assert None in concepts
    assert not concepts & {"evictions_total", "tenants_with_arrears"}


def test_table_ruled_only_at_head_and_foot() -> None:
    facts = table_facts(_read(REPORT))
    assert _table(facts, "Huurachterstand (x miljoen euro)") == {
        y: (Decimal(v * 1_000_000), "EUR") for y, v in GEN.ARREARS_MLN.items()
    }
    assert _table(facts, "Aandeel van de huuropbrengst (procent)") == {
        y: (Decimal(v.replace(",", ".")), "percent") for y, v in GEN.ARREARS_SHARE.items()
    }


def test_every_table_figure_read_once() -> None:
    facts = table_facts(_read(REPORT))
    expected = (
        len(GEN.TENANTS_K) * 2 + len(GEN.ARRANGEMENTS) * 2 + len(GEN.ARREARS_MLN) * 2
        + sum(len(row) for row in GEN.TABLE_4_ROWS.values())
        + sum(len(column) for column in GEN.TABLE_5_COLUMNS.values())
    )
    assert len(facts) == expected
    assert len({(f.subject, f.period) for f in facts}) == expected


@pytest.mark.parametrize("name", [n for n in GEN.FILES if n.startswith("mpl_")])
def test_a_chart_page_is_its_caption_and_one_chart_region_per_chart(name: str) -> None:
    """Tick labels, data labels, legends and turned axis titles all stay in the chart's
    region: no paragraph, heading or table is made of them."""
    doc = _read(name)
    kinds = [b.kind for b in doc.blocks()]
    charts = 2 if name == "mpl_spaced_labels.pdf" else 1
    assert kinds == [BlockKind.CAPTION, BlockKind.CHART] * charts
    assert doc.sentences and all(s.block_kind is BlockKind.CAPTION for s in doc.sentences)


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


# ------------------------------------------------------------------------------ the steps alone


def _w(text: str, x0: float, bottom: float, *, size: float = 10.0, width: float | None = None,
       font: str = "F") -> Word:
    w = width if width is not None else 0.55 * size * len(text)
    return Word(text=text, bbox=(x0, bottom - size, x0 + w, bottom), size=size, fontname=font)


def test_words_split_by_a_font_change_are_joined() -> None:
    # "Gra" + ligature glyph "fi" from a second font subset + "ek"; then a real word space
    words = [
        _w("Gra", 10, 50, width=20), _w("fi", 30, 50, width=8, font="G"),
        _w("ek", 38, 50, width=12), _w("1:", 53, 50, width=8),
    ]
    assert [w.text for w in join_touching_words(words)] == ["Grafiek", "1:"]
    # a smaller raised marker right after a word stays apart
    marker = Word(text="1", bbox=(50.0, 41.0, 53.0, 47.0), size=6.0)
    joined = join_touching_words([_w("sector.", 10, 50, width=40), marker])
    assert sorted(w.text for w in joined) == ["1", "sector."]


def _spaced(text: str, x: float, bottom: float, tracking: float) -> list[Word]:
    """Letters 6 points wide, `tracking` apart; a word space adds 4 points."""
    words, pos = [], x
    for ch in text:
        if ch == " ":
            pos += 4
            continue
        words.append(_w(ch, pos, bottom, size=12, width=6))
        pos += 6 + tracking
    return words


def test_spaced_letters_of_a_heading_are_words_again() -> None:
    joined = join_spaced_letters(_spaced("3. CIJFERS PER JAAR", 50, 80, tracking=3))
    assert [w.text for w in sorted(joined, key=lambda w: w.bbox[0])] == [
        "3.", "CIJFERS", "PER", "JAAR",
    ]


def test_ordinary_words_with_a_few_single_letters_stay_apart() -> None:
    words, pos = [], 50.0
    for text in ["Op", "1", "en", "2", "mei", "is", "u", "er", "bij"]:
        words.append(_w(text, pos, 80, width=6 * len(text)))
        pos += 6 * len(text) + 3
    assert [w.text for w in join_spaced_letters(words)] == [w.text for w in words]


def test_slanted_letters_are_one_label_and_level_letters_are_not() -> None:
    step = 4.5  # a 45 degree label: each letter half a letter right and up
    slanted = [
        Word(text=ch, bbox=(100 + i * step, 300 - i * step, 106 + i * step, 310 - i * step),
             size=10.0)
        for i, ch in enumerate("2021")
    ]
    level = [_w("a", 10, 200), _w("b", 60, 200)]
    texts = sorted(w.text for w in join_slanted(slanted + level))
    assert texts == ["2021", "a", "b"]


def _frags(rows: list[list[tuple[str, float]]], top: float = 100.0) -> list[Frag]:
    return [
        Frag([_w(text, x, top + 14 * r, width=6 * len(text))])
        for r, row in enumerate(rows) for text, x in row
    ]


def test_aligned_columns_under_years_make_a_table() -> None:
    frags = _frags([
        [("2022", 300), ("2023", 370)],
        [("Regelingen", 60), ("91.500", 292), ("95.000", 362)],
        [("Toegekend", 60), ("86,0%", 298), ("n.v.t.", 368)],
        [("Daarna", 60), ("volgt", 100), ("gewone", 140), ("tekst", 190)],
    ])
    [(grid, members)] = aligned_tables(frags)
    assert [[c.text if c else None for c in row] for row in grid.rows] == [
        ["", "2022", "2023"],
        ["Regelingen", "91.500", "95.000"],
        ["Toegekend", "86,0%", "n.v.t."],
    ]
    assert len(members) == 8


def test_years_down_the_side_make_a_table() -> None:
    frags = _frags([
        [("Vonnissen", 200), ("Uitzettingen", 300)],
        [("2022", 60), ("5.300", 224), ("1 200", 342)],
        [("2023", 60), ("3.900", 224), ("1.100", 342)],
    ])
    [(grid, _)] = aligned_tables(frags)
    assert [[c.text if c else None for c in row] for row in grid.rows] == [
        ["", "Vonnissen", "Uitzettingen"],
        ["2022", "5.300", "1 200"],
        ["2023", "3.900", "1.100"],
    ]


@pytest.mark.parametrize(
    "rows",
    [
        # a row of years with prose under it (the category axis of a chart left unread)
        [[("2022", 300), ("2023", 370)], [("Het", 60), ("aantal", 90), ("daalde", 140)]],
        # figures that stand under no year
        [[("2022", 300), ("2023", 370)], [("Regelingen", 60), ("91.500", 200), ("95", 450)]],
        # one year is no header
        [[("Sinds", 60), ("2022", 300)], [("Regelingen", 60), ("91.500", 292)]],
        # names over figures, but the rows are not named by years
        [[("Vonnissen", 200), ("Uitzettingen", 300)], [("Totaal", 60), ("5.300", 224),
                                                      ("1.200", 342)]],
    ],
    ids=["prose-under-years", "misaligned", "one-year", "names-without-years"],
)
def test_no_table_without_aligned_figures(rows: list[list[tuple[str, float]]]) -> None:
    assert aligned_tables(_frags(rows)) == []


def test_filled_paths_are_bars_when_ingestion_gives_their_fill() -> None:
    """A bar drawn as an open path that the PDF fills (the fill closes it): `Segment.fill`
    set by ingestion makes it an area, like a rectangle."""
    words = [_w("Grafiek", 50, 60), _w("1:", 92, 60), _w("Vonnissen", 104, 60)]
    segments = []
    for i, (year, value) in enumerate(GEN.JUDGMENTS.items()):
        x, top = 80 + 60 * i, 300 - value / 40
        segments.append(Segment(points=[(x, 300), (x, top), (x + 30, top), (x + 30, 300)],
                                fill=(0.9, 0.47, 0.08)))
        words += [_w(GEN.dutch(value), x, top - 3, size=8), _w(year, x + 2, 312, size=8)]
    segments.append(Segment(points=[(70, 300), (330, 300)], stroke=(0.3,)))
    page = Page(number=1, width=595, height=842, words=words, segments=segments)
    doc = Document(path="x.pdf", name="x.pdf", sha256="0" * 64, source_type="pdf",
                   edition=GEN.EDITION, pages=[page])
    facts = chart_facts(doc, catalogue=None)
    assert _chart_values(facts) == {y: Decimal(v) for y, v in GEN.JUDGMENTS.items()}
    assert [c.kind for c in read_charts(page)] == ["bar"]
    # without the fill, the same open outline is a stroke, not a bar
    for seg in segments:
        seg.fill = None
    assert [c.kind for c in read_charts(page)] != ["bar"]


_WORD_TEXT = st.sampled_from(["2021", "2022", "1.720", "1 720", "52", "%", "a", "fi", "Huur",
                              "-", "n.v.t.", "€", "3"])


@st.composite
def _random_words(draw: st.DrawFn) -> list[Word]:
    words = []
    for _ in range(draw(st.integers(0, 25))):
        x = draw(st.floats(0, 500, allow_nan=False))
        bottom = draw(st.sampled_from([100.0, 104.5, 109.0, 114.0, 128.0, 142.0, 150.5]))
        size = draw(st.sampled_from([6.0, 9.0, 10.0]))
        words.append(_w(draw(_WORD_TEXT), x, bottom, size=size))
    return words


@settings(max_examples=150, deadline=None)
@given(_random_words())
def test_new_steps_keep_every_letter_and_never_raise(words: list[Word]) -> None:
    letters = sorted("".join(w.text for w in words))
    assert sorted("".join(w.text for w in join_touching_words(words))) == letters
    assert sorted("".join(w.text for w in join_slanted(words))) == letters
    assert sorted("".join(w.text for w in join_spaced_letters(words))) == letters
    from rapportextract.layout.rows import cut_row, word_rows

    frags = [f for row in word_rows(words) for f in cut_row(row)]
    for grid, members in aligned_tables(frags):
        assert members <= {id(f) for f in frags}
        assert len(grid.rows) >= 2
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    doc = Document(path="x.pdf", name="x.pdf", sha256="0" * 64, source_type="pdf",
                   edition=GEN.EDITION, pages=[page])
    chart_facts(doc, catalogue=None)
    table_facts(doc, catalogue=None)
