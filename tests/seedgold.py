"""Scoring extracted facts against the hand-annotated gold of the 2024 edition.

Shared by the text and PDF checks of the reference edition (tests/test_seed_2024.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from rapportextract.catalogue import load_catalogue
from rapportextract.models import Fact

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_58a9799dcc4c8c90.txt"
GOLD = Path(__file__).parent / "gold" / "seed_2024.yaml"

# The catalogue marks its core concepts; tests/test_catalogue.py pins that list.
_CATALOGUE = load_catalogue()
CORE = frozenset(i for i in _CATALOGUE.ids() if (c := _CATALOGUE.get(i)) and c.core)


def load_gold() -> list[dict[str, Any]]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    for entry in data["facts"]:
        assert len(entry["anchor"].split()) <= 5, entry["anchor"]
    return list(data["facts"])


def _squash(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _same_value(a: Decimal, b: Any) -> bool:
    return abs(a - Decimal(str(b))) <= Decimal("0.01")


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    facts: int = 0
    matched_facts: int = 0
    period_right: int = 0
    concept_total: int = 0
    concept_right: int = 0
    qualifier_right: int = 0
    pairs: list[tuple[dict[str, Any], Fact]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[Fact] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold

    @property
    def precision(self) -> float:
        return self.matched_facts / self.facts if self.facts else 0.0

    @property
    def period(self) -> float:
        return self.period_right / self.found if self.found else 0.0

    @property
    def concept(self) -> float:
        return self.concept_right / self.concept_total if self.concept_total else 0.0

    def summary(self) -> str:
        return (f"found {self.found}/{self.gold} ({self.recall:.3f}), precision "
                f"{self.precision:.3f}, period {self.period:.3f}, core concept "
                f"{self.concept:.3f}; misses {self.misses}; extras "
                f"{[(f.source.text, f.source.sentence[:40]) for f in self.extras]}; "
                f"wrong {self.wrong}")


def score(facts: list[Fact], gold: list[dict[str, Any]]) -> Score:
    s = Score()
    used: set[str] = set()
    optional_hits: set[str] = set()
    for entry in gold:
        candidates = [
            f for f in facts
            if f.id not in used
            and _squash(entry["anchor"]) in _squash(f.source.sentence)
            and f.unit == entry["unit"] and f.kind == entry["kind"]
            and f.derived == entry.get("derived", False)
            and _same_value(f.value, entry["value"])
        ]
        if entry.get("optional"):
            if candidates:
                optional_hits.add(candidates[0].id)
                used.add(candidates[0].id)
            continue
        s.gold += 1
        if not candidates:
            s.misses.append(entry)
            continue
        fact = candidates[0]
        used.add(fact.id)
        s.found += 1
        s.pairs.append((entry, fact))
        if fact.period == entry["period"]:
            s.period_right += 1
        else:
            s.wrong.append(f"{entry['anchor']}: period {fact.period} != {entry['period']}")
        if entry["concept"] in CORE:
            s.concept_total += 1
            if fact.concept == entry["concept"]:
                s.concept_right += 1
        if fact.concept != entry["concept"]:
            s.wrong.append(f"{entry['anchor']}: concept {fact.concept} != {entry['concept']}")
        if fact.qualifier == entry["qualifier"]:
            s.qualifier_right += 1
    counted = [f for f in facts if f.id not in optional_hits]
    s.facts = len(counted)
    s.matched_facts = len([f for f in counted if f.id in used])
    s.extras = [f for f in counted if f.id not in used]
    return s
