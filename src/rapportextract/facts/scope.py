"""Whom a figure is about (`Fact.scope`, docs/outputs.md): the whole country (the default), one
organisation, one region, or a group that is neither ("de deurwaarders").

The cues, words of ``lang/nl/cues.toml`` [scope], are looked for in the figure's sentence:

- **national**: "Nederland", "landelijk", "Nederlandse", "alle corporaties";
- **region**: a region noun with a name ("de gemeente Dinkelland", "provincie Utrecht"), a
  capitalised name after "in", "uit" or "binnen" ("In Amsterdam waren het er 78"), a
  possessive or "in de gemeente", a place's adjective before a region noun ("in de Utrechtse
  regio", "alle Zeeuwse gemeenten"; not "Nederlandse"), a province or large municipality of
  ``places`` by its name alone ("Tilburg (11,2 procent)"; not a dateline "ZWOLLE -", not
  after another capitalised word: "Woningcorporaties Utrecht" is part of a name);
- **organisation**: a singular organisation noun with a name ("woningcorporatie Elkien", "de
  Huurcommissie", "het ministerie van ...") or opening the sentence ("De corporatie had ...";
  elsewhere "de corporatie" is the role in general), a capitalised name
  after "bij" or "door" ("bij Vivare"), a capitalised name as the subject of what an
  organisation does ("Woonrijk zette vorig jaar 71 huurders uit", "In 2011 ontruimde Eigen
  Haard 42 woningen"; a large municipality or a province so named is a region), or the
  organisation speaking of itself ("wij", "we",
  "ons", "onze") in its own annual report (`document_scope`; in a report on the sector the
  writer's "wij" is no cue);
- **unknown**: a group that is not pinned down ("de gerechtsdeurwaarders", "kleine kantoren").

A figure takes the nearest cue before it in its sentence, else the nearest after it; the own
voice counts only where the sentence has no other cue but a place ("Wij schatten dat 2 procent
van de Nederlandse huishoudens ..." is national), and not inside quotation marks (a speaker's
"we"). A national cue that a figure is compared with is a benchmark that holds only inside its
phrase ("lager dan het landelijk gemiddelde", "tegen 5 procent landelijk": `_benchmark`). A
place in one clause with one organisation, on the same side of the figure, is where that
organisation works: the organisation wins ("in de gemeente Kampen door deltaWonen daalde van
zes ...": `scope_of`). A sentence without a cue that refers back ("In 2016 was dit nog
253", "Dat zijn er 150 minder") keeps the scope of the sentence before, and so
does a later sentence of the same paragraph where that scope names an organisation or a
place ("De Huurcommissie ontvangt ..." + "Vorig jaar kwamen er 9.000 zaken binnen"), unless
it speaks of the sector ("het vermogen van de corporaties"). In a short document that is no
publisher's own report (`carries_scope`: a news item), a later paragraph that names nobody keeps
the scope the paragraph before left, the country's too. Any other sentence without a cue takes
the document's: its publisher (`facts.publisher`: "Jaarverslag 2021 Woonstichting
Hestia"), else organisation in a document that speaks as "wij" in at least a tenth of its
prose sentences (an organisation's own annual report), region in one that speaks of "onze
regio" as often, else national (the reports' own figures). A count of a million households
or more is no organisation's (`beyond_one_body`). In a document of neither kind that does
not speak of the sector, an entry of accounts says whose a figure is (`accounts_scope`:
"Netto-omzet 76.360" an organisation's, "Baten 793.501" or "de leges" a municipality's),
unless the bodies are plural ("Gemeenten krijgen ..."). A capitalised word that is a source
of statistics ("CBS"), a month or an article is no name; nor is the name after a source noun
("uit onderzoek van Nieuwsuur": who counted, not whom about) or the rest of a surname ("zegt
Anna van Rijn").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapportextract.facts.cues import continues_previous, cue_patterns
from rapportextract.lang.nl.files import DataFile
from rapportextract.lang.nl.words import cue_words, stop_words
from rapportextract.models import Quantity, Scope
from rapportextract.periods import phrase_alternation as _alt


@dataclass(frozen=True)
class ScopeFound:
    """A scope cue: what it says, the name it gives, where it stands and its words."""

    scope: Scope
    name: str | None
    start: int
    cue: str
    reach: tuple[int, int] | None = None
    """A benchmark's phrase (`benchmarks`): the cue holds only for the figures inside it."""

    def note(self) -> str:
        named = f" {self.name!r}" if self.name else ""
        return f"scope {self.scope}{named}: {self.cue!r}"


NATIONAL = ScopeFound("national", None, -1, "")
SECTOR = ScopeFound("national", None, -1, "the document speaks of the sector")
"""The scope of a report on the sector: national, and an entry of accounts in it is the
sector's ("Afgezet tegen de totale huuropbrengst gaat het om 1,1%")."""
_OPENING = " '‘\"“("

# A capitalised word, possibly hyphenated ("Noord-Holland", "Geldrop-Mierlo"), or a name
# with a capital inside ("deltaWonen").
_WORD = r"(?:[A-Z]|[a-z]+(?=[A-Z]))[\w'’]*(?:-[\w'’]+)*"


@dataclass(frozen=True)
class _Patterns:
    national: re.Pattern[str]
    own_region: re.Pattern[str]
    name_after: re.Pattern[str]
    """At a word's end: whitespace, then a name (group 1)."""
    article_after: re.Pattern[str]
    """At a word's end: whitespace and a lower-case article ("bij de ...")."""
    of_name_after: re.Pattern[str]
    """At a word's end: "van" and a name ("het ministerie van Volkshuisvesting")."""
    article_before: re.Pattern[str]
    """At a word's start: an article, maybe a capitalised word ("de Nationale ombudsman")."""
    places: frozenset[str]
    regions: frozenset[str]
    at: frozenset[str]
    organisations: tuple[str, ...]
    bodies: tuple[str, ...]
    own_voice_words: frozenset[str]
    groups: frozenset[str]
    not_names: frozenset[str]
    own_voice: re.Pattern[str]
    sector: re.Pattern[str]
    refers_back: re.Pattern[str]
    sources: frozenset[str]
    accounts_organisation: re.Pattern[str]
    accounts_region: re.Pattern[str]
    plural_bodies: re.Pattern[str]
    subject_opening: re.Pattern[str]
    """A capitalised name opening the sentence before an acting verb (group 1)."""
    subject_inverted: re.Pattern[str]
    """An acting verb, then a capitalised name (group 1): "In 2011 ontruimde Eigen Haard"."""
    place_names: frozenset[str]
    not_subjects: frozenset[str]
    region_adjective: re.Pattern[str]
    """A place's adjective before a region noun: "de Utrechtse regio", "Zeeuwse gemeenten"."""
    place: re.Pattern[str]
    """A known place's name ("Maastricht vraagt 16,3 miljoen euro")."""
    members_of: re.Pattern[str]
    """A name joined to a noun of its customers or tenants: "Eneco-klanten" (group 1)."""
    verb_before: re.Pattern[str]
    """A verb of having or saying right before (at the end of the text searched)."""
    subject_plural: re.Pattern[str]
    """Two names joined by "en" opening the sentence before a plural acting verb."""
    subject_clause: re.Pattern[str]
    """A conjunction, then a capitalised name (group 1): "dat Woonveste ..."."""
    acting: re.Pattern[str]
    """A verb of ``acting_verbs``."""
    benchmark_before: re.Pattern[str]
    """A word of comparing, then up to `BENCHMARK_GAP` words, at the end of the text searched."""
    average_before: re.Pattern[str]
    """A word of the average right before (at the end of the text searched)."""
    average_after: re.Pattern[str]
    """A word of the average right after (matched at a cue's end)."""
    clause_break: re.Pattern[str]
    national_source: re.Pattern[str]
    membership: re.Pattern[str]
    """A word of belonging right before (at the end of the text searched)."""
    sector_before: re.Pattern[str]
    """The sector in the plural right before a place ("de 19 corporaties in de Utrechtse
    regio"): the place names which corporations, it is no organisation's."""
    size_noun: re.Pattern[str]
    """A noun of ``country_size_nouns`` opening the text matched."""


BENCHMARK_GAP = 4
"""How many words may stand between a word of comparing and the national cue it compares with
("dan het landelijk", "tegen 5 procent landelijk")."""

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    w = cue_words().scope
    i = re.IGNORECASE
    # A name: capitalised words, maybe joined by lower-case ones ("Alphen aan den Rijn").
    name = rf"{_WORD}(?:\s+(?:{_alt(w['name_joiners'])}\s+)?{_WORD})*"
    # ... maybe after a capitalised article ("De Veste Wonen")
    capital = "|".join(a.capitalize() for a in w["name_articles"])
    article = rf"(?:(?:{capital})\s+)?"
    gap = rf"(?:\s+[^\s,;:]+){{0,{BENCHMARK_GAP}}}"
    return _Patterns(
        national=re.compile(rf"(?<!\w)(?:{_alt(w['national'])})(?!\w)", i),
        own_region=re.compile(rf"(?<!\w)(?:{_alt(w['own_region'])})(?!\w)", i),
        name_after=re.compile(rf"\s+({article}{name})"),
        article_after=re.compile(rf"\s+(?:{_alt(w['name_articles'])})(?=\s)"),
        of_name_after=re.compile(rf"\s+(?i:{_alt(w['name_links'])})\s+({name})"),
        article_before=re.compile(
            rf"(?<!\w)(?i:{_alt(w['organisation_articles'])})\s+(?:([A-Z]\w*)\s+)?$"),
        places=frozenset(w["place_prepositions"]),
        regions=frozenset(w["region_nouns"]),
        at=frozenset(w["organisation_prepositions"]),
        organisations=tuple(w["organisation_nouns"] + w["bodies"]),
        bodies=tuple(w["bodies"]),
        own_voice_words=frozenset(w["own_voice"]),
        groups=frozenset(w["group_nouns"]),
        not_names=frozenset(w["not_names"]),
        own_voice=re.compile(rf"(?<!\w)(?:{_alt(w['own_voice'])})(?!\w)", i),
        sector=re.compile(rf"(?<!\w)(?:{_alt(w['sector_nouns'])})(?!\w)", i),
        refers_back=re.compile(rf"(?<!\w)(?:{_alt(w['refers_back'])})(?!\w)", i),
        sources=frozenset(w["source_nouns"]),
        accounts_organisation=re.compile(
            rf"(?<!\w)(?:{_alt(w['accounts_organisation'])})(?!\w)", i),
        accounts_region=re.compile(rf"(?<!\w)(?:{_alt(w['accounts_region'])})(?!\w)", i),
        plural_bodies=re.compile(rf"(?<!\w)(?:{_alt(w['plural_bodies'])})(?!\w)", i),
        # ... maybe with a phrase between commas ("Actium, vooral actief in Drenthe, zette")
        subject_opening=re.compile(
            rf"^[{_OPENING}]*({article}{name})(?:\s*,[^,;:]{{1,80}},)?\s+"
            rf"(?:{_alt(w['acting_verbs'])})(?!\w)"),
        subject_inverted=re.compile(
            rf"(?<=\w\s)(?:{_alt(w['acting_verbs'])})\s+({article}{name})(?!\w)"),
        place_names=frozenset(w["places"]),
        not_subjects=frozenset(w["not_subjects"]),
        region_adjective=re.compile(
            rf"(?<![\w-])([A-Z]\w+(?:{_alt(w['region_adjective_ends'])})\s+"
            rf"(?:{_alt(w['region_adjective_nouns'])}))(?!\w)"),
        place=re.compile(rf"(?<![\w'’-])(?:{_alt(w['places'])})(?![\w-])", i),
        members_of=re.compile(
            rf"(?<![\w-])([A-Z][\w'’]*)-(?:{_alt(w['member_nouns'])})(?!\w)"),
        verb_before=re.compile(
            rf"(?<!\w)(?:{_alt(w['stock_verbs'] + w['speech_verbs'])})\s+$", i),
        subject_plural=re.compile(
            rf"^[{_OPENING}]*({_WORD}(?:\s+{_WORD})*\s+(?:{_alt(w['name_and'])})\s+"
            rf"{_WORD}(?:\s+{_WORD})*)\s+"
            rf"(?:{_alt(w['acting_verbs_plural'])})(?!\w)"),
        subject_clause=re.compile(
            rf"(?<!\w)(?i:{_alt(w['subject_conjunctions'])})\s+({article}{name})(?![\w-])"),
        acting=re.compile(rf"(?<!\w)(?:{_alt(w['acting_verbs'])})(?!\w)"),
        benchmark_before=re.compile(
            rf"(?<!\w)(?:{_alt(w['benchmark_words'])}){gap}\s+$", i),
        average_before=re.compile(
            rf"(?<!\w)(?:{_alt(w['benchmark_average'])})(?:\s+(?:in|van))?\s+$", i),
        average_after=re.compile(rf"\s+(?:{_alt(w['benchmark_average'])})(?!\w)", i),
        sector_before=re.compile(
            rf"(?<!\w)(?:{_alt(w['sector_nouns'] + w['plural_bodies'])})"
            rf"(?:\s+(?:{_alt(w['place_prepositions'])}))?(?:\s+(?:{_alt(w['name_articles'])}))?"
            rf"\s+$", i),
        membership=re.compile(
            rf"(?<!\w)(?:{_alt(w['membership_words'])})(?:\s+(?:{_alt(w['name_articles'])}))?"
            rf"\s*$", i),
        national_source=re.compile(rf"(?<![\w-])(?:{_alt(w['national_sources'])})(?![\w-])", i),
        clause_break=re.compile(rf";|(?<!\w)(?:{_alt(w['clause_breaks'])})(?!\w)", i),
        size_noun=re.compile(rf"\s*(?:\w+\s+)?(?:{_alt(w['country_size_nouns'])})(?!\w)", i),
    )


# A news item's dateline after a place: "AMERSFOORT -", "DEN HAAG (ANP) -".
_DATELINE = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?[-–—]")


def _name(found: str, not_names: frozenset[str]) -> str | None:
    """The name, or None where its first word is no name ("In Maart", "bij CBS")."""
    words = found.split()
    # A capitalised article inside a sentence opens a name ("bij De Veste Wonen").
    capital = {a.capitalize() for a in cue_words().scope["name_articles"]}
    first = words[1] if len(words) > 1 and words[0] in capital else (
        words[0] if words else "")
    if not words or first.lower().strip("'’") in not_names:
        return None
    # a national body under its legal form ("Stichting BKR", "Vereniging Aedes") is the country's
    if any(w.lower() in cue_words().scope["national_sources"] for w in words):
        return None
    return " ".join(words)


def _name_after(text: str, end: int, p: _Patterns) -> tuple[str, int] | None:
    """The name right after the word ending at `end`, and where it ends."""
    m = p.name_after.match(text, end)
    if m is None:
        return None
    name = _name(m.group(1), p.not_names)
    return (name, m.end()) if name else None


def scope_cues(text: str, *, quoted: bool = False) -> list[ScopeFound]:
    """Every scope cue of a sentence, in order; `quoted`: the sentence starts inside a
    quotation that a sentence before opened (`quotations`)."""
    p = _patterns()
    found: list[ScopeFound] = []
    for m in p.national.finditer(text):
        found.append(ScopeFound("national", None, m.start(), m.group(0),
                                _benchmark(text, m.start(), m.end(), p)))
    for m in p.own_region.finditer(text):
        found.append(ScopeFound("region", None, m.start(), m.group(0)))
    # One pass over the words; the patterns run only after a word that can start a cue.
    previous = ""
    for tok in _TOKEN.finditer(text):
        word, start, end = tok.group(0).lower(), tok.start(), tok.end()
        cue = _word_cue(text, word, start, end, previous, p)
        if cue is not None:
            found.append(cue)
        previous = word
    found.extend(_place_cues(text, p))
    for m in p.members_of.finditer(text):
        if m.group(1).lower() not in p.not_names and not p.national.fullmatch(m.group(1)):
            scope: Scope = "region" if m.group(1).lower() in p.place_names else "organisation"
            found.append(ScopeFound(scope, m.group(1), m.start(), m.group(0)))
    # A subject name that another cue already reads ("De Huurcommissie kreeg ...") is that one.
    spans = [(f.start, f.start + len(f.cue)) for f in found]
    found.extend(c for c in _subject_cues(text, p)
                 if not any(s <= c.start + len(c.name or "") and c.start <= e
                            for s, e in spans))
    # An organisation that the subject belongs to is not whom the figures are about
    # ("aangesloten bij het Regioplatform ...").
    found = [f for f in found if f.scope != "organisation" or f.name is None
             or not p.membership.search(text, 0, f.start + len(f.cue.split()[0]))]
    # A national word inside a name is no national cue ("vanuit Caribisch Nederland").
    named = [(f.start, f.start + len(f.cue)) for f in found if f.name]
    found = [f for f in found if f.scope != "national"
             or not any(s < f.start < e for s, e in named)]
    # "onze" of "onze gemeente" is the region's; a "we" inside quotation marks is a speaker's,
    # not the document's own voice ("“Dan hebben we het over 1,5 miljoen huishoudens”").
    regions = [(f.start, f.start + len(f.cue)) for f in found
               if f.scope == "region" and f.name is None]
    found = [f for f in found if not _own_voice(f) or not (
        any(s <= f.start < e for s, e in regions) or _quoted(text, f.start, quoted))]
    # The organisation speaking of itself names who reports, not what about: any other cue
    # of the sentence but a place wins ("Wij schatten dat 2 procent van de Nederlandse
    # huishoudens ..."); beside a place it is the body that works there ("In Zutphen bouwden
    # we 200 woningen", `scope_of`).
    if any(not _own_voice(f) and f.scope != "region" for f in found):
        found = [f for f in found if not _own_voice(f)]
    # Of cues at one place the one with a name wins ("de gemeente Best" over "de gemeente").
    found.sort(key=lambda f: (f.start, f.name is None))
    return found


def _own_voice(cue: ScopeFound) -> bool:
    return cue.cue.lower() in _patterns().own_voice_words


def _quoted(text: str, at: int, quoted: bool = False) -> bool:
    """Whether the place `at` is inside a quotation: after more opening marks than closing ones
    ("“", "„" against "”"; `quoted`: one opened before the sentence), or after an odd number of
    straight double quotes."""
    before = text[:at]
    opened = before.count("“") + before.count("„") + quoted
    return before.count('"') % 2 == 1 or opened > before.count("”")


QUOTE_SENTENCES = 3
"""How many sentences after the one that opens it a quotation left open may run on: a stray
mark does not make the rest of a document a quotation."""


def quotations(texts: list[str]) -> list[bool]:
    """For each sentence of a run of prose, whether it starts inside a quotation that a
    sentence before it opened and did not close ("Peter de Vries: “Het is positief dat ..." +
    "Opvallend is dat we ...": a speaker's "we"), for at most `QUOTE_SENTENCES` sentences."""
    found = []
    left = 0
    for text in texts:
        found.append(left > 0)
        if _quoted(text, len(text), left > 0):
            left = QUOTE_SENTENCES if not found[-1] else left - 1
        else:
            left = 0
    return found


def _benchmark(text: str, start: int, end: int, p: _Patterns) -> tuple[int, int] | None:
    """The phrase of a national cue that a figure is compared with (``benchmark_words``,
    ``benchmark_average``: "lager dan het landelijk gemiddelde", "tegen 5 procent landelijk"),
    from its first word to the next comma or semicolon; None where the cue is no benchmark."""
    compare = p.benchmark_before.search(text, 0, start)
    average = p.average_before.search(text, 0, start)
    if compare is not None:
        begin = compare.start()
    elif average is not None:
        begin = average.start()
    elif p.average_after.match(text, end):
        begin = start
    else:
        return None
    stop = re.compile(r"[,;:]").search(text, end)
    return begin, stop.start() if stop else len(text)


OWN_VOICE_SHARE = 0.1
"""The share of a document's prose sentences in the organisation's own voice ("wij", "onze")
from which the document is taken to be that organisation's own report."""


def document_scope(texts: list[str], quoted: list[bool] | None = None) -> ScopeFound:
    """What a sentence without a cue is about, in this document: the organisation itself in
    its own annual report (`OWN_VOICE_SHARE` of the sentences speak as "wij"), else national.
    A report on the sector speaks as "wij" too ("Over 2020 noemen we nu ..."), but of the
    corporations in the plural more often than of itself: that is no organisation's report.
    A document whose own voice speaks of "onze regio", "onze gemeente" more often than as
    "wij" otherwise is a region's (a regional health monitor, a municipality's letter)."""
    p = _patterns()
    speaking = regional = 0
    for text, inside in zip(texts, quoted or [False] * len(texts), strict=True):
        places = [(m.start(), m.end()) for m in p.own_region.finditer(text)
                  if p.own_voice.match(text, m.start())]
        regional += bool(places)
        # a speaker's "we" inside quotation marks is not the document's own voice
        speaking += any(not any(s <= m.start() < e for s, e in places)
                        and not _quoted(text, m.start(), inside)
                        for m in p.own_voice.finditer(text))
    sector = sum(1 for t in texts if p.sector.search(t))
    if texts and regional >= speaking and regional > sector \
            and regional >= OWN_VOICE_SHARE * len(texts):
        return ScopeFound("region", None, -1, "the document speaks of 'onze regio'")
    if texts and speaking > sector and speaking >= OWN_VOICE_SHARE * len(texts):
        return ScopeFound("organisation", None, -1, "the document speaks as 'wij'")
    if texts and sector >= OWN_VOICE_SHARE * len(texts):
        return SECTOR
    return NATIONAL


HEADLINE = "the subject of the title, on the first page: "
"""How the cue of a publisher found in a headline begins (`facts.publisher`): "Fraude met
huurwoningen in Haarlemmermeer" names what a news item is about, not who reports it."""

SHORT_DOCUMENT = 60
"""The most prose sentences of a document short enough to be about what its title or lead names
(a news item, a press release): `carries_scope`."""


def carries_scope(who: ScopeFound | None, whom: ScopeFound, sentences: int) -> bool:
    """Whether a scope that one paragraph names carries to the next paragraphs that name none
    (`sentence_scope`): in a short document (`SHORT_DOCUMENT`) that is neither its
    publisher's own report, nor an organisation's or region's speaking as "wij", nor a report
    on the sector. A news item is about the place or organisation its lead names ("Het aantal
    huisuitzettingen in Flevoland daalt." + "Vorig jaar werden 25 woningen ontruimd."), or
    about the country where its lead says so, whatever place its title names."""
    if sentences > SHORT_DOCUMENT:
        return False
    if who is not None:
        return who.cue.startswith(HEADLINE)
    return whom in (NATIONAL, SECTOR)


def without_own_voice(cues: list[ScopeFound]) -> list[ScopeFound]:
    """The cues but "wij": in a report that is not an organisation's own, the writer's own
    voice says who reports, not whom a figure is about."""
    own = _patterns().own_voice_words
    return [c for c in cues if c.cue.lower() not in own]


def _word_cue(text: str, word: str, start: int, end: int, previous: str, p: _Patterns
              ) -> ScopeFound | None:
    """The cue that starts at one word of a sentence (`scope_cues`), if any."""
    if word in p.places or word in p.regions or word in p.at:
        if word in p.at and previous in p.sources:
            return None  # who counted, not whom about ("uit onderzoek van Nieuwsuur")
        if word in cue_words().scope["name_links"] and _after_first_name(text, start):
            return None  # a surname ("Hans van Dijk"), not "van" an organisation
        named = _name_after(text, end, p)
        if named is None and word in ("bij", "door"):
            # "bij de Centrale Raad van Beroep": a name of two capitalised words or more after
            # the article; not "bij de Nederlandse huishoudens" (a national word)
            after = p.article_after.match(text, end)
            if after is not None:
                named = _name_after(text, after.end(), p)
                if named is not None and (len(named[0].split()) < 2
                                          or p.national.search(named[0])):
                    named = None
        if named is None:
            return None
        name, stop = named
        if word in p.regions:
            return ScopeFound("region", text[start:stop], start, text[start:stop])
        if word in p.places:
            if name.lower() in p.not_names:
                return None
            return ScopeFound("region", name, start, text[start:stop])
        # "het zuiden van Limburg", "door Amsterdam": a known place is a region
        scope: Scope = "region" if name.lower() in p.place_names else "organisation"
        return ScopeFound(scope, name, start, text[start:stop])
    if word.endswith(p.organisations):
        named = _name_after(text, end, p)
        if named is not None:
            return ScopeFound("organisation", named[0], start, text[start:named[1]])
        article = p.article_before.search(text, 0, start)
        if article is None:
            return None
        phrase = text[article.start(1) if article.group(1) else start:end]
        of = p.of_name_after.match(text, end)
        body = word.endswith(p.bodies)
        label = f"{phrase}{text[end:of.end()]}" if of else (
            phrase if phrase[:1].isupper() or body else None)
        # Without a name, "de corporatie" is the role in general ("zonder de corporatie iets
        # te laten weten") unless it is what the sentence opens with ("De corporatie had
        # ...") or the subject of what it has or says ("Zo had de corporatie 3.922
        # woningen", "..., zegt het bedrijf"; not of what any corporation does: "In 74% van
        # de gevallen voerde de corporatie het vonnis niet uit").
        if label is None and text[:article.start()].strip(_OPENING) \
                and not p.verb_before.search(text, 0, article.start()):
            return None
        return ScopeFound("organisation", label, article.start(),
                          text[article.start():of.end() if of else end])
    if word in p.own_voice_words:
        return ScopeFound("organisation", None, start, text[start:end])
    if word in p.groups:
        if text[start].isupper() and text[:start].strip(_OPENING):
            return None  # part of a name ("de Koninklijke Bond van Deurwaarders")
        adjective = previous and previous not in cue_patterns().stopwords
        begin = text.rfind(previous, 0, start) if adjective else start
        return ScopeFound("unknown", " ".join(text[begin:end].split()), begin,
                          text[begin:end])
    return None


def _subject_cues(text: str, p: _Patterns) -> list[ScopeFound]:
    """The organisation or place that is the subject of an acting verb (``acting_verbs``):
    "Woonrijk zette vorig jaar 71 huurders uit", "In 2011 ontruimde Eigen Haard 42 woningen";
    a place of ``places`` is a region ("Amsterdam telde ...")."""
    found = []
    clauses = [m for m in p.subject_clause.finditer(text)
               if p.acting.search(text, m.end(), _clause_end(text, m.end()))]
    for m in (p.subject_opening.match(text), p.subject_plural.match(text),
              *p.subject_inverted.finditer(text), *clauses):
        if m is None:
            continue
        words = m.group(1).split()
        capital = {a.capitalize() for a in cue_words().scope["name_articles"]}
        first = words[-1] if words[0] in capital and len(words) > 1 else words[0]
        if _no_subject(first.lower(), p, alone=len(words) == 1) or p.national.fullmatch(first):
            continue
        name = m.group(1)
        scope: Scope = "region" if name.lower() in p.place_names else "organisation"
        found.append(ScopeFound(scope, name, m.start(1), m.group(0).strip(_OPENING)))
    return found


def _clause_end(text: str, start: int) -> int:
    """Where the clause that runs on at `start` ends: at a comma, semicolon or colon."""
    stop = re.compile(r"[,;:]").search(text, start)
    return stop.start() if stop else len(text)


@lru_cache(maxsize=1)
def _inhabitants() -> tuple[re.Pattern[str], dict[str, str]]:
    """The names of a large municipality's inhabitants (``cues.toml`` [scope_inhabitants])."""
    names = {k.lower(): v for k, v in DataFile("cues.toml").strings("scope_inhabitants").items()}
    return re.compile(rf"(?<![\w-])(?:{_alt(tuple(names))})(?![\w-])", re.IGNORECASE), names


def _place_cues(text: str, p: _Patterns) -> list[ScopeFound]:
    """Regions named without a preposition: a place's adjective before a region noun ("in de
    Utrechtse regio", "alle Zeeuwse gemeenten"), or a known place's name, capitalised and
    not inside a longer name ("Maastricht vraagt 16,3 miljoen euro, Leeuwarden 27,5
    miljoen"; not "Regioplatform Woningcorporaties Utrecht")."""
    found = [ScopeFound("region", m.group(1), m.start(1), m.group(1))
             for m in p.region_adjective.finditer(text)
             if not p.national.match(m.group(1))]  # "de 355 Nederlandse gemeenten"
    for m in p.place.finditer(text):
        before = _LAST_WORD.search(text, 0, m.start())
        # after a capitalised word it is part of a longer name ("Woningcorporaties Utrecht",
        # "Wonen Drenthe verhoogt ..."), unless that word merely opens the sentence ("Ook
        # Utrecht", "In Utrecht")
        if not m.group(0)[:1].isupper() or (before and before.group(1)[:1].isupper() and (
                text[:before.start()].strip(_OPENING)
                or not _no_subject(before.group(1).lower(), p, alone=True))):
            continue
        if _DATELINE.match(text, m.end()) and not text[:m.start()].strip(_OPENING):
            continue  # a news item's dateline: "AMERSFOORT - Een prijsplafond ..."
        found.append(ScopeFound("region", m.group(0), m.start(), m.group(0)))
    # "de tienduizenden Rotterdammers": the inhabitants of a place are that place's
    pattern, names = _inhabitants()
    found += [ScopeFound("region", names[m.group(0).lower()], m.start(), m.group(0))
              for m in pattern.finditer(text) if m.group(0)[:1].isupper()]
    return found


def _no_subject(word: str, p: _Patterns, *, alone: bool) -> bool:
    """True where a capitalised word opening a name is no name: an adverb, a function word,
    a source of statistics. A general stop word may open a name of more words ("Eigen
    Haard")."""
    return word in p.not_names or word in p.not_subjects or word in cue_patterns().stopwords \
        or word in cue_words().openers or (alone and word in stop_words().general)


_LAST_WORD = re.compile(r"(\w+)\s+$")


def _after_first_name(text: str, start: int) -> bool:
    """True where the word at `start` follows a capitalised word inside the sentence: "van"
    after a first name is part of a surname ("zegt Anna van Rijn")."""
    m = _LAST_WORD.search(text, 0, start)
    return bool(m and m.group(1)[:1].isupper() and text[:m.start()].strip(_OPENING) != "")


def scope_of(cues: list[ScopeFound], position: int, text: str = "") -> ScopeFound | None:
    """The cue a figure at `position` of `text` takes: the nearest before it, else the nearest
    after; a benchmark only inside its phrase (`_benchmark`). A place whose clause names an
    organisation on the same side of the figure is where that organisation works: the
    organisation wins ("in de gemeente Ommen door Vechthuis daalde van acht ...", "De
    corporatie die actief is in Breda kreeg zeven ...")."""
    cues = [c for c in cues if c.reach is None or c.reach[0] <= position <= c.reach[1]]
    before = [c for c in cues if c.start < position]
    if before:
        nearest = max(c.start for c in before)
        found = next(c for c in before if c.start == nearest)
        side = [c for c in before if not _broken(text, c.start, found.start)]
    elif cues:
        found = cues[0]
        side = [c for c in cues if not _broken(text, found.start, c.start)]
    else:
        return None
    inside = [c for c in cues if c.reach is not None]
    if inside:  # the figure of a benchmark's phrase is the country's ("tegen 5% landelijk")
        return inside[0]
    if found.scope == "region" and found.cue.split()[0].lower() not in \
            cue_words().scope["origin_prepositions"] \
            and not _patterns().sector_before.search(text, 0, found.start):
        bodies = [c for c in side if c.scope == "organisation"]
        # several organisations of a place count together: the place's ("In Amersfoort
        # ontruimden Woonhaven en Portaal samen 60 woningen")
        names = {n for c in bodies if c.name for n in re.split(r"\s+en\s+", c.name)}
        if bodies and len(names) < 2:
            return bodies[-1] if before else bodies[0]
    return found


COUNTRY_SIZE = 1_000_000
"""A count of people, households or dwellings from which it is more than any one organisation
has (``country_size_nouns``): the largest corporations let under 100.000 homes."""


def beyond_one_body(q: Quantity, text: str, whom: ScopeFound, cues: list[ScopeFound]
                    ) -> ScopeFound:
    """The scope of figure `q` that `whom` gives, but national where that makes a count of a
    million people, households or dwellings or more an organisation's only by the own voice
    or the sentences before ("Dan hebben we het over ongeveer 1,5 miljoen huishoudens"): no
    organisation is that large. A named organisation of the sentence keeps it ("Eneco heeft
    2,1 miljoen klanten")."""
    if whom.scope != "organisation" or q.unit != "count" or abs(q.value) < COUNTRY_SIZE:
        return whom
    if whom in cues and not _own_voice(whom):
        return whom
    if not _patterns().size_noun.match(text, q.end):
        return whom
    return ScopeFound("national", None, -1, "a count too large for one organisation")


def _broken(text: str, start: int, end: int) -> bool:
    """Whether a clause ends between `start` and `end` (``clause_breaks``, a semicolon)."""
    return bool(text) and _patterns().clause_break.search(text, start, end) is not None


def sentence_scope(text: str, cues: list[ScopeFound], previous: ScopeFound | None,
                   default: ScopeFound = NATIONAL, continues: bool | None = None,
                   same_paragraph: bool = False, carries: bool = False) -> ScopeFound:
    """The scope a sentence leaves for the next one, and figures without a cue of their own
    take: its last cue (`scope_of` at its end; a benchmark is none), else the previous
    sentence's where it refers back or stands further on in the same paragraph, or anywhere
    further on where the document `carries` a scope from paragraph to paragraph
    (`carries_scope`), else the document's (`document_scope`, `publisher`), else what an
    entry of accounts says of whose it is (`accounts_scope`)."""
    own = scope_of([c for c in cues if c.reach is None], len(text), text)
    if own is not None:
        return own
    if previous is not None and previous.scope != default.scope:
        if _refers_back(text, continues):
            return previous
        # Further on in its paragraph a sentence stays with the organisation or place the
        # paragraph named ("De Huurcommissie ontvangt ..." + "Vorig jaar kwamen er 9.000
        # zaken binnen."), unless it speaks of the sector ("het vermogen van de corporaties");
        # in a short document that is not its publisher's own report, so does a later
        # paragraph, and with the country too: a news item is about what its lead names.
        # A national body's figure is the country's ("volgens het CBS ...").
        sector = _patterns().sector.search(text)
        source = _patterns().national_source.search(text)
        if same_paragraph and (previous.name or previous.cue.startswith(ACCOUNTS)) \
                and previous.scope in ("organisation", "region") and not sector and not source:
            return previous
        if carries and previous.start >= 0 and previous.scope != "unknown" \
                and (previous.scope == "national" or not (sector or source)):
            return previous
    if carries and default.scope != "national" \
            and (source := _patterns().national_source.search(text)):
        return ScopeFound("national", None, source.start(), source.group(0))
    if default == NATIONAL:
        return accounts_scope(text) or default
    return default


ACCOUNTS = "an entry of accounts: "


def accounts_scope(text: str) -> ScopeFound | None:
    """The scope of a sentence that names an entry of one body's accounts and nobody whose
    it is (``lang/nl/cues.toml`` [scope] accounts_*): an organisation's ("Netto-omzet 76.360
    74.243"), a municipality's or province's ("Baten 793.501 846.054"). None where it speaks
    of the sector ("de huuropbrengsten van de corporaties") or names the country."""
    p = _patterns()
    if p.sector.search(text) or p.national.search(text) or p.plural_bodies.search(text):
        return None
    region = p.accounts_region.search(text)
    if region:
        return ScopeFound("region", None, region.start(), f"{ACCOUNTS}{region.group(0)}")
    own = p.accounts_organisation.search(text)
    if own:
        return ScopeFound("organisation", None, own.start(), f"{ACCOUNTS}{own.group(0)}")
    return None


def _refers_back(text: str, continues: bool | None) -> bool:
    if continues is None:
        continues = continues_previous(text)
    return continues or bool(_patterns().refers_back.search(text))
