"""A caption at the top of the right column is not merged with the heading level with it in
the left column, and the chart's labels stay out of the paragraphs beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_caption_beside_heading_stays_apart(engine: str) -> None:
    doc = read_document(FIXTURES / "caption_beside_heading.pdf", edition=2023, ocr=False,
                        engine=engine)
    blocks = [(b.kind, b.column, b.text) for b in doc.blocks()]
    assert (BlockKind.HEADING, 0, "Betalingsregelingen") in blocks
    assert (BlockKind.CAPTION, 1, "Grafiek 2: Aantal regelingen per jaar") in blocks
    kinds = [k for k, _, _ in blocks]
    assert kinds.index(BlockKind.CAPTION) + 1 == kinds.index(BlockKind.CHART)
    for kind, _, text in blocks:
        if kind is BlockKind.PARAGRAPH:
            assert "2019 2020" not in text and "135" not in text
