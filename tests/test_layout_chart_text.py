"""Chart text stays out of the prose: no fact read from the text comes from a chart's axis or
data labels, on every chart fixture (bars with labels inside, grouped bars with a legend,
horizontal bars, line charts with point labels, matplotlib's charts)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind
from rapportextract.pipeline import extract

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
CHART_PDFS = sorted([*(ROOT / "diverse").glob("mpl_*.pdf"), *(ROOT / "charts").glob("*.pdf")])

_WORD = regex.compile(r"\p{L}{2}")


@pytest.mark.parametrize("path", CHART_PDFS, ids=lambda p: p.name)
def test_no_prose_fact_from_a_chart_label(path: Path) -> None:
    found = extract(path, edition=2023, ocr=False)
    bare = [
        f.source.sentence for f in found.facts
        if f.source.origin == "text"
        and sum(1 for w in f.source.sentence.split() if _WORD.search(w)) < 3
    ]
    assert bare == []


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        pytest.param("caption_below.pdf", ["8.000"], id="top-tick-over-the-gridline"),
        pytest.param("bars_without_labels.pdf", ["2.000"], id="top-tick-no-bar-labels"),
        pytest.param("bars_horizontal.pdf", ["80"], id="last-tick-past-the-plot"),
        pytest.param("lines_two_series.pdf", ["113", "80", "95", "68"], id="line-point-labels"),
    ],
)
def test_chart_labels_are_chart_words(name: str, labels: list[str]) -> None:
    doc = read_document(ROOT / "charts" / name, edition=2023, ocr=False)
    prose = [b.text for b in doc.blocks() if b.kind is BlockKind.PARAGRAPH]
    chart = " ".join(b.text for b in doc.blocks() if b.kind is BlockKind.CHART).split()
    for label in labels:
        assert label not in prose
        assert label in chart
