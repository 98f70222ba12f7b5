"""Test helpers for the chart and table readers: fixture documents and a stand-in catalogue.

Fixture PDFs (fixtures/charts, made by make_chart_pdfs.py) are read with the real ingestion
stage, which fills `Page.words`, `Page.rects`, `Page.segments` and `Page.tables`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rapportextract.ingest import read_document
from rapportextract.models import Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "charts"


@cache
def _read(name: str, edition: int) -> str:
    return read_document(FIXTURES / name, edition=edition).model_dump_json()


def load_pdf(name: str, edition: int = 2024) -> Document:
    """The fixture PDF `name` as a Document (a fresh copy: tests may change it)."""
    return Document.model_validate_json(_read(name, edition))


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

    def match(self, text: str, *, unit: str | None = None) -> StandInMatch | None:
        tokens = {t.strip("():,.%").lower() for t in text.split()}
        hits = [
            (len(words), concept, kept)
            for concept, kept, words in self.entries
            if words <= tokens and unit in (None, kept)
        ]
        if not hits:
            return None
        _, concept, kept = max(hits)
        return StandInMatch(concept, kept)


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
        ("payment_arrangement_requests", "count", {"verzoeken"}),
        ("payment_arrangements_agreed", "count", {"getroffen", "regelingen"}),
        ("share_evictions_rent_arrears_pct", "percent", {"huurachterstand", "huisuitzetting"}),
        ("share_evictions_nuisance_pct", "percent", {"overlast", "huisuitzetting"}),
        ("share_evictions_cannabis_pct", "percent", {"hennep", "huisuitzetting"}),
        ("share_evictions_housing_fraud_pct", "percent", {"woonfraude", "huisuitzetting"}),
    ]
)
