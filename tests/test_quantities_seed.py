"""The recogniser on the reference edition text, against a hand annotation of its figures.

The annotation lists only numbers (value, unit, kind, qualifier) in reading order, one entry
per written figure of the prose; the text itself is read from ../shared/seeds at run time.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from rapportextract.quantities import find_quantities

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_58a9799dcc4c8c90.txt"

D = Decimal
# (value, unit, kind, qualifier), hand-annotated from the 2024 edition.
ANNOTATION: list[tuple[Decimal, str, str, str | None]] = [
    (D(100), "count", "level", "less_than"),
    (D(50), "percent", "level", "approx"),
    (D(164000000), "EUR", "level", "exact"),
    (D(-9000000), "EUR", "change", "exact"),
    (D(25), "percent", "level", "approx"),
    (D(50), "percent", "level", "approx"),
    (D(70), "percent", "level", "more_than"),
    (D(6), "percent", "level", "exact"),
    (D(60), "percent", "level", "approx"),
    (D(20), "percent", "level", "approx"),
    (D(227000000), "EUR", "level", "exact"),
    (D(164000000), "EUR", "level", "exact"),
    (D("1.1"), "percent", "level", "exact"),
    (D(117000), "count", "level", "exact"),
    (D(-18000), "count", "change", "exact"),
    (D(40), "percent", "level", "exact"),
    (D(30), "percent", "level", "exact"),
    (D("33.33"), "percent", "level", "approx"),
    (D(20), "percent", "level", "approx"),
    (D(25), "percent", "level", "approx"),
    (D(50), "percent", "level", "more_than"),
    (D(30), "percent", "level", "exact"),
    (D(6), "percent", "level", "exact"),
    (D(50), "percent", "level", "more_than"),
    (D(30), "percent", "level", "less_than"),
    (D(70), "percent", "level", "approx"),
    (D(44), "percent", "level", "exact"),
    (D(50), "percent", "level", "more_than"),
    (D(36), "percent", "level", "exact"),
    (D(90), "percent", "level", "approx"),
    (D(90), "percent", "level", "more_than"),
    (D(50), "percent", "level", "more_than"),
    (D(20), "percent", "level", "at_most"),
    (D(73), "percent", "level", "exact"),
    (D(70), "percent", "level", "approx"),
    (D(50), "percent", "level", "approx"),
    (D("33.33"), "percent", "level", "approx"),
    (D(50), "percent", "level", "more_than"),
    (D(36), "percent", "level", "exact"),
    (D(95000), "count", "level", "approx"),
    (D(90), "percent", "level", "less_than"),
    (D(34), "percent", "level", "exact"),
    (D(51000), "count", "level", "exact"),
    (D(3900), "count", "level", "exact"),
    (D(1000), "count", "level", "more_than"),
    (D(25), "percent", "level", "approx"),
    (D(6), "percent", "level", "exact"),
    (D("33.33"), "percent", "level", "more_than"),
    (D(50), "percent", "level", "more_than"),
    (D(540000), "count", "level", "exact"),
    (D(1200000), "count", "level", "exact"),
]


@pytest.mark.seed
def test_reference_edition_figures() -> None:
    if not SEED.exists():
        pytest.skip("reference text ../shared/seeds not present")
    found = find_quantities(SEED.read_text(encoding="utf-8"))
    got: Counter[tuple[Decimal, str, str]] = Counter((q.value, q.unit, q.kind) for q in found)
    want = Counter((v, u, k) for v, u, k, _ in ANNOTATION)
    matched = sum((got & want).values())
    precision = matched / max(1, sum(got.values()))
    recall = matched / sum(want.values())
    assert recall >= 0.95 and precision >= 0.95, (precision, recall, got - want, want - got)
    # on this text every figure is found, in reading order, with its qualifier
    assert [(q.value, q.unit, q.kind, q.qualifier) for q in found] == ANNOTATION
