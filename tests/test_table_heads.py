"""A table's multiplier in its caption or head line applies to the rows read as text below it
(`quantities.multipliers.head_multiplier`, carried by the fact stage), until prose follows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rapportextract.facts import extract_facts
from rapportextract.models import BlockKind, Document, Fact, Sentence
from rapportextract.quantities.multipliers import head_multiplier, table_row

P, C = BlockKind.PARAGRAPH, BlockKind.CAPTION

# (id, [(block, kind, text)], {figure text: (value, unit)})
CASES = [
    ("caption-above-a-row",
     [(0, C, "Tabel 4 Exploitatie (bedragen x € 1.000)"),
      (1, P, "2023 2022 Huuropbrengsten 41.310 40.022")],
     {"41.310": ("41310000", "EUR"), "40.022": ("40022000", "EUR")}),
    ("head-line-then-two-rows-in-one-block",
     [(0, P, "Bedragen x € 1.000"), (0, P, "Lasten 2023 2022 Personeel 8.120 7.904"),
      (0, P, "Huisvesting 1.204 1.187")],
     {"8.120": ("8120000", "EUR"), "1.187": ("1187000", "EUR")}),
    ("prose-after-the-rows-is-not-scaled",
     [(0, C, "Overzicht (x € 1.000)"), (1, P, "Onderhoud 2.340 2.105"),
      (2, P, "In 2023 werden 14 woningen verkocht.")],
     {"2.340": ("2340000", "EUR"), "14": ("14", "count")}),
    ("a-row-after-prose-is-not-scaled",
     [(0, C, "Overzicht (x € 1.000)"), (1, P, "Dat kwam door de rente."),
      (2, P, "Woningen in bezit 8.412 8.390")],
     {"8.412": ("8412", "count")}),
    ("a-row-with-its-own-multiplier-keeps-it",
     [(0, C, "Kerncijfers (x € 1.000)"), (1, P, "Omzet (x € 1 mln.) 12,4 11,9")],
     {"12,4": ("12400000", "EUR")}),
]


def _facts(parts: list[tuple[int, BlockKind, str]]) -> list[Fact]:
    doc = Document(
        path="tabel.txt", name="tabel.txt", sha256="4" * 64, source_type="text", edition=2024,
        sentences=[
            Sentence(id=f"p1-b{b}-s{i}", page=1, block_id=f"p1-b{b}", block_kind=kind, text=text)
            for i, (b, kind, text) in enumerate(parts)
        ],
    )
    return [f for f in extract_facts(doc) if not f.derived]


@pytest.mark.parametrize(("parts", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_head_multiplier_case(parts: list[tuple[int, BlockKind, str]],
                              expected: dict[str, tuple[str, str]]) -> None:
    got = {f.source.text: (f.value, f.unit) for f in _facts(parts)}
    for text, (value, unit) in expected.items():
        assert got.get(text) == (Decimal(value), unit), got


def test_a_head_multiplier_has_only_words_and_years_after_it() -> None:
    found = head_multiplier("Bedragen x € 1.000 Omschrijving 2023 2022")
    assert found is not None and found.scale == 1000 and found.currency
    assert head_multiplier("Bedragen x € 1.000 Huur 2.300 2.100") is None
    assert head_multiplier("Er kwamen 40 woningen bij.") is None


def test_a_table_row_ends_in_two_numbers() -> None:
    assert table_row("Onderhoud 2.340 2.105") and table_row("Saldo -50 -145 -95 N")
    assert not table_row("In 2023 werden 14 woningen verkocht.")
