"""Find every figure in one Dutch sentence: text -> list[Quantity].

The recogniser is a chain of small steps over one sentence:

1. ``_masked_spans``: spans that hold digits but no figure (URLs, e-mail addresses, phone
   numbers, dates, year ranges, "Tabel 2.1", "artikel 7:231 BW", set phrases).
2. ``_ratios``, ``_fractions``, ``_majorities``: shares written in words ("7 op de 10",
   "een derde", "een meerderheid"), with a precise figure in brackets folded in
   ("een derde (34%)" is one quantity, 34).
3. ``_numbers``: digits and number words with their scale and unit ("€ 164 miljoen",
   "1,2 miljoen mensen", "30 pct.", "drieduizend"), minus the numbers that are years,
   durations, footnote markers, factors or the article "een" (``_not_a_figure``).
4. ``_qualify`` and ``_classify_change``: the words around a figure that qualify it ("ruim",
   "een kleine") or make it a signed change ("een daling van", "minder", "met ... gestegen").

Rules where Dutch leaves a choice:

- Digits: the dot groups thousands ("117.000"), the comma is the decimal mark ("1,1"). A dot
  not followed by groups of three ("1.5"), a comma before exactly three digits ("1,250") and
  English grouping ("1,234.5") are read as well as possible and marked ``ambiguous`` with a
  note. Runs of more than 15 digits are identifiers, not figures.
- Years: a bare four-digit integer from 1990 to 2035 (1900 to 2099 after a year preposition
  such as "in", "sinds", "eind") is a year unless a counted noun follows ("3000 huishoudens");
  a unit, a scale word or a change noun before it ("een daling van 2000") also make it a
  figure.
- "een" is the article and never a number on its own; "één" is one only before a counted noun.
- Fractions, ratios and majorities are percentages; unqualified they are ``approx``, a
  majority is ``more_than`` 50. A bracketed percentage right after them (or after a few words
  without digits) replaces their value and makes it exact.
- ``Quantity.text`` covers the figure with the words that make it what it is: its qualifier,
  unit and scale, and the change words around it ("iets meer dan 1.000",
  "een daling van 18.000", "€ 9 miljoen minder", "10 procent gestegen").

Every Dutch word comes from the data files in ``rapportextract/lang/nl``; the patterns are
compiled from them once, on first use.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal, NamedTuple

import regex

from rapportextract.lang import nl
from rapportextract.models import Qualifier, Quantity, Unit

Form = Literal["digits", "words", "fraction", "ratio", "majority"]

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
# How far back and ahead of a figure the context words are looked for (characters).
_LEFT_WINDOW = 60
_RIGHT_WINDOW = 60


# --------------------------------------------------------------------------------------------
# Patterns built from the language data
# --------------------------------------------------------------------------------------------


def _bounds(text: str, *, glued: bool = False) -> tuple[str, str]:
    """The word boundaries around a phrase: only where it starts or ends with a letter or
    digit. ``glued`` allows a letter or digit right before it ("€12mln")."""
    left = r"(?<!\w)" if text[0].isalnum() and not glued else ""
    right = ""
    if text[-1].isalnum():
        # a glued unit may carry a footnote marker ("30 procent3"), never more letters
        right = r"(?![^\W\d_])" if glued else r"(?!\w)"
    return left, right


def _body(text: str) -> str:
    """A regex for one word or phrase: any whitespace between words, both apostrophes."""
    parts = [regex.escape(part) for part in text.split()]
    return r"\s+".join(parts).replace("'", "['’‘`]")


def _phrase(text: str, *, glued: bool = False) -> str:
    """A regex for one word or phrase, with its word boundaries (`_bounds`)."""
    left, right = _bounds(text, glued=glued)
    return left + _body(text) + right


def _alt(words: Iterable[str], *, glued: bool = False) -> str:
    """An alternation of phrases, longest first so that "iets meer dan" beats "meer dan"."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    # Neighbouring phrases with the same boundaries share them: "(?<!\w)(?:a|b)(?!\w)" tries
    # the same phrases in the same order as "(?<!\w)a(?!\w)|(?<!\w)b(?!\w)", but the engine
    # tests the boundary once per position instead of once per phrase (five times faster on
    # the qualifier list) and the pattern compiles quicker.
    runs: list[tuple[tuple[str, str], list[str]]] = []
    for word in unique:
        bounds = _bounds(word, glued=glued)
        if runs and runs[-1][0] == bounds:
            runs[-1][1].append(_body(word))
        else:
            runs.append((bounds, [_body(word)]))
    return "(?:" + "|".join(
        left + (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")") + right
        for (left, right), bodies in runs
    ) + ")"


def _bare_alt(words: Iterable[str]) -> str:
    """An alternation without word boundaries, for the parts inside a compound word."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in unique) + ")"


@dataclass(frozen=True)
class _Patterns:
    """Everything compiled from the language data, built once."""

    data: nl.DutchData
    # numbers
    core: regex.Pattern[str]
    number_word: regex.Pattern[str]
    word_token: regex.Pattern[str]
    token_values: dict[str, Decimal]
    # shares
    ratio: regex.Pattern[str]
    ratio_hint: regex.Pattern[str]
    fraction: regex.Pattern[str]
    fraction_hint: regex.Pattern[str]
    majority: regex.Pattern[str]
    bracket_percent: regex.Pattern[str]
    # digits that are no figures
    masks: tuple[regex.Pattern[str], ...]
    """Masks that need a digit in the text."""
    word_masks: tuple[regex.Pattern[str], ...]
    """Masks that may match text without digits."""
    digit: regex.Pattern[str]
    domain: regex.Pattern[str]
    domain_hint: regex.Pattern[str]
    phone: regex.Pattern[str]
    phone_hint: regex.Pattern[str]
    duration_right: regex.Pattern[str]
    factor_right: regex.Pattern[str]
    ordinal_right: regex.Pattern[str]
    caption_left: regex.Pattern[str]
    year_before: regex.Pattern[str]
    year_always_before: regex.Pattern[str]
    count_nouns: frozenset[str]
    not_count_words: frozenset[str]
    plain_article: frozenset[str]
    stressed_one: frozenset[str]
    stressed_one_not_before: frozenset[str]
    next_word: regex.Pattern[str]
    footnote_end: regex.Pattern[str]
    line_start: regex.Pattern[str]
    range_left: regex.Pattern[str]
    # qualifiers and changes
    qualifier_left: dict[nl.QualifierName, regex.Pattern[str]]
    qualifier_any_left: regex.Pattern[str]
    change_noun_left: regex.Pattern[str]
    change_verb_left: regex.Pattern[str]
    change_bare_left: regex.Pattern[str]
    level_left: regex.Pattern[str]
    change_right: regex.Pattern[str]
    change_particle_right: regex.Pattern[str]
    change_after_noun: regex.Pattern[str]
    decrease_words: frozenset[str]


_FLAGS = regex.IGNORECASE | regex.VERSION1 | regex.UNICODE
# Longer digit runs are identifiers (IBAN, case numbers), not figures; the limit also keeps
# every value within Decimal's default 28 digits after a scale word.
_MAX_DIGITS = 15
_DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3}){1,4}(?:,\d{1,12})?"  # 117.000 / 1.234,5
    # typographic spaces group thousands too (no-break, narrow no-break, thin): 117 000
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3}){1,4}(?:,\d{1,12})?"
    rf"|\d{{1,{_MAX_DIGITS}}}(?:[.,]\d{{1,12}})?"  # 3000 / 1,1 / 1.5 (ambiguous)
    r"|\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,12})?)"  # 1,234,567.5 (English, ambiguous)
)


def _compile(pattern: str, grammar: str = "") -> regex.Pattern[str]:
    return regex.compile(pattern + grammar, _FLAGS)


def _caseless(pattern: str) -> str:
    """`pattern` without case folding, for a part whose matches case does not change: a
    class of digits, punctuation and word characters as a whole. Folded, such a class takes
    milliseconds to compile and is tested several times slower at every position."""
    return f"(?-i:{pattern})"


def _not_after(chars: str) -> str:
    """A negative lookbehind for a class of characters without case (`_caseless`)."""
    return _caseless(f"(?<!{chars})")


class _Grammar(NamedTuple):
    """A named piece of pattern: ``call`` stands for it inside a pattern, and ``defines``
    (appended to that pattern) says what it is."""

    call: str
    defines: str
    starts: str
    """A lookahead for the first letters of a number word: what ``call`` checks first."""


def _word_number(num: nl.NumberWords) -> _Grammar:
    """The grammar of a Dutch number word, written as one word up to the thousands."""
    # Written out in full, the grammar repeats its parts and comes to several kilobytes in
    # every pattern that reads number words, and compiling those took most of the start-up
    # time; each part is defined once per pattern and called by name instead. The word
    # lists stay written out inside the parts, and a call first looks at the first two
    # letters, so that matching is as quick as with the grammar in full.
    units, teens, tens = _bare_alt(num.units), _bare_alt(num.teens), _bare_alt(num.tens)
    join = _bare_alt(num.joiners)
    half, one_and_a_half = regex.escape(num.half), regex.escape(num.one_and_a_half)
    hundred, thousand = regex.escape(num.hundred), regex.escape(num.thousand)
    parts = {
        "nw_below_100": f"(?:{units}{join}{tens}|{tens}|{teens}|{units})",
        "nw_below_1000": (
            f"(?:(?:{teens}|{units})?{hundred}(?:{join}?(?&nw_below_100))?|(?&nw_below_100))"
        ),
        # "vijfenhalf", "anderhalf"
        "nw_and_a_half": f"(?:(?&nw_below_100){join}{half}|{one_and_a_half})",
        "nw_number": (
            f"(?:(?:(?&nw_below_1000)|(?&nw_and_a_half))?{thousand}"
            f"(?:{join}?(?&nw_below_1000))?|(?&nw_and_a_half)|(?&nw_below_1000))"
        ),
    }
    words = [*num.units, *num.teens, *num.tens, num.hundred, num.thousand, num.one_and_a_half]
    pairs = {w[:2].lower() for w in words}
    firsts = "".join(regex.escape(c) for c in sorted({w[0] for w in pairs}))
    defines = "".join(f"(?P<{name}>{body})" for name, body in parts.items())
    starts = f"(?=[{firsts}])(?={_bare_alt(pairs)})"
    return _Grammar(call=f"{starts}(?&nw_number)", defines=f"(?(DEFINE){defines})",
                    starts=starts)


def _word_tokens(num: nl.NumberWords) -> tuple[regex.Pattern[str], dict[str, Decimal]]:
    values: dict[str, Decimal] = {}
    for table in (num.units, num.teens, num.tens):
        values.update({w.lower(): Decimal(v) for w, v in table.items()})
    values[num.half.lower()] = Decimal("0.5")
    values[num.one_and_a_half.lower()] = Decimal("1.5")
    tokens = [*values, num.hundred.lower(), num.thousand.lower(), *num.joiners]
    return _compile(_bare_alt(tokens)), values


def _core(data: nl.DutchData, word_number: str) -> str:
    """A number in digits or words with its currency, scale and percent markers."""
    num = data.numbers
    scale = _alt(data.scales, glued=True)
    article = _alt(num.plain_article + num.stressed_one)
    cur_suf = _alt(data.units.currency_suffix, glued=True)
    pct_suf = _alt(data.units.percent_suffix, glued=True)
    pct_pts = _alt(data.units.percent_points, glued=True)
    unit_ahead = f"(?:{scale}|{cur_suf}|{pct_suf}|{pct_pts})"
    starts = {
        w[:2].lower()
        for w in [
            *num.units, *num.teens, *num.tens, num.hundred, num.thousand, num.one_and_a_half,
            *num.plain_article, *num.stressed_one, *data.units.currency_prefix,
        ]
    }
    firsts = "".join(regex.escape(c) for c in sorted({w[0] for w in starts} - set("€+-−–")))
    return (
        # a quick look at the first character, then the first two, before the full pattern
        rf"(?=[\d€+\-−–{firsts}])(?=[\d€+\-−–]|{_bare_alt(starts)})"
        # not glued to a word, a number or punctuation ("COVID-19", "sector.1", "(CBS)2": a
        # footnote marker), but "20-25%" is a range
        + _not_after(r"[\w.,/:;!?)\]’”'‘+#]") + _not_after(r"[^\W\d_][-−–]") +
        rf"(?:(?P<cur_pre>{_alt(data.units.currency_prefix)})\s*)?"
        r"(?:(?P<sign>[-+−–])(?=\d))?"
        "(?:"
        rf"(?P<digits>{_DIGITS})(?![.,]?\d)(?:(?=\W|$)|(?={unit_ahead}))"
        # "daalde naar 1.200.4": a footnote marker glued to a grouped figure ending the sentence
        r"|(?P<digits>\d{1,3}(?:\.\d{3}){1,4})(?P<marker>(?=\.\d{1,2}(?:\s*$|\s+(?-i:[A-Z]))))"
        rf"|(?P<words>{article}(?:\s+(?P<half>{regex.escape(num.half)}))?(?=\s+{scale})"
        rf"|{word_number}(?!\w))"
        ")"
        rf"(?:\s*(?P<scale>{scale}))?"
        # a currency sign before the next number is that number's ("eind 2022 € 173 miljoen")
        rf"(?:\s*(?P<cur_suf>{cur_suf})(?!\s*[-+−]?\d))?"
        rf"(?:\s*(?P<points>{pct_pts})|\s*(?P<pct>{pct_suf}))?"
    )


def _share_patterns(data: nl.DutchData, grammar: _Grammar) -> dict[str, regex.Pattern[str]]:
    """Ratios ("7 op de 10"), fractions ("een derde"), majorities and bracketed figures."""
    fr = data.fractions
    article = _alt(data.numbers.plain_article + data.numbers.stressed_one)
    pct_suf = _alt(data.units.percent_suffix, glued=True)
    op = _alt(data.ratios.op_connectors)
    van = _alt(data.ratios.van_connectors)
    word_number = grammar.call
    number = rf"(?:\d+|{word_number}|{article})"
    return {
        "ratio": _compile(
            _not_after(r"[\w.,]")
            + rf"(?P<n>{number})\s+(?:(?P<op>{op})|(?P<van>{van}))\s+"
            rf"(?P<m>\d+|{word_number})" + _caseless(r"(?![\w.,]\w)"),
            grammar.defines,
        ),
        # "op" and "van" stand in most sentences: a ratio needs a number after them
        "ratio_hint": _compile(rf"(?:{op}|{van})\s+(?:\d|{grammar.starts})"),
        "fraction": _compile(
            rf"(?:(?<!\w)(?P<num>{number})\s+(?P<den>{_alt(fr.denominators)})"
            rf"|(?P<compound>{_alt(fr.compounds)})|(?P<phrase>{_alt(fr.phrases)}))"
            rf"(?:\s+(?P<pct>{pct_suf}))?",
            grammar.defines,
        ),
        "fraction_hint": _compile(
            _alt([*fr.denominators, *fr.compounds, *(w.split()[-1] for w in fr.phrases)])
        ),
        "majority": _compile(_alt(fr.majority)),
        # "een derde (34%)", "een meerderheid van de corporaties (73%)"
        "bracket_percent": _compile(
            r"(?P<gap>(?:\s+(?!\d)" + _caseless(r"[\w’'-]+") + r"){0,5}?)\s*\(\s*"
            rf"(?P<qual>{_alt(_all_qualifiers(data))}\s*)?"
            rf"(?P<digits>\d+(?:,\d+)?)\s*{pct_suf}\s*\)"
        ),
    }


def _masks(ctx: nl.Contexts) -> tuple[tuple[regex.Pattern[str], ...], ...]:
    """Spans with digits or number words in them that hold no figure: the patterns that
    may match text without a digit, and those that need one."""
    months = _alt(ctx.months)
    centuries = f"(?:{ctx.year_first // 100}|{ctx.year_last // 100})"
    without_digits = (
        # URLs and e-mail addresses (bare domains: see _Patterns.domain)
        r"(?:https?://|www\.)\S+",
        _caseless(r"(?<![\w@])[\w.-]+@[\w-]+(?:\.[\w-]+)+"),
        # set phrases with a number word that is no number ("in acht nemen")
        _alt(ctx.idioms),
    )
    with_digits = (
        # dates: 4 april 2021, april 2021, 04-04-2021, 2021-04-04, 12.12.2020
        rf"(?<![\d.,])\d{{1,2}}\s+{months}(?:\s+\d{{4}})?",
        rf"{months}\s+\d{{4}}(?!\d)",
        r"(?<![\d.,])\d{1,2}[-/]\d{1,2}[-/](?:\d{4}|\d{2})(?!\d)",
        r"(?<![\d.,])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)",
        r"(?<![\d.,])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)",
        # year ranges: 2010-2017, 2022/2023, 2022/'23
        rf"(?<![\d.,]){centuries}\d{{2}}\s*[-–—/]\s*(?:\d{{4}}|'?\d{{2}})(?![\d.,]\d)",
        # references: Grafiek 3, Tabel 2.1, blz. 12, artikel 7:231 BW
        rf"{_alt(ctx.reference_words)}\s*\d+(?:[.:]\d+)*[a-z]?"
        rf"(?:\s*{_alt(ctx.reference_joiners)}\s*\d+(?:[.:]\d+)*)?(?!\w)",
        # house numbers after a street name: Koninginnegracht 14, Postbus 29204
        rf"(?<=\w{_bare_alt(ctx.street_endings)})\s+\d+[a-z]?(?!\w)",
        # Dutch postcodes: 2595 AL (four digits, two capitals)
        r"(?<![\d.,])[1-9]\d{3}\s?(?-i:[A-Z]{2})(?!\w)",
        # legal article numbers and clock times: 7:231, 10:30
        _caseless(r"(?<![\w.,])\d+:\d+(?!\d)"),
        # the 100 that shares add up to, ending the clause: "tellen niet altijd op tot 100",
        # "tellen op tot meer dan 100%" (not "tellen ... tot 100 uitzettingen")
        rf"(?:\bop\s+)?\btot\s+(?:(?:meer|minder)\s+dan\s+)?100(?:\s*(?:%|procent))?"
        rf"(?=\s*(?:[.,;:)]|$))(?<={_alt(ctx.sum_note_verbs)}[^.;:]{{0,80}})",
    )
    return tuple(_compile(p) for p in without_digits), tuple(_compile(p) for p in with_digits)


def _context_patterns(data: nl.DutchData, grammar: _Grammar) -> dict[str, regex.Pattern[str]]:
    """The words around a bare number that make it a duration, factor, year or marker."""
    ctx = data.contexts
    tlds = _bare_alt(ctx.url_tlds)
    joiners = _alt(ctx.duration_range_joiners)
    return {
        "domain": _compile(
            _not_after(r"[\w@/.-]") + _caseless(r"(?:[\w-]++\.)+") + rf"{tlds}(?!\w)(?:/\S*)?"
        ),
        "domain_hint": _compile(rf"\.{tlds}(?!\w)"),
        # Dutch phone numbers: 088 - 233 37 00, 020-1234567, +31 20 123 4567
        "phone": _compile(_caseless(
            r"(?<![\w.,+])(?:(?:\+|00)31[\s-]?(?:\(0\)\s?)?|\(?0)\d{1,3}\)?"
            r"(?:(?:\s?-\s?|\s)?\d{2,}){1,4}(?![\w.,]\d)"
        )),
        "phone_hint": _compile(r"(?:\+|" + _not_after(r"\d") + r"0)\d"),
        "duration_right": _compile(
            rf"^\s*(?:{joiners}\s*(?:\d+(?:,\d+)?|{grammar.call})\s*)?-?"
            rf"{_alt(ctx.duration_units)}",
            grammar.defines,
        ),
        "factor_right": _compile(
            rf"^\s*{_alt(ctx.factor_words)}(?:\s*{_alt(ctx.factor_followers)}|\s*$)"
        ),
        "ordinal_right": _compile(rf"\s+{_alt(data.fractions.ordinal_nouns)}"),
        "caption_left": _compile(rf"(?:^|[(\[])\s*{_alt(ctx.caption_multipliers)}\s*$"),
        "year_before": _compile(rf"{_alt(ctx.year_before + ctx.year_always_before)}\s*$"),
        "year_always_before": _compile(rf"{_alt(ctx.year_always_before)}\s*$"),
        "next_word": _compile(r"^\s+(?P<word>[^\W\d_]" + _caseless(r"[\w-]*") + ")"),
        "footnote_end": _compile(r"[.!?;:)]\s*$"),
        "line_start": _compile(r"(?:^|\n)\s*$"),
        "range_left": _compile(rf"{_DIGITS}\s*(?P<joiner>{_alt(ctx.range_joiners)})\s*"),
    }


def _change_patterns(data: nl.DutchData) -> dict[str, regex.Pattern[str]]:
    """Qualifier words before a figure, and the words that make it a change."""
    ch = data.changes
    nouns = _alt(ch.decrease_nouns + ch.increase_nouns)
    verbs = _alt(ch.decrease_verbs + ch.increase_verbs)
    particles = _alt(ch.decrease_particles + ch.increase_particles)
    comparatives = _alt(ch.decrease_comparatives + ch.increase_comparatives)
    met = _phrase(ch.verb_size_marker)
    return {
        "qualifier_any_left": _compile(rf"{_alt(_all_qualifiers(data))}\s*$"),
        # "een forse daling van", "een toename met"
        "change_noun_left": _compile(
            rf"(?:{_alt(ch.noun_articles)}\s+)?(?:{_alt(ch.intensifiers)}\s+)?"
            rf"(?P<word>{nouns})\s+{_alt(ch.noun_size_markers)}\s*$"
        ),
        # "daalde met", "is toegenomen, met", "steeg in een jaar met": a finite verb may
        # stand up to seven words (no digits, no punctuation) before "met" ("daalde ten
        # opzichte van een jaar eerder met 7 procent")
        "change_verb_left": _compile(
            rf"(?:(?P<word>{verbs}),?|(?P<word>{_alt(ch.finite_verbs)})(?:\s+[^\W\d_]+){{1,7}}?)"
            rf"\s+{met}\s*$"
        ),
        "change_bare_left": _compile(rf"{met}\s*$"),
        "level_left": _compile(rf"{_alt(ch.level_markers)}\s*$"),
        # "minder", "lager", "gestegen" right after the figure
        "change_right": _compile(rf"^\s*(?P<word>{comparatives}|{verbs})"),
        # "zeshonderd vonnissen meer dan", "2 corporaties minder.": a counted noun between
        "change_after_noun": _compile(
            rf"^\s+(?P<noun>[^\W\d_]+)\s+(?P<word>{comparatives})"
            rf"(?=\s+{_alt(ch.comparative_followers)}|\s*[.,;:]|\s*$)"
        ),
        # "met 8% toe", "met 10 procent gestegen": up to three words in between; a particle
        # before an article is a preposition ("met 4.100 op het laagste niveau")
        "change_particle_right": _compile(
            rf"^(?:\s+(?!\d)\w+){{0,3}}?\s+"
            rf"(?P<word>{verbs}|{particles}(?!\s+{_alt(ch.noun_articles)}))"
        ),
    }


@cache
def _patterns() -> _Patterns:
    data = nl.load()
    grammar = _word_number(data.numbers)
    word_token, token_values = _word_tokens(data.numbers)
    word_masks, digit_masks = _masks(data.contexts)
    ch = data.changes
    decreasing = (
        ch.decrease_nouns + ch.decrease_verbs + ch.decrease_particles + ch.decrease_comparatives
    )
    return _Patterns(
        data=data,
        core=_compile(_core(data, grammar.call), grammar.defines),
        number_word=_compile(rf"(?<!\w){grammar.call}(?!\w)", grammar.defines),
        word_token=word_token,
        token_values=token_values,
        word_masks=word_masks,
        masks=digit_masks,
        digit=_compile(r"\d"),
        qualifier_left={
            name: _compile(rf"{_alt(words)}\s*$") for name, words in data.qualifiers.items()
        },
        count_nouns=_lower_set(data.contexts.count_nouns),
        not_count_words=_lower_set(data.contexts.not_count_words),
        plain_article=_lower_set(data.numbers.plain_article),
        stressed_one=_lower_set(data.numbers.stressed_one),
        stressed_one_not_before=_lower_set(data.contexts.stressed_one_not_before),
        decrease_words=frozenset(" ".join(w.lower().split()) for w in decreasing),
        **_share_patterns(data, grammar),
        **_context_patterns(data, grammar),
        **_change_patterns(data),
    )


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _all_qualifiers(data: nl.DutchData) -> list[str]:
    return [w for words in data.qualifiers.values() for w in words]


# --------------------------------------------------------------------------------------------
# Reading numbers
# --------------------------------------------------------------------------------------------


def _clean(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1200000.0 -> 1200000)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@dataclass(frozen=True)
class DigitReading:
    """How a digit string reads: its value, and whether Dutch rules left a doubt."""

    value: Decimal
    ambiguous: bool = False
    note: str | None = None
    plain_integer: bool = False


_GROUP_SPACES = str.maketrans("", "", "\u00a0\u202f\u2009")


def parse_digits(written: str) -> DigitReading:
    """Read a digit string the Dutch way: the dot groups thousands, the comma is decimal.

    Forms that Dutch rules cannot settle are read as well as possible and flagged.
    """
    written = written.translate(_GROUP_SPACES)
    if "." in written and "," in written:
        if written.rfind(",") > written.rfind("."):
            return DigitReading(Decimal(written.replace(".", "").replace(",", ".")))
        return DigitReading(
            Decimal(written.replace(",", "")),
            ambiguous=True,
            note="English number format (comma groups thousands, dot is decimal)",
        )
    if "," in written:
        head, _, tail = written.partition(",")
        if written.count(",") > 1:
            return DigitReading(
                Decimal(written.replace(",", "")),
                ambiguous=True,
                note="commas group thousands (English format)",
            )
        value = Decimal(f"{head}.{tail}")
        if len(tail) == 3 and len(head) <= 3 and head != "0":
            return DigitReading(
                value,
                ambiguous=True,
                note="comma before three digits: read as a decimal comma, could be thousands",
            )
        return DigitReading(value)
    if "." in written:
        groups = written.split(".")
        if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            return DigitReading(Decimal(written.replace(".", "")))
        return DigitReading(
            Decimal(written) if written.count(".") == 1 else Decimal(written.replace(".", "")),
            ambiguous=True,
            note="dot not followed by three digits: read as a decimal point (English format)",
        )
    return DigitReading(Decimal(written), plain_integer=True)


def parse_number_word(written: str) -> Decimal | None:
    """The value of a Dutch number word ("drieëntwintig" 23, "vijfenhalfduizend" 5500)."""
    p = _patterns()
    word = written.lower()
    if p.number_word.fullmatch(word) is None:
        return None
    num = p.data.numbers
    hundred, thousand = num.hundred.lower(), num.thousand.lower()
    total = Decimal(0)
    small = Decimal(0)
    for token in p.word_token.findall(word):
        if token == hundred:
            small = (small or Decimal(1)) * 100
        elif token == thousand:
            total += (small or Decimal(1)) * 1000
            small = Decimal(0)
        elif token in p.token_values:
            small += p.token_values[token]
    return _clean(total + small)


def _ratio_value(n: Decimal, m: Decimal) -> Decimal:
    return _clean((n * _HUNDRED / m).quantize(_CENT, rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int
    end: int
    value: Decimal
    unit: Unit
    form: Form
    scale: int = 1
    qualifier: Qualifier = "exact"
    kind: Literal["level", "change"] = "level"
    ambiguous: bool = False
    notes: list[str] = field(default_factory=list)
    has_unit: bool = False
    plain_integer: bool = False
    signed: bool = False
    precise: bool = False
    """The value came from a precise figure in brackets: words before it do not qualify it."""

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class _Spans:
    """A fixed set of character spans, asked whether they overlap a span (in log time)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.max_end: list[int] = list(itertools.accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans that start before `end`
        return i > 0 and self.max_end[i - 1] > start


def _masked_spans(text: str, p: _Patterns) -> list[tuple[int, int]]:
    masks = (*p.word_masks, *p.masks) if p.digit.search(text) else p.word_masks
    spans = [m.span() for pattern in masks for m in pattern.finditer(text)]
    if p.domain_hint.search(text):
        spans += [m.span() for m in p.domain.finditer(text)]
    if p.phone_hint.search(text) is None:
        return spans
    service = p.data.contexts.phone_service_prefixes
    for m in p.phone.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if digits >= 9 or (digits >= 8 and m.group().lstrip("(").startswith(service)):
            spans.append(m.span())
    return spans


def _value_of(written: str) -> Decimal | None:
    written = written.strip()
    if written[0].isdigit():
        return parse_digits(written).value
    p = _patterns()
    if written.lower() in p.plain_article or written.lower() in p.stressed_one:
        return Decimal(1)
    return parse_number_word(written)


def _ratios(text: str, p: _Patterns) -> list[_Found]:
    found: list[_Found] = []
    if p.ratio_hint.search(text) is None:
        return found
    ratios = p.data.ratios
    for m in p.ratio.finditer(text, overlapped=False):
        n, d = _value_of(m.group("n")), _value_of(m.group("m"))
        if n is None or d is None or d == 0 or n > d:
            continue
        if m.group("op") and d > ratios.op_max:
            continue
        if m.group("van") and (d != d.to_integral_value() or int(d) not in ratios.van_allowed):
            continue
        found.append(
            _Found(m.start(), m.end(), _ratio_value(n, d), "percent", "ratio", qualifier="approx")
        )
    return found


def _fractions(text: str, p: _Patterns) -> list[_Found]:
    found: list[_Found] = []
    if p.fraction_hint.search(text) is None:
        return found
    fr = p.data.fractions
    for m in p.fraction.finditer(text):
        if p.ordinal_right.match(text, m.end()) and not m.group("pct"):
            continue
        if m.group("phrase"):
            value = fr.phrases[_key(fr.phrases, m.group("phrase"))]
        elif m.group("compound"):
            value = fr.compounds[_key(fr.compounds, m.group("compound"))]
        else:
            n = _value_of(m.group("num"))
            d = Decimal(fr.denominators[_key(fr.denominators, m.group("den"))])
            if n is None or n >= d:
                continue
            value = _ratio_value(n, d)
        if m.group("pct"):
            # "twee tiende procent" is a fraction of one percent
            value = _clean(value / _HUNDRED)
            found.append(_Found(m.start(), m.end(), value, "percent", "fraction", has_unit=True))
            continue
        found.append(_Found(m.start(), m.end(), value, "percent", "fraction", qualifier="approx"))
    return found


def _majorities(text: str, p: _Patterns) -> list[_Found]:
    found = []
    table = p.data.fractions.majority
    for m in p.majority.finditer(text):
        value, qualifier = table[_key(table, m.group())]
        found.append(_Found(m.start(), m.end(), value, "percent", "majority", qualifier=qualifier))
    return found


def _key(table: Mapping[str, object], written: str) -> str:
    """The table key a case- and whitespace-insensitive match was written as."""
    wanted = " ".join(written.lower().replace("’", "'").split())
    for key in table:
        if " ".join(key.lower().split()) == wanted:
            return key
    raise KeyError(written)


def _with_bracket_figure(found: _Found, text: str, p: _Patterns) -> None:
    """Fold "een derde (34%)" into one quantity: the bracketed figure is the precise value."""
    m = p.bracket_percent.match(text, found.end)
    if m is None:
        return
    digits = parse_digits(m.group("digits"))
    found.value = digits.value
    found.qualifier = "exact"
    if m.group("qual"):
        for name, pattern in p.qualifier_left.items():
            if pattern.search(m.group("qual")):
                found.qualifier = name
                break
    found.notes.append(f"precise figure in brackets after the {found.form} words")
    found.end = m.end()
    found.has_unit = True
    found.precise = True


def _numbers(text: str, p: _Patterns) -> list[_Found]:
    found = []
    scales = p.data.scales
    for m in p.core.finditer(text):
        notes: list[str] = []
        ambiguous = False
        plain_integer = False
        form: Form
        if m.group("digits"):
            digits = parse_digits(m.group("digits"))
            value, ambiguous, plain_integer = digits.value, digits.ambiguous, digits.plain_integer
            if digits.note:
                notes.append(digits.note)
            if m.group("marker") is not None:
                notes.append("footnote marker after the figure left out")
            form = "digits"
        else:
            if m.group("half"):
                value = Decimal("0.5")
            else:
                parsed = _value_of(m.group("words"))
                if parsed is None:
                    continue
                value = parsed
            form = "words"
        scale = 1
        if m.group("scale"):
            scale = scales[_key(scales, m.group("scale"))]
        unit: Unit = "count"
        has_unit = False
        if m.group("cur_pre") or m.group("cur_suf"):
            unit, has_unit = "EUR", True
        if m.group("pct") or m.group("points"):
            if unit == "EUR":
                continue
            unit, has_unit = "percent", True
            if m.group("points"):
                notes.append("percentage points")
        if m.group("sign"):
            if m.group("sign") in "-−–":
                value = -value
            notes.append("explicit sign: read as a change")
        found.append(
            _Found(
                m.start(),
                m.end(),
                _clean(value * scale),
                unit,
                form,
                scale=scale,
                ambiguous=ambiguous,
                notes=notes,
                has_unit=has_unit or scale != 1,
                plain_integer=plain_integer and scale == 1 and not has_unit,
                signed=bool(m.group("sign")),
            )
        )
    return found


# --------------------------------------------------------------------------------------------
# Numbers that are not figures
# --------------------------------------------------------------------------------------------


def _is_year(q: _Found, before: str, after: str, p: _Patterns) -> bool:
    """A bare four-digit number in the year range is a year unless a counted noun follows.

    After a year preposition ("in", "sinds", "eind") a wider range counts as years too. After
    "in", "sinds" and the like it is always a year ("sinds 2021 signalen"); otherwise a listed
    counted noun makes it a count ("van 2000 huishoudens"), and a word with a plural ending
    does so where no year preposition stands before the number ("2024 huurders").
    """
    ctx = p.data.contexts
    if p.change_noun_left.search(before):
        return False  # "een daling van 2000"
    after_preposition = p.year_before.search(before) is not None
    if not ctx.year_first <= q.value <= ctx.year_last and not (
        after_preposition and ctx.year_wide_first <= q.value <= ctx.year_wide_last
    ):
        return False
    if p.year_always_before.search(before):
        return True  # "sinds 2021 signalen"
    nxt = p.next_word.match(after)
    if nxt is None:
        return True
    word = nxt.group("word").lower()
    if word in p.not_count_words:
        return True
    if word in p.count_nouns:
        return False
    if after_preposition:
        return True
    return not any(word.endswith(e) for e in ctx.count_plural_endings)


def _bare_article(q: _Found, text: str, p: _Patterns) -> bool:
    return q.form == "words" and not q.has_unit and text[q.start : q.end].lower() in p.plain_article


def _not_a_figure(q: _Found, text: str, p: _Patterns) -> str | None:
    """Why a bare number is no figure (a year, a duration, a marker), or None."""
    if q.has_unit:
        return None
    after = text[q.end : q.end + _RIGHT_WINDOW]
    before = text[max(0, q.start - _LEFT_WINDOW) : q.start]
    written = text[q.start : q.end]
    if p.duration_right.match(after):
        return "duration"
    if p.factor_right.match(after):
        return "factor"
    if p.caption_left.search(before):
        return "caption multiplier"
    if q.form == "words":
        lower = written.lower()
        if lower in p.plain_article:
            return "article"
        if lower in p.stressed_one:
            nxt = p.next_word.match(after)
            if nxt is None or nxt.group("word").lower() in p.stressed_one_not_before:
                return "'één' without a counted noun"
    if not q.plain_integer or q.signed:
        return None
    if len(written) == 4 and _is_year(q, before, after, p):
        return "year"
    nxt = p.next_word.match(after)
    if len(written) <= 2:
        if p.footnote_end.search(before) and (after.strip() == "" or after.startswith("\n")):
            return "footnote marker"
        if p.line_start.search(before) and nxt and nxt.group("word")[0].isupper():
            return "footnote or heading number"
    return None


# --------------------------------------------------------------------------------------------
# Qualifiers and changes
# --------------------------------------------------------------------------------------------


def _qualify(q: _Found, text: str, floor: int, p: _Patterns) -> None:
    """Take a qualifier written before the figure ("ruim", "een kleine") into it."""
    before = text[max(floor, q.start - _LEFT_WINDOW) : q.start]
    m = p.qualifier_any_left.search(before)
    if m is None:
        return
    if not q.precise:
        for name, pattern in p.qualifier_left.items():
            if pattern.fullmatch(m.group()):
                q.qualifier = name
                break
    q.start -= len(before) - m.start()


def _direction(word: str, p: _Patterns) -> int:
    return -1 if " ".join(word.lower().split()) in p.decrease_words else 1


def _classify_change(q: _Found, text: str, floor: int, ceiling: int, p: _Patterns) -> None:
    """Make the figure a signed change where the words around it say so.

    ``floor`` and ``ceiling`` bound the words it may take: the neighbouring figures' spans.
    """
    before = text[max(floor, q.start - _LEFT_WINDOW) : q.start]
    after = text[q.end : min(ceiling, q.end + _RIGHT_WINDOW)]
    if q.signed:
        q.kind = "change"
        return
    if q.form in ("ratio", "majority"):
        return
    if p.level_left.search(before):
        return
    m = p.change_noun_left.search(before) or p.change_verb_left.search(before)
    if m:
        _make_change(q, _direction(m.group("word"), p))
        q.start -= len(before) - m.start()
        return
    m = p.change_right.match(after)
    if m is None:
        m = p.change_after_noun.match(after)
        if m and m.group("noun").lower() not in p.count_nouns:
            m = None
    if m:
        _make_change(q, _direction(m.group("word"), p))
        q.end += m.end()
        return
    if p.change_bare_left.search(before):
        m = p.change_particle_right.match(after)
        if m:
            _make_change(q, _direction(m.group("word"), p))
            q.notes.append(f"change: 'met' ... '{m.group('word')}'")


def _make_change(q: _Found, direction: int) -> None:
    q.kind = "change"
    q.value = -abs(q.value) if direction < 0 else abs(q.value)


def _borrow_range_unit(found: list[_Found], text: str, p: _Patterns) -> None:
    """"tussen 5 en 10%", "2 à 3 miljoen euro": the first number takes the second's unit."""
    unordered = _lower_set(p.data.contexts.range_unordered_joiners)
    for first, second in itertools.pairwise(found):
        if first.has_unit or not second.has_unit or first.form != "digits":
            continue
        m = p.range_left.fullmatch(text[first.start : second.start])
        if m is None:
            continue
        # a range goes up ("in 2022 en 5% minder" is none); "van 40 naar 38 procent" may go down
        joiner = " ".join(m.group("joiner").lower().split())
        if joiner not in unordered and first.value >= second.value / second.scale:
            continue
        if _not_a_figure(first, text, p) is not None:
            continue  # "in 2020 naar 205 miljoen euro": a year is no end of a range
        first.unit = second.unit
        if second.scale != 1 and first.scale == 1:
            first.value = _clean(first.value * second.scale)
            first.scale = second.scale
        first.has_unit = True
        first.plain_integer = False
        first.notes.append("unit taken from the end of the range")


# --------------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------------


def find_quantities(text: str) -> list[Quantity]:
    """Every figure written in ``text`` (one sentence), in reading order.

    Offsets are character offsets in ``text``; ``Quantity.text`` is ``text[start:end]`` and
    covers the figure with its unit, scale, qualifier and change words ("iets meer dan 1.000",
    "een daling van 18.000", "€ 9 miljoen minder").
    """
    if not text:
        return []
    p = _patterns()
    share_candidates = sorted([*_ratios(text, p), *_fractions(text, p), *_majorities(text, p)],
                              key=lambda q: q.start)
    number_candidates = _numbers(text, p)
    if not share_candidates and all(_bare_article(q, text, p) for q in number_candidates):
        # Most sentences: no candidate, or only the article "een", which is never a figure
        # (`_not_a_figure`) and never part of a range; the masks need not be looked for.
        return []
    masks = _Spans(_masked_spans(text, p))
    shares: list[_Found] = []
    for q in share_candidates:
        if not masks.overlaps(q.start, q.end) and not (shares and shares[-1].end > q.start):
            _with_bracket_figure(q, text, p)
            shares.append(q)
    taken = _Spans([(q.start, q.end) for q in shares])
    numbers = [
        q for q in number_candidates
        if not masks.overlaps(q.start, q.end) and not taken.overlaps(q.start, q.end)
    ]
    numbers.sort(key=lambda q: q.start)
    _borrow_range_unit(numbers, text, p)
    figures = [q for q in numbers if _not_a_figure(q, text, p) is None]
    for q in figures:
        ctx = p.data.contexts
        if q.plain_integer and q.end - q.start == 4 and ctx.year_first <= q.value <= ctx.year_last:
            q.notes.append("could be a year; read as a count because a counted noun follows")
    accepted = shares + figures
    accepted.sort(key=lambda q: q.start)

    result: list[Quantity] = []
    for i, q in enumerate(accepted):
        floor = result[-1].end if result else 0
        ceiling = accepted[i + 1].start if i + 1 < len(accepted) else len(text)
        _qualify(q, text, floor, p)
        _classify_change(q, text, floor, ceiling, p)
        result.append(
            Quantity(
                value=q.value,
                unit=q.unit,
                qualifier=q.qualifier,
                kind=q.kind,
                text=text[q.start : q.end],
                start=q.start,
                end=q.end,
                scale=q.scale,
                form=q.form,
                ambiguous=q.ambiguous,
                notes=q.notes,
            )
        )
    return result
