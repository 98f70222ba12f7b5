"""One edition's value for a period (a vintage), the headline of an observation, and the
figures of one edition that disagree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapportextract.models import Alternative, ConflictKind, Fact, Observation, Vintage
from rapportextract.series.periods import period_sort_key
from rapportextract.series.rounding import in_conflict


def _preference(fact: Fact) -> tuple[bool, float, bool, int, str]:
    return (fact.derived, -fact.confidence, fact.qualifier != "exact", fact.source.page, fact.id)


def distinct_values(facts: list[Fact]) -> list[list[Fact]]:
    """One edition's facts for one period grouped by value: a fact joins the first group whose
    first (best-ranked) fact it agrees with within their rounding, else starts a group. Groups
    and their facts best first (`_preference`)."""
    groups: list[list[Fact]] = []
    for fact in sorted(facts, key=_preference):
        for group in groups:
            if not in_conflict(group[0], fact):
                group.append(fact)
                break
        else:
            groups.append([fact])
    return groups


def _alternative(group: list[Fact]) -> Alternative:
    first = group[0]
    return Alternative(
        value=first.value, qualifier=first.qualifier,
        status="derived" if first.derived else "reported",
        fact_ids=[f.id for f in group], page=first.source.page, text=first.source.text,
        sentence=" ".join(first.source.sentence.split()), confidence=first.confidence,
    )


def _choice_reason(edition: int, period: str, groups: list[list[Fact]]) -> str:
    best, runner = groups[0][0], groups[1][0]
    values = "; ".join(
        f"{g[0].source.text!r} (page {g[0].source.page}, fact {g[0].id})" for g in groups
    )
    if best.derived != runner.derived:
        why = "a stated figure beats a derived one"
    elif best.confidence != runner.confidence:
        why = (
            f"its concept was found closer to the figure (confidence {best.confidence:g} "
            f"against {runner.confidence:g}: in its own clause or sentence rather than "
            "inherited from the sentence before or a heading, or guessed)"
        )
    elif (best.qualifier == "exact") != (runner.qualifier == "exact"):
        why = "an exact figure beats a qualified one"
    elif best.source.page != runner.source.page:
        why = "nothing else tells them apart, so the earlier page decides"
    else:
        why = (
            "nothing tells them apart (same confidence, same page), so the first fact id "
            "decides: check which figure the concept is about"
        )
    return (
        f"the {edition} edition gives {period} {len(groups)} values that differ beyond "
        f"their rounding: {values}; it takes {best.source.text!r}: {why}"
    )


def _vintage(edition: int, period: str, facts: list[Fact]) -> tuple[Vintage, Fact]:
    groups = distinct_values(facts)
    best = groups[0][0]
    ranked = [f for g in groups for f in g]
    vintage = Vintage(
        edition=edition,
        value=best.value,
        qualifier=best.qualifier,
        status="derived" if best.derived else "reported",
        fact_ids=[f.id for f in ranked],
        document=best.document,
        page=best.source.page,
    )
    if len(groups) > 1:
        vintage.alternatives = [_alternative(g) for g in groups]
        vintage.reason = _choice_reason(edition, period, groups)
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
    chosen = [_vintage(edition, period, group) for edition, group in sorted(by_edition.items())]
    vintages = [v for v, _ in chosen]
    head = max(vintages, key=lambda v: (v.status == "reported", v.edition))
    representatives = [f for _, f in chosen]
    between = any(
        in_conflict(a, b)
        for i, a in enumerate(representatives)
        for b in representatives[i + 1 :]
    )
    within = any(v.alternatives for v in vintages)
    kind: ConflictKind | None = (
        "both" if between and within else "between_editions" if between
        else "within_edition" if within else None
    )
    reason = _headline_reason(head, vintages)
    for vintage in vintages:
        if vintage.reason:
            reason += f"; {vintage.reason}"
    return Observation(
        period=period,
        base_period=base_period,
        value=head.value,
        qualifier=head.qualifier,
        status=head.status,
        edition=head.edition,
        fact_ids=list(head.fact_ids),
        conflict=kind is not None,
        conflict_kind=kind,
        headline_reason=reason,
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
