"""Statement series: facts without concept linked across editions by what their statement
says (the `rapportextract.series` docstring, "Statement series")."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapportextract.lang.nl.stems import stem as stem_word
from rapportextract.lang.nl.words import linking_words
from rapportextract.models import Fact, Kind, Series, Unit
from rapportextract.series.observations import (
    conflicting_pairs,
    describe_conflict,
    observations_of,
)

DEFAULT_THRESHOLD = 0.55
"""Lowest token-set similarity at which two statement keys may be linked."""
MIN_STATEMENT_TOKENS = 3
"""Fewest content words a statement key needs to become a series."""
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def statement_tokens(statement: str) -> frozenset[str]:
    """The words of a statement that say what it is about (`rapportextract.series`)."""
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


def statement_series(
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
            disagreements = conflicting_pairs(linked)
            if disagreements:
                warnings.append(
                    f"statement {keys[0]!r} not made a series: "
                    f"{describe_conflict(*disagreements[0])}, so it names more than one finding"
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
                observations=observations_of(linked),
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
