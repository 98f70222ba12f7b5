"""Facts of many editions linked into time series, with every edition's value kept as a vintage.

What goes into which series
---------------------------
- **Catalogue series.** Every level fact with a ``concept`` joins the series of that concept
  (id = the concept id, label and unit from the catalogue where one is given). A level fact whose
  unit differs from the concept's unit is left out and named in ``SeriesFile.warnings``.
- **Change series.** A stated change ("een daling van 18.000") is not a level, so it never enters
  a level series: changes get their own series, ``<id>.change`` in the level's unit and
  ``<id>.change_pct`` for relative changes in percent, with ``kind: "change"``. Their
  observations are keyed by period *and* ``base_period`` (a change against 2019 is not a change
  against 2022). Levels derived from a change stay in the level series, marked ``derived``.
- **Statement series.** Facts outside the catalogue (``concept`` null) that carry a ``statement``
  key are linked across editions by what the statement says:

  1. Each distinct statement key (per kind and unit) becomes a token set: lower case, figures
     and punctuation dropped, spaCy's Dutch stop words dropped (corrected by
     ``lang/nl/series.toml``: negations and words like "binnen" stay), a short suffix stripped,
     and words that editions use for the same thing ("belt", "neemt contact op") mapped to one
     token.
  2. Similarity of two keys is the Dice coefficient of their token sets, each token weighted
     by its rarity among all statement keys of the build (log(1 + N / df)): words that every
     finding shares ("corporaties", "huurder") count less than the words that tell findings
     apart ("aanmaning", "contact", "maand"). Pairs at or above ``threshold`` (0.55) are merged
     best first, and only when (a) the unit and kind agree, (b) the two groups share no
     edition — two statements found in the same edition are different statements by
     construction and are never merged — and (c) every key of the merged group is at least
     ``threshold`` similar to every other (complete linkage, so a chain of small rewordings
     cannot drift into a different statement).
  3. A group becomes a series when it has figures for at least two periods or two editions
     (a statement made once is a fact, not a series), its keys have at least three content
     words, and no edition gives one period two figures that disagree (the key would then
     cover two findings; such a group is named in ``SeriesFile.warnings`` instead). Its
     ``match_confidence`` is the lowest pairwise similarity inside the group (1.0 where every
     edition used the same key) and ``statements`` lists the keys linked, so a reader sees
     exactly what was merged.
  4. The id is a readable slug of the statement of the earliest edition (stable when later
     editions are added), made unique with ``-2``, ``-3``, ... in a deterministic order. The
     label is the sentence that first states it.

Vintages, headline and conflicts
--------------------------------
- A **vintage** is one edition's value for one period. Where an edition states the same period
  more than once, a stated value beats a derived one, then the higher confidence wins; the
  vintage keeps the ids of every fact of that edition for that period.
- The **headline** of an observation: a stated value beats a derived one; among equals the latest
  edition wins. ``headline_reason`` says which rule decided.
- **Conflict**: two vintages differ by more than the rounding of the text that states them. The
  rounding is half a unit of the last digit written ("226 miljoen": 0.5 miljoen; "1,1%": 0.05);
  for a non-exact qualifier of the last *significant* digit ("zo'n 23.000": 500); for a figure
  written in words, or a derived value, of the value's last significant digit; a fraction word
  for a share ("een kwart") counts as five percentage points. Of two vintages the larger
  rounding applies. A one-sided qualifier ("ruim 23.000") moves the value it is compared at by
  one rounding in its direction. So € 226 miljoen against € 227 miljoen is a conflict (1 > 0.5);
  1,1% against 1,1% is not.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rapportextract.lang.nl.stems import stem as stem_word
from rapportextract.lang.nl.words import linking_words
from rapportextract.models import Fact, Kind, Observation, Series, SeriesFile, Unit, Vintage

DEFAULT_THRESHOLD = 0.55
"""Lowest token-set similarity at which two statement keys may be linked."""
MIN_STATEMENT_TOKENS = 3
"""Fewest content words a statement key needs to become a series."""

_DIGITS = re.compile(r"\d+(?:\.\d{3})*(?:,\d+)?")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_PERIOD = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<early>early)"
    r"|(?P<m1>\d{2})/(?P<y2>\d{4})-(?P<m2>\d{2})))?$"
)
_HALF = Decimal("0.5")
_FRACTION_WORD_ROUNDING = Decimal(5)


# --------------------------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------


def period_bounds(period: str) -> tuple[int, int, int] | None:
    """(year, first month, last month) of a period string, or None if it is not one we know."""
    m = _PERIOD.match(period)
    if not m:
        return None
    year = int(m["year"])
    if m["half"]:
        return (year, 1, 6) if m["half"] == "H1" else (year, 7, 12)
    if m["quarter"]:
        q = int(m["quarter"][1])
        return (year, 3 * q - 2, 3 * q)
    if m["early"]:
        return (year, 1, 3)
    if m["m1"]:
        last = int(m["m2"]) + 12 * (int(m["y2"]) - year)
        return (year, int(m["m1"]), last)
    return (year, 1, 12)


def period_sort_key(period: str) -> tuple[int, int, int, str]:
    bounds = period_bounds(period)
    if bounds is None:
        return (9999, 0, 0, period)
    return (*bounds, period)


def period_position(period: str) -> float | None:
    """Where a period sits on a time axis in years: a calendar year at its own number, a part
    of a year at its middle (2024-H1 at 2023.75)."""
    bounds = period_bounds(period)
    if bounds is None:
        return None
    year, first, last = bounds
    return year - 0.5 + (first - 1 + last) / 24


def is_annual(period: str) -> bool:
    bounds = period_bounds(period)
    return bounds is not None and bounds[1:] == (1, 12)


# --------------------------------------------------------------------------------------------
# Rounding and conflicts
# --------------------------------------------------------------------------------------------


def _parse_dutch_number(token: str) -> Decimal:
    return Decimal(token.replace(".", "").replace(",", "."))


def _last_significant_exponent(value: Decimal) -> int:
    if value == 0:
        return 0
    return int(value.normalize().as_tuple().exponent)


def _power_of_ten(ratio: Decimal) -> int | None:
    """k where ratio == 10**k for k >= 0, else None."""
    if ratio <= 0 or ratio != ratio.to_integral_value():
        return None
    n = int(ratio)
    k = 0
    while n % 10 == 0:
        n //= 10
        k += 1
    return k if n == 1 else None


def rounding(fact: Fact) -> Decimal:
    """Half a unit of the last digit the fact's value is stated to (see the module docstring)."""
    return _rounding(
        abs(fact.value), fact.qualifier != "exact", fact.source.text if not fact.derived else "",
        fact.unit,
    )


@lru_cache(maxsize=1 << 16)
def _rounding(value: Decimal, approximate: bool, text: str, unit: str) -> Decimal:
    # Asked for every pair of statements of a point: the same figures come back many times.
    tokens = _DIGITS.findall(text)
    for token in tokens:
        written = _parse_dutch_number(token)
        if written == 0:
            continue
        scale = _power_of_ten(value / written)
        if scale is None:
            continue
        if "," in token:
            exponent = -len(token.split(",", 1)[1])
        elif approximate:
            exponent = _last_significant_exponent(written)
        else:
            exponent = 0
        return _HALF * Decimal(10) ** (exponent + scale)
    if not tokens and text and approximate and unit == "percent":
        # A share in words ("een kwart", "de helft", "een meerderheid") is as coarse as the
        # fraction it names.
        return _FRACTION_WORD_ROUNDING
    return _HALF * Decimal(10) ** _last_significant_exponent(value)


def _compared_value(vintage_fact: Fact, tolerance: Decimal) -> Decimal:
    if vintage_fact.qualifier in ("more_than", "at_least"):
        return vintage_fact.value + tolerance
    if vintage_fact.qualifier in ("less_than", "at_most"):
        return vintage_fact.value - tolerance
    return vintage_fact.value


def in_conflict(a: Fact, b: Fact) -> bool:
    """True where two statements of the same figure differ by more than their rounding."""
    ra, rb = rounding(a), rounding(b)
    tolerance = max(ra, rb)
    return abs(_compared_value(a, ra) - _compared_value(b, rb)) > tolerance


# --------------------------------------------------------------------------------------------
# Vintages and observations
# --------------------------------------------------------------------------------------------


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


def _observations(facts: Iterable[Fact]) -> list[Observation]:
    by_key: dict[tuple[str, str | None], list[Fact]] = defaultdict(list)
    for fact in facts:
        base = fact.base_period if fact.kind == "change" else None
        by_key[(fact.period, base)].append(fact)
    keys = sorted(by_key, key=lambda k: (period_sort_key(k[0]), k[1] or ""))
    return [_observation(period, base, by_key[(period, base)]) for period, base in keys]


# --------------------------------------------------------------------------------------------
# Catalogue series
# --------------------------------------------------------------------------------------------


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
                observations=_observations(by_unit[unit]),
                statements=statements,
            )
        )
    return out


def _concept_series(
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
    for best, other in _disagreements(kept):
        warnings.append(
            f"{concept}: {_describe(best, other)}; the vintage takes {best.source.text!r} "
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
                observations=_observations(kept),
            )
        )
    out.extend(_change_series(concept, concept, label, unit, changes, 1.0, []))
    return out


# --------------------------------------------------------------------------------------------
# Statement series
# --------------------------------------------------------------------------------------------


def statement_tokens(statement: str) -> frozenset[str]:
    """The words of a statement that say what it is about (see the module docstring)."""
    words = linking_words()
    tokens = set()
    for raw in _WORD.findall(statement.lower().replace("’", "'")):
        if raw in words.stop or len(raw) < 2:
            continue
        if raw in words.keep:
            tokens.add(raw)
            continue
        stem = stem_word(raw, words.stem)
        tokens.add(words.same.get(raw) or words.same.get(stem) or stem)
    return frozenset(tokens)


def statement_weights(statements: Iterable[str]) -> dict[str, float]:
    """Weight of each token: its rarity among the statements, log(1 + N / df)."""
    token_sets = [statement_tokens(s) for s in {_normal_key(s) for s in statements}]
    df = Counter(t for tokens in token_sets for t in tokens)
    n = len(token_sets)
    return {t: math.log(1 + n / count) for t, count in df.items()}


def _dice(ta: frozenset[str], tb: frozenset[str], weights: Mapping[str, float]) -> float:
    total = sum(weights.get(t, 1.0) for t in ta) + sum(weights.get(t, 1.0) for t in tb)
    if total == 0:
        return 0.0
    return 2 * sum(weights.get(t, 1.0) for t in ta & tb) / total


def statement_similarity(
    a: str, b: str, weights: Mapping[str, float] | None = None
) -> float:
    """Weighted Dice coefficient of the statements' token sets (each token weighs 1 without
    `weights`); 1.0 for two keys without content words only when they are the same text."""
    ta, tb = statement_tokens(a), statement_tokens(b)
    if not ta and not tb:
        return 1.0 if _normal_key(a) == _normal_key(b) else 0.0
    return _dice(ta, tb, weights or {})


def _normal_key(statement: str) -> str:
    return " ".join(statement.split()).lower()


def slug(text: str, *, max_length: int = 60) -> str:
    """A readable, file-name-safe id for a statement: ascii, lower case, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in re.split(r"[^a-z0-9]+", folded.lower()) if w and not w.isdigit()]
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length:
            break
        out = candidate
    return out or "statement"


@dataclass
class _Group:
    keys: list[str]
    editions: set[int]
    facts: list[Fact] = field(default_factory=list)


def _link_statements(
    facts: list[Fact], threshold: float, weights: Mapping[str, float]
) -> list[tuple[list[str], list[Fact], float]]:
    """Groups of statement keys that say the same thing: (keys, facts, match confidence)."""
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_key[_normal_key(fact.statement or "")].append(fact)
    keys = sorted(by_key)
    tokens = {k: statement_tokens(k) for k in keys}
    editions = {k: {f.edition for f in by_key[k]} for k in keys}

    def similarity(a: str, b: str) -> float:
        return _dice(tokens[a], tokens[b], weights)

    pairs = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if editions[a] & editions[b]:
                continue
            s = similarity(a, b)
            if s >= threshold:
                pairs.append((s, a, b))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    group_of: dict[str, _Group] = {
        k: _Group(keys=[k], editions=set(editions[k]), facts=list(by_key[k])) for k in keys
    }
    for _s, a, b in pairs:
        ga, gb = group_of[a], group_of[b]
        if ga is gb or ga.editions & gb.editions:
            continue
        if any(similarity(x, y) < threshold for x in ga.keys for y in gb.keys):
            continue
        ga.keys.extend(gb.keys)
        ga.editions |= gb.editions
        ga.facts.extend(gb.facts)
        for key in gb.keys:
            group_of[key] = ga

    out = []
    seen: set[int] = set()
    for key in keys:
        group = group_of[key]
        if id(group) in seen:
            continue
        seen.add(id(group))
        group.keys.sort(key=lambda k: (min(editions[k]), k))
        confidence = min(
            (similarity(x, y) for i, x in enumerate(group.keys) for y in group.keys[i + 1 :]),
            default=1.0,
        )
        out.append((group.keys, group.facts, round(confidence, 3)))
    return out


def _disagreements(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
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


def _describe(a: Fact, b: Fact) -> str:
    return f"the {a.edition} edition gives {a.period} both {a.source.text!r} and {b.source.text!r}"


def _statement_series(
    facts: list[Fact], threshold: float, taken: set[str], warnings: list[str]
) -> list[Series]:
    by_kind_unit: dict[tuple[Kind, Unit], list[Fact]] = defaultdict(list)
    for fact in facts:
        # A key of one or two words ("lag aandeel") does not say what was measured.
        if len(statement_tokens(fact.statement or "")) >= MIN_STATEMENT_TOKENS:
            by_kind_unit[(fact.kind, fact.unit)].append(fact)
    weights = statement_weights(f.statement or "" for f in facts)
    groups: list[tuple[Kind, Unit, list[str], list[Fact], float]] = []
    for (kind, unit), group_facts in sorted(by_kind_unit.items()):
        for keys, linked, confidence in _link_statements(group_facts, threshold, weights):
            points = {(f.edition, f.period, f.base_period) for f in linked}
            if len(points) < 2:
                continue
            disagreements = _disagreements(linked)
            if disagreements:
                warnings.append(
                    f"statement {keys[0]!r} not made a series: "
                    f"{_describe(*disagreements[0])}, so it names more than one finding"
                )
                continue
            groups.append((kind, unit, keys, linked, confidence))
    # Levels first, then by earliest edition: ids are handed out in an order that does not
    # depend on the order of the input facts.
    groups.sort(key=lambda g: (g[0] != "level", min(f.edition for f in g[3]), g[2][0], g[1]))

    out: list[Series] = []
    for kind, unit, keys, linked, confidence in groups:
        first = min(
            (f for f in linked if _normal_key(f.statement or "") == keys[0]),
            key=lambda f: (f.edition, f.source.page, f.id),
        )
        label = _shorten(" ".join(first.source.sentence.split()) or keys[0])
        base = slug(keys[0])
        base_id = _unique(base if kind == "level" else f"{base}.change", taken)
        out.append(
            Series(
                id=base_id,
                concept=None,
                label=label,
                unit=unit,
                kind=kind,
                match_confidence=confidence,
                observations=_observations(linked),
                statements=keys,
            )
        )
    return out


def _shorten(text: str, limit: int = 160) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def build_series(
    facts: list[Fact], catalogue: Any = None, *, threshold: float = DEFAULT_THRESHOLD
) -> SeriesFile:
    """Link facts of many editions into series (docs/outputs.md).

    `catalogue` gives labels and units of concepts: any object with ``.get(id)`` or a mapping,
    whose entries have ``label_nl``/``label_en``/``unit`` as attributes or keys (or are the
    label itself). Without it, series are labelled by their concept id.
    """
    warnings: list[str] = []
    by_concept: dict[str, list[Fact]] = defaultdict(list)
    statements: list[Fact] = []
    for fact in facts:
        if fact.concept:
            by_concept[fact.concept].append(fact)
        elif fact.statement and fact.statement.strip():
            statements.append(fact)

    series: list[Series] = []
    for concept in sorted(by_concept):
        series.extend(_concept_series(concept, by_concept[concept], catalogue, warnings))
    taken = {s.id for s in series}
    series.extend(_statement_series(statements, threshold, taken, warnings))
    return SeriesFile(series=series, warnings=warnings)
