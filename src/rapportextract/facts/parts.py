"""A part of a whole is not the whole: the figures of a partition and their concepts.

- The whole of "N van de M X" counts X alone: in "In 9 van de 27 huisuitzettingen ging het om
  huurachterstand" 27 are all evictions, whatever the clause after says of the 9.
- A part takes a concept only where something of its own qualifies it: "Van de vonnissen
  waren er 25 wegens een huurschuld en 1 wegens woonfraude" -- 25 are judgments for rent
  arrears, but 1 is no count of all judgments (the catalogue has no concept for the reason).
- A part after "waarvan" whose concept is named wholly before it ("22.000 verzoeken om een
  regeling, waarvan er 18.000 werden toegekend") is no count of that concept.
- "In 3 gevallen werd de woning ontruimd" after a sentence that counted the evictions is a
  part of those, not the evictions of the year.

`facts.concepts` asks these after it has chosen; a part without a concept of its own keeps
the reason in its diagnostics. The words are in `lang/nl/cues.toml` ([partitive])."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapportextract.catalogue import Catalogue, ConceptMatch
from rapportextract.lang.nl.files import DataFile
from rapportextract.models import Fact, Quantity
from rapportextract.periods import clause_bounds
from rapportextract.periods import phrase_alternation as _alt

Span = tuple[int, int]


@dataclass(frozen=True)
class _Words:
    opener: re.Pattern[str]
    """A partitive opener and the noun phrase of the whole: "Van de 27 situaties"."""
    of_whole: re.Pattern[str]
    """Between a part and its whole: "9 van de 27"."""
    opener_only: re.Pattern[str]
    """A partitive opener right before the whole's figure: "Van de 27"."""
    part_marker: re.Pattern[str]
    """ "waarvan" between a whole and a part: "22.000 verzoeken, waarvan er 18.000 ..." """
    rest: re.Pattern[str]
    """ "de overige" right before a figure: the rest of a whole."""
    case_nouns: frozenset[str]
    case_before: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    f = DataFile("cues.toml")
    flags = re.IGNORECASE
    openers, links = f.lower_words("partitive.openers"), f.lower_words("partitive.whole_links")
    return _Words(
        # the opener, an optional figure, then up to three words (adjectives and the noun)
        opener=re.compile(rf"^\W*(?:{_alt(openers)})\s+(?:[\d.,]+\s+)?(?:[^\W\d_]+\s+){{0,2}}"
                          rf"[^\W\d_]+", flags),
        of_whole=re.compile(rf"\s+(?:{_alt(links)})\s+$", flags),
        opener_only=re.compile(rf"^\W*(?:{_alt(openers)})\s+$", flags),
        part_marker=re.compile(rf"(?<!\w)(?:{_alt(f.lower_words('partitive.part_markers'))})"
                               rf"(?!\w)", flags),
        rest=re.compile(rf"(?<!\w)(?:{_alt(f.lower_words('partitive.rest'))})\s+$", flags),
        case_nouns=frozenset(f.lower_words("partitive.case_nouns")),
        case_before=re.compile(rf"(?<!\w)(?:{_alt(f.lower_words('partitive.case_before'))})"
                               rf"\s+$", flags),
    )


_NOUN_PHRASE = re.compile(r"(?:\s+[^\W\d_]+){1,3}")
_NEXT = re.compile(r"\s+([^\W\d_]+)")


def whole_of(q: Quantity, text: str, others: list[Span]) -> Span | None:
    """The noun phrase of `q` where it is the whole of "N van de M X" (M) or of a partitive
    opener ("Van de 27 situaties waren er 12 ..."), else None."""
    before = [o for o in others if o[1] <= q.start]
    if not _words().opener_only.match(text[:q.start]) and (
            not before or not _words().of_whole.fullmatch(text[max(before)[1]:q.start])):
        return None
    phrase = _NOUN_PHRASE.match(text, q.end)
    return q.start, phrase.end() if phrase else q.end


def _whole_before(q: Quantity, text: str, others: list[Span]) -> Span | None:
    """The noun phrase of the whole `q` is a part of: the partitive opener ("Van de
    vonnissen waren er 25 ...") or the M of "q van de M X"."""
    opener = _words().opener.match(text)
    if opener is not None and opener.end() <= q.start:
        return opener.span()
    after = [o for o in others if o[0] >= q.end]
    if after:
        first = min(after)
        if _words().of_whole.fullmatch(text[q.end:first[0]] + " "):
            phrase = _NOUN_PHRASE.match(text, first[1])
            return first[0], phrase.end() if phrase else first[1]
    return None


def part_reason(q: Quantity, text: str, match: ConceptMatch | None, concept: str | None,
                others: list[Span], previous: Sequence[Fact]) -> str | None:
    """Why a count that is a part of a whole named before it cannot take the concept chosen
    for it (`match`, or `concept` taken from the sentence before), or None."""
    if q.unit not in ("count", "EUR") or q.kind != "level" or concept is None:
        return None
    before = [o for o in others if o[1] <= q.start]
    # the last marker before the figure that follows a whole ("3.000 ontruimingen, waarvan
    # 2.000 wegens huurschuld en 300 in Amsterdam": 300 is a part too)
    markers = [m for m in _words().part_marker.finditer(text, 0, q.start)
               if any(end <= m.start() for _, end in before)]
    marker = markers[-1] if markers else None
    if marker is not None and match is not None and all(s < marker.start()
                                                        for s, _ in match.terms):
        # "22.000 verzoeken om een regeling, waarvan er 18.000 werden toegekend", "3.000
        # ontruimingen, waarvan 2.000 in de Randstad": every word of the concept is the whole's
        return (f"no concept: a part ({marker.group(0)!r}) of the {concept} named before it, "
                "and nothing of its own names what it counts")
    if match is not None and _words().rest.search(text[:q.start]) and not any(
            clause[0] <= s < clause[1] for s, _ in match.terms
            for clause in [clause_bounds(text, q.start)]):
        # "Bij 132 huishoudens was sprake van een huurschuld, bij de overige 125 van
        # woonfraude": the rest is what the other part is not
        return (f"no concept: the rest of a whole, and its own clause names nothing of "
                f"{concept}")
    if q.unit != "count" or (match is not None and match.groups > 1):
        return None
    whole = _whole_before(q, text, others)
    if whole is not None and match is not None and whole[0] <= match.head_start < whole[1]:
        return (f"no concept: a part of the {concept} named before it, for a reason the "
                "catalogue has no concept for")
    if counts_cases(q, text) and any(f.concept == concept and not f.derived
                                     for f in previous):
        return (f"no concept: a part of the {concept} counted in the sentence before, not "
                "all of them")
    return None


def counts_cases(q: Quantity, text: str) -> bool:
    """True where a figure counts cases ("In 3 gevallen ...", "bij 58 gevallen")."""
    noun = _NEXT.match(text, q.end)
    return (noun is not None and noun.group(1).lower() in _words().case_nouns
            and _words().case_before.search(text[:q.start]) is not None)


def whole_match(q: Quantity, text: str, phrase: Span, catalogue: Catalogue,
                chosen: ConceptMatch) -> ConceptMatch | None:
    """For the whole of "N van de M X": the concept of X alone where `chosen` takes a
    qualifier from outside X's noun phrase ("In 9 van de 27 huisuitzettingen ging het om
    huurachterstand": 27 are evictions). None where `chosen` stands."""
    if chosen.groups == 1 or all(phrase[0] <= s < phrase[1] for s, _ in chosen.also_terms):
        return None
    found = catalogue.matches(text, unit=q.unit, kind=q.kind, position=(q.start, q.end),
                              value=q.value)
    own = [m for m in found
           if all(phrase[0] <= s < phrase[1] for s, _ in m.also_terms)
           and (m.groups == 1 or phrase[0] <= m.head_start < phrase[1])]
    return own[0] if own else None
