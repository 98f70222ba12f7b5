"""Extracted facts paired with gold facts: values within rounding, the best candidate first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rapportextract.evaluate.gold import GoldFact
from rapportextract.models import Fact

ATTRIBUTES = ("period", "concept", "qualifier")


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    places = min(exponent, 0) if isinstance(exponent, int) else 0
    return Decimal(5) * Decimal(10) ** (places - 1)


def values_match(extracted: Decimal, gold: Decimal) -> bool:
    """True where the two values agree within the rounding of the less precise one:
    33.3333 matches 33.33 and 33.3; 79 matches 79.3; 6750 does not match 6755."""
    try:
        tolerance = max(_half_unit(extracted), _half_unit(gold))
        return abs(extracted - gold) <= tolerance
    except InvalidOperation:
        return False


def _compatible(fact: Fact, gold: GoldFact) -> bool:
    if fact.unit != gold.unit or fact.kind != gold.kind:
        return False
    if gold.page is not None and fact.source.page != gold.page:
        return False
    return values_match(Decimal(fact.value), gold.value)


def squash(text: str) -> str:
    return "".join(text.lower().split())


def _preference(fact: Fact, gold: GoldFact) -> int:
    score = 0
    if fact.period == gold.period:
        score += 8
    if fact.source.origin == gold.origin:
        score += 4
    if fact.concept == gold.concept:
        score += 2
    if fact.qualifier == gold.qualifier:
        score += 1
    if squash(gold.anchor) in squash(fact.source.text) or squash(fact.source.text) in (
        squash(gold.anchor)
    ):
        score += 1
    return score


@dataclass
class Match:
    gold: GoldFact
    fact: Fact

    def wrong(self) -> dict[str, tuple[str | None, str | None]]:
        """Attributes where the extracted fact differs from gold: name -> (found, gold)."""
        out: dict[str, tuple[str | None, str | None]] = {}
        for name in ATTRIBUTES:
            found, expected = getattr(self.fact, name), getattr(self.gold, name)
            if found != expected:
                out[name] = (found, expected)
        return out


@dataclass
class Miss:
    gold: GoldFact
    sentence: str | None = None


def pair_facts(facts: Sequence[Fact], gold: Sequence[GoldFact]) -> tuple[list[Match], list[int]]:
    """Greedy one-to-one assignment, best-agreeing pairs first; returns the matches and the
    indexes of unmatched facts."""
    candidates = [
        (-_preference(f, g), gi, fi)
        for gi, g in enumerate(gold)
        for fi, f in enumerate(facts)
        if _compatible(f, g)
    ]
    candidates.sort()
    used_gold: set[int] = set()
    used_fact: set[int] = set()
    matches: list[tuple[int, Match]] = []
    for _, gi, fi in candidates:
        if gi in used_gold or fi in used_fact:
            continue
        used_gold.add(gi)
        used_fact.add(fi)
        matches.append((gi, Match(gold=gold[gi], fact=facts[fi])))
    matches.sort(key=lambda pair: pair[0])
    unmatched = [fi for fi in range(len(facts)) if fi not in used_fact]
    return [m for _, m in matches], unmatched
