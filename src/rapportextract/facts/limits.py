"""What a figure cannot be, whatever concept its sentence names: a rate or an average ("0,3
huisuitzettingen per 1000 woningen"), a count of another kind of thing than the concept
counts ("de 19 corporaties", "met 7100 huurwoningen", "twee huurders van bedrijfspanden").
`facts.concepts` asks these before it takes a concept, and leaves the figure without one
(with the reason in its diagnostics) rather than guess. Also here: where a catalogue
``without`` word counts for a figure (`veto_span`: not in another figure's clause) and the
reason a figure has no concept (`no_concept_reason`). The words are in `lang/nl/cues.toml`
([counted_nouns], [rates])."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapportextract.catalogue import Catalogue, Concept
from rapportextract.lang.nl.files import DataFile
from rapportextract.models import Quantity
from rapportextract.periods import clause_bounds
from rapportextract.periods import phrase_alternation as _alt

Span = tuple[int, int]

_CLASSES = ("people", "dwellings", "organisations", "children", "signals", "premises", "times")
_WORD = re.compile(r"\s*\(?\s*([^\W\d_]+(?:'[^\W\d_]+)?)")
_BRACKETS = re.compile(r"\s*\([^()]{0,60}\)")


@dataclass(frozen=True)
class _Words:
    classes: dict[str, str]
    """Noun -> its class."""
    premises: frozenset[str]
    skip: frozenset[str]
    stock_before: re.Pattern[str]
    stock_after: re.Pattern[str]
    rate: re.Pattern[str]
    more_less: re.Pattern[str]
    apposition: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    f = DataFile("cues.toml")
    classes = {w: name for name in _CLASSES for w in f.lower_words(f"counted_nouns.{name}")}
    per, bases = f.lower_words("rates.per"), f.lower_words("rates.bases")
    flags = re.IGNORECASE
    return _Words(
        classes=classes,
        premises=frozenset(f.lower_words("counted_nouns.premises")),
        skip=frozenset(f.lower_words("counted_nouns.skip")),
        # the marker right before the figure
        stock_before=re.compile(rf"(?<!\w)(?:{_alt(f.lower_words('counted_nouns.stock_before'))})"
                                rf"\s*$", flags),
        stock_after=re.compile(rf"^(?:\s+\w+){{0,2}}?\s+(?:{_alt(f.lower_words('counted_nouns.stock_after'))})"
                               rf"(?!\w)", flags),
        # "per 1000 woningen", "per duizend inwoners", "per huurder"
        rate=re.compile(rf"(?<!\w)(?:{_alt(per)})\s+(?:(?:{_alt(bases)})(?!\w)\s*[^\W\d_]+"
                        rf"|(?:{_alt(f.lower_words('rates.units'))})(?!\w))", flags),
        more_less=re.compile(rf"\s*(?<!\w)(?:{_alt(f.lower_words('counted_nouns.more_less'))})"
                             rf"(?!\w)", flags),
        # ", een toename van" right before the change, after the count it is a change of
        apposition=re.compile(
            rf",\s*(?:een|de)\s+(?:{_alt(f.lower_words('counted_nouns.change_nouns'))})\s+"
            rf"(?:van|met)\s+", flags),
    )


def counted_noun(q: Quantity, text: str) -> tuple[str | None, str | None]:
    """The noun right after a count and its class ("19 corporaties" -> organisations, "7100
    sociale huurwoningen" -> dwellings; adjectives and a bracket between are skipped), or
    (None, None) where the figure has none the class lists know."""
    return _noun_at(text, q.end)


@lru_cache(maxsize=1)
def _share_link() -> re.Pattern[str]:
    links = DataFile("cues.toml").lower_words("partitive.links")
    return re.compile(rf"\s*(?:{_alt(links)})\s+", re.IGNORECASE)


def whole_class(text: str, end: int) -> str | None:
    """The class of the whole a percentage ending at `end` is a share of ("8 procent van het
    totaal aantal huurders" -> people), or None where none is named or its noun has no
    class ("van de gevallen", "van het totaal")."""
    link = _share_link().match(text, end)
    return _noun_at(text, link.end())[1] if link else None


def _noun_at(text: str, pos: int) -> tuple[str | None, str | None]:
    words = _words()
    if (bracket := _BRACKETS.match(text, pos)) is not None:
        pos = bracket.end()
    for _ in range(3):
        m = _WORD.match(text, pos)
        if m is None:
            return None, None
        word = m.group(1).lower()
        if word in words.classes:
            noun_class = words.classes[word]
            if noun_class == "people" and _of_premises(text, m.end()):
                return word, "premises"
            return word, noun_class
        if word not in words.skip and not word.endswith("e"):
            return None, None
        pos = m.end()
    return None, None


def _of_premises(text: str, end: int) -> bool:
    """True where "huurders" is followed by "van" and premises ("huurders van
    bedrijfspanden")."""
    m = re.match(r"\s+van\s+(?:de\s+|hun\s+)?([^\W\d_]+)", text[end:], re.IGNORECASE)
    return m is not None and m.group(1).lower() in _words().premises


# A count in brackets right after a name, the bracket closed a word or two later: the size
# of what the name stands for ("Bij woningcorporatie Noordhaven (8.000 woningen) werden ...").
_NAME_BRACKET = re.compile(r"[A-Z][\w'’-]*\s*\(\s*(?:[^\W\d_]+\s+)?$")
_BRACKET_CLOSE = re.compile(r"(?:\s+[^\W\d_]+){1,3}\s*\)")


def is_stock(q: Quantity, text: str) -> bool:
    """True where a count of dwellings is the size of a stock: "met 7100 huurwoningen", "op
    een totaal van 105.000 woningen", "die samen 1,6 miljoen woningen bezitten",
    "Noordhaven (8.000 woningen)"."""
    words = _words()
    if words.stock_before.search(text[:q.start]):
        return True
    if _NAME_BRACKET.search(text, 0, q.start) and _BRACKET_CLOSE.match(text, q.end):
        return True
    return bool(words.stock_after.match(text[q.end:]))


_STOP = re.compile(r"[,;:.!?](?!\d)")
_RANGE = re.compile(r"\s*(?:en|tot|tot en met|à|a|of|-|–)\s*", re.IGNORECASE)


def range_joined(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """True where two figures are the ends of one range ("tussen 20 en 50 procent")."""
    (_, a_end), (b_start, _) = sorted([first, second])
    return bool(_RANGE.fullmatch(text[a_end:b_start]))


def rate_reason(q: Quantity, text: str, others: list[tuple[int, int]]) -> str | None:
    """Why the figure is a rate or an average ("0,3 huisuitzettingen per 1000 woningen",
    "€ 650 per huurder", "tussen 1,4 en 1,9 uitzettingen per 1000 woningen"), or None."""
    per = rate_base(q, text, others)
    if per is None:
        return None
    return (f"no concept: a rate or an average ({per!r}), not a count or an amount of what "
            "the catalogue measures")


def rate_base(q: Quantity, text: str, others: list[tuple[int, int]]) -> str | None:
    """What a rate or an average is counted per, as written ("per 1000 woningen", "per
    huurder"), or None where the figure is none. The "per" must follow the figure before a
    punctuation mark or another figure (the other end of a range goes on), or stand before it
    in its clause ("Per dag worden gemiddeld vier huishoudens uitgezet")."""
    if q.kind != "level" or q.unit == "percent":
        return None
    stop = _STOP.search(text, q.end)
    end = stop.start() if stop else len(text)
    pos = q.end
    for o_start, o_end in sorted(others):
        if o_start < pos or o_start >= end:
            continue
        if not _RANGE.fullmatch(text[pos:o_start]):
            end = o_start
            break
        pos = o_end
    m = _words().rate.search(text, q.end, end)
    if m is None:
        # before it in its clause: "Per dag worden gemiddeld vier huishoudens uitgezet", "De
        # achterstand per huurder steeg tot gemiddeld € 1.050"
        m = _words().rate.search(text, clause_bounds(text, q.start)[0], q.start)
    if m is None:
        return None
    return " ".join(m.group(0).split())


def _changed_noun(q: Quantity, text: str, others: list[Span]) -> tuple[str | None, str | None]:
    """What a relative change counts: the noun after it ("10 procent meer klanten"), or the
    noun of the count it stands in apposition to ("1 miljoen signalen over achterstanden, een
    toename van 10 procent")."""
    words = _words()
    end = q.end
    # the first end of a range counts what the second does ("10 tot 30 procent meer mensen")
    for o_start, o_end in sorted(others):
        if o_start >= end and _RANGE.fullmatch(text[end:o_start]):
            end = o_end
    after = words.more_less.match(text, end)
    noun = _noun_at(text, after.end() if after else end)
    if noun[0] is not None and (after or words.more_less.search(text, q.start, end)):
        return noun
    before = [o for o in others if o[1] <= q.start]
    if before:
        between = text[max(before)[1]:q.end]
        if (m := words.apposition.search(between)) and not re.search(r"[,;:]", between[m.end():]):
            return _noun_at(text, max(before)[1])
    return None, None


def noun_reason(concept: Concept, q: Quantity, text: str,
                others: list[Span] | None = None) -> str | None:
    """Why a count, or a relative change of one, cannot be `concept` by the noun it counts,
    or None where it can."""
    if q.kind == "change" and q.unit == "percent":
        noun, noun_class = _changed_noun(q, text, others or [])
        if noun is None:
            return None
        if concept.unit != "count" or not concept.counts_class(noun_class):
            return (f"no concept: a change of a count of {noun_class} ({noun!r}), not of "
                    f"{concept.id}")
        return None
    if q.unit != "count" or q.kind != "level":
        return None
    noun, noun_class = counted_noun(q, text)
    if noun is None:
        return None
    if not concept.counts_class(noun_class):
        return f"no concept: it counts {noun_class} ({noun!r}), not what {concept.id} counts"
    if noun_class == "dwellings" and concept.counts != ("dwellings",) and is_stock(q, text):
        return f"no concept: {noun!r} here is the size of a housing stock, not {concept.id}"
    return None


def veto_span(text: str, q: Quantity, others: list[Span], part: Span) -> Span:
    """Where a ruling-out word counts for figure `q`: its part of the sentence, less the
    clauses of other figures and what leads up to a later one ("Het aantal aangezegde
    ontruimingen steeg, van 7.700 naar 9.500, maar het aantal doorgezette ontruimingen bleef
    met 3.218 stabiel": "aangezegde" rules out evictions for 7.700 and 9.500, not for
    3.218)."""
    start, end = part
    own = clause_bounds(text, q.start)
    for o_start, o_end in others:
        if not start <= o_start < end or range_joined(text, (q.start, q.end), (o_start, o_end)):
            continue
        o_clause = clause_bounds(text, o_start)
        if o_clause == own:
            continue
        if o_start < q.start:
            start = max(start, o_clause[1])
        else:
            end = min(end, own[1])
    return start, end


def no_concept_reason(q: Quantity, text: str, prev_text: str | None, continues: bool,
                corporations: bool, catalogue: Catalogue) -> str:
    """Why a figure has no concept, in words for its diagnostics."""
    ruled_out = [] if corporations else catalogue.ruled_out(
        text, unit=q.unit, kind=q.kind, value=q.value)
    if ruled_out:
        concept, why = ruled_out[0]
        return f"no concept: the sentence speaks of {concept}, but {why}"
    if corporations:
        return "no concept: a share of corporations (a survey finding) the catalogue has no " \
               "concept for"
    if continues and not (prev_text or "").strip():
        return "no concept: it refers back, but there is no sentence before it to refer to"
    if continues:
        return "no concept: it refers back, but the sentence before names nothing the " \
               "catalogue measures"
    return "no concept: no catalogue term in its sentence, the one before or the heading"


_POINTS = "percentage points"
"""The note `quantities` gives a figure written in percentage points ("3 procentpunt")."""


def in_points(q: Quantity) -> bool:
    return q.unit == "percent" and _POINTS in q.notes


def takes_previous(catalogue: Catalogue, concept_id: str, q: Quantity, text: str,
                   blocked: list[str]) -> bool:
    """True where a figure that refers back can take the previous figure's concept: the
    concept's unit fits the figure ("Dat is 0,15 procent van alle woningen" after a change
    of a count is no count), and so does the figure's own noun; a refusal's reason is added
    to `blocked`."""
    concept = catalogue.get(concept_id)
    if concept is None:
        return False
    if concept.unit != q.unit and not (q.kind == "change" and q.unit == "percent"
                                       and not in_points(q)
                                       and concept.unit in ("count", "EUR")):
        return False
    if (reason := noun_reason(concept, q, text)) is not None:
        blocked.append(reason)
        return False
    return True
