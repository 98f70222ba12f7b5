"""The series of catalogue concepts: levels, and changes in series of their own."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from rapportextract.lang.nl.words import linking_words
from rapportextract.models import Fact, Series, Unit
from rapportextract.series.observations import (
    conflicting_pairs,
    describe_conflict,
    observations_of,
)


def _field(entry: Any, name: str) -> Any:
    if isinstance(entry, Mapping):
        return entry.get(name)
    return getattr(entry, name, None)


def _catalogue_entry(catalogue: Any, concept: str) -> Any:
    if catalogue is None:
        return None
    getter = getattr(catalogue, "get", None)
    if callable(getter):
        try:
            return getter(concept)
        except (KeyError, LookupError):
            return None
    try:
        return catalogue[concept]
    except (KeyError, LookupError, TypeError):
        return None


def concept_label(catalogue: Any, concept: str) -> str:
    """The Dutch label of a concept (else the English one, else its id)."""
    entry = _catalogue_entry(catalogue, concept)
    if isinstance(entry, str):
        return entry
    for name in ("label_nl", "label", "label_en"):
        label = _field(entry, name) if entry is not None else None
        if isinstance(label, str) and label:
            return label
    return concept


def _concept_unit(catalogue: Any, concept: str, facts: list[Fact]) -> Unit:
    entry = _catalogue_entry(catalogue, concept)
    unit = _field(entry, "unit") if entry is not None and not isinstance(entry, str) else None
    if unit in ("EUR", "count", "percent"):
        return unit  # type: ignore[no-any-return]
    counts = Counter(f.unit for f in facts)
    return min(counts, key=lambda u: (-counts[u], u))


def _change_series(
    base_id: str,
    concept: str | None,
    label: str,
    level_unit: Unit,
    changes: list[Fact],
    match_confidence: float | None,
    statements: list[str],
) -> list[Series]:
    words = linking_words().labels
    by_unit: dict[Unit, list[Fact]] = defaultdict(list)
    for fact in changes:
        by_unit[fact.unit].append(fact)
    out = []
    for unit in sorted(by_unit):
        relative = unit == "percent" and level_unit != "percent"
        suffix = "change_pct" if relative else "change"
        out.append(
            Series(
                id=f"{base_id}.{suffix}",
                concept=concept,
                label=f"{label} ({words.get(suffix, suffix)})",
                unit=unit,
                kind="change",
                match_confidence=match_confidence,
                observations=observations_of(by_unit[unit]),
                statements=statements,
            )
        )
    return out


def concept_series(
    concept: str, facts: list[Fact], catalogue: Any, warnings: list[str]
) -> list[Series]:
    levels = [f for f in facts if f.kind == "level"]
    changes = [f for f in facts if f.kind == "change"]
    label = concept_label(catalogue, concept)
    unit = _concept_unit(catalogue, concept, levels or changes)
    kept = [f for f in levels if f.unit == unit]
    for fact in levels:
        if fact.unit != unit:
            warnings.append(
                f"{fact.document}: fact {fact.id} ({fact.source.text!r}, {fact.unit}) left out "
                f"of series {concept}, whose unit is {unit}"
            )
    for best, other in conflicting_pairs(kept):
        warnings.append(
            f"{concept}: {describe_conflict(best, other)}; the vintage takes {best.source.text!r} "
            f"(fact {best.id}), fact {other.id} is kept in its fact_ids"
        )
    out: list[Series] = []
    if kept:
        out.append(
            Series(
                id=concept,
                concept=concept,
                label=label,
                unit=unit,
                kind="level",
                match_confidence=1.0,
                observations=observations_of(kept),
            )
        )
    out.extend(_change_series(concept, concept, label, unit, changes, 1.0, []))
    return out
