"""The figures of a list in one sentence and the words that belong to each ("Van de 8.134
ontruimingen kwamen er 551 door overlast en 349 door hennepteelt"; "Het aantal
huisuitzettingen en vonnissen bedroeg respectievelijk 5.900 en 23.500"), for
`facts.concepts`."""

from __future__ import annotations

import re
from functools import lru_cache

from rapportextract.catalogue import Catalogue, ConceptMatch
from rapportextract.lang.nl.files import DataFile
from rapportextract.models import Quantity

Span = tuple[int, int]
_WORDS_AFTER = re.compile(r"[\W\d_]*[^\W\d_]{2,}")


def segments(text: str, figures: list[Span], *, forward: bool) -> dict[Span, Span]:
    """The stretch of a sentence that belongs to each of its figures. In a list whose words
    follow its figures (`forward`: "Van de 8.134 ontruimingen kwamen er 551 door overlast en
    349 door hennepteelt"), from the figure to the next one, but a figure in brackets takes the
    words before it ("vooral alleenstaanden (79 procent) en meestal een huurschuld (85
    procent)"). In a list whose words come first ("Overlast was in 6,5 procent de reden,
    hennepteelt in 5,6 procent"), from the figure before to the end of this one."""
    order = sorted(figures)
    bracketed = [text[:start].rstrip().endswith("(") for start, _ in order]
    found: dict[Span, Span] = {}
    for i, (start, end) in enumerate(order):
        if bracketed[i] or not forward:
            found[(start, end)] = (order[i - 1][1] if i else 0, end)
        elif i + 1 < len(order):
            found[(start, end)] = (start, end if bracketed[i + 1] else order[i + 1][0])
        else:
            found[(start, end)] = (start, len(text))
    return found


def list_direction(found: list[ConceptMatch], q: Quantity, text: str, others: list[Span],
                    offset: int = 0) -> bool | None:
    """Whether a sentence of several figures is a list whose words follow its figures (True:
    some term of the sentence's matches `found` stands after the last figure) or come first
    (False: qualifiers stand before the first figure and between the last two); None where
    it is neither. `offset` as for `own_segment_first`."""
    if not others:
        return None
    figures = sorted([*others, (q.start, q.end)])
    first, before_last, (last_start, last_end) = figures[0][0], figures[-2][1], figures[-1]
    if any(t[0] - offset >= last_end for m in found for t in m.terms):
        return True
    # "... 31 op grond van een huurachterstand en 4 wegens overlast": words of its own after
    # the last figure, though none the catalogue knows.
    if _WORDS_AFTER.match(text, last_end):
        return True
    qualifiers = [t[0] - offset for m in found for t in m.also_terms]
    if any(0 <= t < first for t in qualifiers) and any(before_last <= t < last_start
                                                  for t in qualifiers):
        return False
    return None


def own_segment_first(found: list[ConceptMatch], q: Quantity, text: str,
                       others: list[Span], forward: bool | None, offset: int = 0, *,
                       drop_later: bool = False) -> list[ConceptMatch]:
    """The matches (best first) reordered for a figure of a list (`list_direction`): first
    those with a term in the figure's own stretch of the sentence (`segments`), last those
    whose qualifying terms all stand in the stretch of a later figure (left out where
    `drop_later`). `offset` is where the sentence starts in the text the matches were found
    in (the previous sentence may come before it)."""
    if forward is None or len(found) < 2:
        return found
    stretches = segments(text, [*others, (q.start, q.end)], forward=forward)
    own = stretches[(q.start, q.end)]

    def within(span: Span, segment: Span) -> bool:
        return segment[0] <= span[0] - offset < segment[1]

    # Where the figure's own stretch names nothing the catalogue knows ("en 4 wegens
    # overlast"), an earlier figure's qualifiers are that figure's too.
    bare = forward and not any(within(t, own) for m in found for t in m.terms)
    foreign = [stretches[o] for o in others if o[0] > q.start or bare]

    def place(m: ConceptMatch) -> int:
        also = m.also_terms
        if also and all(any(within(t, seg) for seg in foreign) for t in also):
            return 2
        return 0 if any(within(t, own) for t in m.terms) else 1

    placed = sorted(found, key=place)
    return [m for m in placed if place(m) < 2] if drop_later else placed


@lru_cache(maxsize=1)
def _respective() -> re.Pattern[str]:
    words = DataFile("cues.toml").lower_words("respective.words")
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def respective_match(q: Quantity, text: str, members: list[Span], catalogue: Catalogue,
                      points: bool) -> ConceptMatch | None:
    """For a figure after "respectievelijk": the concept whose noun before that word has the
    figure's place among the figures after it ("Het aantal huisuitzettingen en vonnissen
    bedroeg respectievelijk 5.900 en 23.500"), where nouns and figures are as many."""
    word = _respective().search(text)
    if word is None or q.start < word.end():
        return None
    figures = sorted(f for f in [*members, (q.start, q.end)] if f[0] >= word.end())
    if len(figures) < 2:
        return None
    # Of matches on one head word, the most specific ("Zittende en vertrokken huurders waren
    # ... schuldig": the two qualified amounts, not the total); each stands where its
    # qualifier does, or its head word, which must come before "respectievelijk".
    found = catalogue.matches(text, unit=q.unit, kind=q.kind, points=points)
    most = {m.head_start: 0 for m in found}
    for m in found:
        most[m.head_start] = max(most[m.head_start], m.groups)

    def place(m: ConceptMatch) -> int:
        return min((start for start, _ in m.also_terms), default=m.head_start)

    nouns = sorted((m for m in found
                    if m.groups == most[m.head_start] and place(m) < word.start()), key=place)
    if len(nouns) != len(figures):
        return None
    return nouns[figures.index((q.start, q.end))]
