"""Charts found from the value axis they print as text (layout.ticks): a plot set as a
picture, its ticks, category labels and legend as text. Their words stay out of the prose,
and the prose around them keeps its figures; on every chart fixture no prose word lies in a
chart region."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.layout.geometry import centre_in
from rapportextract.layout.ticks import tick_ladders, tick_value
from rapportextract.models import PROSE_KINDS, BlockKind, Word
from rapportextract.pipeline import extract

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
PICTURE = ROOT / "charts" / "picture_bars.pdf"
CHART_PDFS = sorted([*(ROOT / "diverse").glob("mpl_*.pdf"), *(ROOT / "charts").glob("*.pdf"),
                     ROOT / "layout" / "bar_chart.pdf", ROOT / "layout" / "hbar_chart.pdf"])


def test_picture_chart_labels_are_chart_words() -> None:
    doc = read_document(PICTURE, edition=2024, ocr=False)
    prose = [s.text.split() for s in doc.sentences if s.block_kind in PROSE_KINDS]
    chart = " ".join(b.text for b in doc.blocks() if b.kind is BlockKind.CHART).split()
    for label in ["2.000", "1.750", "750", "250", "K3", "Ontruimingen", "0%", "50%",
                  "Huurachterstand", "Woonfraude"]:
        assert label in chart
        assert not any(label in words for words in prose), label


def test_prose_beside_picture_charts_keeps_its_figures() -> None:
    found = extract(PICTURE, edition=2024, ocr=False)
    assert [f.source.text for f in found.facts if f.source.origin == "text"] == [
        "5.600", "1.200", "ongeveer 300", "bijna de helft", "ruim een kwart", "17%", "19%",
        "24%",
    ]
    right = [b.text for b in found.document.blocks() if b.text.startswith("Bij bijna")]
    assert len(right) == 1 and right[0].endswith("tot 24% in 2023.")


def _word(text: str, x1: float, top: float, width: float = 12.0, size: float = 8.0) -> Word:
    return Word(text=text, bbox=(x1 - width, top, x1, top + size))


def _column(labels: list[str], x1: float = 100.0, pitch: float = 20.0) -> list[Word]:
    return [_word(t, x1, 100.0 + i * pitch) for i, t in enumerate(labels)]


def _row(labels: list[str], pitch: float = 40.0) -> list[Word]:
    return [_word(t, 100.0 + i * pitch, 300.0) for i, t in enumerate(labels)]


@pytest.mark.parametrize(
    ("words", "found"),
    [
        pytest.param(_column(["2.000", "1.500", "1.000", "500", "0"]), 1, id="axis-falling"),
        pytest.param(_column(["450,000", "400,000", "350,000", "300,000"]), 1,
                     id="axis-with-commas"),
        pytest.param(_column(["1", "2", "3", "4", "5", "6"]), 0, id="line-numbers-rise"),
        pytest.param(_column(["2023", "2022", "2021", "2020"]), 0, id="years-by-ones"),
        pytest.param(_column(["80", "60", "40"]), 0, id="three-ticks-too-few"),
        pytest.param(_column(["80", "65", "40", "20"]), 0, id="uneven-steps"),
        pytest.param([*_column(["80", "60", "40", "20"]),
                      *[_word("label", 86.0, 100.0 + i * 20) for i in range(4)]], 0,
                     id="cells-beside-text"),
        pytest.param(_row(["0%", "10%", "20%", "30%", "40%"]), 1, id="row-rising"),
        pytest.param(_row(["2020", "2021", "2022", "2023"]), 0, id="table-head-years"),
        pytest.param([*_row(["0", "25", "50", "75"]), _word("en", 150.0, 300.0)], 0,
                     id="row-with-a-word-between"),
    ],
)
def test_value_axes_printed_as_text(words: list[Word], found: int) -> None:
    assert len(tick_ladders(words)) == found


@pytest.mark.parametrize(
    ("text", "value"),
    [("2.500", "2500"), ("450,000", "450000"), ("12,5%", "12.5"), ("-10", "-10"),
     ("1 000", "1000"), ("€5", "5"), ("K1", None), ("12a", None)],
)
def test_tick_values(text: str, value: str | None) -> None:
    got = tick_value(text)
    assert (None if got is None else str(got)) == value


@pytest.mark.parametrize("path", CHART_PDFS, ids=lambda p: p.name)
def test_no_prose_word_in_a_chart_region(path: Path) -> None:
    doc = read_document(path, edition=2024, ocr=False)
    for page in doc.pages:
        charts = [b.bbox for b in page.blocks if b.kind is BlockKind.CHART and b.bbox]
        leaked = [
            s.text[w.start:w.end] for s in doc.sentences
            if s.page == page.number and s.block_kind in PROSE_KINDS
            for w in s.words if any(centre_in(w.bbox, box, 0) for box in charts)
        ]
        assert leaked == []
