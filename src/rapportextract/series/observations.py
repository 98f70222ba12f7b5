"""One edition's value for a period (a vintage), the headline of an observation, and the
figures of one edition that disagree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapportextract.models import Fact, Observation, Vintage
from rapportextract.series.periods import period_sort_key
from rapportextract.series.rounding import in_conflict


def _preference(fact: Fact) -> tuple[bool, float, bool, int, str]:
    return (fact.derived, -fact.confidence, fact.qualifier != "exact", fact.source.page, fact.id)


def _vintage(edition: int, facts: list[Fact]) -> tuple[Vintage, Fact]:
    ranked = sorted(facts, key=_preference)
    best = ranked[0]
    vintage = Vintage(
        edition=edition,
        value=best.value,
        qualifier=best.qualifier,
        status="derived" if best.derived else "reported",
        fact_ids=[f.id for f in ranked],
        document=best.document,
        page=best.source.page,
    )
    return vintage, best


def _headline_reason(head: Vintage, vintages: list[Vintage]) -> str:
    stated = [v for v in vintages if v.status == "reported"]
    derived = [v for v in vintages if v.status == "derived"]
    if head.status == "reported":
        if len(stated) == 1:
            reason = f"stated only in the {head.edition} edition"
        else:
            reason = (
                f"stated in {len(stated)} editions; the latest, {head.edition}, wins"
            )
        later_derived = [v.edition for v in derived if v.edition > head.edition]
        if later_derived:
            editions = ", ".join(str(e) for e in sorted(later_derived))
            reason += f"; a stated value beats the value derived in {editions}"
        return reason
    if len(derived) == 1:
        return f"derived in the {head.edition} edition; no edition states it"
    return (
        f"derived in {len(derived)} editions and stated in none; the latest, "
        f"{head.edition}, wins"
    )


def _observation(period: str, base_period: str | None, facts: list[Fact]) -> Observation:
    by_edition: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_edition[fact.edition].append(fact)
    chosen = [_vintage(edition, group) for edition, group in sorted(by_edition.items())]
    vintages = [v for v, _ in chosen]
    head = max(vintages, key=lambda v: (v.status == "reported", v.edition))
    representatives = [f for _, f in chosen]
    conflict = any(
        in_conflict(a, b)
        for i, a in enumerate(representatives)
        for b in representatives[i + 1 :]
    )
    return Observation(
        period=period,
        base_period=base_period,
        value=head.value,
        qualifier=head.qualifier,
        status=head.status,
        edition=head.edition,
        fact_ids=list(head.fact_ids),
        conflict=conflict,
        headline_reason=_headline_reason(head, vintages),
        vintages=vintages,
    )


def observations_of(facts: Iterable[Fact]) -> list[Observation]:
    by_key: dict[tuple[str, str | None], list[Fact]] = defaultdict(list)
    for fact in facts:
        base = fact.base_period if fact.kind == "change" else None
        by_key[(fact.period, base)].append(fact)
    keys = sorted(by_key, key=lambda k: (period_sort_key(k[0]), k[1] or ""))
    return [_observation(period, base, by_key[(period, base)]) for period, base in keys]


def conflicting_pairs(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Pairs of stated facts of one edition about one period whose figures disagree."""
    by_point: dict[tuple[int, str, str | None], list[Fact]] = defaultdict(list)
    for fact in facts:
        if not fact.derived:
            by_point[(fact.edition, fact.period, fact.base_period)].append(fact)
    pairs = []
    for _point, point_facts in sorted(by_point.items(), key=lambda kv: str(kv[0])):
        ranked = sorted(point_facts, key=_preference)
        pairs += [(ranked[0], other) for other in ranked[1:] if in_conflict(ranked[0], other)]
    return pairs


def describe_conflict(a: Fact, b: Fact) -> str:
    return f"the {a.edition} edition gives {a.period} both {a.source.text!r} and {b.source.text!r}"
