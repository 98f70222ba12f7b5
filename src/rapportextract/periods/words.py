"""The Dutch time words of ``lang/nl/periods.toml`` and the patterns compiled from them once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache

from rapportextract.lang.nl import words as nl_words
from rapportextract.lang.nl.words import read_period_words
from rapportextract.patterncache import compile_std


@dataclass(frozen=True)
class PeriodWords(nl_words.PeriodWords):
    """The time words of `lang.nl.words.PeriodWords` with the patterns compiled from them."""

    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)


def load_period_words(text: str | None = None) -> PeriodWords:
    """The Dutch time words (the packaged file, or `text` for tests) with their patterns."""
    w = read_period_words(text)
    loaded = PeriodWords(**{f.name: getattr(w, f.name) for f in fields(w)})
    loaded.patterns.update(_compile(loaded))
    return loaded


@lru_cache(maxsize=1)
def period_words() -> PeriodWords:
    return load_period_words()


def _phrase(text: str) -> str:
    return r"\s+".join(re.escape(part) for part in text.split())


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of Dutch phrases, longest first, any whitespace between words."""
    items = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(_phrase(p) for p in items) + ")"


alt = phrase_alternation  # the short name the patterns below read better with


# a footnote marker glued to a year at the end of a sentence ("in 2021.1", "in 2021.12 De")
# leaves the year
_YEAR = (r"(?<![\d.,/-])(?:19|20)\d{2}"
         r"(?![\d]|,\d|\.\d(?!\d?(?:$|\s+(?-i:[A-Z])))|\s?[-–/]\s?(?:19|20)?\d{2}\b)")


def full_month_names(w: nl_words.PeriodWords) -> list[str]:
    """The full name of each month ("oktober", not "okt"): a month without a year is looked
    for by its full name only, so that "Jan" or "dec" in running text is no month."""
    longest: dict[int, str] = {}
    for name, number in w.months.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    return list(longest.values())


def _compile(w: PeriodWords) -> dict[str, re.Pattern[str]]:
    month = alt(w.months)
    full = alt(full_month_names(w))
    ordinal = alt(w.ordinals)
    first = alt([k for k, v in w.ordinals.items() if v == 1])
    count = "(?:" + alt(w.counts)[3:-1] + r"|\d{1,2})"
    season = alt(w.seasons)
    art = rf"(?:{alt(w.words['articles'])}\s+)?"
    of = alt(w.words["of"])
    rel = alt(w.relative)
    year_or_rel = rf"(?:(?P<y>{_YEAR})|(?P<rel>{rel}))"
    tail = rf"(?:\s+{of}\s+{year_or_rel})?"
    b = r"(?<![\w])"
    e = r"(?![\w])"
    run = rf"(?!\s+{alt(w.words['in_a_row'])}{e})"  # "het tweede kwartaal op rij"
    token = r"[^\s,;:()\d]+"  # a word after a figure: "miljoen", "procent"
    figure = r"\d[\d.]*(?:,\d+)?%?"
    day = r"(?:[0-3]?\d\s+)?"
    # "het overeenkomstige halfjaar van", "in dezelfde maanden in", "hetzelfde kwartaal":
    # the same stretch of another year
    same_stretch = (
        rf"(?:{of}\s+)?{art}{alt(w.words['same_adjectives'])}\s+{alt(w.words['same_units'])}"
        rf"\s+(?:{of}\s+)?"
    )
    patterns = {
        # "tussen januari en mei 2022"; with days: "in de periode 1 maart tot en met 1 juni 2020"
        "month_range": (
            rf"{b}(?:{alt(w.words['range_open'])}\s+)?{day}(?P<m1>{month})\.?\s*"
            rf"(?:,\s*{month}\.?\s*)*"
            rf"(?:{alt(w.words['range_join'])})\s*{day}(?P<m2>{month})\.?\s+(?P<y>{_YEAR})"
        ),
        # "tussen december 2018 en juli 2019", "van oktober 2020 tot en met maart 2021"
        "month_year_range": (
            rf"{b}(?:{alt(w.words['range_open'])}\s+)?{day}(?P<m1>{month})\.?\s+(?P<y1>{_YEAR})\s*"
            rf"(?:{alt(w.words['range_join'])})\s*{day}(?P<m2>{month})\.?\s+(?P<y2>{_YEAR})"
        ),
        # "eind december", "ultimo december 2007": the last day of the year, the year itself
        "year_end_month": (
            rf"{b}{alt(w.words['year_end'])}\s+(?P<m>{alt(w.words['last_month'])})"
            rf"(?:\s+(?P<y>{_YEAR}))?{e}"
        ),
        # "het afgelopen halfjaar", "de afgelopen drie maanden", "afgelopen kwartaal": the
        # months up to the month in focus
        "past_months": (
            rf"{b}{alt(w.words['past_years'])}\s+(?:(?P<n>{count})\s+{alt(w.words['months_word'])}"
            rf"|(?P<half>{alt(w.words['half'])})|(?P<quarter>{alt(w.words['quarter'])})){e}"
        ),
        # "in drie jaar tijd", "in vijf jaar tijd": the years up to the figure's
        "years_time": (
            rf"{b}(?:{alt(w.words['years_time_open'])}\s+(?P<n>{count}|{alt(w.words['one'])})\s+"
            rf"{alt(w.words['years_word'])}\s+{alt(w.words['years_time_close'])}"
            rf"|{alt(w.words['years_span_open'])}\s+(?P<n2>{count})\s+"
            rf"{alt(w.words['years_word'])}){e}"
        ),
        "first_n_months": (
            rf"{b}{art}{first}\s+(?P<n>{count})\s+{alt(w.words['months_word'])}{tail}{e}"
        ),
        "early": rf"{b}{art}{alt(w.words['early_months'])}{tail}{e}",
        "half": rf"{b}{art}(?P<ord>{ordinal})\s+{alt(w.words['half'])}{tail}{e}{run}",
        "quarter": rf"{b}{art}(?P<ord>{ordinal})\s+{alt(w.words['quarter'])}{tail}{e}{run}",
        "last_quarter": rf"{b}{art}{alt(w.words['last_quarter'])}{tail}{e}",
        # "de laatste drie maanden van 2016" (with its year: "de laatste zes maanden" alone
        # are the months up to the time of writing)
        "last_n_months": (
            rf"{b}{art}{alt(w.words['last_months'])}\s+(?P<n>{count})\s+"
            rf"{alt(w.words['months_word'])}\s+{of}\s+{year_or_rel}{e}"
        ),
        "quarter_code": (
            rf"{b}(?:Q(?P<q1>[1-4])\s*(?P<y1>{_YEAR})|(?P<y2>{_YEAR})[-\s]?Q(?P<q2>[1-4])){e}"
        ),
        "year_start": rf"{b}{alt(w.words['year_start'])}\s+{year_or_rel}{e}",
        "year_end": rf"{b}{alt(w.words['year_end'])}\s+{year_or_rel}{e}",
        "since_month": (
            rf"{b}{alt(w.words['since'])}\s+(?P<m>{month})(?:\s+(?P<y>{_YEAR}))?{e}"
        ),
        "year_span": (
            rf"{b}{alt(w.words['range_open'])}\s+(?P<y1>{_YEAR})\s+"
            rf"(?:{alt(w.words['range_join'])})\s+(?P<y2>{_YEAR}){e}"
        ),
        "month_year": rf"{b}(?<!\d\s)(?P<m>{month})\.?\s+(?P<y>{_YEAR}){e}",
        "through_month": (
            rf"{b}{alt(w.words['through'])}\s+(?P<m>{month})\.?\s+(?P<y>{_YEAR}){e}"
        ),
        # "op 1 oktober 2020", "per 1 januari", "op 1 juli van dit jaar": a day's stock
        "date": (
            rf"{b}(?P<d>[0-3]?\d)\s+(?P<m>{month})\.?"
            rf"(?:\s+(?:{of}\s+)?(?P<y>{_YEAR})|\s+(?:{of}\s+)?(?P<rel>{rel}))?{e}"
        ),
        "month_rel": (
            rf"{b}(?:(?P<m>{full})\s+(?:{of}\s+)?(?P<rel>{rel})|(?P<rel2>{rel})\s+(?P<m2>{full})){e}"
        ),
        # a month without a year: the year in focus ("In oktober was dat 7,6 procent")
        "month_alone": rf"{b}(?P<m>{full}){e}",
        # "april, mei en juni": a list of months is their span
        "month_range_alone": (
            rf"{b}(?:{alt(w.words['range_open'])}\s+)?(?P<m1>{full})\s*(?:,\s*{full}\s*)*"
            rf"(?:{alt(w.words['range_join'])})\s*(?P<m2>{full}){e}"
        ),
        "through_alone": rf"{b}{alt(w.words['through'])}\s+(?P<m>{full}){e}",
        "year_period": (
            rf"{b}{alt(w.words['year_period_open'])}\s+(?P<y1>{_YEAR})\s+"
            rf"(?:{alt(w.words['year_period_join'])})\s+(?P<y2>{_YEAR}){e}"
        ),
        "month_in_focus": rf"{b}{alt(w.words['month_in_focus'])}{e}",
        # "dit voorjaar", "afgelopen zomer"; "de zomer van 2022", "najaar 2021"; "in de zomer"
        "season_rel": (
            rf"{b}(?:(?P<this>{alt(w.words['season_this'])})|(?P<last>{alt(w.words['season_last'])}))"
            rf"\s+(?P<s>{season}){e}"
        ),
        "season_year": rf"{b}{art}(?P<s>{season})\s+(?:{of}\s+)?(?P<y>{_YEAR}){e}",
        "season_alone": rf"{b}{alt(w.words['articles'])}\s+(?P<s>{season}){e}",
        "mid_year": rf"{b}{alt(w.words['mid_year'])}\s+(?:{of}\s+)?{year_or_rel}{e}",
        # "vier jaar geleden", "een jaar geleden"
        "ago": (
            rf"{b}(?P<n>{count}|{alt(w.words['one'])})\s+{alt(w.words['years_word'])}"
            rf"\s+{alt(w.words['ago'])}{e}"
        ),
        # "de afgelopen vijf jaar", "het afgelopen decennium"
        "past_years": (
            rf"{b}{alt(w.words['past_years'])}\s+(?P<n>{count})\s+{alt(w.words['years_word'])}{e}"
        ),
        "decade": rf"{b}{alt(w.words['decade'])}{e}",
        # "in 2022 en 2023"
        "year_and": (
            rf"{b}{alt(w.words['year_and_open'])}\s+(?P<y1>{_YEAR})\s+"
            rf"{alt(w.words['year_and_join'])}\s+(?P<y2>{_YEAR}){e}"
        ),
        # the gap between two figures one a year: "300 en 310", "300 woningen en 310"
        "each_gap": rf"^\s*(?:{token}\s+)?{alt(w.words['each_join'])}\s+$",
        # "in de periode 2023-2026", "in 2021-2022", "het schooljaar 2022/23"
        "year_pair": (
            rf"{b}(?:(?P<school>{alt(w.words['school_year'])})|{alt(w.words['year_pair_open'])})"
            r"\s+(?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<y2>(?:19|20)?\d{2})(?!\d|[.,]\d)"
        ),
        "year": rf"{b}(?P<y>{_YEAR}){e}",
        # a date in digits, day first: "1-1-2021", "30/06/2021", "31.12.2020"
        "numeric_date": (
            r"(?<![\d.,/-])(?P<d>\d{1,2})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)"
            r"(?P<y>(?:19|20)\d{2})(?![\d]|[.,]\d)"
        ),
        "relative": rf"{b}(?P<rel>{rel}){e}",
        "present": rf"{b}{alt(w.words['present'])}{e}",
        "anchored": rf"{b}(?P<anch>{alt([*w.anchored, *w.anchored_months])}){e}",
        "after_years": rf"{b}{alt(w.words['after_years'])}{e}",
        "previous_round": rf"{b}{alt(w.words['previous_round'])}{e}",
        "after_alone": rf"{b}{alt(w.words['after_alone'])}{e}",
        "yearly": rf"{b}{alt(w.words['yearly'])}{e}",
        "previous": rf"{b}(?P<prev>{alt(w.previous)}){e}",
        "base_before": (
            # up to two fillers: "dan in dezelfde periode van 2021"; or the same stretch of
            # another year: "ten opzichte van het overeenkomstige halfjaar van 2015"
            rf"{b}{alt(w.words['base_markers'])}\s+(?:(?:{alt(w.words['base_fillers'])}\s+){{0,2}}"
            rf"|{alt(w.words['articles'])}\s+[^\s\d]+\s+{of}\s+|{same_stretch})$"
        ),
        "since_start": rf"^{alt(w.words['since'])}{e}",
        # "de huurverhoging uit 2018": a time that dates a thing, no figure
        "reference_before": rf"{b}{alt(w.words['reference_before'])}\s+$",
        # "het hoogste aantal sinds 2015": a record, no base (up to three words between)
        "record_since": (
            rf"{b}{alt(w.words['record_words'])}\s+(?:[^\s\d]+\s+){{0,3}}"
            rf"{alt(w.words['since'])}\s+$"
        ),
        "base_chain": rf"^\s+{alt(w.words['base_chain'])}\s+$",
        # "zoveel als aan het begin van de crisis in 2008": up to eight words without digits;
        # "drie keer zoveel klachten als in 2018": a multiple, up to four words, its "als"
        "as_before": (
            rf"{b}(?:{alt(w.words['as_markers'])}|{alt(w.words['as_multiples'])}"
            rf"(?:\s+[^\s\d,;:]+){{0,4}}?\s+{alt(w.words['as_word'])})\s+(?:[^\s\d]+\s+){{0,8}}$"
        ),
        # "van 8.550 in 2007 naar ...": the words before and after the first year.
        "movement_from": (
            rf"{b}{alt(w.words['movement_from'])}\s+(?:€\s*)?{figure}(?:\s+{token})?"
            rf"\s+(?:{alt(w.words['of'])}\s+)?$"
        ),
        "movement_to": rf"^\s*{alt(w.words['movement_to'])}{e}",
        # "in tien jaar tijd verdubbeld tot ruim 40.000": the level a movement reached
        "reached": rf"{b}{alt(w.words['movement_to'])}\s+$",
        # "tegen 7.100 in 2008": the year of a figure compared with; its unit may take two
        # words ("tegen 3,9 miljoen euro in 2020")
        "compared_before": (
            rf"{b}{alt(w.words['compared_with'])}\s+(?:{alt(w.words['compared_fillers'])}\s+)?"
            rf"(?:€\s*)?{figure}(?:\s+{token}){{0,2}}"
            rf"\s+(?:{alt(w.words['of'])}\s+)?$"
        ),
        # "14 huurders ... uitgezet, tegenover 22 in 2014": the end of the gap before a figure
        # set against the one before it
        "compared_gap": (
            rf"(?:^|,)\s*{alt(w.words['compared_with'])}\s+"
            rf"(?:{alt(w.words['compared_fillers'])}\s+)?$"
        ),
        # "dezelfde periode vorig jaar", "dezelfde maand een jaar eerder"
        "same_period": (
            rf"(?:{b}{alt(w.words['same_period'])}\s+(?:{alt(w.words['of'])}\s+)?|{same_stretch})$"
        ),
        # the gap between a figure and its own year: "107 in 2016", "107 ontruimingen in 2016"
        "right_after": rf"^\s*(?:{token}\s+)?(?:{alt(w.words['of'])}\s+)?$",
        "bracket_gap": r"^\s*\(\s*$",
        # a time alone in brackets right after a figure, which it dates: "€ 12 miljoen (2021)"
        "bracket_time_open": r"^\s*\(\s*$",
        "bracket_time_close": r"\s*\)",
        # a time followed by a figure in brackets, which it labels: "in maart (5 procent)"
        "relative_clause": rf"\s*,\s*{alt(w.words['relative_pronouns'])}{e}",
        "bracket_label": r"\s*\(\s*[-+−]?(?:€\s*)?\d",
        # A comma between digits is a decimal comma ("1,15 miljoen"), not a clause break.
        "clause_break": (
            rf",(?!\d)|(?<!\d),|[;:()\[\]]|\s[–-]\s|\s{alt(w.words['clause_joiners'])}\s"
        ),
    }
    # kept between runs (`patterncache`): compiling them was a tenth of a second of start-up
    return {name: compile_std(p, re.IGNORECASE) for name, p in patterns.items()}
