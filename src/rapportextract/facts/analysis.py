"""One sentence as the fact stage sees it, worked out once and passed down (`analyse`): its
figures, its time expressions, whether it refers back to the sentence before, and whom it
is about. The steps after it (concepts, periods, scope, amounts, statement keys) read these
instead of deriving them again from the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapportextract.facts.cues import continues_previous, inherits_period
from rapportextract.facts.scope import ScopeFound, scope_cues, without_own_voice
from rapportextract.models import Quantity, Sentence
from rapportextract.periods import TimeExpression, find_time_expressions
from rapportextract.quantities.multipliers import Multiplier


@dataclass(frozen=True)
class SentenceAnalysis:
    sentence: Sentence
    quantities: list[Quantity]
    """The figures that become facts (a section number run into its heading is left out, and
    a sentence without a word has none: `has_words`)."""
    times: list[TimeExpression]
    continues: bool
    """It refers back to the sentence before (`cues.continues_previous`)."""
    inherits: bool
    """It keeps the period of the sentence before (`cues.inherits_period`)."""
    cues: list[ScopeFound]
    """Its scope cues (`scope.scope_cues`)."""

    @property
    def text(self) -> str:
        return self.sentence.text


def analyse(sentence: Sentence, edition: int, *, own_voice: bool = True,
            carried: Multiplier | None = None, quoted: bool = False) -> SentenceAnalysis:
    """The analysis of one prose sentence of a document of `edition`. Without `own_voice`
    (a document that is not an organisation's own report), "wij" is no scope cue; `carried`
    is the multiplier of the table head above a row (`multipliers.head_multiplier`);
    `quoted`: the sentence starts inside a quotation a sentence before opened
    (`scope.quotations`)."""
    from rapportextract.quantities import find_quantities

    text = sentence.text
    quantities = ([q for q in find_quantities(text, carried) if not section_number(q, text)]
                  if has_words(text) else [])
    return SentenceAnalysis(
        sentence=sentence,
        quantities=quantities,
        times=[t for t in find_time_expressions(text, edition=edition)
               if not _figure_read_as_year(t, quantities)],
        continues=continues_previous(text),
        inherits=inherits_period(text),
        cues=scope_cues(text, quoted=quoted) if own_voice
        else without_own_voice(scope_cues(text, quoted=quoted)),
    )


_WORD = re.compile(r"[^\W\d_]{2}")


def has_words(text: str) -> bool:
    """Whether the text has a word (two letters in a row). A "sentence" without one names
    nothing its figures could count: a page number, a footnote marker, a row of axis ticks
    or bar labels that escaped its chart ("8.000 6.000 4.000"), a column of a table read as
    text. Its figures are no facts."""
    return bool(_WORD.search(text))


def _figure_read_as_year(t: TimeExpression, quantities: list[Quantity]) -> bool:
    """Whether a bare year of the time expressions is the number of a figure the recogniser
    read as a count ("ruim 2000 minder dan eind maart", "een daling van 2000"): no period."""
    digits = t.text.strip()
    # only where words of the figure make it one ("ruim", "meer", "een daling van"): a bare
    # number read as a count may still be a column's year ("Begroot 2023 Leningen 420")
    return len(digits) == 4 and digits.isdigit() and any(
        q.unit == "count" and q.start <= t.start and t.end <= q.end and abs(q.value) == int(digits)
        and q.text.strip() != digits
        for q in quantities)


# "1. Ontruimingen Voor het derde jaar ...": a section number run into its heading's text.
_SECTION_NUMBER = re.compile(r"\s*(?:\d{1,2}\.){1,3}\s+(?=[^\W\d_])|\s*\d{1,2}\)\s+(?=[^\W\d_])")


def section_number(q: Quantity, text: str) -> bool:
    """True where the figure is the number of a section heading that opens the sentence."""
    m = _SECTION_NUMBER.match(text)
    return bool(m and q.start < m.end() and q.kind == "level" and q.unit == "count"
                and text[m.end()].isupper())


