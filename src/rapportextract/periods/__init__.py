"""Which period a figure is about (docs/outputs.md).

A sentence may name several times: "In 2020 was het nog € 227 miljoen" names the period of its
figure, "€ 9 miljoen minder dan in 2022" names the base of a comparison. This module finds every
time expression in a sentence (`find_time_expressions`), gives each a role (``point``: the
period of a figure; ``base``: the period a change is measured against) and then picks the one
that belongs to a given figure (`resolve_period`):

0. a figure in brackets right after a time expression ("vergeleken met 2013 (6.940)", "de
   stijging in maart (5 procent)") is that time's figure, and that time is no other
   figure's;
1. a point expression in the figure's own clause (the nearest one); the first year of a
   movement "van 8.550 in 2007 naar 7.100", and the year of a figure compared with ("tegen
   7.100 in 2008"), speak only for the figure right before them and are a base period for
   the sentence's other figures;
2. else a base that a relative clause of the figure describes ("dan het gemiddelde in
   2014, dat op 438.000 uitkwam"), else the nearest point expression before the figure in
   the sentence (a year after the figure in another clause belongs to that clause's own
   figure);
3. else the context: a period that governs the paragraph (``scope``, e.g. a sentence
   "Het beeld over de eerste maanden van 2024 is wisselend" before it), then a period named in
   the heading above;
4. else the edition's data year (edition - 1).

A figure from the context or the default whose base is that same period ("2 procent hoger
dan vorig jaar"), or one of its months ("ten opzichte van mei 2019"), is of the period after
its base (for a month without its year, or one of the edition year, the month after:
"vergeleken met juli"); a change "vorig jaar" after a sentence about one month of the
edition year is that month a year before. A time inside a comparison ("dan het gemiddelde
in 2014", "onder het recordniveau van 2013", "dan een jaar geleden voor 2022") is a base,
not a period.

"Toen" and "destijds" at the start of a sentence are the last time the sentence before
names (`mentioned_period`); "het afgelopen halfjaar" the months up to the month in focus;
a change over "in drie jaar tijd" is of the last year against the year before the first
(`elapsed_years`).

Before these steps, a quarter or half without a year ("in het vierde kwartaal") takes the year
in focus as a month does; "een jaar eerder" after a figure of the sentence hangs on that
figure's year, at the start of the sentence on the sentence before.

Before these steps, a month without a year ("in oktober", "tot en met juli", "op 1 januari")
takes the year in focus (the sentence, the sentence before, the paragraph, else the edition
year), and a year in brackets ("(2018: 0,55%)") speaks only for the figures in its brackets.
A table row read as text takes its column years from the header before it (`read_columns`).

Periods are written as docs/outputs.md spells them: ``2023``, ``2024-H1``, ``2024-Q2``,
``2022-01/2022-05``, ``2024-early``.

The Dutch time words live in ``lang/nl/periods.toml``; they are compiled into patterns once
(``words``). ``expressions`` finds the time expressions of a sentence, ``resolution`` chooses
one for a figure, ``clauses`` and ``scope`` give it the context.
"""

from rapportextract.periods.clauses import clause_bounds
from rapportextract.periods.columns import Columns, column_periods, read_columns
from rapportextract.periods.expressions import (
    How,
    Role,
    TimeExpression,
    find_time_expressions,
)
from rapportextract.periods.months import elapsed_years
from rapportextract.periods.resolution import (
    PeriodContext,
    PeriodResolution,
    ResolutionSource,
    mentioned_period,
    named_period,
    resolve_expressions,
    resolve_period,
)
from rapportextract.periods.scope import derived_scope, heading_period, sets_scope
from rapportextract.periods.words import load_period_words, phrase_alternation

__all__ = [
    "Columns",
    "How",
    "PeriodContext",
    "PeriodResolution",
    "ResolutionSource",
    "Role",
    "TimeExpression",
    "clause_bounds",
    "column_periods",
    "derived_scope",
    "elapsed_years",
    "find_time_expressions",
    "heading_period",
    "load_period_words",
    "mentioned_period",
    "named_period",
    "phrase_alternation",
    "read_columns",
    "resolve_expressions",
    "resolve_period",
    "sets_scope",
]
