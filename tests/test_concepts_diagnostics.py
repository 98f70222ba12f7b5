"""Why a figure has no concept: a ruling-out word or a value out of range is named in the
fact's diagnostics (sentences of our own)."""

from __future__ import annotations

import pytest

from rapportextract.facts import extract_facts
from rapportextract.models import BlockKind, Document, Sentence


def _diagnostics(text: str, figure: str, edition: int = 2022) -> list[str]:
    doc = Document(path="d.txt", name="d.txt", sha256="3" * 64, source_type="text",
                   edition=edition,
                   sentences=[Sentence(id="p1-b0-s0", page=1, block_id="p1-b0",
                                       block_kind=BlockKind.PARAGRAPH, text=text)])
    fact = next(f for f in extract_facts(doc) if f.source.text == figure)
    assert fact.concept is None
    return fact.diagnostics


@pytest.mark.parametrize(("text", "figure", "words"), [
    pytest.param("Dankzij de wijkaanpak werden in 2021 210 uitzettingen voorkomen.", "210",
                 ["evictions_total", "rules it out"], id="prevented-evictions"),
    pytest.param("De rechtbanken deden in 2021 in 1,3 miljoen rechtszaken uitspraak.",
                 "1,3 miljoen", ["court_judgments_total", "outside the range"],
                 id="caseload-out-of-range"),
])
def test_ruled_out_concept_is_named(text: str, figure: str, words: list[str]) -> None:
    found = " ".join(_diagnostics(text, figure))
    assert all(w in found for w in words), found


def test_no_term_at_all_says_so() -> None:
    found = " ".join(_diagnostics("Er stonden 340 fietsen in de stalling.", "340"))
    assert "no catalogue term" in found
