"""Prose figures -> facts (docs/outputs.md).

For every prose sentence of a document (`Document.sentences`, kinds heading, paragraph and
caption) the figures come from `rapportextract.quantities.find_quantities`; each written figure
becomes one `Fact`. What this module adds to a quantity:

- **concept**: the catalogue concept the figure is about, looked for in widening text
  (`_concept_for`): the figure's own clause (plus an opening partitive clause "Van alle
  huurders met ..., had ... 40%"; the whole sentence wins where it adds a qualifier to the
  clause's head word), then the whole sentence, then the previous sentence (of the same
  paragraph, or the last one of the paragraph before): first where a qualifier in this
  sentence refines what the previous one named ("Daarvan was € 182 miljoen van vertrokken
  huurders"), then, for a sentence that refers back ("Dat is circa 25%", "In 2018 waren dat er
  nog 3.000"), the previous figure's concept of a fitting unit or the previous sentence's
  words; then the heading above (for a head word in this sentence). In a sentence of two
  parts joined by a semicolon, a match with a qualifying word in the figure's own part wins;
  after an opening partitive clause, one with a qualifying word in the figure's own clause;
  a qualifier in another figure's clause ("..., waarvan € 160 miljoen bij huurders die nog in
  hun woning wonen") does not refine this figure; a concept whose catalogue entry bounds its
  values (``values``) never takes a level outside them. A sentence that only continues the
  previous one passes that one on as context, so a third sentence can still refer to what the
  first counted. A percentage of
  corporations ("36% van de corporaties ...") is a survey finding: it gets a concept only where
  one is marked ``about_corporations`` in the catalogue, else concept null.
- **subject**: the noun the figure is a share or count of ("van de corporaties",
  "huishoudens"), else the words the concept was recognised by ("huurders met een
  huurachterstand"), else the previous sentence's subject for a sentence that refers back.
- **period** and **base period**: `rapportextract.periods.resolve_period`, with the paragraph
  scope (a sentence about the current year, "Het beeld over de eerste maanden van 2024 ...",
  "In het eerste kwartaal van 2012 kwamen er 14.000 verzoeken"), the heading and the edition
  as context. A figure of a concept marked ``data_year`` (the survey's respondents, their
  dwellings, coverage) is about the data year even where the sentence dates the survey itself
  or says "dit jaar". A change never has its own period as base. A sentence that opens by
  referring back ("Dat was zo'n 10 procent minder dan het jaar ervoor") is about the
  previous sentence's period unless it names its own or moves on ("Sindsdien ..."). A change
  without a named base is taken to compare with the year before its period.
- **derived levels**: a change plus a level of the same concept gives the other level
  ("€ 164 miljoen, € 9 miljoen minder dan in 2022" -> 2022: 173 mln), unless the document
  states that level itself. Derived facts have ``derived=True`` and ``derived_from``.
- **statement**: for a fact without concept, a key of what the sentence says, to link the same
  finding across editions. It is the sentence, lowercased, without the figures, the time
  expressions, digits, punctuation and the function and degree words of
  ``catalogue/context_nl.toml``, each word cut to a rough stem (plural and inflection endings
  "-ies" -> "-ie", "-en", "-s", "-e" removed from longer words, doubled final consonant
  undone), at most twelve words in sentence order.
- **not facts**: a section number run into its heading's text ("1. Ontruimingen Voor ...").
- **id**: the first 16 hex digits of sha256(document hash, page, the box of the figure's words
  and the figure as written; for text input, the figure's offsets in its paragraph): stable
  across runs, and across versions of the extractor that read the same figure, however they
  cut the page into blocks and sentences (decisions of `review` are kept by it).

**Confidence** is the product of how the concept was found (own clause 1.0, sentence 0.95,
previous sentence 0.8, heading 0.7, no concept 0.9), how the period was found (own clause 1.0,
elsewhere in the sentence 0.9, paragraph scope 0.85, heading or default data year 0.8, times
0.95 for relative wording), 0.85 where the number itself allows two readings, and 0.95 for a
change whose base period was assumed. It reads as a rough probability that concept, period and
value are all right; facts with confidence below 0.7 rest on distant context.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from rapportextract.catalogue import Catalogue, ConceptMatch, load_catalogue
from rapportextract.errors import EditionNotFoundError, LanguageDataError
from rapportextract.forking import run_shares
from rapportextract.models import (
    PROSE_KINDS,
    BlockKind,
    Document,
    Fact,
    Origin,
    Quantity,
    Sentence,
    Source,
)
from rapportextract.periods import (
    PeriodContext,
    clause_bounds,
    find_time_expressions,
    heading_period,
    resolve_period,
    sets_scope,
)
from rapportextract.periods import phrase_alternation as _alt

_CUES_FILE = "context_nl.toml"

CONCEPT_CONFIDENCE = {"clause": 1.0, "sentence": 0.95, "previous": 0.8, "heading": 0.7,
                      "none": 0.9}


# --------------------------------------------------------------------------------------------
# Dutch cue words
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    continuation: re.Pattern[str]
    reference: re.Pattern[str]
    time_shift: re.Pattern[str]
    partitive: re.Pattern[str]
    corporation_after: re.Pattern[str]
    corporation_before: re.Pattern[str]
    corporation_word: re.Pattern[str]
    share_of: re.Pattern[str]
    stopwords: frozenset[str]


def _word_list(data: dict[str, object], table: str, key: str) -> list[str]:
    section = data.get(table)
    value = section.get(key) if isinstance(section, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
        raise LanguageDataError(f"[{table}] {key} must be a list of words", path=_CUES_FILE,
                                hint="fix the packaged data file")
    return [v.lower() for v in value]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    text = resources.files("rapportextract.catalogue").joinpath(_CUES_FILE).read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"not valid TOML ({exc})", path=_CUES_FILE) from exc
    openers = _word_list(data, "continuation", "openers")
    not_before = _word_list(data, "continuation", "not_before")
    references = _word_list(data, "continuation", "references")
    shifting = _word_list(data, "continuation", "time_shifting")
    partitive = _word_list(data, "partitive", "openers")
    links = _word_list(data, "partitive", "links")
    modifiers = _word_list(data, "partitive", "modifiers")
    corp = _alt(_word_list(data, "corporations", "nouns"))
    corp_links = _word_list(data, "corporations", "links")
    flags = re.IGNORECASE
    return _Cues(
        # "Dit jaar deden 263 corporaties mee" opens with a time, not with a reference.
        continuation=re.compile(
            rf"^\W*{_alt(openers)}(?!\w)(?!\s+{_alt(not_before)}(?!\w))", flags),
        reference=re.compile(rf"(?<!\w){_alt(references)}(?!\w)", flags),
        time_shift=re.compile(rf"^\W*{_alt(shifting)}(?!\w)", flags),
        partitive=re.compile(rf"^\W*{_alt(partitive)}(?!\w)", flags),
        # "36% van de corporaties", "7 op de 10 corporaties", "een derde (34%) van de ..."
        corporation_after=re.compile(
            rf"^\s*(?:\(\s*[\d,.]+\s*%\s*\)\s*)?(?:{_alt(corp_links)}\s+)?(?:\w+\s+)?{corp}(?!\w)",
            flags),
        # "Van de corporaties verleent 44% ..."
        corporation_before=re.compile(rf"^\W*{_alt(partitive)}\s+{corp}(?!\w)", flags),
        corporation_word=re.compile(rf"(?<!\w){corp}(?!\w)", flags),
        share_of=re.compile(
            rf"({_alt(links)}\s+(?:{_alt(modifiers)}\s+){{0,2}}[^\W\d_]+)", flags),
        stopwords=frozenset(_word_list(data, "statement", "stopwords")),
    )


# --------------------------------------------------------------------------------------------
# Concepts
# --------------------------------------------------------------------------------------------


@dataclass
class _Prev:
    """What the previous sentence of the same paragraph left behind."""

    text: str
    facts: list[Fact] = field(default_factory=list)
    period: str | None = None
    kind: BlockKind = BlockKind.PARAGRAPH
    own: str = ""
    """The sentence itself; `text` also holds the sentence before it where this one only
    continues that one ("In 2019 vonden 2.800 uitzettingen plaats. Dat is 200 minder." +
    "Bij 78 procent daarvan ..." still knows what is counted)."""


@dataclass(frozen=True)
class _ConceptChoice:
    match: ConceptMatch | None
    concept: str | None
    how: str
    subject: str | None = None


def _mask(text: str, keep: list[tuple[int, int]]) -> str:
    """`text` with everything outside `keep` blanked, so offsets stay valid."""
    chars = [" "] * len(text)
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def _about_corporations(q: Quantity, text: str) -> bool:
    if q.unit != "percent" or q.kind != "level":
        return False
    cues = _cues()
    if cues.corporation_after.match(text[q.end:]) or cues.corporation_word.search(q.text):
        return True
    return bool(cues.corporation_before.match(text))


def continues_previous(text: str) -> bool:
    """True where the sentence refers back to the previous one ("Dat is circa 25%")."""
    cues = _cues()
    return bool(cues.continuation.match(text) or cues.reference.search(text))


def _inherits(fact: Fact, q: Quantity) -> bool:
    # A relative change ("bijna 15% minder") continues a count or an amount.
    return fact.unit == q.unit or (q.kind == "change" and q.unit == "percent"
                                   and fact.unit in ("count", "EUR"))


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


def _concept_for(
    q: Quantity, sentence: Sentence, prev: _Prev | None, catalogue: Catalogue,
    others: list[tuple[int, int]] | None = None,
) -> _ConceptChoice:
    text = sentence.text
    cues = _cues()
    corporations = _about_corporations(q, text)
    others = [o for o in (others or []) if o != (q.start, q.end)]

    def allowed(m: ConceptMatch | None) -> ConceptMatch | None:
        if m is None:
            return None
        if corporations and not m.concept.about_corporations:
            return None
        return m

    part = _part_bounds(text, q.start)

    def best(scope_text: str, position: tuple[int, int], *,
             qualifier_in: tuple[int, int] | None = None) -> ConceptMatch | None:
        # A ruling-out word in the figure's part of the sentence counts for its clause too.
        for m in catalogue.matches(scope_text, unit=q.unit, kind=q.kind, position=position,
                                   value=q.value, veto=text[part[0]:part[1]]):
            if qualifier_in is not None and not any(
                qualifier_in[0] <= s and e <= qualifier_in[1] for s, e in m.also_terms
            ):
                continue
            if allowed(m):
                return m
        return None

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
    whole = _own_part_first(
        [m for m in catalogue.matches(text, unit=q.unit, kind=q.kind, position=position,
                                      value=q.value) if allowed(m)],
        part, len(text))
    # The sentence may add a qualifier to the clause's head word ("Huurders die nog in hun
    # woning wonen, waren samen € 171 miljoen verschuldigd"): the more specific match wins.
    # Not where that qualifier stands in another figure's clause ("€ 320 miljoen, waarvan
    # € 160 miljoen bij huurders die nog in hun woning wonen").
    if local and not (whole and whole.groups > local.groups
                      and whole.head_start == local.head_start
                      and not any(_in_other_clause(text, t, q, others)
                                  for t in whole.also_terms)):
        return _ConceptChoice(local, local.id, "clause")
    if whole:
        return _ConceptChoice(whole, whole.id, "sentence")

    continues = continues_previous(text)
    if prev is not None:
        joined = prev.text + " " + text
        offset = len(prev.text) + 1
        shifted = (q.start + offset, q.end + offset)
        with_previous = catalogue.matches(joined, unit=q.unit, kind=q.kind, position=shifted,
                                          value=q.value)
        # A qualifier in this sentence may refine what the previous one named ("... € 353
        # miljoen aan huurachterstand." + "Daarvan was € 182 miljoen van vertrokken huurders").
        for m in with_previous:
            if allowed(m) and m.groups > 1 and any(s >= offset for s, _ in m.also_terms):
                return _ConceptChoice(m, m.id, "previous")
        if continues:
            for fact in reversed(prev.facts):
                if fact.concept and _inherits(fact, q) and not fact.derived:
                    return _ConceptChoice(None, fact.concept, "previous", fact.subject)
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
            if allowed(m) and (continues or (here and (m.groups > 1 or m.head_start >= offset))):
                return _ConceptChoice(m, m.id, "previous")
        if continues:
            for fact in reversed(prev.facts):
                if _inherits(fact, q) and not fact.derived:
                    return _ConceptChoice(None, None, "none", fact.subject)
    if sentence.heading:
        # The heading may name what is counted ("Kenmerken van uitgezette huishoudens" over
        # "65 procent was alleenstaand"): its words count as the sentence's own.
        joined = sentence.heading + " " + text
        offset = len(sentence.heading) + 1
        from_heading = best(joined, (q.start + offset, q.end + offset))
        if from_heading:
            return _ConceptChoice(from_heading, from_heading.id, "heading")
    return _ConceptChoice(None, None, "none")


# --------------------------------------------------------------------------------------------
# Subjects and statements
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _count_nouns() -> frozenset[str]:
    from rapportextract.lang import nl

    return frozenset(w.lower() for w in nl.load().contexts.count_nouns)


def _subject(q: Quantity, text: str, choice: _ConceptChoice, catalogue: Catalogue) -> str:
    if choice.subject:
        return choice.subject
    after = text[q.end:]
    share = _cues().share_of.match(after.lstrip())
    if share is None and _cues().corporation_word.search(q.text):
        share = _cues().share_of.search(q.text)
    if share and q.unit == "percent":
        return " ".join(share.group(1).split())
    noun = _WORD.match(after.lstrip())
    if noun and noun.group(0).lower() in _count_nouns():
        return noun.group(0)
    m = choice.match
    if m is not None and choice.how in ("clause", "sentence"):
        start, end = m.span
        phrase = text[start:end] if end <= len(text) else ""
        if phrase and len(phrase) <= 60 and not (start < q.end and end > q.start):
            return " ".join(phrase.split())
        if not (m.head_start < q.end and m.head_end > q.start):
            return " ".join(text[m.head_start:m.head_end].split())
        return catalogue.label(m.id)
    if noun and noun.group(0).lower() not in _cues().stopwords and q.unit == "count":
        return noun.group(0)
    if choice.concept:
        return catalogue.label(choice.concept)
    words = [w for w in _WORD.findall(text[:q.start] + " " + after)
             if w.lower() not in _cues().stopwords]
    return " ".join(words[:8])


def _stem(word: str) -> str:
    if len(word) <= 4:
        return word
    if word.endswith("ies"):
        return word[:-1]
    for ending in ("en", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def statement_key(text: str, figures: list[tuple[int, int]], *, edition: int) -> str:
    """The statement key of a sentence (module docstring): what it says, without figures,
    times and function words, so that rewordings across editions tend to meet."""
    cut = list(figures)
    cut += [(e.start, e.end) for e in find_time_expressions(text, edition=edition)]
    stripped = text
    for start, end in cut:
        stripped = stripped[:start] + " " * (end - start) + stripped[end:]
    stop = _cues().stopwords
    words = [w.lower() for w in _WORD.findall(stripped)]
    stems = [_stem(w) for w in words if w not in stop and len(w) > 1]
    return " ".join(stems[:12])


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


def _fact_id(doc: Document, *parts: object) -> str:
    raw = ":".join([doc.sha256, *[str(p) for p in parts]])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _figure_place(sentence: Sentence, q: Quantity) -> tuple[object, ...]:
    """Where a prose figure stands on its page, whatever blocks and sentences the page was cut
    into: the box of its words (to 0.1 pt) and the figure as written, where the page has word
    boxes; else (a text report) its offsets in its paragraph's text."""
    box = sentence.bbox_of(q.start, q.end)
    if box is not None:
        return ("box", *(f"{c:.1f}" for c in box), q.text)
    return (sentence.block_id, sentence.offset + q.start, sentence.offset + q.end)


def _origin(doc: Document, page: int) -> Origin:
    """``ocr`` for a figure on a page whose words were read by OCR, else ``text``."""
    found = doc.pages[page - 1] if 0 < page <= len(doc.pages) else None
    return "ocr" if found is not None and found.number == page and found.ocr else "text"


def _previous_year(period: str) -> str | None:
    return str(int(period) - 1) if re.fullmatch(r"\d{4}", period) else None


def _sentence_facts(
    doc: Document, edition: int, sentence: Sentence, quantities: list[Quantity],
    prev: _Prev | None, scope: str | None, catalogue: Catalogue,
) -> list[Fact]:
    text = sentence.text
    exprs = find_time_expressions(text, edition=edition)
    context = PeriodContext(
        scope=scope,
        heading=heading_period(sentence.heading, edition=edition),
        previous=prev.period if prev else None,
    )
    figures = [(q.start, q.end) for q in quantities]
    facts: list[Fact] = []
    for q in quantities:
        choice = _concept_for(q, sentence, prev, catalogue, figures)
        resolution = resolve_period(text, (q.start, q.end), edition=edition, context=context,
                                    expressions=exprs)
        period = _survey_period(resolution.period, choice.concept, catalogue, edition)
        confidence = CONCEPT_CONFIDENCE[choice.how] * resolution.confidence
        if q.ambiguous:
            confidence *= 0.85
        base = None
        if q.kind == "change":
            base = resolution.base_period
            # A change never compares a year with itself: "dan in 2014, toen het aantal met
            # 15 procent daalde" names 2014 as the period of the second change, not its base.
            if base is None or base == period:
                base = _previous_year(period)
                confidence *= 0.95
        facts.append(Fact(
            id=_fact_id(doc, sentence.page, *_figure_place(sentence, q)),
            document=doc.name,
            edition=edition,
            concept=choice.concept,
            subject=_subject(q, text, choice, catalogue),
            value=q.value,
            unit=q.unit,
            period=period,
            qualifier=q.qualifier,
            kind=q.kind,
            base_period=base,
            confidence=round(confidence, 3),
            source=Source(
                page=sentence.page, bbox=sentence.bbox_of(q.start, q.end), sentence=text,
                text=q.text, start=q.start, end=q.end, origin=_origin(doc, sentence.page),
                sentence_id=sentence.id, block_id=sentence.block_id,
            ),
            statement=None if choice.concept else statement_key(text, figures, edition=edition),
        ))
    return facts


def _survey_period(period: str, concept_id: str | None, catalogue: Catalogue,
                   edition: int) -> str:
    """A figure about the edition's own survey is about the data year: the survey is held,
    and the report published, in the year after the one it describes."""
    concept = catalogue.get(concept_id) if concept_id else None
    if concept is not None and concept.data_year and period[:4].isdigit() \
            and int(period[:4]) >= edition:
        return str(edition - 1)
    return period


# "1. Ontruimingen Voor het derde jaar ...": a section number run into its heading's text.
_SECTION_NUMBER = re.compile(r"\s*(?:\d{1,2}\.){1,3}\s+(?=[^\W\d_])|\s*\d{1,2}\)\s+(?=[^\W\d_])")


def _section_number(q: Quantity, text: str) -> bool:
    """True where the figure is the number of a section heading that opens the sentence."""
    m = _SECTION_NUMBER.match(text)
    return bool(m and q.start < m.end() and q.kind == "level" and q.unit == "count"
                and text[m.end()].isupper())


def _derived(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Levels computed from a stated level and a stated change (module docstring)."""
    stated = {(f.concept, f.period) for f in facts if f.kind == "level" and f.concept}
    levels_of: dict[tuple[str | None, str], list[Fact]] = {}
    first_with_id: dict[str, int] = {}
    for i, f in enumerate(facts):
        first_with_id.setdefault(f.id, i)
        if f.kind == "level":
            levels_of.setdefault((f.concept, f.unit), []).append(f)

    def index(fact: Fact) -> int:
        # `facts.index` without the walk through the list: the first equal fact has its id.
        i = first_with_id[fact.id]
        return i if facts[i] == fact else facts.index(fact)

    out: list[Fact] = []
    for change in facts:
        if change.kind != "change" or not change.concept or not change.base_period:
            continue
        levels = levels_of.get((change.concept, change.unit), [])
        same = [f for f in levels if f.source.sentence_id == change.source.sentence_id]
        for known, target, sign in (
            (change.period, change.base_period, Decimal(-1)),
            (change.base_period, change.period, Decimal(1)),
        ):
            if (change.concept, target) in stated:
                continue
            base_levels = [f for f in (same or levels) if f.period == known]
            if not base_levels:
                continue
            # The level nearest before the change (or the first after it) is the one it uses.
            position = index(change)
            before = [f for f in base_levels if index(f) < position]
            level = before[-1] if before else base_levels[0]
            value = level.value + sign * change.value
            exact = level.qualifier == "exact" and change.qualifier == "exact"
            out.append(Fact(
                id=_fact_id(doc, "derived", change.id, level.id),
                document=doc.name, edition=level.edition, concept=change.concept,
                subject=level.subject, value=value, unit=level.unit, period=target,
                qualifier="exact" if exact else "approx", kind="level", derived=True,
                derived_from=[level.id, change.id],
                confidence=round(min(level.confidence, change.confidence) * 0.95, 3),
                source=change.source.model_copy(update={
                    "note": f"derived: level {known} {'minus' if sign < 0 else 'plus'} change",
                }),
            ))
            stated.add((change.concept, target))
    return out


SENTENCES_PER_PROCESS = 80
"""Fewer prose sentences than this per process are read in one: a helper process costs a fork
and sending its facts back."""

SENTENCES_SHARED_AT_MOST = 6000
"""More prose sentences than this (some 250 figure-dense pages) are read in one process. A
helper shares the document with this process, but what it reads it copies (a reference count
written is a memory page copied): on 200 such pages, 60 MB. A report that long already takes
the most memory, and the copy would take it past what `bench_memory.py` allows (500 MB on 600
pages)."""


def extract_facts(
    doc: Document, catalogue: Catalogue | None = None, *, workers: int = 1
) -> list[Fact]:
    """Every figure of the document's prose as a fact, plus derived levels (module
    docstring). Raises `errors.EditionNotFoundError` for a document without an edition.

    With `workers` > 1 (on Linux) a long document's paragraphs are read by that many
    processes at once, each taking a run of whole blocks. A helper reads its run as if nothing
    came before; this process then reads again each block of the run whose start differs from
    what the block before it really left (`_settled`), so the facts are the same as read in
    one. Only a paragraph that refers back to the one before is read twice."""
    if doc.edition is None:
        raise EditionNotFoundError("no edition year for this document", path=doc.path,
                                   hint="pass --edition YEAR")
    catalogue = catalogue if catalogue is not None else load_catalogue()
    edition = doc.edition
    blocks = _blocks([s for s in doc.sentences if s.block_kind in PROSE_KINDS])
    if not blocks:
        return _derived(doc, [])
    # The first block is read here first: it loads the patterns the helpers then share.
    first = _read_run(doc, edition, blocks[:1], catalogue, None)
    rest = blocks[1:]
    sentences = sum(len(b) for b in rest)
    shares = min(workers, sentences // SENTENCES_PER_PROCESS)
    if sentences > SENTENCES_SHARED_AT_MOST:
        shares = 1
    groups = _balanced(rest, max(shares, 1))

    def read(k: int) -> list[_BlockRead]:  # the first run goes on from the first block
        return _read_run(doc, edition, groups[k], catalogue, None if k else first[-1].after)

    runs = run_shares(read, len(groups))
    reads = list(first)
    for k, run in enumerate(runs):
        if k > 0:  # read from nothing before it: settled against what the run before left
            run = _settled(doc, edition, groups[k], catalogue, run, reads[-1].after)
        reads.extend(run)
    facts = [f for read in reads for f in read.facts]
    return facts + _derived(doc, facts)


def _blocks(sentences: list[Sentence]) -> list[list[Sentence]]:
    """The prose sentences cut where a new block (paragraph, heading, caption) starts."""
    blocks: list[list[Sentence]] = []
    for sentence in sentences:
        if not blocks or sentence.block_id != blocks[-1][-1].block_id:
            blocks.append([])
        blocks[-1].append(sentence)
    return blocks


def _balanced(blocks: list[list[Sentence]], shares: int) -> list[list[list[Sentence]]]:
    """The blocks in `shares` runs (or fewer) of about as many sentences each, in order."""
    total = sum(len(b) for b in blocks)
    groups: list[list[list[Sentence]]] = [[]]
    done = 0
    for block in blocks:
        # A new run where this block's middle would fall past the current run's share.
        if groups[-1] and done + len(block) / 2 > total * len(groups) / shares:
            groups.append([])
        groups[-1].append(block)
        done += len(block)
    return groups


@dataclass
class _BlockRead:
    """The facts of one block, and what its last sentence leaves to the next block."""

    facts: list[Fact]
    after: _Prev | None


def _read_run(
    doc: Document, edition: int, blocks: list[list[Sentence]], catalogue: Catalogue,
    prev: _Prev | None,
) -> list[_BlockRead]:
    """The blocks read one after the other, the first from `prev`."""
    reads: list[_BlockRead] = []
    for block in blocks:
        reads.append(_read_block(doc, edition, block, catalogue, prev))
        prev = reads[-1].after
    return reads


def _settled(
    doc: Document, edition: int, blocks: list[list[Sentence]], catalogue: Catalogue,
    guessed: list[_BlockRead], prev: _Prev | None,
) -> list[_BlockRead]:
    """`guessed` (the blocks read from nothing before them) as read from `prev`: each block is
    read again until one starts from what its guess started from; from there on the guesses
    stand, since a block's reading depends on its sentences and its start alone."""
    reads: list[_BlockRead] = []
    for k, block in enumerate(blocks):
        if prev == (guessed[k - 1].after if k else None):
            return reads + guessed[k:]
        reads.append(_read_block(doc, edition, block, catalogue, prev))
        prev = reads[-1].after
    return reads


def _read_block(
    doc: Document, edition: int, sentences: list[Sentence], catalogue: Catalogue,
    prev: _Prev | None,
) -> _BlockRead:
    """The facts of one block's sentences, `prev` being what the block before left."""
    from rapportextract.quantities import find_quantities

    # A new block ends the paragraph scope; a sentence opening a paragraph may still refer
    # back to the last sentence of the paragraph before ("Die laatste schuld ..."), but not
    # across a heading or a caption.
    if sentences[0].block_kind != BlockKind.PARAGRAPH or (
        prev is not None and prev.kind != BlockKind.PARAGRAPH
    ):
        prev = None
    facts: list[Fact] = []
    scope: str | None = None
    for sentence in sentences:
        quantities = [q for q in find_quantities(sentence.text)
                      if not _section_number(q, sentence.text)]
        if not quantities:
            if sentence.block_kind == BlockKind.PARAGRAPH:
                scope = sets_scope(sentence.text, edition=edition) or scope
            prev = _Prev(_context_text(sentence.text, prev), [],
                         _last_period(sentence.text, edition), sentence.block_kind,
                         sentence.text)
            continue
        sentence_scope = scope
        if prev is not None and prev.period and _inherits_period(sentence.text):
            sentence_scope = prev.period
        new = _sentence_facts(doc, edition, sentence, quantities, prev, sentence_scope,
                              catalogue)
        facts.extend(new)
        if sentence.block_kind == BlockKind.PARAGRAPH and not _inherits_period(sentence.text):
            # A sentence that moves to the current year with its own figures ("In het eerste
            # kwartaal van 2012 kwamen er 14.000 verzoeken binnen") moves the paragraph too.
            scope = sets_scope(sentence.text, edition=edition) or scope
        prev = _Prev(_context_text(sentence.text, prev), new,
                     new[-1].period if new else None, sentence.block_kind, sentence.text)
    return _BlockRead(facts, prev)


def _context_text(text: str, prev: _Prev | None) -> str:
    """The text a following sentence may take its subject from (`_Prev.own`)."""
    if prev is not None and prev.own and continues_previous(text):
        return prev.own + " " + text
    return text


def _inherits_period(text: str) -> bool:
    """A sentence that continues the previous one is about the same period, unless it moves
    on in time ("Sindsdien ...") or names its own (resolve_period prefers that anyway)."""
    cues = _cues()
    return bool(cues.continuation.match(text)) and not cues.time_shift.match(text)


def _last_period(text: str, edition: int) -> str | None:
    points = [e.period for e in find_time_expressions(text, edition=edition)
              if e.role == "point" and e.period]
    return points[-1] if points else None
