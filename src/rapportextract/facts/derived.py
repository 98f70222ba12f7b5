"""Derived levels: a stated change plus a stated level of the same concept give the other
level, unless the document states that one itself (`rapportextract.facts` docstring).

A change of a percentage ("Het aandeel steeg met 2 procent") may be relative or in points; it
gives a level only where written in percentage points ("2 procentpunt"), the difference of
the two levels."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from rapportextract.facts.provenance import fact_id
from rapportextract.lang import nl
from rapportextract.models import Document, Fact


@cache
def _points() -> re.Pattern[str]:
    words = sorted(nl.load().units.percent_points, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def _in_points(change: Fact) -> bool:
    """Whether a change of a percentage is written in percentage points."""
    return change.unit != "percent" or _points().search(change.source.text) is not None


def derived_levels(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Levels computed from a stated level and a stated change (the `rapportextract.facts`
    docstring)."""
    stated = {(f.concept, f.period) for f in facts if f.kind == "level" and f.concept}
    levels_of: dict[tuple[str | None, str], list[Fact]] = {}
    first_with_id: dict[str, int] = {}
    for i, f in enumerate(facts):
        first_with_id.setdefault(f.id, i)
        if f.kind == "level":
            levels_of.setdefault((f.concept, f.unit), []).append(f)

    def index(fact: Fact) -> int:
        # `facts.index` without the walk through the list: the first equal fact has its id.
        i = first_with_id[fact.id]
        return i if facts[i] == fact else facts.index(fact)

    out: list[Fact] = []
    for change in facts:
        if change.kind != "change" or not change.concept or not change.base_period \
                or not _in_points(change):
            continue
        levels = levels_of.get((change.concept, change.unit), [])
        same = [f for f in levels if f.source.sentence_id == change.source.sentence_id]
        for known, target, sign in (
            (change.period, change.base_period, Decimal(-1)),
            (change.base_period, change.period, Decimal(1)),
        ):
            if (change.concept, target) in stated:
                continue
            base_levels = [f for f in (same or levels) if f.period == known]
            if not base_levels:
                continue
            # The level nearest before the change (or the first after it) is the one it uses.
            position = index(change)
            before = [f for f in base_levels if index(f) < position]
            level = before[-1] if before else base_levels[0]
            value = level.value + sign * change.value
            exact = level.qualifier == "exact" and change.qualifier == "exact"
            out.append(Fact(
                id=fact_id(doc, "derived", change.id, level.id),
                document=doc.name, edition=level.edition, concept=change.concept,
                subject=level.subject, value=value, unit=level.unit, period=target,
                qualifier="exact" if exact else "approx", kind="level", derived=True,
                derived_from=[level.id, change.id],
                confidence=round(min(level.confidence, change.confidence) * 0.95, 3),
                source=change.source.model_copy(update={
                    "note": f"derived: level {known} {'minus' if sign < 0 else 'plus'} change",
                }),
            ))
            stated.add((change.concept, target))
    return out


