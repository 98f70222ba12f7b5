"""Change words that stand far from their figure ("stegen de huren ... per 1 juli met 0,1
procent", "stegen het hardst in Utrecht (5,1%)", "Er kwamen ... 1.200 woningen bij"), and budget
variances ("nadeel € 96.450", "hoger dan begroot", a "Verschil" column): the words
`changes.classify_change` reads beyond its narrow window."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from rapportextract.quantities.change_patterns import change_nouns
from rapportextract.quantities.found import Found
from rapportextract.quantities.patterns import patterns
from rapportextract.quantities.phrases import alt, bare_alt, caseless, compile_pattern, phrase

_BRACKET_CLOSE = regex.compile(r"\s*\)")
# the rest of a bracket after a percentage: "(gemiddeld 1,8 procent per jaar)"
_BRACKET_REST = regex.compile(r"(?:\s+[^\W\d_]+){1,3}\s*\)")

VARIANCE_NOTE = "change against a budget or estimate, no earlier period"


# How far back the change words that stand far from their figure are looked for (characters):
# "stegen de huren van sociale woningen bij corporaties per 1 juli van dit jaar met 0,1 procent"
WIDE_WINDOW = 120


def wide_left(q: Found, text: str, floor: int) -> tuple[regex.Match[str], bool] | None:
    """Change words before the figure that the narrow window does not hold or that need the
    start of the clause: a finite verb far before "met", a colon far after the verb, a change
    noun opening a clause or row ("Verschil € 24", "(nadeel € 96.450"), a comparative
    adjective and its noun ("De hogere opbrengst van de precariobelasting van € 62.000"), a
    change noun with its genitive as subject ("De groei van het aantal huishoudens kwam uit
    op"), a percentage in brackets after a place ("stegen het hardst in Utrecht (5,1%)").
    With the match, whether its words stand right before the figure (and become part of it;
    words far back stay out of its text: they may hold a year of their own)."""
    lo = max(floor, q.start - WIDE_WINDOW)
    w = _wide_patterns()
    near = [w.noun_opening, w.comparative_noun] if q.unit in ("EUR", "percent") \
        else [w.noun_opening]
    far = [w.verb, w.subject]
    if q.unit == "percent":
        # "een fors hogere stijging dan rond de 5%": compared with a change, a change too
        far.append(w.than_noun)
        bracketed = bool(_BRACKET_CLOSE.match(text, q.end) or _BRACKET_REST.match(text, q.end))
        # "de stijging van het aantal huurders (12% van alle huurders)" is a share
        share = patterns().apart_share_right.match(text, q.end) is not None
        far += [w.colon, w.bracket, w.bracket_noun] if bracketed and not share else [w.colon]
    elif _BRACKET_CLOSE.match(text, q.end):
        # "een lichte stijging (900) zien van het aantal": the change noun right before it
        far.append(w.bracket_noun_right)
        if _BRACKET_LAST.match(text, q.end):
            # "Verlaging als gevolg van minder woningen in beheer (-/- € 0,7 miljoen)": a
            # line opening with a change noun, its amount in brackets ending it
            far.append(w.opening_bracket_noun)
    for pattern in near + far:
        if found := pattern.search(text, lo, q.start):
            return found, pattern in near
    return None


_BRACKET_LAST = regex.compile(r"\s*\)\s*[.;]?\s*$")


def apposition_left(q: Found, text: str, floor: int) -> regex.Match[str] | None:
    """The change verb or noun of a clause that a comma and the figure close ("stegen in
    Utrecht het hardst, 3,5 procent", "was de daling het kleinst, 1,2%"): the figure ends its
    sentence and is the only one of its clause."""
    comma = _apposition_comma().search(text, 0, q.start)
    if comma is None or not _APPOSITION_END.match(text, q.end):
        return None
    opening = max(text.rfind(c, 0, comma.start()) for c in _CLAUSE_OPENERS) + 1
    lo = max(floor, opening)
    return _apposition_word().search(text, lo, comma.start())


_APPOSITION_END = regex.compile(r"\s*(?:[.;!]\s*)?$")
_CLAUSE_OPENERS = ".;:\n("


@cache
def _apposition_comma() -> regex.Pattern[str]:
    # "sprake van een stijging, in dit geval 7,9%": an opener may stand after the comma
    openers = alt(patterns().data.changes.size_openers)
    return compile_pattern(rf",(?:\s+{openers})?\s*$")


def clause_change_noun(q: Found, text: str) -> regex.Match[str] | None:
    """The change noun of the clause that a bare "met" and its percentage or amount stand in,
    before or after it: "was met 21 procent de toename het sterkst", "is de groei van de
    opbrengsten met 5,7 procent iets lager", "lieten met 12 procent een grotere afname zien".
    The clause runs from the last stop, semicolon, colon or comma before the figure to the next
    one after it; the figure is then the size of that change."""
    if q.unit not in ("percent", "EUR"):
        return None
    start = max(text.rfind(c, 0, q.start) for c in _CLAUSE_BOUNDS) + 1
    ends = [i for c in _CLAUSE_BOUNDS if (i := text.find(c, q.end)) >= 0]
    end = min(ends) if ends else len(text)
    return _clause_noun().search(text, start, q.start) or _clause_noun().search(text, q.end, end)


_CLAUSE_BOUNDS = ".;:,!?"


@cache
def _clause_noun() -> regex.Pattern[str]:
    ch = patterns().data.changes
    return compile_pattern(
        rf"(?<!\w){alt(ch.noun_articles)}(?:\s+[^\W\d_]+){{0,4}}?\s+"
        rf"(?P<word>{change_nouns(ch, variances=False)})(?!\w)"
    )


def level_predicate_after(q: Found, text: str) -> bool:
    """Whether the clause after a bare "met" and its figure says how high its subject is
    ("maar met 1,1% nog steeds erg laag"): the figure is that level, no change left out."""
    ends = [i for c in _CLAUSE_BOUNDS if (i := text.find(c, q.end)) >= 0]
    end = min(ends) if ends else len(text)
    return _level_predicate().search(text, q.end, end) is not None


@cache
def _level_predicate() -> regex.Pattern[str]:
    return compile_pattern(alt(patterns().data.changes.met_level_predicates))


def budget_clause(q: Found, text: str, floor: int) -> int | None:
    """A clause that opens by comparing with the budget ("Ten opzichte van de begroting
    bedraagt het resultaat € 10.135.000 positief", "Vergeleken met de raming is het saldo
    € 2 miljoen nadelig"): the amount or percentage after it is the variance, a change with no
    earlier period. Its direction: a decrease adjective ending the clause ("nadelig",
    "negatief") or the figure's own sign; else a rise. None where no such clause opens."""
    if q.unit not in ("EUR", "percent") or q.kind != "level":
        return None
    if (place := _budget_place().match(text, q.end)) is not None:
        # "De lasten bleven € 900.000 onder de begroting"
        below = patterns().data.changes.below_budget
        return -1 if place.group("word").lower() in {w.lower() for w in below} else 1
    if not budget_compared_before(q, text, floor):
        return None
    after = _variance_after().match(text, q.end)
    ch = patterns().data.changes
    worse = after is not None and after.group("word").lower() in {
        w.lower() for w in ch.variance_decrease_adjectives}
    return -1 if worse or q.value < 0 else 1


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause before `pos` starts: after the last stop, semicolon, colon or line
    break, not before `floor`."""
    return max(floor, max(text.rfind(c, 0, pos) for c in ".;:\n") + 1)


def _adjective_sign(word: str) -> tuple[int, str]:
    """The sign a result adjective gives (-1 for nadelig, negatief), with the word."""
    negative = word.lower() in {w.lower() for w in patterns().data.changes.result_negative}
    return (-1 if negative else 1), word


def result_sign(q: Found, text: str, floor: int) -> tuple[int, str] | None:
    """A result or balance in euro written favourable or unfavourable: "een nadelig saldo van
    € 860.000", or a result noun in the clause and the adjective after the amount ("Het
    rekeningresultaat bedraagt € 2,7 miljoen nadelig"). The sign (-1 for nadelig, negatief)
    and the adjective; None where no such words stand around it."""
    if q.unit != "EUR" or q.kind != "level":
        return None
    r = _result_patterns()
    lo = _clause_start(text, q.start, floor)
    m = r.before.search(text, lo, q.start)
    if m is None and r.noun.search(text, lo, q.start) is not None:
        m = r.after.match(text, q.end)
    if m is None:
        return None
    return _adjective_sign(m.group("word"))


class _Result(NamedTuple):
    before: regex.Pattern[str]
    after: regex.Pattern[str]
    noun: regex.Pattern[str]


@cache
def _result_patterns() -> _Result:
    ch = patterns().data.changes
    words = alt(ch.result_negative + ch.result_positive)
    # the noun or a compound ending on it ("rekeningresultaat", "exploitatiesaldo")
    noun = caseless(r"[^\W\d_]*") + bare_alt(ch.result_nouns)
    van = phrase(ch.noun_size_markers[0])
    return _Result(
        before=compile_pattern(rf"(?<!\w)(?P<word>{words})\s+{noun}\s+{van}\s*$"),
        after=compile_pattern(rf"\s+(?P<word>{words})(?=\s*(?:$|[.,;:)]))"),
        noun=compile_pattern(rf"(?<!\w){noun}(?!\w)"),
    )


def budget_compared_before(q: Found, text: str, floor: int) -> bool:
    """Whether the clause of the figure compares with the budget before it: "Ten opzichte van
    de begroting", "Afgezet tegen de raming", "Het verschil met de begroting"."""
    start = _clause_start(text, q.start, floor)
    return _budget_compared().search(text, start, q.start) is not None


@cache
def _budget_compared() -> regex.Pattern[str]:
    ch = patterns().data.changes
    openers = alt([*ch.base_phrases, *ch.budget_compare_openers])
    after_noun = alt(ch.budget_compare_after_noun)
    return compile_pattern(
        rf"(?:(?<!\w){openers}|(?<!\w){alt(ch.variance_nouns)}\s+{after_noun})"
        rf"\s+{alt(ch.budget_bases)}(?!\w)"
    )


@cache
def _budget_place() -> regex.Pattern[str]:
    ch = patterns().data.changes
    return compile_pattern(
        rf"\s+(?P<word>{alt(ch.below_budget + ch.above_budget)})\s+{alt(ch.budget_bases)}(?!\w)"
    )


@cache
def _variance_after() -> regex.Pattern[str]:
    ch = patterns().data.changes
    words = alt(ch.variance_decrease_adjectives + ch.variance_increase_adjectives)
    return compile_pattern(rf"\s+(?P<word>{words})(?=\s*(?:$|[.,;:)]))")


@cache
def _apposition_word() -> regex.Pattern[str]:
    ch = patterns().data.changes
    verbs = alt(ch.decrease_verbs + ch.increase_verbs)
    return compile_pattern(
        rf"(?<!\w)(?P<word>{verbs}|{change_nouns(ch, variances=False)})(?!\w)"
    )


class Arrival(NamedTuple):
    outcome_verb: regex.Pattern[str]
    outcome_particle: regex.Pattern[str]
    verb: regex.Pattern[str]
    particle: regex.Pattern[str]
    separable_particle: regex.Pattern[str]
    joined: regex.Pattern[str]
    amount_not_after: regex.Pattern[str]


def _last_word(words: str, max_words: int, *, named: bool, bracket: bool,
               respects: str | None = None) -> str:
    """Up to `max_words` words, then one of `words` that ends its clause (a stop, a comma, a
    colon, the end; with `bracket` also an opening bracket); `named` puts it in group
    ``word``; `respects`, an alternation of words that may follow it with up to two words
    before the clause ends ("terug in inkomsten")."""
    word = caseless(r"[^\W\d_][\w-]*")
    last = f"(?P<word>{words})" if named else words
    ends = "[.,;:(]" if bracket else "[.,;:]"
    tail = rf"(?:\s+{respects}(?:\s+{word}){{1,2}}?)?" if respects else ""
    return rf"(?:\s+{word}){{0,{max_words}}}?\s+{last}{tail}(?=\s*(?:{ends}|$))"


@cache
def arrival() -> Arrival:
    ch = patterns().data.changes
    return Arrival(
        outcome_verb=compile_pattern(rf"(?<!\w){alt(ch.outcome_finite)}(?!\w)"),
        outcome_particle=compile_pattern(_last_word(
            alt(ch.outcome_better + ch.outcome_worse), ch.separable_bare_max_words,
            named=True, bracket=True)),
        verb=compile_pattern(alt(ch.arrival_finite)),
        particle=compile_pattern(_last_word(
            alt(ch.arrival_particles), ch.arrival_max_words, named=False, bracket=False)),
        separable_particle=compile_pattern(_last_word(
            alt(ch.decrease_particles + ch.increase_particles), ch.separable_bare_max_words,
            named=True, bracket=True, respects=alt(ch.separable_respects))),
        joined=compile_pattern(_last_word(
            alt(ch.arrival_joined), ch.arrival_max_words, named=False, bracket=False)),
        amount_not_after=compile_pattern(alt(ch.separable_amount_not_after)),
    )


class _Wide(NamedTuple):
    verb: regex.Pattern[str]
    colon: regex.Pattern[str]
    noun_opening: regex.Pattern[str]
    comparative_noun: regex.Pattern[str]
    subject: regex.Pattern[str]
    bracket: regex.Pattern[str]
    bracket_noun: regex.Pattern[str]
    opening_bracket_noun: regex.Pattern[str]
    bracket_noun_right: regex.Pattern[str]
    than_noun: regex.Pattern[str]


@cache
def _wide_patterns() -> _Wide:
    ch = patterns().data.changes
    verbs = alt(ch.decrease_verbs + ch.increase_verbs)
    particles = alt(ch.decrease_particles + ch.increase_particles)
    nouns = change_nouns(ch)
    adjectives = alt(ch.variance_decrease_adjectives + ch.variance_increase_adjectives)
    comparatives = alt(ch.variance_comparatives)
    met = phrase(ch.verb_size_marker)
    van = phrase(ch.noun_size_markers[0])
    fill = rf"(?:\s+{alt(ch.size_fillers)})*"
    # a word of the clause: letters (with hyphens and dots: "vrije-sectorwoningen", "t.o.v."),
    # a year, or a day before a month; no figure, no punctuation
    day = rf"\d{{1,2}}(?=\s+{alt(patterns().data.contexts.months)})"
    word = r"(?:\s+(?:" + caseless(r"[^\W\d_][\w.’'-]*") + rf"|\d{{4}}|{day}))"
    letters = r"(?:\s+" + caseless(r"[^\W\d_][\w’'-]*") + ")"
    # a word of the clause or a span of years ("1985-2009")
    span = rf"(?:{word}|\s+\d{{4}}[-–/]\d{{2,4}})"
    adjective = caseless(r"[^\W\d_]+e")
    movement = (rf"(?:(?P<word>{verbs})|(?:{alt(ch.separable_finite)}){word}{{0,7}}?"
                rf"\s+(?P<word>{particles}))")
    # a word of the clause, or an aside set off by two commas ("steeg de schuld, dus wat er
    # openstaat, gemiddeld met"): the words of the aside count as one
    aside = rf"(?:{word}|,\s+{alt(ch.inserted_openers)}{letters}{{1,8}}?,)"
    opening = "|".join(regex.escape(o) for o in ch.bare_noun_openers)
    # "kwam ... uit op": a copula whose parts the clause may set apart
    split = [rf"{phrase(head)}{word}{{0,3}}?\s+{phrase(tail)}"
             for head, tail in (c.split(" ... ", 1) for c in ch.split_copulas)]
    copulas = "(?:" + "|".join([alt(ch.copulas), *split]) + ")"
    return _Wide(
        verb=compile_pattern(
            rf"(?:(?P<word>{alt(ch.finite_verbs)}){aside}{{1,{ch.far_verb_gap}}}?"
            # "nam het aantal zowel op maand- als op jaarbasis toe, met respectievelijk 3 en 20"
            rf"|{alt(ch.separable_finite)}{word}{{1,{ch.far_verb_gap}}}?\s+(?P<word>{particles}),?)"
            rf"\s+{met}{fill}\s*$"
        ),
        colon=compile_pattern(
            rf"{movement}(?:\s+[^\s:;.()]+){{0,{ch.colon_gap}}}?\s*:{fill}\s*$"
        ),
        noun_opening=compile_pattern(
            rf"(?:(?:(?:^|(?<=[\n{opening}])|(?<=[{opening}]\s+))\s*(?:{adjectives}\s+)?"
            # a row label after the figures of the row before: "€ 1.449 Verschil € 24"
            rf"|(?<=\s)(?-i:(?=\p{{Lu}})))(?P<word>{nouns})"
            # "Reiskosten, nadeel € 42.000"
            rf"|(?<=,\s*)(?P<word>{alt(ch.bare_noun_after_comma)})"
            # "Verschil t.o.v. begroting € 57"
            rf")(?:\s+{alt(ch.base_phrases)}{letters}{{1,3}}?)?\s*:?\s*$"
        ),
        comparative_noun=compile_pattern(
            # a year may stand among the words: "lagere lasten over 2021 van € 196.000"
            rf"(?P<word>{comparatives}){letters}{word}{{0,{ch.variance_noun_gap - 1}}}?\s+{van}\s*$"
        ),
        subject=compile_pattern(
            rf"(?:^|(?<=[,;:]\s*)|(?<=\n))\s*{alt(ch.subject_articles)}\s+"
            # an adjective ("De gemiddelde huurverhoging"), then what it is of or per ("van
            # het aantal huishoudens", "per 1 juli")
            rf"(?:(?:{adjective}|{alt(ch.subject_adjectives)})\s+)?"
            rf"(?P<word>{change_nouns(ch, variances=False)})"
            rf"(?:\s+{alt(ch.subject_prepositions)}{word}{{1,4}}?)?\s+{copulas}{word}{{0,3}}?{fill}"
            r"\s*$"
        ),
        # "Het aantal aanmeldingen is licht gestegen (3,4 %)": the verb may close the words
        bracket=compile_pattern(
            rf"{movement}(?:{word}|\s*,){{0,8}}?\s*\(\s*$"
        ),
        # "de stijging in maart (5 procent)", "de groei van de koopkracht in de periode
        # 1985-2009 (gemiddeld 1,8 procent per jaar)", "de stijging van de lasten is kleiner
        # dan die van de baten (8,2 procent)": a change noun and up to twelve plain words
        bracket_noun=compile_pattern(
            rf"(?<!\w)(?P<word>{change_nouns(ch, variances=False)}){span}{{0,12}}?\s*\(\s*"
            rf"(?:{alt(ch.size_fillers)}\s+)*$"
        ),
        # the change noun opening the line (after a bullet, or after the colon of a line
        # run into the one introducing it: "is gewijzigd als gevolg van: Verhoging van de
        # huren ..."), up to sixteen plain words (a year or a date among them: "per 1 juli
        # 2019") and the bracket
        opening_bracket_noun=compile_pattern(
            rf"(?:^|(?<=[:;]))\s*(?:[-•–]\s*)?(?:{alt(ch.noun_articles)}\s+)?"
            rf"(?P<word>{change_nouns(ch, variances=False)}){span}{{0,16}}?\s*\(\s*$"
        ),
        bracket_noun_right=compile_pattern(
            rf"(?<!\w)(?P<word>{change_nouns(ch, variances=False)})\s*\(\s*$"
        ),
        than_noun=compile_pattern(
            rf"(?<!\w)(?P<word>{change_nouns(ch, variances=False)}){letters}{{0,3}}?"
            rf"\s+{alt(ch.gap_followers)}\s*$"
        ),
    )


@cache
def variance() -> regex.Pattern[str]:
    ch = patterns().data.changes
    # the word or a compound ending on it ("exploitatienadeel")
    return compile_pattern(r"(?<!\w)" + caseless(r"[^\W\d_]*") + bare_alt(ch.variance_words)
                           + r"(?!\w)")


@cache
def against_budget() -> regex.Pattern[str]:
    ch = patterns().data.changes
    word = caseless(r"[^\W\d_]+")
    # "€ 2,4 miljoen hoger uit dan begroot", "met € 2,6 miljoen ten opzichte van de begroting"
    compared = alt([*ch.gap_followers, *ch.base_phrases])
    between = alt(ch.budget_prepositions)
    return compile_pattern(
        rf"(?:\s+{word}){{0,3}}?\s+{compared}(?:\s+{between})?\s+{alt(ch.budget_bases)}(?!\w)"
    )


def variance_column(found: list[Found], text: str) -> None:
    """The figure of a text row under a header's variance column: the variance noun written
    with a capital, only words in lower case after it (what the column compares), the names of
    the columns after it (each a word with a capital and words in lower case: "Stand primo
    Mutatie Stand ultimo"), then the row's label (one such name) and at least two figures
    ending the text. The row's figures stand in the header's columns from the right: under
    "Mutatie Stand ultimo" the variance is the one before the last."""
    if _variance_marker_row(found, text):
        return
    m = _variance_header().search(text)
    if m is None:
        return
    row = [q for q in found if q.start >= m.start("row")]
    if len(row) < 2 or row[-1].end < len(text.rstrip()) - 1:
        return
    # the names after the variance noun: the columns to its right, then the row's label
    after = len(_COLUMN_NAME.findall(text, m.end("word"), m.start("row"))) - 1
    if after < 0 or after >= len(row):
        return
    figure = row[-1] if after == 0 else _middle_cell(row, text, m, after)
    if figure is None or figure.kind != "level":
        return
    figure.kind = "change"
    _minus_apart(figure, row, text)
    where = "last column" if after == 0 else f"column {after + 1} from the right"
    figure.notes.append(f"change: the {where}, '{m.group('word')}', is a variance")
    figure.notes.append(VARIANCE_NOTE)


def _minus_apart(figure: Found, row: list[Found], text: str) -> None:
    """A lone dash right before the variance between two figures is its minus where the
    figure before less this one makes the figure after ("26.022 - 831 25.191": a stock at the
    start, its change, the stock at the end)."""
    i = row.index(figure)
    if not 0 < i < len(row) - 1 or figure.value < 0 \
            or not _LONE_DASH.fullmatch(text[row[i - 1].end : figure.start].strip()):
        return
    if row[i - 1].value - figure.value == row[i + 1].value:
        figure.value = -figure.value
        figure.signed = True
        figure.notes.append("sign: the dash before it is its minus (the row adds up)")


def _middle_cell(row: list[Found], text: str, m: regex.Match[str], after: int) -> Found | None:
    """The figure under a variance column with `after` columns to its right, where the row
    fills the header's columns: its figures, or its figures and its lone dashes (empty cells:
    "Algemene reserve 6.753 - 6.753"), as many as the header's names before the variance
    column (one of them may name the label column) and the variance column and those after.
    None where the row does not fill them or an empty cell stands under the variance."""
    start = max(text.rfind(c, 0, m.start("word")) for c in "):;") + 1
    before = len(_COLUMN_NAME.findall(text, start, m.start("word")))
    columns = {before + after, before + 1 + after}
    if len(row) in columns:
        return row[len(row) - 1 - after]
    dashes = [d.start() for d in _LONE_DASH.finditer(text, m.start("row"))]
    if len(row) + len(dashes) not in columns:
        return None
    placed: list[tuple[int, Found | None]] = [(d, None) for d in dashes]
    placed += [(q.start, q) for q in row]
    cells = [cell for _, cell in sorted(placed, key=lambda c: c[0])]
    return cells[len(cells) - 1 - after]


# a dash alone between the figures of a row: an empty cell, or a minus written apart
_LONE_DASH = regex.compile(r"(?<!\S)[-–](?!\S)")
# the name of a column or a row label in a header read as text: a word with a capital, then
# words in lower case ("Stand ultimo", "Totaal reserves", "Bestemmingsreserves (overige)")
_COLUMN_NAME = regex.compile(r"(?<!\S)\p{Lu}[^\W\d]*(?:\s+(?:\p{Ll}|\()[^\W\d]*\)?)*")


def _variance_marker_row(found: list[Found], text: str) -> bool:
    """A row whose last figure stands before a variance letter ending the text ("Saldo -50.496
    -145.922 -95.426 N", "Huuropbrengsten € 120.000 V"): that figure is a variance. A figure
    alone needs a label before it, words and no figure ("Personeelslasten 45.000 N"). The
    letter signs an amount written without a sign (`variance_letter`)."""
    m = _row_marker().search(text)
    if m is None or not found or found[-1].end > m.start() \
            or text[found[-1].end : m.start()].strip():
        return False
    last = found[-1]
    if len(found) == 1 and (not _LINE_LABEL.fullmatch(text, 0, last.start)
                            or (last.unit != "EUR" and abs(last.value) < _LINE_AMOUNT)):
        return False
    if last.kind == "level":
        last.kind = "change"
        last.notes.append(f"change: the row ends on the variance letter '{m.group('word')}'")
        last.notes.append(VARIANCE_NOTE)
    variance_letter(last, m.group("word"))
    for q in found:
        _letter_amount(q)
    return True


# the label of a budget line before its one figure: a bullet or not, then words ("- Onderhoud
# sportvelden", "Inhuur tijdelijk personeel")
_LINE_LABEL = regex.compile(r"\s*(?:[-–•]\s+)?[^\W\d_][^\d]*")
# the least a bare number alone on such a line must be to be read as its amount ("Route 12 N"
# is none; municipalities write budget lines in whole euro or thousands of euro)
_LINE_AMOUNT = 100


def variance_letter(q: Found, letter: str) -> None:
    """Sign the variance `q` by the letter written after it: N (nadelig) makes an amount
    written without a sign negative, V (voordelig) positive; a sign written with the figure
    stays ("-95.426 N")."""
    if q.signed:
        return
    unfavourable = letter in patterns().data.changes.variance_unfavourable_markers
    signed = -abs(q.value) if unfavourable else abs(q.value)
    if signed != q.value:
        q.value = signed
        q.notes.append(f"sign: the variance letter '{letter}' after it")


def _letter_amount(q: Found) -> None:
    """A bare number of a budget line whose variance is written V or N is an amount in euro:
    the letters say voordelig or nadelig for the result."""
    if q.unit == "count" and q.form == "digits" and not q.has_unit:
        q.unit = "EUR"
        q.has_unit = True
        q.notes.append("unit EUR: its line marks a variance V or N")


def bracketed_letters(found: list[Found], text: str) -> None:
    """An amount, or its change words, followed in its clause by a variance letter in brackets
    ("De lasten vallen € 0,3 miljoen hoger uit (N).", "Het saldo bedraagt € 215.000 (V)."): a
    variance against the budget, signed by the letter; a change of an earlier period it is
    not."""
    for i, q in enumerate(found):
        if q.unit == "percent":
            continue
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        m = _bracketed_letter().match(text, q.end, limit)
        if m is None:
            continue
        letter = m.group("word")
        if q.kind == "level":
            q.kind = "change"
            q.notes.append(f"change: the variance letter '({letter})' after it")
        if VARIANCE_NOTE not in q.notes:
            q.notes.append(VARIANCE_NOTE)
        variance_letter(q, letter)
        _letter_amount(q)


@cache
def _bracketed_letter() -> regex.Pattern[str]:
    markers = "|".join(regex.escape(w) for w in patterns().data.changes.variance_row_markers)
    word = r"(?:\s+[^\W\d_]+)"
    return regex.compile(rf"{word}{{0,3}}?\s*\((?P<word>{markers})\)(?=\s*(?:$|[.,;:]))")


@cache
def _row_marker() -> regex.Pattern[str]:
    ch = patterns().data.changes
    markers = "|".join(regex.escape(w) for w in ch.variance_row_markers)
    kinds = "|".join(regex.escape(w) for w in ch.variance_marker_kinds)
    return regex.compile(rf"(?<=\d)\s+(?P<word>{markers})(?:\s+(?:{kinds}))?\s*$")


def line_adjective(q: Found, text: str, floor: int) -> tuple[int, str] | None:
    """A variance written with its adjective after the amount: a budget line of a label and
    the amount ending on it ("Huuropbrengsten € 120.000 voordelig"), or an outcome verb before
    the amount and the adjective and its particle after it ("De post onvoorzien valt € 35.000
    voordelig uit"). The sign and the word; None where the clause names a result (`result_sign`
    reads that) or no such words stand."""
    if q.unit != "EUR" or q.kind != "level":
        return None
    p = _line_patterns()
    if (m := p.end.match(text, q.end)) is not None:
        if not _LINE_LABEL.fullmatch(text, 0, q.start):
            return None
    elif (m := p.outcome.match(text, q.end)) is None \
            or arrival().outcome_verb.search(text, max(floor, q.start - WIDE_WINDOW),
                                             q.start) is None:
        return None
    lo = _clause_start(text, q.start, floor)
    if _result_patterns().noun.search(text, lo, q.start) is not None:
        return None
    return _adjective_sign(m.group("word"))


class _Line(NamedTuple):
    end: regex.Pattern[str]
    outcome: regex.Pattern[str]


@cache
def _line_patterns() -> _Line:
    ch = patterns().data.changes
    words = alt(ch.variance_line_adjectives)
    return _Line(
        end=compile_pattern(rf"\s+(?P<word>{words})\s*\.?\s*$"),
        outcome=compile_pattern(
            rf"\s+(?P<word>{words})\s+{alt(ch.variance_line_outcome_particles)}"
            r"(?=\s*(?:$|[.,;:(]))"),
    )


@cache
def _variance_header() -> regex.Pattern[str]:
    ch = patterns().data.changes
    lower = caseless(r"\p{Ll}[\w.]*")
    # a word of the label may stand in brackets: "Bestemmingsreserves (overige)"
    label = caseless(r"\p{Lu}[^\W\d]*") + r"(?:\s+\(?" + caseless(r"[^\W\d][^\W\d]*") + r"\)?)*?"
    figure = r"(?:€\s*)?(?:[-−]\s?)?\d[\d.,]*-?"
    return compile_pattern(
        rf"(?-i:(?=\p{{Lu}}))(?P<word>{alt(ch.variance_nouns)})(?:\s+{lower}){{0,8}}\s+{label}"
        rf"(?P<row>(?:\s+{figure}){{2,}})\s*$"
    )
