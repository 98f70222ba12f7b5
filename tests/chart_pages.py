"""Test-only: build `Document`/`Page` models from a fixture PDF with pdfplumber.

The chart and table readers work on `Page.words`, `Page.rects`, `Page.segments` and
`Page.tables`, which ingestion fills. This helper fills them the same way for the fixtures, so
the reader tests do not depend on the whole ingestion stage; blocks are left empty on purpose
(the chart reader must find captions from the words).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pdfplumber

from rapportextract.models import Document, Page, Rect, Segment, TableCell, TableGrid, Word

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "charts"


def _colour(value: Any) -> tuple[float, ...] | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return (float(value),)
    try:
        return tuple(float(v) for v in value)
    except (TypeError, ValueError):
        return None


def _page(number: int, page: Any) -> Page:
    words = [
        Word(
            text=w["text"],
            bbox=(w["x0"], w["top"], w["x1"], w["bottom"]),
            fontname=w.get("fontname"),
            size=w.get("size"),
            bold="Bold" in str(w.get("fontname", "")),
        )
        for w in page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    ]
    rects = [
        Rect(
            bbox=(r["x0"], r["top"], r["x1"], r["bottom"]),
            fill=_colour(r.get("non_stroking_color")),
        )
        for r in page.rects
        if r.get("fill")
    ]
    segments = [
        Segment(
            points=[(float(x), float(y)) for x, y in obj["pts"]],
            stroke=_colour(obj.get("stroking_color")),
        )
        for obj in [*page.lines, *page.curves]
    ]
    tables = []
    for table in page.find_tables():
        rows: list[list[TableCell | None]] = []
        for row in table.rows:
            cells: list[TableCell | None] = []
            for box in row.cells:
                if box is None:
                    cells.append(None)
                    continue
                text = page.crop(box).extract_text() or ""
                cells.append(TableCell(text=" ".join(text.split()), bbox=tuple(box)))
            rows.append(cells)
        tables.append(TableGrid(bbox=tuple(table.bbox), rows=rows))
    return Page(
        number=number,
        width=page.width,
        height=page.height,
        words=words,
        rects=rects,
        segments=segments,
        tables=tables,
    )


def load_pdf(name: str, edition: int = 2024) -> Document:
    """The fixture PDF `name` (in fixtures/charts) as a Document with raw page content."""
    path = FIXTURES / name
    data = path.read_bytes()
    with pdfplumber.open(path) as pdf:
        pages = [_page(i + 1, p) for i, p in enumerate(pdf.pages)]
    return Document(
        path=str(path),
        name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        source_type="pdf",
        edition=edition,
        edition_source="option",
        pages=pages,
    )


class StandInMatch:
    def __init__(self, concept: str, unit: str) -> None:
        self.concept = concept
        self.unit = unit


class WordsCatalogue:
    """A stand-in catalogue for reader tests: a concept matches where all its words occur in
    the text; the entry with the most words wins. Keeps these tests independent of the real
    catalogue's wording."""

    def __init__(self, entries: list[tuple[str, str, set[str]]]) -> None:
        self.entries = entries

    def match(self, text: str) -> StandInMatch | None:
        tokens = {t.strip("():,.%").lower() for t in text.split()}
        hits = [
            (len(words), concept, unit) for concept, unit, words in self.entries if words <= tokens
        ]
        if not hits:
            return None
        _, concept, unit = max(hits)
        return StandInMatch(concept, unit)


TEST_CATALOGUE = WordsCatalogue(
    [
        ("total_rent_arrears_eur", "EUR", {"totale", "huurachterstand"}),
        ("total_rent_arrears_eur", "EUR", {"totaal", "huurachterstand"}),
        ("rent_arrears_current_tenants_eur", "EUR", {"zittende", "huurders"}),
        ("rent_arrears_departed_tenants_eur", "EUR", {"vertrokken", "huurders"}),
        ("court_judgments_total", "count", {"vonnissen"}),
        ("evictions_total", "count", {"huisuitzettingen"}),
        ("tenants_with_arrears", "count", {"huurders", "huurachterstand"}),
        (
            "share_judgments_leading_to_eviction_pct",
            "percent",
            {"aandeel", "vonnissen", "uitzetting"},
        ),
        ("share_evictions_rent_arrears_pct", "percent", {"huurachterstand", "huisuitzetting"}),
        ("share_evictions_nuisance_pct", "percent", {"overlast", "huisuitzetting"}),
        ("share_evictions_cannabis_pct", "percent", {"hennep", "huisuitzetting"}),
        ("share_evictions_housing_fraud_pct", "percent", {"woonfraude", "huisuitzetting"}),
    ]
)
