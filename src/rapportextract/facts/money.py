"""Amounts written without a currency: "De omzet bedraagt 2,4 miljard", "In 2017 was de omzet
330 miljoen euro, een jaar ervoor 375 miljoen", "Dit bedrag liep op tot 226 miljoen".

The figure recogniser reads such a figure as a count (it has no "euro" or "€"); the facts stage
knows its sentence and the one before. A count is an amount in euro where it is written with
a scale word ("ton", "miljoen", "miljard") or as "650,-", no noun of its own follows it (a
change's particle or comparative is none: "nam met 14 miljoen af") ("2,4 miljoen
huishoudens" stays a count: the next word must not be a noun of its own, that is a plural
("huishoudens", "zaken", "mensen"), an adjective and a plural ("1 miljoen automatische
signalen") or a capitalised word, unless it is a function word or one
of ``after`` in ``lang/nl/cues.toml`` [money]: "de overige 1,3 miljard kwam uit ..." is bare),
and

- it is written with a small scale ("drie ton", "7 a 8 ton": a hundred thousand is money in
  Dutch; the weights "7 ton CO2" are no figures of the figure reader), or

- another figure of the sentence is in euro, or
- a noun of an amount (``nouns``: omzet, bedrag, tekort, winst, huurachterstand, ..., or a
  compound ending on one of ``compound_ends``: onderhoudskosten, jaarresultaat) stands before
  it in the sentence, and no count head (``count_heads``: "Het aantal mensen met schulden")
  before that noun, or
- the sentence refers back and the last figure but a percentage of the sentence before was an
  amount ("In 2013 was het nog 421 miljoen"), or that figure was an amount of at least a
  hundred thousand euro and no count head ("aantal") stands before the figure: "Er is 490
  miljoen euro nodig." + "Niet eenmalig 350 miljoen, maar elk jaar."

A number written without a scale ("800.000", "649") is an amount on stricter terms
(`_plain_reason`): a noun of an amount before it in its own clause and no count there ("een
budget van 800.000"), or an amount in euro right before it that it is joined to ("van € 612 naar
649").

The fact says so in its diagnostics ("unit EUR from context: 'omzet'").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapportextract.facts.cues import cue_patterns
from rapportextract.lang import nl
from rapportextract.lang.nl.words import cue_words
from rapportextract.models import Fact, Quantity
from rapportextract.periods import phrase_alternation as _alt


@dataclass(frozen=True)
class _Money:
    nouns: re.Pattern[str]
    count_heads: re.Pattern[str]
    after: frozenset[str]
    marker: str


@lru_cache(maxsize=1)
def _money() -> _Money:
    w = cue_words()
    return _Money(
        nouns=re.compile(
            rf"(?<![\w-])(?:{_alt(w.money_nouns)}|[^\W\d_]+(?:{_alt(w.money_compound_ends)}))"
            r"(?![\w-])", re.IGNORECASE),
        count_heads=re.compile(rf"(?<![\w-])(?:{_alt(w.money_count_heads)})(?![\w-])",
                               re.IGNORECASE),
        after=frozenset(w.money_after) | cue_patterns().stopwords | _change_words(),
        marker=w.money_marker,
    )


def _change_words() -> frozenset[str]:
    """The single words that may follow the size of a change ("met 14 miljoen af", "12 miljoen
    hoger"): particles, comparatives and verbs of ``lang/nl/changes.toml``."""
    ch = nl.load().changes
    words = (ch.decrease_particles + ch.increase_particles + ch.decrease_comparatives
             + ch.increase_comparatives + ch.decrease_verbs + ch.increase_verbs)
    return frozenset(w.lower() for w in words if " " not in w)


# The smallest scale that makes a bare figure an amount: "drie ton" (100.000), "2,4 miljoen".
_AMOUNT_SCALE = 100_000
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+(?:'s)?)")
# A plural noun: "huishoudens", "zaken", "woningen", "euro's".
# The most characters between the ends of a range ("7 a 8 ton", "2 à 3 ton").
_RANGE_GAP = 5
_PLURAL = re.compile(r"(?:en|s|'s)$")


def _bare(q: Quantity, text: str) -> bool:
    """True where no noun of its own follows the figure (the module docstring)."""
    m = _NEXT_WORD.match(text, q.end)
    if m is None:
        return True
    word = m.group(1)
    if word.lower() in _money().after:
        return True
    if word.lower().endswith("e") and (noun := _NEXT_WORD.match(text, m.end())) is not None \
            and noun.group(1).lower() not in _money().after \
            and _PLURAL.search(noun.group(1).lower()):
        return False  # "1 miljoen automatische signalen": an adjective and its plural noun
    return not (word[0].isupper() or _PLURAL.search(word.lower()))


def _clause_end(text: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: a comma, semicolon, colon or full stop
    not inside a number."""
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


_CLAUSE_END = re.compile(r"[;:!?]|[.,](?!\d)")


def _small_scale(q: Quantity, others: list[Quantity]) -> bool:
    """True where the figure is written with a scale that multiplies only small numbers, or is
    the low end of a range whose high end is ("7 a 8 ton")."""
    small = nl.load().small_scales
    if any(w in small for w in q.text.lower().split()):
        return True
    return any(o.start > q.end and o.start - q.end <= _RANGE_GAP and o.scale == q.scale
               and any(w in small for w in o.text.lower().split()) for o in others)


def amount_reason(q: Quantity, text: str, others: list[Quantity],
                  previous: list[Fact] | None, continues: bool,
                  introduced: str | None = None) -> str | None:
    """Why the count `q` of sentence `text` is an amount in euro (the module docstring), or
    None where it stays a count; `continues` is whether the sentence refers back,
    `introduced` the sentence before where it ends on a colon that introduces this one as a
    list ("De middelen zijn verdeeld over vier maatregelen:" + "1) voorlichting (5 mln.),
    ...")."""
    money = _money()
    written = q.text.rstrip().endswith(money.marker) or text.startswith(money.marker, q.end)
    if q.unit == "count" and q.scale == 1 and q.form == "digits" and not written:
        return _plain_reason(q, text, others)
    if q.unit != "count" or not (q.scale >= _AMOUNT_SCALE or written):
        return None
    if not written and not _bare(q, text):
        return None
    if _small_scale(q, others):
        return "a hundred thousand ('ton')"
    if any((o.unit == "EUR" and o.scale >= _AMOUNT_SCALE) or _small_scale(o, others)
           for o in others if o is not q):
        return "another figure of the sentence is in euro"
    noun = None
    for m in money.nouns.finditer(text, 0, q.start):
        noun = m
    if noun is not None and money.count_heads.search(text, 0, noun.start()) is None:
        return f"{noun.group(0)!r}"
    if introduced and (lead := money.nouns.search(introduced)) is not None \
            and money.count_heads.search(introduced, 0, lead.start()) is None:
        return f"{lead.group(0)!r} in the line introducing the list"
    # "vinden negen miljoen een hoop geld": a noun of an amount after it in its clause
    after = money.nouns.search(text, q.end, _clause_end(text, q.end))
    if after is not None and money.count_heads.search(text, 0, q.start) is None:
        return f"{after.group(0)!r} after it"
    if previous:
        # A percentage there is the change of the amount ("..., een daling van 12 procent").
        last = [f for f in previous if not f.derived and f.unit != "percent"]
        if last and last[-1].unit == "EUR":
            if continues:
                return "it refers back to an amount"
            # A scaled figure without a noun of its own after an amount of a hundred thousand
            # euro or more goes on about money ("Er is 490 miljoen euro nodig." + "Niet
            # eenmalig 350 miljoen, maar elk jaar."; "... naar 1,1 miljard euro. De
            # postbezorging liep terug tot 1,9 miljard"), unless a count head stands before
            # it ("Het aantal reizigers groeide tot 2,4 miljoen"). A whole-euro amount
            # ("650,-") is one anyway (below).
            if abs(last[-1].value) >= _AMOUNT_SCALE \
                    and money.count_heads.search(text, 0, q.start) is None:
                return "the sentence before ends on an amount of a hundred thousand euro or more"
    return "written as a whole-euro amount" if written else None


def _plain_reason(q: Quantity, text: str, others: list[Quantity]) -> str | None:
    """Why a number written without a scale ("800.000", "649") is an amount in euro, or None:
    it is joined to an amount in euro right before it ("van € 612 naar 649"), or a noun of an
    amount stands before it in its clause ("een budget van 800.000"), no count head before
    that noun, and it is at least ``plain_least``; never with a noun of its own or "van" after
    it, nor a year."""
    w, money = cue_words(), _money()
    if not _bare(q, text):
        return None
    m = _NEXT_WORD.match(text, q.end)
    if m is not None and m.group(1).lower() in w.money_plain_not_after:
        return None
    before = [o for o in others if o.end <= q.start]
    if before and before[-1].unit == "EUR" and _plain_joiner().fullmatch(
            text, before[-1].end, q.start):
        return f"joined to the amount {before[-1].text!r} before it"
    if abs(q.value) < w.money_plain_least or _YEAR.fullmatch(q.text.strip()):
        return None
    start = max(text.rfind(c, 0, q.start) for c in ",;:") + 1
    last = _LAST_WORD.search(text, start, q.start)
    if (last is not None and last.group(1).lower() in w.money_plain_not_before) or any(
            o.unit == "count" and start <= o.start for o in before):
        return None
    noun = None
    for n in money.nouns.finditer(text, start, q.start):
        noun = n
    if noun is None or money.count_heads.search(text, 0, noun.start()) is not None:
        return None
    return f"{noun.group(0)!r} before it in its clause"


_LAST_WORD = re.compile(r"([^\W\d_]+)\s*$")
# a number that reads as a year ("2023"), which is no amount of a noun before it
_YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=1)
def _plain_joiner() -> re.Pattern[str]:
    # the joiner, and a year after each figure where one is named: "€ 612 in 2022 en 649"
    joiners = _alt(cue_words().money_plain_joiners)
    year = r"(?:\s+in\s+(?:19|20)\d\d)?"
    return re.compile(rf"{year}\s*,?\s*(?:{joiners})\s*", re.IGNORECASE)
