"""The concept catalogue (docs/outputs.md) and its matcher.

The catalogue is data: ``catalogue/concepts.toml`` ships with the package and a user may add a
file of their own (`load_catalogue(extra=...)`, the CLI's ``--catalogue FILE``). Each concept
has Dutch signal terms; `Catalogue.match` finds the concept a piece of text speaks of.

How a match is chosen, given the text looked at (a clause, a sentence, or a sentence with its
predecessor), the unit of the figure and its position:

1. every signal whose head term and one term of each ``also`` group occur, and none of whose
   ``without`` terms occur, is a candidate; its concept must fit the figure's unit (a change in
   percent also fits a count or EUR concept, "14 procent minder uitzettingen", and prefers
   those) and, for a level, the concept's ``values`` range where it has one;
2. the most specific candidate wins: the one with the most term groups matched;
3. among equally specific ones, the one whose head term stands nearest the figure, then the
   one whose other terms stand nearest ("overlast bij 6,5%, woonfraude bij 7,9%"), then the
   one with the longest head term.

Signal terms may name a list of the file's ``[terms]`` table as ``"@name"`` (a user's file may
also name the packaged lists, e.g. ``"@eviction"``). An extra file uses the same format as the
packaged one. An entry whose id is already in the
catalogue adds its signals to that concept (its unit must agree); a new id adds a concept.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast, get_args

from rapportextract.errors import CatalogueError
from rapportextract.models import Kind, Unit

_PACKAGED = "concepts.toml"
_UNITS = get_args(Unit)


@dataclass(frozen=True)
class Signal:
    """Term groups that together signal a concept: the head and the ``also`` groups."""

    head: tuple[str, ...]
    also: tuple[tuple[str, ...], ...] = ()
    without: tuple[str, ...] = ()
    _head_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _also_re: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _without_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _head_literals: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def head_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the head terms stand in `text`."""
        return [(m.start(), m.end()) for m in self._head_re.finditer(text)]

    def __post_init__(self) -> None:
        # A cheap substring test before the regex: a head term cannot match where its
        # longest literal word is absent from the text.
        object.__setattr__(self, "_head_literals", tuple(
            max((w.strip("*") for w in t.split() if w != "~"), key=len) for t in self.head
        ))
        object.__setattr__(self, "_head_re", _terms_pattern(self.head))
        object.__setattr__(self, "_also_re", tuple(_terms_pattern(g) for g in self.also))
        object.__setattr__(
            self, "_without_re", _terms_pattern(self.without) if self.without else None
        )

    @property
    def groups(self) -> int:
        return 1 + len(self.also)


@dataclass(frozen=True)
class Concept:
    id: str
    label_nl: str
    label_en: str
    unit: Unit
    kind: Kind = "level"
    core: bool = False
    about_corporations: bool = False
    """True where the concept's percentages are shares of corporations (survey concepts)."""
    signals: tuple[Signal, ...] = ()
    data_year: bool = False
    """True where a figure describes the survey of the edition itself (respondents, their
    dwellings, coverage): its period is the edition's data year, whatever date the sentence
    gives the survey ("De enquête is gehouden in het voorjaar van 2018")."""
    values: tuple[Decimal, Decimal] | None = None
    """The range a level of this concept can take (inclusive), where the concept's nature
    bounds it: a count of responding corporations is never a million."""

    def fits_value(self, value: Decimal | None, kind: str | None = None) -> bool:
        if self.values is None or value is None or kind == "change":
            return True
        low, high = self.values
        return low <= value <= high


@dataclass(frozen=True)
class ConceptMatch:
    concept: Concept
    groups: int
    """How many term groups matched: the specificity of the match."""
    head_start: int
    head_end: int
    """Where the head term stands in the text matched."""
    terms: tuple[tuple[int, int], ...]
    """Spans of every term that matched, head first."""
    distance: int = 0
    """Characters between the head term and the figure (0 without a position)."""
    spread: int = 0
    """Characters between the other matched terms and the figure, summed."""

    @property
    def id(self) -> str:
        return self.concept.id

    @property
    def also_terms(self) -> tuple[tuple[int, int], ...]:
        """Spans of the matched terms other than the head."""
        return self.terms[1:]

    @property
    def span(self) -> tuple[int, int]:
        """From the first to the last matched term."""
        return min(s for s, _ in self.terms), max(e for _, e in self.terms)


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


def _term_regex(term: str) -> str:
    parts: list[str] = []
    for word in term.lower().split():
        if word == "~":
            parts.append(r"(?:\S+\s+){0,6}?")
            continue
        lead = r"\w*" if word.startswith("*") and len(word) > 1 else ""
        trail = r"\w*" if word.endswith("*") else ""
        core = word.strip("*")
        parts.append(lead + re.escape(core) + trail + r"\s+")
    body = "".join(parts)
    return body[: -len(r"\s+")] if body.endswith(r"\s+") else body


def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    # The word boundaries stand outside the alternation, not around each term: the same
    # matches, but Python's engine then tests a position once instead of once per term
    # (ten times faster on catalogue-sized lists).
    ordered = sorted(terms, key=len, reverse=True)
    body = "|".join(_term_regex(t) for t in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


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
    ) -> list[ConceptMatch]:
        """Every concept `text` signals that fits `unit` (and, for a level, `value`), best
        first (module docstring). `veto` is where ``without`` terms are looked for, where that
        is wider than `text` (a clause is matched, but a ruling-out word elsewhere in the
        sentence still counts)."""
        found: list[ConceptMatch] = []
        vetoed = self._vetoed(veto) if veto is not None else frozenset()
        for concept, hits in self._text_hits(text):
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
            # "bijna 2 procent meer" is a relative change of a count or an amount; a change of
            # a percentage is written in points ("3 procentpunt").
            return sorted(found, key=lambda m: (m.concept.unit == "percent", _rank(m)))
        return sorted(found, key=_rank)

    def _text_hits(self, text: str) -> list[tuple[Concept, list[_Hit]]]:
        """The signals `text` holds, grouped by concept in catalogue order."""
        return _remembered(self._hits, text, self._find_hits)

    def _find_hits(self, text: str) -> list[tuple[Concept, list[_Hit]]]:
        lowered = text.lower()
        present = {w for w in self._literals if w in lowered}
        # Many signals share a term list ("@eviction"): each pattern runs once per text.
        spans: _Known = {}
        hits: list[tuple[Concept, list[_Hit]]] = []
        for index, (concept, signal) in enumerate(self._signals):
            hit = _find_signal(index, signal, text, present, spans)
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

    def match(
        self,
        text: str,
        *,
        unit: str | None = None,
        kind: str | None = None,
        position: tuple[int, int] | None = None,
        value: Decimal | None = None,
    ) -> ConceptMatch | None:
        """The concept `text` speaks of, or None where no concept fits."""
        found = self.matches(text, unit=unit, kind=kind, position=position, value=value)
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
                 spans: _Known) -> _Hit | None:
    """`signal` in `text` where all its term groups occur and none of its ``without`` terms;
    `spans` keeps each pattern's spans in this text."""
    if present.isdisjoint(signal._head_literals):
        return None
    if signal._without_re is not None and signal._without_re.search(text):
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


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


Terms = dict[str, tuple[str, ...]]


def _str_list(value: Any, where: str, path: str, terms: Terms | None = None
              ) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogueError(f"{where} must be a list of words", path=path,
                             hint="see the format described in catalogue/concepts.toml")
    out: list[str] = []
    for item in value:
        if item.startswith("@") and terms is not None:
            if item[1:] not in terms:
                raise CatalogueError(f"{where} names an unknown term list {item!r}", path=path,
                                     hint=f"define it under [terms] or use one of "
                                          f"{', '.join('@' + t for t in sorted(terms))}")
            out.extend(terms[item[1:]])
        else:
            out.append(item.lower())
    return tuple(out)


def _parse_terms(data: dict[str, Any], path: str, base: Terms | None) -> Terms:
    terms: Terms = dict(base or {})
    raw = data.get("terms", {})
    if not isinstance(raw, dict):
        raise CatalogueError("[terms] must be a table of word lists", path=path)
    for name, words in raw.items():
        terms[name] = _str_list(words, f"[terms] {name}", path)
    return terms


def _parse_signal(raw: Any, where: str, path: str, terms: Terms) -> Signal:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} must be a table", path=path)
    unknown = set(raw) - {"head", "also", "without"}
    if unknown:
        raise CatalogueError(f"{where} has unknown keys {sorted(unknown)}", path=path,
                             hint="a signal has head, also and without")
    head = _str_list(raw.get("head"), f"{where}.head", path, terms)
    also_raw = raw.get("also", [])
    if not isinstance(also_raw, list):
        raise CatalogueError(f"{where}.also must be a list of word lists", path=path)
    also = tuple(_str_list(g, f"{where}.also", path, terms) for g in also_raw)
    without = (_str_list(raw["without"], f"{where}.without", path, terms)
               if "without" in raw else ())
    try:
        return Signal(head, also, without)
    except re.error as exc:
        raise CatalogueError(f"{where} has a term that is not a valid pattern ({exc})",
                             path=path) from exc


_CONCEPT_KEYS = {"id", "label_nl", "label_en", "unit", "kind", "core", "about_corporations",
                 "data_year", "values", "signal"}


def _parse_values(raw: Any, where: str, path: str) -> tuple[Decimal, Decimal] | None:
    if raw is None:
        return None
    hint = "write values = [lowest, highest] with two numbers"
    if not isinstance(raw, list) or len(raw) != 2 or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw
    ):
        raise CatalogueError(f"{where} values must be a list of two numbers", path=path,
                             hint=hint)
    try:
        low, high = (Decimal(str(v)) for v in raw)
    except InvalidOperation as exc:
        raise CatalogueError(f"{where} values are not numbers", path=path, hint=hint) from exc
    if low > high:
        raise CatalogueError(f"{where} values run from high to low", path=path, hint=hint)
    return low, high


def _parse_concept(raw: Any, index: int, path: str, terms: Terms) -> Concept:
    where = f"concept {index + 1}"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} must be a table", path=path)
    unknown = set(raw) - _CONCEPT_KEYS
    if unknown:
        raise CatalogueError(f"{where} has unknown keys {sorted(unknown)}", path=path,
                             hint=f"allowed keys: {', '.join(sorted(_CONCEPT_KEYS))}")
    concept_id = raw.get("id")
    if not isinstance(concept_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", concept_id):
        raise CatalogueError(f"{where} needs an id of lowercase letters, digits and _",
                             path=path)
    where = f"concept {concept_id!r}"
    unit = raw.get("unit")
    if unit not in _UNITS:
        raise CatalogueError(f"{where} has unit {unit!r}", path=path,
                             hint=f"use one of {', '.join(_UNITS)}")
    kind = raw.get("kind", "level")
    if kind not in ("level", "change"):
        raise CatalogueError(f"{where} has kind {kind!r}", path=path, hint="use level or change")
    signals_raw = raw.get("signal", [])
    if not isinstance(signals_raw, list) or not signals_raw:
        raise CatalogueError(f"{where} needs at least one [[concept.signal]]", path=path)
    signals = tuple(_parse_signal(s, f"{where} signal {i + 1}", path, terms)
                    for i, s in enumerate(signals_raw))
    labels = {k: raw.get(k, concept_id) for k in ("label_nl", "label_en")}
    for key, value in labels.items():
        if not isinstance(value, str):
            raise CatalogueError(f"{where} {key} must be text", path=path)
    return Concept(
        id=concept_id, label_nl=labels["label_nl"], label_en=labels["label_en"],
        unit=cast(Unit, unit), kind=cast(Kind, kind), core=bool(raw.get("core", False)),
        about_corporations=bool(raw.get("about_corporations", False)), signals=signals,
        data_year=bool(raw.get("data_year", False)),
        values=_parse_values(raw.get("values"), where, path),
    )


def parse_catalogue_text(text: str, path: str, terms: Terms | None = None
                         ) -> tuple[list[Concept], Terms]:
    """The concepts and named term lists of one catalogue file's text (`path` names it in
    errors); `terms` are term lists defined before (the packaged file's, for a user file)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"not valid TOML ({exc})", path=path,
                             hint="fix the syntax of the catalogue file") from exc
    terms = _parse_terms(data, path, terms)
    raw = data.get("concept")
    if not isinstance(raw, list) or not raw:
        raise CatalogueError("no [[concept]] entries", path=path,
                             hint="a catalogue file lists concepts as [[concept]] tables")
    concepts = [_parse_concept(c, i, path, terms) for i, c in enumerate(raw)]
    seen: set[str] = set()
    for c in concepts:
        if c.id in seen:
            raise CatalogueError(f"concept {c.id!r} appears twice", path=path,
                                 hint="merge the two entries")
        seen.add(c.id)
    return concepts, terms


def _merge(base: list[Concept], extra: list[Concept], path: str) -> list[Concept]:
    merged = {c.id: c for c in base}
    for c in extra:
        old = merged.get(c.id)
        if old is None:
            merged[c.id] = c
            continue
        if old.unit != c.unit:
            raise CatalogueError(
                f"concept {c.id!r} has unit {c.unit} but the catalogue has {old.unit}", path=path,
                hint="use the same unit or a new id",
            )
        merged[c.id] = Concept(
            id=old.id, label_nl=old.label_nl, label_en=old.label_en, unit=old.unit,
            kind=old.kind, core=old.core, about_corporations=old.about_corporations,
            signals=old.signals + c.signals, data_year=old.data_year, values=old.values,
        )
    return list(merged.values())


@lru_cache(maxsize=1)
def _packaged() -> tuple[tuple[Concept, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    # Parsed and compiled once per process: every document of a build uses it.
    text = resources.files(__name__).joinpath(_PACKAGED).read_text("utf-8")
    concepts, terms = parse_catalogue_text(text, _PACKAGED)
    return tuple(concepts), tuple(terms.items())


def load_catalogue(extra: Path | None = None) -> Catalogue:
    """The packaged catalogue, plus the concepts of a user's file `extra` if given."""
    packaged, packaged_terms = _packaged()
    concepts, terms = list(packaged), dict(packaged_terms)
    if extra is not None:
        try:
            extra_text = Path(extra).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogueError(f"cannot read the catalogue file ({exc.__class__.__name__})",
                                 path=extra, hint="check the path given to --catalogue") from exc
        extra_concepts, _ = parse_catalogue_text(extra_text, str(extra), terms)
        concepts = _merge(concepts, extra_concepts, str(extra))
    return Catalogue(concepts)


__all__ = [
    "Catalogue",
    "Concept",
    "ConceptMatch",
    "Signal",
    "load_catalogue",
    "parse_catalogue_text",
]
