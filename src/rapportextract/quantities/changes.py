"""The words around a figure: a qualifier before it ("ruim"), the words that make it a signed
change ("een daling van", "minder"), and a range that lends its unit to its first number."""

from __future__ import annotations

import itertools
from functools import cache

import regex

from rapportextract.quantities.change_patterns import change_nouns
from rapportextract.quantities.distant import (
    VARIANCE_NOTE,
    WIDE_WINDOW,
    against_budget,
    apposition_left,
    bracketed_letters,
    budget_clause,
    budget_compared_before,
    clause_change_noun,
    level_predicate_after,
    line_adjective,
    result_sign,
    variance,
    variance_column,
    wide_left,
)
from rapportextract.quantities.distant import arrival as distant_arrival
from rapportextract.quantities.found import LEFT_WINDOW, RIGHT_WINDOW, Found
from rapportextract.quantities.patterns import Patterns, patterns
from rapportextract.quantities.phrases import (
    alt,
    caseless,
    compile_pattern,
    lower_set,
    phrase,
)
from rapportextract.quantities.signs import RANGE_NOTE as _RANGE_NOTE
from rapportextract.quantities.signs import trailing_minus


def qualify(q: Found, text: str, floor: int, p: Patterns) -> None:
    """Take a qualifier written before the figure ("ruim", "een kleine") into it."""
    before = text[max(floor, q.start - LEFT_WINDOW) : q.start]
    m = p.qualifier_any_left.search(before)
    if m is None:
        return
    if not q.precise:
        for name, pattern in p.qualifier_left.items():
            if pattern().fullmatch(m.group()):
                q.qualifier = name
                break
    q.start -= len(before) - m.start()


# A short aside in brackets after a figure, up to a few words on: "30.000 zaken (drie procent)
# meer dan", "met 29,9 duizend (bijna -2 procent) af".
_ASIDE = regex.compile(r"(?P<lead>[^()]{0,40}?)\s*\([^()]{1,40}\)")
_BRACKET_CLOSE = regex.compile(r"\s*\)")


def _around_aside(text: str, end: int, ceiling: int) -> str | None:
    """The words after a figure with a bracketed aside that holds the next figure left out,
    or None where there is no such aside."""
    m = _ASIDE.match(text, end, end + RIGHT_WINDOW)
    if m is None or not (m.end("lead") <= ceiling < m.end()):
        return None
    lead: str = m.group("lead")
    return lead + text[m.end() : m.end() + RIGHT_WINDOW]


def _change_after(q: Found, after: str, p: Patterns, *, per: bool = False,
                  paying: bool = False) -> tuple[str, int] | None:
    """The word right after the figure that makes it a change ("minder", "zaken meer dan"),
    also after a rate ("40 miljoen euro per jaar meer dan", "300 aanvragen per maand minder"),
    with the end of the words taken. `per`: a rate stood between them; `paying`: a verb of
    paying or costing stands before the figure."""
    rate = _rate().match(after)
    if rate is not None:  # read on as if the rate were not there
        noun = rate.end("noun") if rate.group("noun") else 0
        taken = _change_after(q, after[:noun] + after[rate.end():], p, per=True,
                              paying=paying)
        if taken is None:
            return None
        return taken[0], taken[1] + (rate.end() - noun if taken[1] > noun else 0)
    m = p.change_right.match(after)
    if m is not None and (_adjective_of_noun(m.group("word"), after[m.end():], p)
                          or _extra_money(q, m.group("word"), after[m.end():], p,
                                          cost=per and paying)):
        return None
    if m is None:
        m = p.change_after_noun.match(after)
        if m and m.group("noun").lower() not in p.count_nouns and not m.group("follow") \
                and m.group("alone") is None and not m.group("adjectives"):
            m = None
    return None if m is None else (m.group("word"), m.end())


def _adjective_of_noun(word: str, rest: str, p: Patterns) -> bool:
    """Whether a comparative right after the figure is an adjective of the noun after it
    ("1,3 miljard euro extra jeugdgeld"), not a change ("€ 1,5 miljoen extra binnen")."""
    ch = p.data.changes
    if word.lower() not in lower_set(ch.adjective_comparatives):
        return False
    m = _next_word().match(rest)
    # "22 extra woningen toe ... ten opzichte van 2020": a comparison later in the clause
    # (before any comma) makes it the change after all
    # a follower is a whole word: "185 extra opbrengsten" is no "extra op"
    words = " ".join(rest.lower().split())
    return m is not None and not any(
        words.startswith(f) and not words[len(f) : len(f) + 1].isalpha()
        for f in lower_set(ch.adjective_followers)
    ) and _compared_later().match(rest) is None


def _another_amount(q: Found, text: str, floor: int) -> bool:
    """Whether an amount arriving with "bijkomen" is another amount granted on top, a level:
    one of ``arrival_money_openers`` right before it, and it is in euro or written with a
    scale of a million or more with the particle right after it ("nog eens 250 miljoen
    bij")."""
    if _another_opener().search(text, floor, q.start) is None:
        return False
    return q.unit == "EUR" or (
        q.scale >= _MILLION and _PARTICLE_NEXT.match(text, q.end) is not None)


_MILLION = 1_000_000
_PARTICLE_NEXT = regex.compile(r"\s+[^\W\d_]+\s*(?:[.,;:!?]|$)")


@cache
def _cost_verb() -> regex.Pattern[str]:
    return compile_pattern(rf"(?<!\w){alt(patterns().data.changes.money_cost_verbs)}(?!\w)")


@cache
def _another_opener() -> regex.Pattern[str]:
    return compile_pattern(rf"(?<!\w){alt(patterns().data.changes.arrival_money_openers)}\s*$")


def _extra_money(q: Found, word: str, rest: str, p: Patterns, *, cost: bool = False) -> bool:
    """Whether "extra" after an amount in euro makes it the extra money granted or spent, a
    level ("Het rijk trekt 40 miljoen euro extra uit voor schuldhulp"): one of
    ``money_adjective_followers`` or the end of its clause follows, and no comparison later in
    the clause ("5 miljoen euro extra naar de wijken ten opzichte van 2022"). A cost per month
    or year paid "extra" (`cost`: "betaalt 19 euro per maand extra.") has gone up: a change."""
    ch = p.data.changes
    if q.unit != "EUR" or word.lower() not in lower_set(ch.adjective_comparatives):
        return False
    if _compared_later().match(rest) is not None:
        return False
    if _CLAUSE_ENDS.match(rest):
        if cost:
            return False
        q.notes.append("level: extra money, an amount granted or spent")
        return True
    m = _next_word_whole().match(rest)
    if m is None or m.group("word").lower() not in lower_set(ch.money_adjective_followers):
        return False
    q.notes.append("level: extra money, an amount granted or spent")
    return True


_CLAUSE_ENDS = regex.compile(r"\s*(?:[.;:!?]|,\s|$)")


@cache
def _next_word_whole() -> regex.Pattern[str]:
    return regex.compile(r"\s+(?P<word>[^\W\d_]+)(?!\w)")


@cache
def _next_word() -> regex.Pattern[str]:
    return regex.compile(r"\s+[^\W\d_]")


@cache
def _compared_later() -> regex.Pattern[str]:
    ch = patterns().data.changes
    return compile_pattern(rf"[^.,;:!?]*?(?<!\w){alt([*ch.base_phrases, *ch.gap_followers])}\s")


@cache
def _rate() -> regex.Pattern[str]:
    marker = phrase(patterns().data.changes.rate_marker)
    word = caseless(r"[^\W\d_]+")
    return compile_pattern(rf"(?P<noun>\s+(?!{marker}){word})?\s+{marker}\s+{word}(?=\s)")


def _direction(word: str, p: Patterns) -> int:
    word = " ".join(word.lower().split())
    if word in p.decrease_words or word.endswith(p.decrease_noun_ends):
        return -1
    return 1


def _phrase_direction(m: regex.Match[str], p: Patterns, q: Found) -> int:
    """The direction of a change phrase: its change word's, turned by an adjective of a
    variance before it ("een nadelig verschil van", "de lagere lasten van"); after a neutral
    variance noun, the sign the figure is written with ("Verschil: -/- € 85.000")."""
    ch = p.data.changes
    words = m.group().lower().split()
    if any(w in lower_set(ch.variance_decrease_adjectives) for w in words):
        return -1
    neutral = m.group("word").lower() in lower_set(ch.variance_nouns) and not any(
        w in lower_set(ch.variance_increase_adjectives) for w in words)
    if neutral and q.value < 0:
        return -1
    return _direction(m.group("word"), p)


def _movement_start(q: Found, words: str, text: str, ceiling: int, p: Patterns,
                    following: Found | None) -> bool:
    """Whether the change noun's ``words`` end on "van" and a "naar" or "tot" and a figure of
    the same unit follow: "een daling van 9,3 naar 8,1"."""
    last = words.split()[-1].lower() if words.split() else ""
    if last != p.data.changes.noun_size_markers[0] or following is None \
            or following.unit != q.unit \
            or p.level_left.fullmatch(text[q.end:ceiling].strip()) is None:
        return False
    # "een stijging van 20 tot 30%": a range of changes shares the unit of its end; a
    # movement names its start's own ("een stijging van 9,3 procent tot 10,1 procent")
    return not (_RANGE_NOTE in q.notes and _RANGE_TO.fullmatch(text, q.end, ceiling))


_RANGE_TO = regex.compile(r"\s*tot\s*")


# between a change and the same change in other units: its noun may stand between
# ("met 91.000 zaken (9 procent) af")
_IN_BRACKETS = regex.compile(r"(?:\s+[^\W\d_]+)?\s*\(\s*")


def _elided_change(previous: Found | None, text: str, p: Patterns) -> Found | None:
    """The change a bare "met" repeats: the figure before, or the change before the level it
    led to ("steeg met 14 procent naar 1.820 en het aantal klachten met 9 procent")."""
    if previous is None:
        return None
    if previous.kind == "change" and not previous.signed:
        return previous
    led_to = previous.kind == "level" and p.level_left.search(text, 0, previous.start)
    if led_to and previous.led_from is not None:
        return previous.led_from
    return None


def _foreign_particle(word: str, text: str, start: int, p: Patterns) -> bool:
    """Whether the particle after "met" and a figure belongs to a verb that is no movement:
    "nam met 8% af" moves, "sloot met 412 huurders een regeling af" does not. `start` is
    where the particle stands: the verb may stand before the figure or after it ("Met 400
    nam het aantal toe")."""
    ch = p.data.changes
    if word.lower() not in lower_set(ch.decrease_particles + ch.increase_particles):
        return False
    return p.separable_verb.search(text, 0, start) is None


def _repeats(previous: Found, q: Found, text: str, p: Patterns) -> bool:
    """Whether a percentage repeats the change in percent just before it for another group
    or year ("stegen met 2,5 procent bij de overheid, in de bouw 4,1 procent")."""
    if previous.kind != "change" or previous.signed or previous.unit != "percent" \
            or q.unit != "percent" or previous.form == "words":
        # a multiple is no change to repeat: "Bijna twee keer zoveel mensen, 7 procent, ..."
        return False
    between = text[previous.end : q.start]
    if len(between.split()) > p.data.changes.apart_max_words:
        return False
    # "De toename van het aantal leden is 7%, van het aantal bezoekers 78%": the genitive of
    # the change noun left out opens the words between
    if (genitive := _elided_genitive().match(between)) is not None:
        between = between[: genitive.start("van")] + " " + between[genitive.end() :]
    return (p.apart_joiner.search(between) is not None
            and p.apart_not_between.search(between) is None
            and p.apart_share_right.match(text, q.end) is None)


@cache
def _elided_genitive() -> regex.Pattern[str]:
    ch = patterns().data.changes
    van = phrase(ch.noun_size_markers[0])
    return compile_pattern(
        rf"\s*{alt(ch.apart_joiners)}\s*(?P<van>{van})\s+{alt(ch.noun_articles)}(?!\w)"
    )


def classify_change(
    q: Found, text: str, floor: int, ceiling: int, p: Patterns, previous: Found | None = None,
    following: Found | None = None,
) -> None:
    """Make the figure a signed change where the words around it say so (`_classify`), and
    note a variance against a budget ("nadeel € 96.450", "€ 2,4 miljoen hoger dan begroot"):
    a change that compares with no earlier period."""
    was = q.kind
    _classify(q, text, floor, ceiling, p, previous, following)
    if q.kind != "change":
        return
    if VARIANCE_NOTE not in q.notes and (
        (was == "level" and variance().search(text, q.start, q.end))
        or against_budget().match(text, q.end)
        # "Ten opzichte van de begroting vallen de lasten € 2,3 miljoen lager uit"
        or budget_compared_before(q, text, floor)
    ):
        q.notes.append(VARIANCE_NOTE)


def _classify(
    q: Found, text: str, floor: int, ceiling: int, p: Patterns, previous: Found | None = None,
    following: Found | None = None,
) -> None:
    """Make the figure a signed change where the words around it say so.

    ``floor`` and ``ceiling`` bound the words it may take: the neighbouring figures' spans.
    ``previous`` is the figure before it in the sentence: a bare "met" after a change repeats
    that change ("stegen met 4,6% en in Rotterdam met 7,4%"); ``following`` the one after it
    ("een daling van 9,3 naar 8,1 procent" is a movement between two levels).
    """
    if q.kind == "change":
        return  # a change by its own words ("verdubbeld")
    trailing_minus(q, text)
    before = text[max(floor, q.start - LEFT_WINDOW) : q.start]
    after = text[q.end : min(ceiling, q.end + RIGHT_WINDOW)]
    if q.signed:
        if p.signed_level_left.search(before) or (
            previous is not None and previous.signed and previous.kind == "level"
            and previous.unit == q.unit
        ):
            # "voorgesteld op -0,4% en voor de gemeenten -0,27%": the second as the first
            q.notes.append("minus sign after a level word: a negative level")
            return
        q.kind = "change"
        return
    if q.form in ("ratio", "majority"):
        return
    if q.unit == "percent" and (plus := _PLUS_APART.search(text, max(floor, q.start - 3), q.start)):
        # "straatroven + 7 procent": the plus sign written apart
        _make_change(q, 1)
        q.start = plus.start()
        q.notes.append("change: a plus sign written apart before it")
        return
    if q.unit == "percent" and (minus := _MINUS_APART.search(text, max(floor, q.start - 4),
                                                             q.start)):
        # "(Zoetermeer: - 11 procent)": a minus written apart after a colon or a bracket (not
        # after a word, where it is a dash: "Rotterdam - 11 procent van de huurders")
        _make_change(q, -1)
        q.start = minus.start("sign")
        q.notes.append("change: a minus sign written apart before it")
        return
    if previous is not None and previous.kind == "change" and previous.unit != q.unit \
            and _IN_BRACKETS.fullmatch(text, previous.end, q.start) \
            and _BRACKET_CLOSE.match(text, q.end):
        # "gestegen met € 3,4 miljoen (4,1%)": the same change, relative
        _make_change(q, -1 if previous.value < 0 else 1)
        q.notes.append("change: the change before it, in other units, in brackets")
        return
    if previous is not None and previous.kind == "change" \
            and (_RANGE_NOTE in previous.notes or _RANGE_SIZE_NOTE in previous.notes) \
            and p.range_between.fullmatch(text, previous.end, q.start):
        # "stegen tussen de 20 en 50 procent": the end of a range of changes is one too
        _make_change(q, -1 if previous.value < 0 else 1)
        q.notes.append("change: the end of a range of changes")
        return
    if (spread := _spread_of_changes(q, text, floor, ceiling, previous, p)) is not None:
        _make_change(q, spread)
        q.notes.append(_SPREAD_NOTE)
        return
    if p.level_left.search(before) and not _range_end(previous, q, text, p):
        if previous is not None and previous.kind == "change" and not previous.signed:
            q.led_from = previous
        return
    noun = p.change_noun_left.search(before)
    m = (noun or p.change_verb_left.search(before) or p.change_verb_range_left.search(before)
         or p.change_subject_left.search(before))
    if noun and _movement_start(q, noun.group(), text, ceiling, p, following):
        # "een daling van 9,3 naar 8,1 procent": two levels, the start and the end
        q.notes.append("level: the start of a movement after a change noun")
        return
    if m is None and q.unit == "percent" and p.signed_level_left.search(before) is None \
            and p.change_verb_bare_not_right.match(text, q.end) is None:
        m = p.change_verb_bare_left.search(before)
        # "De koopkracht stijgt volgens nieuwe berekeningen van het Nibud dit jaar gemiddeld
        # 0,9 procent": the verb further back, outside the figure's text
        far = p.change_verb_bare_left.search(text, max(floor, q.start - WIDE_WINDOW), q.start) \
            if m is None else None
        if far is not None:
            _make_change(q, _direction(far.group("word"), p))
            q.notes.append(f"change: '{far.group('word')}' far before the figure")
            return
    if m is None and q.unit == "percent":
        m = p.change_colon_left.search(before)
    if m:
        _make_change(q, _phrase_direction(m, p, q))
        q.start -= len(before) - m.start()
        return
    if (wide := wide_left(q, text, floor)) is not None:
        m, near = wide
        _make_change(q, _phrase_direction(m, p, q))
        if near:
            q.start = m.start()
        else:
            q.notes.append(f"change: '{m.group('word')}' far before the figure")
        if variance().fullmatch(m.group("word")):
            q.notes.append(VARIANCE_NOTE)  # "De onderuitputting op de kredieten bedroeg"
        return
    taken = _change_after(q, after, p, paying=_cost_verb().search(before) is not None)
    if taken:
        _make_change(q, _direction(taken[0], p))
        q.end += taken[1]
        return
    if (q.unit == "percent" or q.unit == "EUR") and p.change_bare_left.search(before) is None \
            and (m := p.change_participle_far_right.match(after)) is not None:
        _make_change(q, _direction(m.group("word"), p))
        q.notes.append(f"change: '{m.group('word')}' ending the clause after the figure")
        return
    if q.unit == "percent" and (m := apposition_left(q, text, floor)) is not None:
        _make_change(q, _direction(m.group("word"), p))
        q.notes.append(f"change: '{m.group('word')}' in the clause the figure closes")
        return
    arrival = distant_arrival()
    lo, hi = max(floor, q.start - WIDE_WINDOW), min(ceiling, q.end + RIGHT_WINDOW)
    if (m := arrival.outcome_particle.match(text, q.end, hi)) \
            and arrival.outcome_verb.search(text, lo, q.start):
        worse = m.group("word").lower() in lower_set(p.data.changes.outcome_worse)
        _make_change(q, -1 if worse else 1)
        q.end = m.end()
        q.notes.append(f"change: 'vallen ... {m.group('word')}' after the figure")
        q.notes.append(VARIANCE_NOTE)
        return
    if (arrival.particle.match(text, q.end, hi) and arrival.verb.search(text, lo, q.start)) \
            or arrival.joined.match(text, q.end, hi):
        if _another_amount(q, text, floor):
            q.notes.append("level: another amount on top ('nog eens ... bij')")
            return
        _make_change(q, 1)
        q.notes.append("change: a form of 'bijkomen' around the figure")
        return
    if p.change_bare_left.search(before) is None and (
        m := arrival.separable_particle.match(text, q.end, hi)
    ) and (verb := p.separable_verb.search(text, lo, q.start)) and (
        q.unit == "percent" or not arrival.amount_not_after.fullmatch(verb.group())
    ):
        _make_change(q, _direction(m.group("word"), p))
        q.end = m.end("word")  # not what its subject moves in: "terug in inkomsten"
        q.notes.append(f"change: a separable verb, '{m.group('word')}' ending the clause")
        return
    # the figure inside an aside before a comparative: "(drie procent) meer dan" (not a verb:
    # in "Het aandeel (12%) steeg" the figure is the level)
    close = _BRACKET_CLOSE.match(text, q.end, ceiling)
    ch = p.data.changes
    comparatives = lower_set(ch.decrease_comparatives + ch.increase_comparatives)
    m = p.change_right.match(text[close.end() : close.end() + RIGHT_WINDOW]) if close else None
    if m and m.group("word").lower() in comparatives:
        _make_change(q, _direction(m.group("word"), p))
        q.notes.append(f"change: '{m.group('word')}' after the brackets")
        return
    aside = _around_aside(text, q.end, ceiling)
    if aside is not None and (taken := _change_after(q, aside, p)):
        _make_change(q, _direction(taken[0], p))
        q.notes.append(f"change: '{taken[0]}' after an aside in brackets")
        return
    if p.change_bare_left.search(before):
        m = p.change_particle_right.match(after)
        if m is None and aside is not None:
            m = p.change_particle_right.match(aside)
        ranged = m is None and following is not None \
            and p.range_between.fullmatch(text, q.end, following.start) is not None
        if ranged and following is not None:
            # "met gemiddeld 3.000 tot 4.000 per maand is gedaald": the verb after the range
            m = p.change_particle_right.match(
                text[following.end : following.end + RIGHT_WINDOW])
            if m is not None:
                q.notes.append(_RANGE_SIZE_NOTE)
        if m is None:
            # "nam het aantal met 3 procent naar verhouding het minst snel toe", "Met bijna 400
            # nam het aantal zaken toe": the particle of a separable verb further on
            far = p.change_particle_far_right.match(after)
            if far and p.separable_verb.search(text, 0, q.end + far.start("word")):
                m = far
        if m and _foreign_particle(m.group("word"), text, q.end + m.start("word"), p):
            m = None
        if m:
            _make_change(q, _direction(m.group("word"), p))
            q.notes.append(f"change: 'met' ... '{m.group('word')}'")
        elif (noun := clause_change_noun(q, text)) is not None:
            _make_change(q, _direction(noun.group("word"), p))
            q.notes.append(f"change: 'met' and the change '{noun.group('word')}' of its clause")
        elif level_predicate_after(q, text):
            q.notes.append(_LEVEL_MET)
        elif (last := _elided_change(previous, text, p)) is not None:
            _make_change(q, -1 if last.value < 0 else 1)
            q.notes.append("change: 'met' after a change, the same verb left out")
    if q.kind == "level" and previous is not None and _LEVEL_MET not in q.notes \
            and _repeats(previous, q, text, p):
        _make_change(q, -1 if previous.value < 0 else 1)
        q.notes.append("change: repeats the change before it for another group or year")
        return
    if q.kind == "level" and _POINTS in q.notes:
        # percentage points measure a difference of two percentages, never a level
        q.kind = "change"
        q.notes.append("change: a difference in percentage points")
    if q.kind == "level" and (direction := budget_clause(q, text, floor)) is not None:
        _make_change(q, direction)
        q.notes.append("change: the clause compares with the budget")
        q.notes.append(VARIANCE_NOTE)
    if q.kind == "level" and (line := line_adjective(q, text, floor)) is not None:
        direction, word = line
        _make_change(q, direction)
        q.notes.append(f"change: '{word}' after it on a budget line")
        q.notes.append(VARIANCE_NOTE)
    if q.kind == "level" and (result := result_sign(q, text, floor)) is not None:
        direction, word = result
        if against_budget().match(text, q.end):
            # "een nadelig saldo van € 420.000 ten opzichte van de begroting"
            _make_change(q, direction)
            q.notes.append(f"change: a result written '{word}' against the budget")
            q.notes.append(VARIANCE_NOTE)
        elif direction < 0 and q.value > 0:
            q.value = -q.value
            q.notes.append(f"sign: a result written '{word}' is negative")


_POINTS = "percentage points"
_LEVEL_MET = "level: 'met' and a predicate of how high its subject is"
# a plus sign before a space and the figure, not glued to a word: "straatroven + 7 procent"
_PLUS_APART = regex.compile(r"(?<![\w+])\+\s+$")
# a minus before a space and the figure, right after a colon or an opening bracket
_MINUS_APART = regex.compile(r"[:(]\s*(?P<sign>[-−–])\s+$")
_RANGE_SIZE_NOTE = "change: the start of a range after 'met', its verb after the range"
def change_row(found: list[Found], text: str, p: Patterns) -> None:
    """A table row read as text whose label is a change ("Omzetgroei 6,5% 5,9% -10,0%"):
    every percentage after the label is a change, signed as written. Under a header whose
    last column is a variance ("... Rekening 2021 Verschil rekening t.o.v. begroting Lasten
    21.525 25.419 23.281 2.138"), the row's last figure is that variance."""
    variance_column(found, text)
    bracketed_letters(found, text)
    _range_start(found, text, p)
    if row := p.variance_row_label.search(text):
        for q in found:
            if q.kind == "level" and q.start >= row.end("word"):
                q.kind = "change"
                q.notes.append(f"change: in a row labelled '{row.group('word')}'")
    m = p.change_row_label.search(text)
    if m is None:
        return
    direction = _direction(m.group("word"), p)
    for q in found:
        if q.unit == "percent" and q.start >= m.end("word"):
            q.kind = "change"
            if direction < 0 and not q.signed:
                q.value = -abs(q.value)
            q.notes.append(f"change: in a row labelled '{m.group('word')}'")


def _range_start(found: list[Found], text: str, p: Patterns) -> None:
    """"tussen de 9 en 13% verbeterd": the start of a range whose end is a change is one too."""
    for first, second in itertools.pairwise(found):
        if first.kind == "level" and second.kind == "change" and _RANGE_NOTE in first.notes \
                and first.unit == second.unit and p.range_between.fullmatch(
                    text, first.end, second.start):
            _make_change(first, -1 if second.value < 0 else 1)
            first.notes.append("change: the start of a range of changes")


def _range_end(previous: Found | None, q: Found, text: str, p: Patterns) -> bool:
    """The figure ends a range ("10 tot 30 procent meer"): its "tot" joins the two ends and
    leads to no level. After "van" the two are a movement ("steeg van 10 tot 30 procent")."""
    if previous is None or _RANGE_NOTE not in previous.notes or previous.unit != q.unit \
            or not p.range_between.fullmatch(text, previous.end, q.start):
        return False
    return _movement_from().search(text, 0, previous.start) is None


@cache
def _movement_from() -> regex.Pattern[str]:
    van = phrase(patterns().data.changes.noun_size_markers[0])
    return compile_pattern(rf"(?<!\w){van}\s*$")


_SPREAD_NOTE = "change: a bound of a range of changes whose change noun is the subject"


def _spread_of_changes(q: Found, text: str, floor: int, ceiling: int, previous: Found | None,
                       p: Patterns) -> int | None:
    """The direction of a figure that bounds a range of changes, a change noun its subject
    ("De afname ... varieert van ruim 1000 jongeren tot ruim 3500 ouderen", `[spreads]` of
    changes.toml): the first bound after the verb and "van" or "tussen", the second after
    "tot" or "en" following the first; None for any other figure."""
    if previous is not None and _SPREAD_NOTE in previous.notes and previous.unit == q.unit:
        if _spread_end().fullmatch(text, previous.end, q.start):
            return -1 if previous.value < 0 else 1
        return None
    m = _spread_start().search(text, max(floor, q.start - WIDE_WINDOW), q.start)
    if m is None or _movement_to().match(text, q.end, ceiling):
        return None
    return _direction(m.group("word"), p)


@cache
def _spread_start() -> regex.Pattern[str]:
    ch = patterns().data.changes
    # a word of the clause (letters, "regio's") or a year ("De daling lag in 2021 tussen")
    word = "(?:" + caseless(r"[^\W\d_][\w’'-]*") + r"|\d{4})"
    return compile_pattern(
        rf"(?<!\w){alt(ch.subject_articles)}\s+(?P<word>{change_nouns(ch, variances=False)})"
        rf"(?:\s+{word}){{0,{ch.spread_max_words}}}?\s+{alt(ch.spread_verbs)}"
        # "lag in 2021 tussen de", "varieert per regio van"
        rf"(?:\s+{word}){{0,3}}?\s+{alt(ch.spread_openers)}\s*$"
    )


@cache
def _spread_end() -> regex.Pattern[str]:
    # "van ruim 1000 jongeren tot 27 jaar, tot ruim 3500": the words of the first bound, then
    # "tot" or "en" (an age or a threshold among them is no figure)
    return compile_pattern(r"[^.;:()]{0,60}?(?<!\w)(?:tot|en)\s*")


@cache
def _movement_to() -> regex.Pattern[str]:
    # "van 2 procent naar 4 procent": a movement between two levels, no range
    return compile_pattern(r"[^.;:]{0,40}?(?<!\w)naar\s")


def _make_change(q: Found, direction: int) -> None:
    q.kind = "change"
    q.value = -abs(q.value) if direction < 0 else abs(q.value)
