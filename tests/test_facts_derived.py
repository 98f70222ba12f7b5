"""Derived levels of a share: a change in percentage points gives the other level, a change
in percent (relative or points, the text does not say) gives none."""

from __future__ import annotations

from decimal import Decimal

from rapportextract.facts import extract_facts
from rapportextract.facts.derived import derived_levels
from rapportextract.models import BlockKind, Document, Fact, Sentence

_SHARE = "share_judgments_leading_to_eviction_pct"


def _doc(text: str, edition: int) -> Document:
    return Document(
        path="derived.txt", name="derived.txt", sha256="3" * 64, source_type="text",
        edition=edition,
        sentences=[Sentence(id="p1-b0-s0", page=1, block_id="p1-b0",
                            block_kind=BlockKind.PARAGRAPH, text=text)],
    )


def _share_facts(change_words: str) -> tuple[Document, list[Fact]]:
    """A share and its change, the change given the share's concept as the catalogue should."""
    doc = _doc("Het aandeel vonnissen dat tot een ontruiming leidde was in 2020 22%, "
               f"{change_words} minder dan in 2019.", 2021)
    facts = [f for f in extract_facts(doc) if not f.derived]
    assert [(f.kind, f.unit) for f in facts] == [("level", "percent"), ("change", "percent")]
    assert facts[0].concept == _SHARE
    return doc, [facts[0], facts[1].model_copy(update={"concept": _SHARE})]


def test_a_share_change_in_points_gives_the_earlier_share() -> None:
    doc, facts = _share_facts("3 procentpunt")
    assert [(f.value, f.period, f.concept) for f in derived_levels(doc, facts)] == [
        (Decimal(25), "2019", _SHARE)]


def test_a_share_change_in_percent_gives_no_level() -> None:
    doc, facts = _share_facts("3 procent")
    assert derived_levels(doc, facts) == []


def test_a_change_in_points_takes_the_share_concept() -> None:
    facts = extract_facts(_doc("Het aandeel vonnissen dat tot een ontruiming leidde was in "
                               "2020 22%, 3 procentpunt minder dan in 2019.", 2021))
    change = next(f for f in facts if f.kind == "change")
    assert change.concept == _SHARE


def test_an_amount_change_still_gives_the_earlier_amount() -> None:
    facts = extract_facts(_doc("De totale huurachterstand bedroeg in 2020 € 190 miljoen, "
                               "€ 12 miljoen minder dan in 2019.", 2021))
    assert [(f.value, f.period) for f in facts if f.derived] == [(Decimal(202000000), "2019")]
