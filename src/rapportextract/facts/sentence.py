"""The facts of one sentence: each figure with its concept, subject, period, base period,
confidence and source (the rules are in the `rapportextract.facts` docstring)."""

from __future__ import annotations

import re
from dataclasses import replace

from rapportextract.catalogue import Catalogue
from rapportextract.facts.analysis import SentenceAnalysis
from rapportextract.facts.concepts import CONCEPT_CONFIDENCE, ConceptChoice, Prev, concept_for
from rapportextract.facts.limits import counted_noun, rate_base
from rapportextract.facts.money import amount_reason
from rapportextract.facts.pairs import movement_start, start_period
from rapportextract.facts.provenance import fact_id, figure_place, origin_of
from rapportextract.facts.scope import ScopeFound, beyond_one_body, scope_of
from rapportextract.facts.subjects import statement_key, subject_of
from rapportextract.models import Document, Fact, Quantity, Source
from rapportextract.periods import (
    PeriodContext,
    column_periods,
    elapsed_years,
    heading_period,
    resolve_period,
)
from rapportextract.periods.words import period_words
from rapportextract.quantities.distant import VARIANCE_NOTE

_PERIOD = re.compile(r"\d{4}(?:-(?:H[12]|Q[1-4]|\d{2}|early))?(?:/\d{4}-\d{2})?")
_YEAR = re.compile(r"\d{4}")
_YEARS_SPAN = re.compile(r"(\d{4})-01/(\d{4})-12")


def _previous_year(period: str) -> str | None:
    """The same period a year earlier: 2021 -> 2020, 2022-Q1 -> 2021-Q1, 2020-03/2020-05 ->
    2019-03/2019-05 (a change without a named base compares with the year before); a change
    over several whole years ("de afgelopen vijf jaar", 2016-01/2020-12) compares with the
    year before them (2015)."""
    if not _PERIOD.fullmatch(period):
        return None
    if (years := _YEARS_SPAN.fullmatch(period)) and years.group(1) < years.group(2):
        return str(int(years.group(1)) - 1)
    return _YEAR.sub(lambda m: str(int(m.group()) - 1), period)


def sentence_facts(
    doc: Document, edition: int, analysis: SentenceAnalysis, prev: Prev | None,
    scope: str | None, catalogue: Catalogue, about: ScopeFound,
    columns: list[str | None] | None = None,
) -> list[Fact]:
    """`scope` is the paragraph's time scope; `about` the scope a figure without a scope cue
    of its own takes (`facts.scope`); `columns` the column year of each figure of a table row
    (`periods.read_columns`), found here where not given."""
    sentence, quantities, exprs = analysis.sentence, analysis.quantities, analysis.times
    text = sentence.text
    context = PeriodContext(
        scope=scope,
        heading=heading_period(sentence.heading, edition=edition),
        previous=prev.period if prev else None,
        mentioned=prev.mentioned if prev else None,
        continues=bool(prev and prev.period and analysis.continues
                       and prev.mentioned == prev.period),
    )
    figures = [(q.start, q.end) for q in quantities]
    if columns is None:
        columns = column_periods(text, figures, exprs)
    # Amounts without a currency first, so that a list knows its figures' units ("Van het
    # totale bedrag van 353 miljoen euro stond 171 miljoen open bij ... en 182 miljoen bij
    # ...": three amounts), and a movement between two amounts is one in euro ("van 245
    # miljoen naar 225 miljoen euro").
    # a list after the colon of the sentence before: "De middelen zijn verdeeld over vier
    # maatregelen:" + "1) voorlichting (5 mln.), 2) ..."
    introduced = prev.own if prev and prev.own.rstrip().endswith(":") else None
    reasons = [amount_reason(q, text, quantities, prev.facts if prev else None,
                             analysis.continues, introduced) for q in quantities]
    units = {(q.start, q.end): "EUR" if money else q.unit
             for q, money in zip(quantities, reasons, strict=True)}
    priced = [q if money is None else q.model_copy(update={"unit": "EUR"})
              for q, money in zip(quantities, reasons, strict=True)]
    facts: list[Fact] = []
    for index, q in enumerate(priced):
        notes = []
        if (money := reasons[index]) is not None:
            notes.append(f"unit EUR from context: {money}")
        choice = concept_for(q, sentence, prev, catalogue, figures, analysis.continues, units)
        if index and facts and (against := _set_against(priced[index - 1], q, text,
                                                        facts[-1], choice)) is not None:
            choice = against
            notes.append(f"concept of the figure it is set against: {facts[-1].source.text!r}")
        if choice.why:
            notes.append(choice.why)
        resolution = resolve_period(text, (q.start, q.end), edition=edition, context=context,
                                    expressions=exprs, change=q.kind == "change")
        if resolution.note:
            notes.append(resolution.note)
        period = _survey_period(columns[index] or resolution.period, choice.concept, catalogue,
                                edition)
        second = movement_start(priced, index, text, exprs)
        # "in vijf jaar tijd opgelopen van € 400.000 naar € 1,5 miljoen", "de afgelopen drie
        # jaar met 33 procent gedaald": the change and the movement's last figure are of the
        # last year, its first figure of the year before the first
        elapsed = elapsed_years(period) if resolution.elapsed and not columns[index] else None
        ends_movement = (index > 0 and movement_start(priced, index - 1, text, exprs) is q) \
            or bool(period_words().patterns["reached"].search(text, max(0, q.start - 12),
                                                               q.start))
        if elapsed is not None and (q.kind == "change" or second is not None or ends_movement):
            period = elapsed[1] if second is not None else elapsed[0]
            resolution = replace(resolution, base_period=resolution.base_period or elapsed[1])
            notes.append(f"period {period}: a movement over the years {elapsed[1]}-{elapsed[0]}")
        elif second is not None:
            to = resolve_period(text, (second.start, second.end), edition=edition,
                                context=context, expressions=exprs)
            start = start_period(to.period, resolution.base_period or to.base_period) \
                if to.period == resolution.period else None
            if start is not None:
                period = start
                notes.append(f"period {start}: the start of a movement to {second.text!r}")
        confidence = CONCEPT_CONFIDENCE[choice.how] * resolution.confidence
        if q.ambiguous:
            confidence *= 0.85
        base = None
        if q.kind == "change":
            base = resolution.base_period
            # A change never compares a year with itself: "dan in 2014, toen het aantal met
            # 15 procent daalde" names 2014 as the period of the second change, not its base.
            # A variance against a budget compares with no period unless the sentence names one.
            if base == period or (base is None and VARIANCE_NOTE not in q.notes):
                base = _levels_linked(facts, q, text, period, index == len(priced) - 1)
                if base is not None:
                    notes.append(f"base {base}: the first of the levels the change links")
                else:
                    base = _previous_year(period)
                    confidence *= 0.95
        whom = scope_of(analysis.cues, q.start, text) or about
        whom = beyond_one_body(q, text, whom, analysis.cues)
        if whom.scope != "national":
            notes.append(whom.note())
        facts.append(Fact(
            id=fact_id(doc, sentence.page, *figure_place(sentence, q)),
            document=doc.name,
            edition=edition,
            concept=choice.concept,
            subject=subject_of(q, text, choice, catalogue),
            value=q.value,
            unit=q.unit,
            period=period,
            qualifier=q.qualifier,
            kind=q.kind,
            base_period=base,
            confidence=round(confidence, 3),
            source=Source(
                page=sentence.page, bbox=sentence.bbox_of(q.start, q.end), sentence=text,
                text=q.text, start=q.start, end=q.end, origin=origin_of(doc, sentence.page),
                sentence_id=sentence.id, block_id=sentence.block_id,
            ),
            statement=None if choice.concept else statement_key(text, figures, edition=edition,
                                                                times=exprs),
            scope=whom.scope,
            scope_name=whom.name,
            per=rate_base(q, text, [f for f in figures if f != (q.start, q.end)]),
            diagnostics=notes,
        ))
    return facts


def _set_against(before: Quantity, q: Quantity, text: str, earlier: Fact,
                 choice: ConceptChoice) -> ConceptChoice | None:
    """The concept of a bare figure set against the one before it ("14 huurders wegens een
    huurachterstand uitgezet, tegenover 22 in 2014": both evictions for rent arrears), where
    its own choice differs; None otherwise."""
    if earlier.concept is None or choice.concept == earlier.concept \
            or (before.unit, before.kind) != (q.unit, q.kind):
        return None
    if period_words().patterns["compared_gap"].search(text, before.end, q.start) is None:
        return None
    if counted_noun(q, text)[0] is not None:
        return None  # "tegenover 22 gezinnen": a noun of its own
    return ConceptChoice(None, earlier.concept, "sentence", earlier.subject)


_APPOSITION = re.compile(r"^[^\d]*[,;:(–—-][^\d]*$")


def _levels_linked(facts: list[Fact], q: Quantity, text: str, period: str,
                   last: bool) -> str | None:
    """The base of a change that closes a sentence after the levels it links: "In 2011
    waren het bijna 15.000; in 2018 nog geen 6.000 – een daling van 60%" compares 2018 with
    2011, not with 2017. The levels before it are of one unit and of different periods, the
    last of its period; a comma, dash, colon or bracket sets the change apart."""
    levels = [f for f in facts if f.kind == "level"]
    if not last or len(levels) < 2 or len(levels) != len(facts) \
            or len({f.unit for f in levels}) != 1 or levels[-1].period != period \
            or len({f.period for f in levels}) != len(levels) \
            or not _APPOSITION.match(text[levels[-1].source.end : q.start]):
        return None
    return levels[0].period


def _survey_period(period: str, concept_id: str | None, catalogue: Catalogue,
                   edition: int) -> str:
    """A figure about the edition's own survey is about the data year: the survey is held,
    and the report published, in the year after the one it describes."""
    concept = catalogue.get(concept_id) if concept_id else None
    if concept is not None and concept.data_year and period[:4].isdigit() \
            and int(period[:4]) >= edition:
        return str(edition - 1)
    return period
