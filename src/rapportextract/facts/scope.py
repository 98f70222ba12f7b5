"""Whom a figure is about (`Fact.scope`, docs/outputs.md): the whole country (the default), one
organisation, one region, or a group that is neither ("de deurwaarders").

The cues, words of ``lang/nl/cues.toml`` [scope], are looked for in the figure's sentence:

- **national**: "Nederland", "landelijk", "Nederlandse", "alle corporaties";
- **region**: a region noun with a name ("de gemeente Dinkelland", "provincie Utrecht"), a
  capitalised name after "in", "uit" or "binnen" ("In Amsterdam waren het er 78"), a
  possessive ("in onze gemeente");
- **organisation**: a singular organisation noun with a name ("woningcorporatie Elkien", "de
  Huurcommissie", "het ministerie van ...") or opening the sentence ("De corporatie had ...";
  elsewhere "de corporatie" is the role in general), a capitalised name
  after "bij" or "door" ("bij Vivare"), or the organisation speaking of itself ("wij", "we",
  "ons", "onze": its own annual report);
- **unknown**: a group that is not pinned down ("de gerechtsdeurwaarders", "kleine kantoren").

A figure takes the nearest cue before it in its sentence, else the nearest after it; the own
voice counts only where the sentence has no other cue ("Wij schatten dat 2 procent van de
Nederlandse huishoudens ..." is national). A sentence without a cue that refers back ("In 2016
was dit nog 253", "Dat zijn er 150 minder") keeps the scope of the sentence before; any other
sentence without a cue takes the document's: organisation in a document that speaks as "wij"
in at least a tenth of its prose sentences (an organisation's own annual report), else
national (the reports' own figures). A
capitalised word that is a source of statistics ("CBS"), a month or an article is no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapportextract.facts.cues import continues_previous
from rapportextract.lang.nl.words import cue_words
from rapportextract.models import Scope
from rapportextract.periods import phrase_alternation as _alt


@dataclass(frozen=True)
class ScopeFound:
    """A scope cue: what it says, the name it gives, where it stands and its words."""

    scope: Scope
    name: str | None
    start: int
    cue: str

    def note(self) -> str:
        named = f" {self.name!r}" if self.name else ""
        return f"scope {self.scope}{named}: {self.cue!r}"


NATIONAL = ScopeFound("national", None, -1, "")
_OPENING = " '‘\"“("

# A capitalised word, possibly hyphenated ("Noord-Holland", "Geldrop-Mierlo").
_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"


@dataclass(frozen=True)
class _Patterns:
    national: re.Pattern[str]
    region_named: re.Pattern[str]
    place: re.Pattern[str]
    own_region: re.Pattern[str]
    organisation: re.Pattern[str]
    organisation_named: re.Pattern[str]
    organisation_at: re.Pattern[str]
    own_voice: re.Pattern[str]
    group: re.Pattern[str]
    not_names: frozenset[str]
    bodies: re.Pattern[str]
    own_voice_words: frozenset[str]
    refers_back: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    w = cue_words().scope
    i = re.IGNORECASE
    # A name: capitalised words, maybe joined by lower-case ones ("Alphen aan den Rijn").
    name = rf"{_WORD}(?:\s+(?:{_alt(w['name_joiners'])}\s+)?{_WORD})*"
    orgs = _alt(w["organisation_nouns"] + w["bodies"])
    # The preposition or noun is matched without regard to case, the name must be capitalised.
    return _Patterns(
        national=re.compile(rf"(?<!\w)(?:{_alt(w['national'])})(?!\w)", i),
        region_named=re.compile(rf"(?<!\w)(?i:{_alt(w['region_nouns'])})\s+({name})"),
        place=re.compile(rf"(?<!\w)(?i:{_alt(w['place_prepositions'])})\s+({name})"),
        own_region=re.compile(rf"(?<!\w)(?:{_alt(w['own_region'])})(?!\w)", i),
        organisation=re.compile(
            rf"(?<!\w)(?i:{_alt(w['organisation_articles'])})\s+((?:[A-Z]\w*\s+)?"
            rf"(?i:\w*?(?:{orgs})))(?!\w)(?:\s+van\s+({name}))?"),
        organisation_named=re.compile(rf"(?<!\w)(?i:\w*?(?:{orgs}))\s+({name})"),
        organisation_at=re.compile(
            rf"(?<!\w)(?i:{_alt(w['organisation_prepositions'])})\s+({name})"),
        own_voice=re.compile(rf"(?<!\w)(?:{_alt(w['own_voice'])})(?!\w)", i),
        group=re.compile(rf"(?<!\w)(?:\w+\s+)?(?:{_alt(w['group_nouns'])})(?!\w)", i),
        not_names=frozenset(w["not_names"]),
        bodies=re.compile(rf"(?:{_alt(w['bodies'])})$", i),
        own_voice_words=frozenset(w["own_voice"]),
        refers_back=re.compile(rf"(?<!\w)(?:{_alt(w['refers_back'])})(?!\w)", i),
    )


def _name(found: str, not_names: frozenset[str]) -> str | None:
    """The name, or None where its first word is no name ("In Maart", "bij CBS")."""
    words = found.split()
    if not words or words[0].lower().strip("'’") in not_names:
        return None
    return " ".join(words)


def scope_cues(text: str) -> list[ScopeFound]:
    """Every scope cue of a sentence, in order."""
    p = _patterns()
    found: list[ScopeFound] = []
    for m in p.national.finditer(text):
        found.append(ScopeFound("national", None, m.start(), m.group(0)))
    for m in p.own_region.finditer(text):
        found.append(ScopeFound("region", None, m.start(), m.group(0)))
    for m in p.region_named.finditer(text):
        name = _name(m.group(1), p.not_names)
        if name:
            found.append(ScopeFound("region", m.group(0), m.start(), m.group(0)))
    for m in p.place.finditer(text):
        name = _name(m.group(1), p.not_names)
        if name and name.lower() not in p.not_names:
            found.append(ScopeFound("region", name, m.start(), m.group(0)))
    for m in p.organisation_named.finditer(text):
        name = _name(m.group(1), p.not_names)
        if name:
            found.append(ScopeFound("organisation", name, m.start(), m.group(0)))
    for m in p.organisation.finditer(text):
        phrase, of = m.group(1), m.group(2)
        body = bool(p.bodies.search(phrase))
        name = f"{phrase} van {of}" if of else (
            phrase if phrase[:1].isupper() or body else None)
        # Without a name, "de corporatie" is the role in general ("zonder de corporatie iets
        # te laten weten") unless it is what the sentence opens with ("De corporatie had ...").
        if name is None and text[:m.start()].strip(_OPENING):
            continue
        found.append(ScopeFound("organisation", name, m.start(), m.group(0)))
    for m in p.organisation_at.finditer(text):
        name = _name(m.group(1), p.not_names)
        if name:
            found.append(ScopeFound("organisation", name, m.start(), m.group(0)))
    for m in p.own_voice.finditer(text):
        found.append(ScopeFound("organisation", None, m.start(), m.group(0)))
    for m in p.group.finditer(text):
        found.append(ScopeFound("unknown", " ".join(m.group(0).split()), m.start(),
                                m.group(0)))
    # A national word inside a name is no national cue ("vanuit Caribisch Nederland").
    named = [(f.start, f.start + len(f.cue)) for f in found if f.name]
    found = [f for f in found if f.scope != "national"
             or not any(s < f.start < e for s, e in named)]
    # The organisation speaking of itself names who reports, not what about: any other cue
    # of the sentence wins ("Wij schatten dat 2 procent van de Nederlandse huishoudens ...").
    if any(f.cue.lower() not in _patterns().own_voice_words for f in found):
        found = [f for f in found if f.cue.lower() not in _patterns().own_voice_words]
    # Of cues at one place the one with a name wins ("de gemeente Best" over "de gemeente").
    found.sort(key=lambda f: (f.start, f.name is None))
    return found


OWN_VOICE_SHARE = 0.1
"""The share of a document's prose sentences in the organisation's own voice ("wij", "onze")
from which the document is taken to be that organisation's own report."""


def document_scope(texts: list[str]) -> ScopeFound:
    """What a sentence without a cue is about, in this document: the organisation itself in
    its own annual report (`OWN_VOICE_SHARE` of the sentences speak as "wij"), else national."""
    own = _patterns().own_voice
    speaking = sum(1 for t in texts if own.search(t))
    if texts and speaking and speaking >= OWN_VOICE_SHARE * len(texts):
        return ScopeFound("organisation", None, -1, "the document speaks as 'wij'")
    return NATIONAL


def scope_of(cues: list[ScopeFound], position: int) -> ScopeFound | None:
    """The cue a figure at `position` takes: the nearest before it, else the nearest after."""
    before = [c for c in cues if c.start < position]
    if before:
        nearest = max(c.start for c in before)
        return next(c for c in before if c.start == nearest)
    return cues[0] if cues else None


def sentence_scope(text: str, cues: list[ScopeFound], previous: ScopeFound | None,
                   default: ScopeFound = NATIONAL) -> ScopeFound:
    """The scope a sentence leaves for the next one, and figures without a cue of their own
    take: its last cue, else the previous sentence's where it refers back, else the
    document's (`document_scope`)."""
    if cues:
        return cues[-1]
    if previous is not None and previous.scope != default.scope and _refers_back(text):
        return previous
    return default


def _refers_back(text: str) -> bool:
    return continues_previous(text) or bool(_patterns().refers_back.search(text))
