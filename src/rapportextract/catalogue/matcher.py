"""`Catalogue`: the concepts by id, and the matcher that finds the concept a text speaks of
(the rules are in the `rapportextract.catalogue` docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from rapportextract.catalogue.model import Concept, ConceptMatch, Signal


@dataclass(frozen=True)
class _Hit:
    """A signal all of whose term groups occur in a text, and none of its ``without`` terms:
    what a text offers before a figure's position, unit or value are looked at."""

    index: int
    """The signal's place in the catalogue (`Catalogue._signals`)."""
    signal: Signal
    heads: list[tuple[int, int]]
    also: list[list[tuple[int, int]]]
    """For each ``also`` group, its terms' spans from every start position."""


def _unit_fits(concept: Concept, unit: str | None, kind: str | None) -> bool:
    if unit is None or concept.unit == unit:
        return True
    return kind == "change" and unit == "percent" and concept.unit in ("count", "EUR")


def _distance(span: tuple[int, int], position: tuple[int, int] | None) -> int:
    if position is None:
        return 0
    start, end = position
    if span[1] <= start:
        return start - span[1]
    if span[0] >= end:
        return span[0] - end
    return 0


class Catalogue:
    """The concepts, by id, with a matcher over Dutch text."""

    def __init__(self, concepts: list[Concept]) -> None:
        self._concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self._signals = [(c, s) for c in self._concepts.values() for s in c.signals]
        self._literals = tuple(sorted({w for _, s in self._signals for w in s._head_literals}))
        # The facts stage asks about the same text for every figure in it (and about a
        # sentence again with each neighbour): what a text offers is worked out once.
        self._hits: dict[str, list[tuple[Concept, list[_Hit]]]] = {}
        self._unvetoed: dict[str, list[tuple[Concept, list[_Hit]]]] = {}
        self._vetoes: dict[str, frozenset[int]] = {}

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._concepts

    def __getitem__(self, concept_id: str) -> Concept:
        return self._concepts[concept_id]

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._concepts.values())

    def __len__(self) -> int:
        return len(self._concepts)

    def get(self, concept_id: str) -> Concept | None:
        return self._concepts.get(concept_id)

    def ids(self) -> list[str]:
        return list(self._concepts)

    def label(self, concept_id: str, lang: str = "nl") -> str:
        concept = self._concepts[concept_id]
        return concept.label_nl if lang == "nl" else concept.label_en

    def matches(
        self,
        text: str,
        *,
        unit: str | None = None,
        kind: str | None = None,
        position: tuple[int, int] | None = None,
        value: Decimal | None = None,
        veto: str | None = None,
        points: bool = False,
        veto_only: bool = False,
    ) -> list[ConceptMatch]:
        """Every concept `text` signals that fits `unit` (and, for a level, `value`), best
        first (the `rapportextract.catalogue` docstring). `veto` is where ``without`` terms are
        looked for, where that is wider than `text` (a clause is matched, but a ruling-out word
        elsewhere in the sentence still counts). `points`: the figure is a change written in
        percentage points, which only a percentage can make. `veto_only`: ``without`` terms
        count in `veto` alone, not in the rest of `text` (a ruling-out word in another
        figure's clause is that figure's)."""
        found: list[ConceptMatch] = []
        vetoed = self._vetoed(veto) if veto is not None else frozenset()
        every = (_remembered(self._unvetoed, text, lambda t: self._find_hits(t, vetoes=False))
                 if veto_only and veto is not None else self._text_hits(text))
        for concept, hits in every:
            if not _unit_fits(concept, unit, kind) or not concept.fits_value(value, kind):
                continue
            best: ConceptMatch | None = None
            for hit in hits:
                if hit.index in vetoed:
                    continue
                match = _place(concept, hit, position)
                if match and (best is None or _rank(match) < _rank(best)):
                    best = match
            if best:
                found.append(best)
        if kind == "change" and unit == "percent":
            if points:
                # "3 procentpunt minder": the difference of two percentages, never the
                # relative change of a count or an amount.
                return sorted((m for m in found if m.concept.unit == "percent"), key=_rank)
            # "bijna 2 procent meer" is a relative change of a count or an amount; a change of
            # a percentage is written in points ("3 procentpunt").
            return sorted(found, key=lambda m: (m.concept.unit == "percent", _rank(m)))
        return sorted(found, key=_rank)

    def _text_hits(self, text: str) -> list[tuple[Concept, list[_Hit]]]:
        """The signals `text` holds, grouped by concept in catalogue order."""
        return _remembered(self._hits, text, self._find_hits)

    def _find_hits(self, text: str, *, vetoes: bool = True
                   ) -> list[tuple[Concept, list[_Hit]]]:
        lowered = text.lower()
        present = {w for w in self._literals if w in lowered}
        # Many signals share a term list ("@eviction"): each pattern runs once per text.
        spans: _Known = {}
        hits: list[tuple[Concept, list[_Hit]]] = []
        for index, (concept, signal) in enumerate(self._signals):
            hit = _find_signal(index, signal, text, present, spans, vetoes=vetoes)
            if hit is None:
                continue
            if hits and hits[-1][0] is concept:
                hits[-1][1].append(hit)
            else:
                hits.append((concept, [hit]))
        return hits

    def _vetoed(self, veto: str) -> frozenset[int]:
        """The signals a ``without`` term in `veto` rules out."""
        return _remembered(self._vetoes, veto, lambda text: frozenset(
            i for i, (_, s) in enumerate(self._signals)
            if s._without_re is not None and s._without_re.search(text)))

    def ruled_out(
        self,
        text: str,
        *,
        unit: str | None = None,
        kind: str | None = None,
        value: Decimal | None = None,
    ) -> list[tuple[str, str]]:
        """The concepts whose signal `text` holds but that a ``without`` term or the
        concept's value range rules out, as (concept id, why), for a figure's diagnostics."""
        found: dict[str, str] = {}
        for concept, signal in self._signals:
            if concept.id in found or not _unit_fits(concept, unit, kind):
                continue
            if signal._head_re.search(text) is None or any(
                    p.search(text) is None for p in signal._also_re):
                continue
            veto = signal._without_re.search(text) if signal._without_re is not None else None
            if veto is not None:
                found[concept.id] = f"{' '.join(veto.group(0).split())!r} rules it out"
            elif not concept.fits_value(value, kind):
                found[concept.id] = "the value is outside the range it can take"
        return list(found.items())

    def match(
        self,
        text: str,
        *,
        unit: str | None = None,
        kind: str | None = None,
        position: tuple[int, int] | None = None,
        value: Decimal | None = None,
        points: bool = False,
    ) -> ConceptMatch | None:
        """The concept `text` speaks of, or None where no concept fits."""
        found = self.matches(text, unit=unit, kind=kind, position=position, value=value,
                             points=points)
        return found[0] if found else None


def _rank(m: ConceptMatch) -> tuple[int, int, int, int]:
    return (-m.groups, m.distance, m.spread, -(m.head_end - m.head_start))


def _all_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    pos = 0
    while pos < len(text):
        m = pattern.search(text, pos)
        if m is None:
            break
        found.append(m)
        pos = m.start() + 1
    return found


_Known = dict[tuple[re.Pattern[str], bool], list[tuple[int, int]]]
_V = TypeVar("_V")
_REMEMBERED = 256
"""Texts a catalogue keeps its answers for (then it starts again): the sentences near the one
being read."""


def _remembered(answers: dict[str, _V], text: str, work: Callable[[str], _V]) -> _V:
    """`work(text)`, kept in `answers` (at most `_REMEMBERED` texts)."""
    found = answers.get(text)
    if found is None:
        if len(answers) >= _REMEMBERED:
            answers.clear()
        found = answers[text] = work(text)
    return found


def _find_signal(index: int, signal: Signal, text: str, present: set[str],
                 spans: _Known, *, vetoes: bool = True) -> _Hit | None:
    """`signal` in `text` where all its term groups occur and (with `vetoes`) none of its
    ``without`` terms; `spans` keeps each pattern's spans in this text."""
    if present.isdisjoint(signal._head_literals):
        return None
    if vetoes and signal._without_re is not None and signal._without_re.search(text):
        return None
    heads = _spans(signal._head_re, text, spans, every_start=False)
    if not heads:
        return None
    also: list[list[tuple[int, int]]] = []
    for pattern in signal._also_re:
        # Every start position: "levert zelf de sleutel in" must not hide "zelf" from the group.
        group = _spans(pattern, text, spans, every_start=True)
        if not group:
            return None
        also.append(group)
    return _Hit(index, signal, heads, also)


def _spans(pattern: re.Pattern[str], text: str, known: _Known, *, every_start: bool
           ) -> list[tuple[int, int]]:
    found = known.get((pattern, every_start))
    if found is None:
        matches = _all_matches(pattern, text) if every_start else pattern.finditer(text)
        found = [(m.start(), m.end()) for m in matches]
        known[(pattern, every_start)] = found
    return found


def _place(concept: Concept, hit: _Hit, position: tuple[int, int] | None) -> ConceptMatch | None:
    """The match of a signal found in a text, for a figure at `position`."""
    head = min(hit.heads, key=lambda s: (_distance(s, position), -(s[1] - s[0])))
    terms = [head]
    anchor = head if position is None else position
    for all_spans in hit.also:
        spans = [s for s in all_spans if not (s[0] >= head[0] and s[1] <= head[1])]
        if not spans:
            return None
        terms.append(min(spans, key=lambda s: abs(s[0] - anchor[0])))
    spread = sum(_distance(t, position) for t in terms[1:])
    return ConceptMatch(concept, hit.signal.groups, head[0], head[1], tuple(terms),
                        _distance(head, position), spread)
