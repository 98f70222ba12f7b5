"""The concept of a figure: looked for in widening text, from the figure's own clause to the
heading above (`concept_for`; the rules are in the `rapportextract.facts` docstring)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapportextract.catalogue import Catalogue, ConceptMatch
from rapportextract.facts.cues import continues_previous, cue_patterns
from rapportextract.facts.limits import (
    in_points,
    no_concept_reason,
    noun_reason,
    rate_reason,
    takes_previous,
    veto_span,
    whole_class,
)
from rapportextract.facts.lists import list_direction, own_segment_first, respective_match
from rapportextract.facts.parts import counts_cases, part_reason, whole_match, whole_of
from rapportextract.facts.scope import ScopeFound
from rapportextract.lang.nl.files import DataFile
from rapportextract.lang.nl.words import cue_words, stop_words
from rapportextract.models import BlockKind, Fact, Quantity, Sentence
from rapportextract.periods import clause_bounds
from rapportextract.periods import phrase_alternation as _alt

CONCEPT_CONFIDENCE = {"clause": 1.0, "sentence": 0.95, "previous": 0.8, "heading": 0.7,
                      "none": 0.9}


@dataclass
class Prev:
    """What the previous sentence of the same paragraph left behind."""

    text: str
    facts: list[Fact] = field(default_factory=list)
    period: str | None = None
    kind: BlockKind = BlockKind.PARAGRAPH
    own: str = ""
    """The sentence itself; `text` also holds the sentence before it where this one only
    continues that one ("In 2019 vonden 2.800 uitzettingen plaats. Dat is 200 minder." +
    "Bij 78 procent daarvan ..." still knows what is counted)."""
    about: ScopeFound | None = None
    """Whom the sentence was about (`facts.scope`), for a next one that refers back."""
    mentioned: str | None = None
    """The last time the sentence names (`periods.mentioned_period`), for a "toen" after it."""
    lead: str | None = None
    """The period a lead ending in a colon dates its list with ("Op dit moment:" + "voert 83%
    van de gemeenten ...;" + "heeft een gemeente € 2,63 ..."), carried on by its items."""
    figures: bool = True
    """Whether the sentence had figures of its own (a "Het ging om ..." after one without
    figures keeps the period it named)."""


@dataclass(frozen=True)
class ConceptChoice:
    match: ConceptMatch | None
    concept: str | None
    how: str
    subject: str | None = None
    why: str | None = None
    """For a figure without concept: why none was found (the fact's diagnostics)."""


def _mask(text: str, keep: list[tuple[int, int]]) -> str:
    """`text` with everything outside `keep` blanked, so offsets stay valid."""
    chars = [" "] * len(text)
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def _about_corporations(q: Quantity, text: str) -> bool:
    if q.unit != "percent" or q.kind != "level":
        return False
    cues = cue_patterns()
    if cues.corporation_after.match(text[q.end:]) or cues.corporation_word.search(q.text):
        return True
    return bool(cues.corporation_before.match(text))


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _has_own_noun(q: Quantity, text: str) -> bool:
    """True where a count is followed by a word that is no function word ("2 huurders")."""
    if q.unit != "count":
        return False
    m = _NEXT_WORD.match(text, q.end)
    # A preposition is no noun: "27 huisuitzettingen, waarvan 19 wegens huurachterstand";
    # nor is a participle: "werden er zo'n 50.000 afgesloten".
    return bool(m and m.group(1).islower() and m.group(1) not in cue_patterns().stopwords
                and m.group(1) not in stop_words().general and m.group(1) not in _not_nouns())


@lru_cache(maxsize=1)
def _not_nouns() -> frozenset[str]:
    return frozenset(DataFile("cues.toml").lower_words("own_noun.not_nouns")) | frozenset(
        cue_words().money_after)


@lru_cache(maxsize=1)
def _share_of_gap() -> re.Pattern[str]:
    """What stands between a percentage and the noun it is a share of ("65 procent van de
    sociale huurvoorraad")."""
    links = "|".join(re.escape(w) for w in sorted(cue_words().partitive_links, key=len,
                                                  reverse=True))
    return re.compile(rf"\s*(?:{links})\s+(?:[^\W\d_]+\s+){{0,2}}", re.IGNORECASE)


def _own_noun_first(found: list[ConceptMatch], q: Quantity, text: str) -> list[ConceptMatch]:
    """The matches, best first, but one whose head word is the figure's own noun first: "Van
    de 9 ontruimingen leverden 4 huurders zelf de sleutel in" -- 9 counts evictions, whatever
    more specific concept the sentence names for the other figure. A percentage's own noun is
    the one it is a share of ("goed voor 65 procent van de sociale huurvoorraad")."""
    def own_noun(m: ConceptMatch) -> bool:
        if m.head_start < q.end:
            return False
        gap = text[q.end:m.head_start]
        return not gap.strip() or (q.unit == "percent" and q.kind == "level"
                                   and _share_of_gap().fullmatch(gap) is not None)

    own = [m for m in found if own_noun(m)]
    return own[:1] + [m for m in found if m not in own[:1]]


@lru_cache(maxsize=1)
def _back_whole() -> re.Pattern[str]:
    """A whole that refers back ("In 73 procent van die zaken ...")."""
    words = DataFile("cues.toml").lower_words("partitive.back_wholes")
    return re.compile(rf"\s*(?:van|onder)\s+(?:{'|'.join(map(re.escape, words))})(?!\w)",
                      re.IGNORECASE)


def _names_whole(m: ConceptMatch, whole: str) -> bool:
    """True where the whole a share is of is a head word of the match's concept ("65 procent
    van alle corporatiewoningen" is the survey's coverage, whose head the sentence before
    named as "woningen")."""
    return any(signal.head_spans(whole) for signal in m.concept.signals)


Span = tuple[int, int]
def _noun_of_other(m: ConceptMatch, text: str, others: list[tuple[int, int]]) -> bool:
    """True where the match's head word is the noun right after another figure."""
    return any(end <= m.head_start and not text[end:m.head_start].strip()
               for _, end in others)


def _inherits(fact: Fact, q: Quantity) -> bool:
    # A relative change ("bijna 15% minder") continues a count or an amount; a change in
    # points continues a percentage only.
    return fact.unit == q.unit or (q.kind == "change" and q.unit == "percent"
                                   and not in_points(q) and fact.unit in ("count", "EUR"))


def _part_bounds(text: str, position: int) -> tuple[int, int]:
    """The part of a sentence between semicolons around `position`."""
    start = text.rfind(";", 0, position) + 1
    end = text.find(";", position)
    return start, len(text) if end < 0 else end


def _own_part_first(found: list[ConceptMatch], part: tuple[int, int],
                    length: int) -> ConceptMatch | None:
    """Of the sentence's matches (best first), the best one with a qualifying term in the
    figure's own part of the sentence, where the sentence has parts and some match has one:
    "Van alle vonnissen leidt 28 procent tot een ontruiming; in 7 van de 10 gevallen komt het
    niet zover" -- the second figure is about the judgments that are not executed."""
    if not found:
        return None
    start, end = part
    if (start, end) == (0, length):
        return found[0]
    for m in found:
        if any(start <= s and e <= end for s, e in m.also_terms):
            return m
    return found[0]


def _in_other_clause(text: str, term: tuple[int, int], q: Quantity,
                     others: list[tuple[int, int]]) -> bool:
    """True where `term` stands in a clause that holds another figure and not `q`."""
    start, end = clause_bounds(text, term[0])
    if start <= q.start < end:
        return False
    return any(start <= o_start < end for o_start, _ in others)


@lru_cache(maxsize=1)
def _reason_list() -> re.Pattern[str]:
    """Two or more reasons joined as a list: "huurschuld, overlast of hennepteelt"."""
    f = DataFile("cues.toml")
    reason = rf"(?:{_alt(f.lower_words('reasons.words'))})(?!\w)"
    joiner = rf"\s*(?:{_alt(f.lower_words('reasons.joiners'))})\s*"
    return re.compile(rf"(?<!\w){reason}(?:{joiner}{reason})+", re.IGNORECASE)


def _in_reason_list(match: ConceptMatch, text: str) -> bool:
    """True where every qualifying term of `match` stands in a list of reasons in `text`."""
    lists = [m.span() for m in _reason_list().finditer(text)]
    return bool(lists) and bool(match.also_terms) and all(
        any(a <= s and e <= b for a, b in lists) for s, e in match.also_terms)


def _without_reason_list(choice: ConceptChoice, q: Quantity, sentence: Sentence,
                         prev: Prev | None, catalogue: Catalogue) -> ConceptChoice:
    """A concept qualified by one reason of a list of reasons ("102 keer vonnis gewezen op
    grond van huurschuld, hennepteelt of overlast") is the concept of its head alone (all
    judgments); so is one taken from such a list in the sentence before."""
    m = choice.match
    if m is None or m.groups < 2:
        return choice
    text = sentence.text
    where = prev.text + " " + text if choice.how == "previous" and prev is not None else text
    if not _in_reason_list(m, where):
        return choice
    position = (q.start, q.end)
    own = [b for b in catalogue.matches(text, unit=q.unit, kind=q.kind, position=position,
                                        value=q.value) if b.groups == 1]
    if choice.how != "previous":
        own = [b for b in own if b.head_start == m.head_start]
    base = own[0] if own else None
    if base is None:
        return ConceptChoice(None, None, "none", why="no concept: one reason of a list of "
                             "reasons, and nothing names the whole")
    return ConceptChoice(base, base.id, "clause" if choice.how != "previous" else "sentence")


def concept_for(
    q: Quantity, sentence: Sentence, prev: Prev | None, catalogue: Catalogue,
    others: list[tuple[int, int]] | None = None, continues: bool | None = None,
    units: Mapping[Span, str] | None = None,
) -> ConceptChoice:
    """The concept of figure `q` of `sentence` (the `rapportextract.facts` docstring);
    `continues` is whether the sentence refers back (worked out here where not given).
    `units` gives the unit of each of the sentence's figures (`others`): a list is made of the
    figures of one unit. A part of a whole takes no concept that is the whole's
    (`facts.parts`)."""
    choice = _without_reason_list(_choose(q, sentence, prev, catalogue, others, continues,
                                          units), q, sentence, prev, catalogue)
    text = sentence.text
    spans = [o for o in (others or []) if o != (q.start, q.end)]
    if choice.match is not None and (phrase := whole_of(q, text, spans)) is not None:
        whole = whole_match(q, text, phrase, catalogue, choice.match)
        if whole is not None:
            return ConceptChoice(whole, whole.id, choice.how)
    why = part_reason(q, text, choice.match, choice.concept, spans,
                      prev.facts if prev else [])
    if why is not None:
        return ConceptChoice(None, None, "none", why=why)
    return choice


def _choose(
    q: Quantity, sentence: Sentence, prev: Prev | None, catalogue: Catalogue,
    others: list[tuple[int, int]] | None, continues: bool | None,
    units: Mapping[Span, str] | None,
) -> ConceptChoice:
    text = sentence.text
    cues = cue_patterns()
    corporations = _about_corporations(q, text)
    others = [o for o in (others or []) if o != (q.start, q.end)]

    if (rate := rate_reason(q, text, others)) is not None:
        return ConceptChoice(None, None, "none", why=rate)
    own_noun = _has_own_noun(q, text)
    # A share of a whole named after it ("tot 8 procent van het totaal aantal huurders") is
    # not about what the sentence before counted.
    whole_text = re.split(r"[,;:.()]", text[q.end:q.end + 80], maxsplit=1)[0]
    own_whole = (q.unit, q.kind) == ("percent", "level") and whole_class(text, q.end) \
        is not None and not _back_whole().match(text, q.end)
    points = in_points(q)
    blocked: list[str] = []
    """Why a concept the text names was refused for this figure (`facts.limits`)."""

    def allowed(m: ConceptMatch | None) -> ConceptMatch | None:
        if m is None:
            return None
        if corporations and not m.concept.about_corporations:
            return None
        if (reason := noun_reason(m.concept, q, text, others)) is not None:
            blocked.append(reason)
            return None
        # A figure with a noun of its own ("2 huurders", "2.646 rechters") is not what another
        # figure's noun counts ("Van de 5 ontruimingen leverden 2 huurders zelf de sleutel in").
        if own_noun and _noun_of_other(m, text, others):
            return None
        return m

    part = _part_bounds(text, q.start)
    # "Bij 349 ontruimingen, 4 procent van het totaal, ging het om ...": no list.
    members = [o for o in others if units is None or units.get(o) == q.unit]
    forward = list_direction(
        catalogue.matches(text, unit=q.unit, kind=q.kind, points=points), q, text, members)

    veto_start, veto_end = veto_span(text, q, others, part)
    veto = text[veto_start:veto_end]

    def best(scope_text: str, position: tuple[int, int], *,
             qualifier_in: tuple[int, int] | None = None) -> ConceptMatch | None:
        # A ruling-out word in the figure's part of the sentence counts for its clause too.
        for m in own_segment_first(_own_noun_first(catalogue.matches(
                scope_text, unit=q.unit, kind=q.kind, points=points, position=position,
                value=q.value, veto=veto), q, text), q, text, members, forward):
            if qualifier_in is not None and not any(
                qualifier_in[0] <= s and e <= qualifier_in[1] for s, e in m.also_terms
            ):
                continue
            if allowed(m):
                return m
        return None

    respective = allowed(respective_match(q, text, members, catalogue, points))
    if respective is not None:
        return ConceptChoice(respective, respective.id, "sentence")
    position = (q.start, q.end)
    c_start, c_end = clause_bounds(text, q.start)
    keep = [(c_start, c_end)]
    first_start, first_end = clause_bounds(text, 0)
    if first_end < c_start and cues.partitive.match(text) and part[0] == 0:
        keep.append((first_start, first_end))
    # Other figures' own words stay in: "Van de 3.900 vonnissen ... leiden er 1.000 tot ..."
    local = best(_mask(text, keep), position)
    if local is not None and len(keep) > 1:
        # The opening clause names the whole; what this figure is a share of stands in its
        # own clause ("Van de uitgezette huurders was 70 procent alleenstaand en 14 procent
        # een gezin met kinderen").
        own = best(_mask(text, keep), position, qualifier_in=(c_start, c_end))
        if own is not None and own.groups == local.groups:
            local = own
    def vetoed_by_its_clause(m: ConceptMatch) -> bool:
        # A head in another clause brings that clause's ruling-out words: "Terwijl we nog 302
        # keer een ontruiming moesten aanzeggen, deden we dat nu 251 keer".
        if veto_start <= m.head_start < veto_end:
            return False
        head_clause = text[slice(*clause_bounds(text, m.head_start))]
        return any(c == m.id for c, _ in catalogue.ruled_out(head_clause, unit=q.unit,
                                                              kind=q.kind))

    whole_found = [m for m in own_segment_first(_own_noun_first(catalogue.matches(
        text, unit=q.unit, kind=q.kind, points=points, position=position, value=q.value,
        veto=veto, veto_only=True), q, text), q, text, members, forward)
        if allowed(m) and not vetoed_by_its_clause(m)]

    def qualifies_other(m: ConceptMatch) -> bool:
        # Every qualifier stands in a later figure's clause: "De huurachterstand: € 353
        # miljoen, waarvan € 182 miljoen bij vertrokken huurders" -- 353 is the total.
        return m.groups > 1 and all(t[0] > q.end and _in_other_clause(text, t, q, others)
                                    for t in m.also_terms)

    whole = _own_part_first(whole_found, part, len(text))
    if whole is not None and qualifies_other(whole):
        whole = next((m for m in whole_found if not qualifies_other(m)), None)
    if continues is None:
        continues = continues_previous(text)
    # "In 58 gevallen werd de huurder uitgezet": the cases are those the sentence before spoke of
    continues = continues or (prev is not None and counts_cases(q, text))
    if prev is not None and prev.own.rstrip().endswith("?"):
        # An answer refers to its question ("Hoeveel huurders lopen achter met de huur?" +
        # "Ongeveer 135.000.").
        continues = True
    with_previous: list[ConceptMatch] = []
    offset = 0
    if prev is not None:
        joined = prev.text + " " + text
        offset = len(prev.text) + 1
        shifted = (q.start + offset, q.end + offset)
        found_before = catalogue.matches(joined, unit=q.unit, kind=q.kind, points=points,
                                         position=shifted, value=q.value)
        if forward is None:
            forward = list_direction(found_before, q, text, members, offset)
        with_previous = own_segment_first(found_before, q, text, members, forward, offset)
    # The sentence may add a qualifier to the clause's head word ("Huurders die nog in hun
    # woning wonen, waren samen € 171 miljoen verschuldigd"): the more specific match wins.
    # Not where that qualifier stands in another figure's clause ("€ 320 miljoen, waarvan
    # € 160 miljoen bij huurders die nog in hun woning wonen").
    def refined(match: ConceptMatch) -> ConceptMatch | None:
        """A sentence that refers back keeps the previous one's qualifier for its own head
        word ("... 3.900 vonnissen vanwege huurschuld." + "Ruim 1.000 daarvan eindigden in
        een ontruiming": evictions for rent arrears; "Het ging om 59 ontruimingen in 2018
        tegenover 75 in 2017" after a sentence on evictions for rent arrears: both)."""
        if not continues or match.groups != 1:
            return None
        for m in with_previous:
            # The qualifier must be the previous sentence's: "daarvan" in "37 woningen
            # ontruimd, bij 28 daarvan speelde een huurachterstand" refers within.
            # (the head may be placed on the previous sentence's word for it: "... de
            # ontruiming wegens huurachterstand." + "In 58 gevallen werd de huurder
            # uitgezet")
            same_head = m.head_start - offset == match.head_start or (m.id != match.id and any(
                (match.head_start, match.head_end) in signal.head_spans(text)
                for signal in m.concept.signals))
            if (m.groups > 1 and same_head
                    and all(s < offset for s, _ in m.also_terms) and allowed(m)):
                return m
        return None

    if local and not (whole and whole.groups > local.groups
                      and whole.head_start == local.head_start
                      and not any(_in_other_clause(text, t, q, others)
                                  for t in whole.also_terms)):
        kept = refined(local)
        if kept is not None:
            return ConceptChoice(kept, kept.id, "previous")
        return ConceptChoice(local, local.id, "clause")
    if whole:
        kept = refined(whole)
        if kept is not None:
            return ConceptChoice(kept, kept.id, "previous")
        return ConceptChoice(whole, whole.id, "sentence")

    if prev is not None:
        # A qualifier in this sentence may refine what the previous one named ("... € 353
        # miljoen aan huurachterstand." + "Daarvan was € 182 miljoen van vertrokken huurders").
        for m in own_segment_first(with_previous, q, text, members, forward, offset,
                                    drop_later=True):
            # Not for a count with a noun of its own that does not refer back: "21 huurders
            # betaalden alsnog de huurschuld" after a sentence on judgments counts tenants.
            if ((own_whole and not _names_whole(m, whole_text)) or (own_noun and not continues)) \
                    and m.head_start < offset:
                continue
            if allowed(m) and m.groups > 1 and any(s >= offset for s, _ in m.also_terms):
                return ConceptChoice(m, m.id, "previous")
        if continues:
            for fact in reversed(prev.facts):
                if fact.concept and _inherits(fact, q) and not fact.derived \
                        and takes_previous(catalogue, fact.concept, q, text, blocked):
                    return ConceptChoice(None, fact.concept, "previous", fact.subject)
        for m in with_previous:
            # The previous sentence may name what is counted, this one the qualifier
            # ("... van de ontruimingen." + "Overlast was bij 6,5% de reden"): some term must
            # stand in this sentence, and a match on a bare head word needs a continuation.
            here = any(s >= offset for s, _ in m.terms)
            # A finding about corporations needs its own qualifying words in this sentence
            # ("Volgens 90 procent van de corporaties ..." after a sentence on the survey).
            own_words = any(s >= offset for s, _ in m.also_terms)
            if m.concept.about_corporations and not own_words and not continues:
                continue
            if ((own_whole and not _names_whole(m, whole_text)) or (own_noun and not continues)) \
                    and m.head_start < offset:
                continue
            if allowed(m) and (continues or (here and (m.groups > 1 or m.head_start >= offset))):
                return ConceptChoice(m, m.id, "previous")
        if continues:
            for fact in reversed(prev.facts):
                if _inherits(fact, q) and not fact.derived:
                    return ConceptChoice(None, None, "none", fact.subject, blocked[0] if blocked
                                         else "no concept: it refers back to a figure without one")
    if sentence.heading:
        # The heading may name what is counted ("Kenmerken van uitgezette huishoudens" over
        # "65 procent was alleenstaand"): its words count as the sentence's own.
        joined = sentence.heading + " " + text
        offset = len(sentence.heading) + 1
        from_heading = best(joined, (q.start + offset, q.end + offset))
        # Never from the heading alone: one of its words must stand in the sentence, or the
        # sentence refers back and opens its paragraph ("Minder huisuitzettingen" over "Het
        # aantal daalde met 15 procent tot 5.900": a lead refers to its headline).
        opens = prev is None or not prev.text.strip()
        if from_heading and (any(s >= offset for s, _ in from_heading.terms)
                             or (continues and opens)):
            return ConceptChoice(from_heading, from_heading.id, "heading")
    return ConceptChoice(None, None, "none", why=blocked[0] if blocked else no_concept_reason(
        q, text, prev.text if prev else None, continues, corporations, catalogue))
