"""The Dutch cue words the fact reader looks for, compiled once (`lang/nl/cues.toml`): a
sentence that continues the previous one, refers back, moves on in time, opens with a
partitive ("Van de ..."), or counts corporations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapportextract.lang.nl.files import DataFile
from rapportextract.lang.nl.words import cue_words
from rapportextract.periods import phrase_alternation as _alt


@dataclass(frozen=True)
class Cues:
    continuation: re.Pattern[str]
    reference: re.Pattern[str]
    time_shift: re.Pattern[str]
    partitive: re.Pattern[str]
    corporation_after: re.Pattern[str]
    corporation_before: re.Pattern[str]
    corporation_word: re.Pattern[str]
    share_of: re.Pattern[str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def cue_patterns() -> Cues:
    w = cue_words()
    openers, not_before, references = w.openers, w.not_before, w.references
    shifting, partitive = w.time_shifting, w.partitive_openers
    links, modifiers = w.partitive_links, w.partitive_modifiers
    corp, corp_links = _alt(w.corporation_nouns), w.corporation_links
    flags = re.IGNORECASE
    return Cues(
        # "Dit jaar deden 263 corporaties mee" opens with a time, not with a reference.
        continuation=re.compile(
            rf"^\W*{_alt(openers)}(?!\w)(?!\s+{_alt(not_before)}(?!\w))", flags),
        # "kwam dit jaar", "is dit jaar": a time after the demonstrative, not a reference.
        reference=re.compile(
            rf"(?<!\w){_alt(references)}(?!\w)(?!\s+{_alt(not_before)}(?!\w))", flags),
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
        stopwords=w.statement_stopwords,
    )


# The word after "het aantal" of a reference: a plural noun that is no participle names what
# is counted ("daalde het aantal huisuitzettingen"), so nothing is referred back to.
_OWN_NOUN = re.compile(r"\s+(?!ge)[^\W\d_]{3,}(?:en|s)(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _movement() -> re.Pattern[str]:
    f = DataFile("cues.toml")
    start = f.lower_words("continuation.movement_from")
    end = f.lower_words("continuation.movement_to")
    # "Van ongeveer 1000 ... tot 78 ...": the opener, at most two words, a figure
    return re.compile(rf"^\W*{_alt(start)}\s+(?:[^\d\s]+\s+){{0,2}}\d.*?(?<!\w){_alt(end)}"
                      rf"\s+(?:[^\d\s]+\s+){{0,2}}\d", re.IGNORECASE)


# The first digit of a figure: not of a year standing alone ("In 2018 waren dat er nog 3.000").
_FIRST_FIGURE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,]))\d")


def continues_previous(text: str) -> bool:
    """True where the sentence refers back to the previous one ("Dat is circa 25%"). A
    reference after a semicolon refers to the sentence's own first part ("In 2016 spraken
    rechters 18.500 vonnissen uit; in 2015 waren het er nog 22.000"), and "het aantal" with a
    noun of its own ("Tussen 2007 en 2009 daalde het aantal huisuitzettingen ...") is none."""
    found = cue_patterns()
    if found.continuation.match(text) or _movement().match(text):
        return True
    first = text.split(";", 1)[0]
    # A reference in a clause after the one of the sentence's first figure refers to that
    # clause ("In 2008 werden 640 woningen ontruimd, in 2017 ging het om 310"), as one after
    # a semicolon does; one in the figure's own clause still refers back ("Bijna 700
    # daarvan eindigden in een ontruiming").
    if (figure := _FIRST_FIGURE.search(first)) is not None \
            and (comma := first.find(",", figure.end())) >= 0:
        first = first[:comma]
    return any(not (m.group(0).lower().endswith("aantal") and _own_noun_at(first, m.end()))
               for m in found.reference.finditer(first))


def _own_noun_at(text: str, end: int) -> bool:
    noun = _OWN_NOUN.match(text, end)
    return noun is not None and noun.group(0).strip().lower() not in cue_patterns().stopwords


def inherits_period(text: str) -> bool:
    """A sentence that continues the previous one is about the same period, unless it moves
    on in time ("Sindsdien ...") or names its own (resolve_period prefers that anyway)."""
    found = cue_patterns()
    return bool(found.continuation.match(text)) and not found.time_shift.match(text)
