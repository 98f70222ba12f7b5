"""The catalogue's parts: a concept, the signals that name it (their terms compiled to one
pattern per group) and a match of a concept in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rapportextract.models import Kind, Unit
from rapportextract.patterncache import compile_std


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
    counts: tuple[str, ...] = ()
    """What a count of this concept counts, as classes of the noun right after a figure
    (`lang/nl/cues.toml` [counted_nouns]: "people", "dwellings", "organisations", ...): a
    count whose noun is of another class is not this concept ("de 19 corporaties" are no
    evictions). Empty: any noun."""

    def fits_value(self, value: Decimal | None, kind: str | None = None) -> bool:
        if self.values is None or value is None or kind == "change":
            return True
        low, high = self.values
        return low <= value <= high

    def counts_class(self, noun_class: str | None) -> bool:
        """True where a count whose own noun is of `noun_class` (None: unknown) can be this
        concept."""
        return noun_class is None or not self.counts or noun_class in self.counts


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
    # kept between runs (`patterncache`): the catalogue's 130 patterns took 0.05 to 0.1 s
    return compile_std(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
