"""Every pattern of the recogniser, compiled from the language data (``lang/nl``) once, on
first use (`patterns`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

import regex

from rapportextract.lang import nl
from rapportextract.quantities.change_patterns import all_qualifiers, change_patterns
from rapportextract.quantities.phrases import (
    DIGITS,
    Deferred,
    alt,
    bare_alt,
    caseless,
    compile_pattern,
    lower_set,
    not_after,
)

Mask = tuple[str, regex.Pattern[str]]
"""A pattern of spans that hold no figure, with the reason a skip keeps."""


@dataclass(frozen=True)
class Patterns:
    """Everything compiled from the language data, built once. The patterns a sentence needs
    only where a quick hint matched (a ratio, a fraction, a domain, a phone number) or a
    number is written in words are `Deferred`: compiled when first asked for."""

    data: nl.DutchData
    # numbers
    core: regex.Pattern[str]
    number_word: Deferred
    round_word: Deferred
    """A rough number after the article ("een twintigtal") or a coin ("een tientje")."""
    round_word_hint: regex.Pattern[str]
    word_token: regex.Pattern[str]
    token_values: dict[str, Decimal]
    # shares
    ratio: Deferred
    ratio_hint: regex.Pattern[str]
    fraction: Deferred
    fraction_hint: regex.Pattern[str]
    majority: regex.Pattern[str]
    bracket_percent: Deferred
    # digits that are no figures
    masks: tuple[Mask, ...]
    """Masks that need a digit in the text, with their reasons."""
    word_masks: tuple[Mask, ...]
    """Masks that may match text without digits, with their reasons."""
    digit: regex.Pattern[str]
    domain: Deferred
    domain_hint: regex.Pattern[str]
    phone: Deferred
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
    range_between: regex.Pattern[str]
    # qualifiers and changes
    qualifier_left: dict[nl.QualifierName, Deferred]
    qualifier_any_left: regex.Pattern[str]
    change_noun_left: regex.Pattern[str]
    change_verb_left: regex.Pattern[str]
    change_verb_range_left: regex.Pattern[str]
    change_bare_left: regex.Pattern[str]
    change_verb_bare_left: regex.Pattern[str]
    change_verb_bare_not_right: regex.Pattern[str]
    change_colon_left: regex.Pattern[str]
    separable_verb: regex.Pattern[str]
    apart_joiner: regex.Pattern[str]
    apart_not_between: regex.Pattern[str]
    apart_share_right: regex.Pattern[str]
    level_left: regex.Pattern[str]
    change_right: regex.Pattern[str]
    change_particle_right: regex.Pattern[str]
    change_particle_far_right: regex.Pattern[str]
    change_participle_far_right: regex.Pattern[str]
    change_after_noun: regex.Pattern[str]
    change_subject_left: regex.Pattern[str]
    signed_level_left: regex.Pattern[str]
    change_row_label: regex.Pattern[str]
    variance_row_label: regex.Pattern[str]
    decrease_words: frozenset[str]
    decrease_noun_ends: tuple[str, ...]
    """Decrease nouns that close a compound ("omzetdaling"): the compound's direction."""


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
    units, teens, tens = bare_alt(num.units), bare_alt(num.teens), bare_alt(num.tens)
    join = bare_alt(num.joiners)
    half, one_and_a_half = regex.escape(num.half), regex.escape(num.one_and_a_half)
    a_half = regex.escape(num.a_half)
    hundred, thousand = regex.escape(num.hundred), regex.escape(num.thousand)
    parts = {
        "nw_below_100": f"(?:{units}{join}{tens}|{tens}|{teens}|{units})",
        "nw_below_1000": (
            f"(?:(?:{teens}|{units})?{hundred}(?:{join}?(?&nw_below_100))?|(?&nw_below_100))"
        ),
        # "vijfenhalf", "anderhalf"
        "nw_and_a_half": f"(?:(?&nw_below_100){join}(?:{a_half}|{half})|{one_and_a_half})",
        "nw_number": (
            f"(?:(?:(?&nw_below_1000)|(?&nw_and_a_half))?{thousand}"
            f"(?:{join}?(?&nw_below_1000))?|(?&nw_and_a_half)|(?&nw_below_1000))"
        ),
    }
    words = [*num.units, *num.teens, *num.tens, num.hundred, num.thousand, num.one_and_a_half]
    pairs = {w[:2].lower() for w in words}
    firsts = "".join(regex.escape(c) for c in sorted({w[0] for w in pairs}))
    defines = "".join(f"(?P<{name}>{body})" for name, body in parts.items())
    starts = f"(?=[{firsts}])(?={bare_alt(pairs)})"
    return _Grammar(call=f"{starts}(?&nw_number)", defines=f"(?(DEFINE){defines})",
                    starts=starts)


def _word_ends(num: nl.NumberWords) -> set[str]:
    """The last two letters of every number word ("twintig" "ig", "honderd" "rd")."""
    words = [*num.units, *num.teens, *num.tens, num.hundred, num.thousand]
    return {w[-2:].lower() for w in words}


def _word_tokens(num: nl.NumberWords) -> tuple[regex.Pattern[str], dict[str, Decimal]]:
    values: dict[str, Decimal] = {}
    for table in (num.units, num.teens, num.tens):
        values.update({w.lower(): Decimal(v) for w, v in table.items()})
    values[num.half.lower()] = Decimal("0.5")
    values[num.a_half.lower()] = Decimal("0.5")
    values[num.one_and_a_half.lower()] = Decimal("1.5")
    tokens = [*values, num.hundred.lower(), num.thousand.lower(), *num.joiners]
    return compile_pattern(bare_alt(tokens)), values


def _core(data: nl.DutchData, word_number: str) -> str:
    """A number in digits or words with its currency, scale and percent markers."""
    num = data.numbers
    scale = alt(data.scales, glued=True)
    article = alt(num.plain_article + num.stressed_one)
    cur_suf = alt(data.units.currency_suffix, glued=True)
    pct_suf = alt(data.units.percent_suffix, glued=True)
    pct_pts = alt(data.units.percent_points, glued=True)
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
        rf"(?=[\d€+\-−–{firsts}])(?=[\d€+\-−–]|{bare_alt(starts)})"
        # not glued to a word, a number or punctuation ("COVID-19", "sector.1", "(CBS)2": a
        # footnote marker), but "20-25%" is a range
        + not_after(r"[\w.,/:;!?)\]’”'‘+#]") + not_after(r"[^\W\d_][-−–]") +
        rf"(?:(?P<neg>{alt(data.units.negative_prefix)})\s*)?"
        rf"(?:(?P<cur_pre>{alt(data.units.currency_prefix)})\s*)?"
        r"(?:(?P<sign>[-+−–])(?=\d))?"
        "(?:"
        # "circa 650.000 in 2021.1": a footnote marker glued to a year ending the sentence
        r"(?P<digits>(?:19|20)\d{2})(?P<marker>(?=\.\d{1,2}(?:\s*$|\s+(?-i:[A-Z]))))|"
        rf"(?P<digits>{DIGITS})(?![.,]?\d)(?:(?=\W|$)|(?={unit_ahead}))"
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


def _share_patterns(data: nl.DutchData, grammar: _Grammar) -> dict[str, Any]:
    """Ratios ("7 op de 10"), fractions ("een derde"), majorities and bracketed figures."""
    fr = data.fractions
    article = alt(data.numbers.plain_article + data.numbers.stressed_one)
    pct_suf = alt(data.units.percent_suffix, glued=True)
    op = alt(data.ratios.op_connectors)
    van = alt(data.ratios.van_connectors)
    word_number = grammar.call
    number = rf"(?:\d+|{word_number}|{article})"
    return {
        "ratio": Deferred(
            not_after(r"[\w.,]")
            + rf"(?P<n>{number})\s+(?:(?P<op>{op})|(?P<van>{van}))\s+"
            rf"(?P<m>\d{{1,3}}(?:\.\d{{3}})+|\d+|{word_number})" + caseless(r"(?![\w.,]\w)"),
            grammar.defines,
        ),
        # "op" and "van" stand in most sentences: a ratio needs a number after them
        "ratio_hint": compile_pattern(rf"(?:{op}|{van})\s+(?:\d|{grammar.starts})"),
        "fraction": Deferred(
            rf"(?:(?<!\w)(?P<num>{number})\s+(?P<den>{alt(fr.denominators)})"
            rf"|(?P<compound>{alt(fr.compounds)})|(?P<phrase>{alt(fr.phrases)}))"
            rf"(?:\s+(?P<pct>{pct_suf}))?",
            grammar.defines,
        ),
        "fraction_hint": compile_pattern(
            alt([*fr.denominators, *fr.compounds, *(w.split()[-1] for w in fr.phrases)])
        ),
        "majority": compile_pattern(alt(fr.majority)),
        # "een derde (34%)", "een meerderheid van de corporaties (73%)", "meer dan de helft
        # (63 procent; 880.000 zaken)" (the bracket's other figures stay figures of their own)
        "bracket_percent": Deferred(
            r"(?P<gap>(?:\s+(?!\d)" + caseless(r"[\w’'-]+") + r"){0,5}?)\s*(?:\(\s*"
            rf"(?P<qual>{alt(all_qualifiers(data))}\s*)?"
            rf"(?P<digits>\d+(?:,\d+)?)\s*{pct_suf}(?:\s*\)|(?=\s*[;,][^()]{{0,80}}\)))"
            # or between commas: "Ruim een derde van de ondervraagden, 35 procent, zegt ..."
            rf"|(?P<comma>,)\s*(?P<digits>\d+(?:,\d+)?)\s*{pct_suf}(?=\s*,))"
        ),
    }


def _masks(data: nl.DutchData) -> tuple[tuple[Mask, ...], tuple[Mask, ...]]:
    """Spans with digits or number words in them that hold no figure, each with its reason:
    the patterns that may match text without a digit, and those that need one."""
    ctx = data.contexts
    months = alt(ctx.months)
    centuries = f"(?:{ctx.year_first // 100}|{ctx.year_last // 100})"
    ref_number = r"\d+(?:[.:]\d+)*"
    ch = data.changes
    change_words = alt(
        ch.decrease_nouns + ch.increase_nouns + ch.decrease_verbs + ch.increase_verbs
        + ch.decrease_particles + ch.increase_particles + ch.finite_verbs + ch.separable_finite
    )
    word = caseless(r"[^\W\d_]+")
    without_digits = (
        # URLs and e-mail addresses (bare domains: see Patterns.domain)
        ("web address", r"(?:https?://|www\.)\S+"),
        ("e-mail address", caseless(r"(?<![\w@])[\w.-]+@[\w-]+(?:\.[\w-]+)+")),
        # set phrases with a number word that is no number ("in acht nemen", "één te veel")
        ("idiom", alt(ctx.idioms)),
    )
    with_digits = (
        # dates: 4 april 2021, 25. maart 2015, april 2021, 04-04-2021, 2021-04-04, 12.12.2020
        ("date", rf"(?:{alt(ctx.weekdays)}\s+)?(?<![\d.,])\d{{1,2}}\.?\s+{months}(?:\s+\d{{4}})?"),
        ("date", rf"{months}\s+\d{{4}}(?!\d)"),
        ("date", r"(?<![\d.,])\d{1,2}[-/]\d{1,2}[-/](?:\d{4}|\d{2})(?!\d)"),
        ("date", r"(?<![\d.,])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)"),
        ("date", r"(?<![\d.,])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"),
        # year ranges: 2010-2017, 2022/2023, 2022/'23
        ("year range",
         rf"(?<![\d.,]){centuries}\d{{2}}\s*[-–—/]\s*(?:\d{{4}}|'?\d{{2}})(?![\d.,]\d)"),
        # references: Grafiek 3, Tabel 2.1, blz. 12, artikel 7:231 BW, IFRS 9, vraag 9, 12 en 13
        ("reference",
         rf"{alt(ctx.reference_words)}\s*{ref_number}[a-z]?"
         rf"(?:(?:\s*,\s*{ref_number})*\s*{alt(ctx.reference_joiners)}\s*{ref_number})?(?!\w)"
         rf"(?!\s*{alt(ctx.reference_not_before)}(?!\w))"),
        # house numbers after a street name: Koninginnegracht 14, Postbus 29204 (not after a
        # word that only ends like one, "ruwweg 6.300", nor a grouped or decimal number)
        ("house number",
         rf"(?<=\w{bare_alt(ctx.street_endings)})(?<!(?<!\w){alt(ctx.not_streets)})"
         r"\s+\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?(?![\w.,]?\d)(?!\w)"),
        # Dutch postcodes: 2595 AL (four digits, two capitals)
        ("postcode", r"(?<![\d.,])[1-9]\d{3}\s?(?-i:[A-Z]{2})(?!\w)"),
        # legal article numbers and clock times: 7:231, 10:30
        ("reference", caseless(r"(?<![\w.,])\d+:\d+(?!\d)")),
        # the 100 that shares add up to, ending the clause: "tellen niet altijd op tot 100",
        # "tellen op tot meer dan 100%" (not "tellen ... tot 100 uitzettingen")
        ("sum of shares",
         rf"{alt(ctx.sum_note_before)}\s+100(?:\s*{bare_alt(ctx.sum_note_percent)})?"
         rf"(?=\s*(?:[.,;:)]|$))(?<={alt(ctx.sum_note_verbs)}[^.;:]{{0,80}})"),
        # a threshold that defines a group: "met een inkomen tot € 60.000" (not "met een
        # stijging van meer dan 5%": a change)
        ("threshold",
         rf"{alt(ctx.threshold_openers)}(?:\s+(?!{change_words}){word}){{1,2}}?\s+"
         rf"{alt(ctx.threshold_markers)}\s+(?:{alt(data.units.currency_prefix)}\s*)?\d"),
        # a mark on a scale of ten: "geeft 7 of hoger", "een 7,8 (2014: 7,7)"
        ("score", rf"(?<![\d.,])(?:10|[1-9])(?:,\d)?\s+{alt(ctx.score_after)}"),
        ("score", rf"{alt(ctx.score_before)}\s+(?:10|[1-9])(?:,\d)?(?=\s*(?:[.;:)(]|,\s|$))"),
        # page furniture: "223 keer bekeken"
        # (not in a sentence that goes on: "kreeg de corporatie 120 reacties van huurders")
        ("page furniture",
         rf"(?<![\d.,])\d{{1,3}}(?:\.\d{{3}})*\s+{alt(ctx.page_counts)}(?!\s+\p{{Ll}})"),
        # a count opening a heading: "De 5 meest gebruikte maatregelen"
        ("count in a heading",
         rf"(?:^|(?<=\n))\s*(?:{alt(data.changes.noun_articles)}\s+)?\d{{1,2}}\s+"
         rf"{alt(ctx.heading_count_followers)}"),
        # the emergency number: "bel 112"
        ("phone number", rf"{alt(ctx.call_words)}(?:\s+{word}){{0,3}}?\s+\d{{3}}(?![\d.,]\d)"),
    )
    return (
        tuple((reason, compile_pattern(p)) for reason, p in without_digits),
        tuple((reason, compile_pattern(p)) for reason, p in with_digits),
    )


def _context_patterns(data: nl.DutchData, grammar: _Grammar) -> dict[str, Any]:
    """The words around a bare number that make it a duration, factor, year or marker."""
    ctx = data.contexts
    tlds = bare_alt(ctx.url_tlds)
    joiners = alt(ctx.duration_range_joiners)
    return {
        "domain": Deferred(
            not_after(r"[\w@/.-]") + caseless(r"(?:[\w-]++\.)+") + rf"{tlds}(?!\w)(?:/\S*)?"
        ),
        "domain_hint": compile_pattern(rf"\.{tlds}(?!\w)"),
        # Dutch phone numbers: 088 - 233 37 00, 020-1234567, +31 20 123 4567
        "phone": Deferred(caseless(
            r"(?<![\w.,+])(?:(?:\+|00)31[\s-]?(?:\(0\)\s?)?|\(?0)\d{1,3}\)?"
            r"(?:(?:\s?-\s?|\s)?\d{2,}){1,4}(?![\w.,]\d)"
        )),
        "phone_hint": compile_pattern(r"(?:\+|" + not_after(r"\d") + r"0)\d"),
        "duration_right": compile_pattern(
            rf"^\s*(?:{joiners}\s*(?:\d+(?:,\d+)?|{grammar.call})\s*)?-?"
            rf"{alt(ctx.duration_units)}",
            grammar.defines,
        ),
        "factor_right": compile_pattern(
            rf"^\s*{alt(ctx.factor_words)}(?:\s*{alt(ctx.factor_followers)}|\s*$)"
        ),
        "ordinal_right": compile_pattern(rf"\s+{alt(data.fractions.ordinal_nouns)}"),
        "caption_left": compile_pattern(rf"(?:^|[(\[])\s*{alt(ctx.caption_multipliers)}\s*$"),
        "year_before": compile_pattern(rf"{alt(ctx.year_before + ctx.year_always_before)}\s*$"),
        "year_always_before": compile_pattern(rf"{alt(ctx.year_always_before)}\s*$"),
        "next_word": compile_pattern(r"^\s+(?P<word>[^\W\d_]" + caseless(r"[\w-]*") + ")"),
        "footnote_end": compile_pattern(r"[.!?;:)]\s*$"),
        "line_start": compile_pattern(r"(?:^|\n)\s*$"),
        # "van 7,7 naar ruim 7,8 mld.": a qualifier of the second end may stand between
        "range_left": compile_pattern(rf"{DIGITS}\s*(?P<joiner>{alt(ctx.range_joiners)})\s*"
                                      rf"(?:{alt(all_qualifiers(data))}\s+)?"),
        "range_between": compile_pattern(rf"\s*{alt(ctx.range_joiners)}\s*"),
    }


@cache
def patterns() -> Patterns:
    data = nl.load()
    grammar = _word_number(data.numbers)
    word_token, token_values = _word_tokens(data.numbers)
    word_masks, digit_masks = _masks(data)
    ch = data.changes
    decreasing = (
        ch.decrease_nouns + ch.decrease_verbs + ch.decrease_particles + ch.decrease_comparatives
    )
    return Patterns(
        data=data,
        core=compile_pattern(_core(data, grammar.call), grammar.defines),
        number_word=Deferred(rf"(?<!\w){grammar.call}(?!\w)", grammar.defines),
        round_word=Deferred(
            rf"{alt(data.numbers.plain_article + data.numbers.stressed_one)}\s+"
            rf"(?:(?P<n>{grammar.call}){regex.escape(data.numbers.approx_suffix)}"
            rf"|(?P<coin>{bare_alt(data.numbers.coins)}))(?!\w)"
            rf"(?:\s*(?P<pct>{alt(data.units.percent_suffix, glued=True)}))?",
            grammar.defines,
        ),
        # the last letters of a number word before "tal", so that "aantal" and "getal" pass
        round_word_hint=compile_pattern(
            rf"(?:{bare_alt(_word_ends(data.numbers))}{regex.escape(data.numbers.approx_suffix)}"
            rf"|{bare_alt(data.numbers.coins)})(?!\w)"),
        word_token=word_token,
        token_values=token_values,
        word_masks=word_masks,
        masks=digit_masks,
        digit=compile_pattern(r"\d"),
        qualifier_left={
            name: Deferred(rf"{alt(words)}\s*$") for name, words in data.qualifiers.items()
        },
        count_nouns=lower_set(data.contexts.count_nouns),
        not_count_words=lower_set(data.contexts.not_count_words),
        plain_article=lower_set(data.numbers.plain_article),
        stressed_one=lower_set(data.numbers.stressed_one),
        stressed_one_not_before=lower_set(data.contexts.stressed_one_not_before),
        decrease_words=frozenset(" ".join(w.lower().split()) for w in decreasing),
        decrease_noun_ends=tuple(
            n.lower() for n in ch.decrease_nouns + ch.compound_only_decrease
            if len(n) >= ch.compound_min_length
        ),
        **_share_patterns(data, grammar),
        **_context_patterns(data, grammar),
        **change_patterns(data),
    )
