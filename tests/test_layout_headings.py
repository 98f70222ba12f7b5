"""A heading is not glued to the paragraph under it where only its weight sets it apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.layout import layout_pages
from rapportextract.models import BlockKind, Page, Word

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_fake_bold_heading_parts_from_its_paragraph(engine: str) -> None:
    doc = read_document(FIXTURES / "heading_fake_bold.pdf", edition=2023, ocr=False,
                        engine=engine)
    blocks = [(b.kind, b.text.split(".")[0]) for b in doc.blocks()]
    assert blocks[:2] == [
        (BlockKind.HEADING, "Telefonisch spreekuur"),
        (BlockKind.PARAGRAPH, "In 2022 belden 4"),
    ]
    assert [k for k, _ in blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH] * 2
    assert "spreekuur In 2022" not in doc.text()


def _line(text: str, top: float) -> list[Word]:
    out: list[Word] = []
    x = 56.0
    for token in text.split():
        w = 5.0 * len(token)
        out.append(Word(text=token, bbox=(x, top, x + w, top + 10.0), size=10.0,
                        fontname="Helvetica"))
        x += w + 2.8
    return out


PARA = [
    "De corporatie sprak in 2022 met veel huurders over hun achterstand bij de",
    "huur en bood hun een regeling aan die past bij wat zij kunnen betalen.",
]
AFTER = [
    "In 2022 belden 4.100 huurders met de budgetcoach van de corporatie voor een",
    "afspraak over hun schulden of over de hulp die de gemeente hun kan bieden.",
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param([*PARA, "Telefonisch spreekuur", *AFTER],
                     [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH],
                     id="plain-heading-between-paragraphs-at-body-leading"),
        # no heading: the short line ends its paragraph, set with neither gap nor indent
        pytest.param([*PARA, "Vooral in de winter.", *AFTER],
                     [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH],
                     id="short-last-line-ends-its-sentence"),
        pytest.param([*AFTER[:1], "kleine huurders", *AFTER[1:]],
                     [BlockKind.PARAGRAPH],
                     id="short-line-before-lower-case-goes-on"),
    ],
)
def test_heading_in_body_style(lines: list[str], expected: list[BlockKind]) -> None:
    words = [w for i, text in enumerate(lines) for w in _line(text, 100.0 + 13.0 * i)]
    (page,) = layout_pages([Page(number=1, width=595.0, height=842.0, words=words)])
    assert [b.kind for b in page.blocks] == expected
