"""Facts of many editions linked into time series, with every edition's value kept as a vintage.

What goes into which series
---------------------------
- **National figures only.** A fact whose ``scope`` is not "national" (one corporation's
  count, a region's) stays a fact and enters no series; ``SeriesFile.left_out_scope`` counts
  them.
- **Catalogue series.** Every level fact with a ``concept`` joins the series of that concept
  (id = the concept id, label and unit from the catalogue where one is given). A level fact whose
  unit differs from the concept's unit is left out and named in ``SeriesFile.warnings``.
- **Change series.** A stated change ("een daling van 18.000") is not a level, so it never enters
  a level series: changes get their own series, ``<id>.change`` in the level's unit and
  ``<id>.change_pct`` for relative changes in percent, with ``kind: "change"``. Their
  observations are keyed by period *and* ``base_period`` (a change against 2019 is not a change
  against 2022). Levels derived from a change stay in the level series, marked ``derived``.
- **Statement series.** Facts outside the catalogue (``concept`` null) that carry a ``statement``
  key are linked across editions by what the statement says:

  1. Each distinct statement key (per kind and unit) becomes a token set: lower case, figures
     and punctuation dropped, spaCy's Dutch stop words dropped (corrected by
     ``lang/nl/series.toml``: negations and words like "binnen" stay), a short suffix stripped,
     and words that editions use for the same thing ("belt", "neemt contact op") mapped to one
     token.
  2. Similarity of two keys is the Dice coefficient of their token sets, each token weighted
     by its rarity among all statement keys of the build (log(1 + N / df)): words that every
     finding shares ("corporaties", "huurder") count less than the words that tell findings
     apart ("aanmaning", "contact", "maand"). Pairs at or above ``threshold`` (0.55) are merged
     best first, and only when (a) the unit and kind agree, (b) the two groups share no
     edition — two statements found in the same edition are different statements by
     construction and are never merged — and (c) every key of the merged group is at least
     ``threshold`` similar to every other (complete linkage, so a chain of small rewordings
     cannot drift into a different statement).
  3. A group becomes a series when it has figures for at least two periods or two editions
     (a statement made once is a fact, not a series), its keys have at least three content
     words, and no edition gives one period two figures that disagree (the key would then
     cover two findings; such a group is named in ``SeriesFile.warnings`` instead). Its
     ``match_confidence`` is the lowest pairwise similarity inside the group (1.0 where every
     edition used the same key) and ``statements`` lists the keys linked, so a reader sees
     exactly what was merged.
  4. The id is a readable slug of the statement of the earliest edition (stable when later
     editions are added), made unique with ``-2``, ``-3``, ... in a deterministic order. The
     label is the sentence that first states it.

Vintages, headline and conflicts
--------------------------------
- A **vintage** is one edition's value for one period. Where an edition states the same period
  more than once, its facts are grouped by value (a fact joins the first group whose best fact
  it agrees with within their rounding). Where that leaves more than one group, the edition
  disagrees with itself: the vintage lists every distinct value in ``alternatives`` (fact ids,
  page, wording), its ``reason`` says which it took and why, and the observation is flagged
  (``conflict_kind`` "within_edition" or "both"). The vintage takes: a stated value over a
  derived one, then the higher confidence (the facts do not record how their concept was found,
  but their confidence does: a concept found in the figure's own clause scores 1.0, in its
  sentence 0.95, inherited from the sentence before 0.8, from a heading 0.7), then an exact
  figure over a qualified one, then the earlier page. The vintage keeps the ids of every fact
  of that edition for that period.
- The **headline** of an observation: a stated value beats a derived one; among equals the latest
  edition wins. ``headline_reason`` says which rule decided.
- **Conflict** (``conflict`` true, ``conflict_kind`` "between_editions"): two vintages
  differ by more than the rounding of the text that states them. The rounding is half a unit
  of the last digit written ("226 miljoen": 0.5 miljoen; "1,1%": 0.05); for a non-exact
  qualifier of the last *significant* digit ("zo'n 23.000": 500); for a figure written in
  words, or a derived value, of the value's last significant digit; a fraction word for a
  share ("een kwart") counts as five percentage points. Of two vintages the larger rounding
  applies. A one-sided qualifier ("ruim 23.000") moves the value it is compared at by one
  rounding in its direction, the direction of the figure's size for a negative change
  ("bijna een kwart minder", -25, is compared at -20). So € 226 miljoen against € 227 miljoen
  is a conflict (1 > 0.5); 1,1% against 1,1% is not. The same test tells one edition's values
  apart (``conflict_kind`` "within_edition"; "both" where editions also disagree).

The steps, one module each: `periods` (period arithmetic), `rounding` (rounding and
conflicts), `observations` (vintages, headline), `concepts` (catalogue series) and
`statements` (statement series linked by wording).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rapportextract.models import Fact, Series, SeriesFile
from rapportextract.series.concepts import concept_label, concept_series
from rapportextract.series.periods import (
    is_annual,
    period_bounds,
    period_position,
    period_sort_key,
)
from rapportextract.series.rounding import in_conflict, rounding
from rapportextract.series.statements import (
    DEFAULT_THRESHOLD,
    MIN_STATEMENT_TOKENS,
    slug,
    statement_series,
    statement_similarity,
    statement_tokens,
    statement_weights,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_STATEMENT_TOKENS",
    "build_series",
    "concept_label",
    "in_conflict",
    "is_annual",
    "period_bounds",
    "period_position",
    "period_sort_key",
    "rounding",
    "slug",
    "statement_similarity",
    "statement_tokens",
    "statement_weights",
]


def build_series(
    facts: list[Fact], catalogue: Any = None, *, threshold: float = DEFAULT_THRESHOLD
) -> SeriesFile:
    """Link facts of many editions into series (docs/outputs.md).

    `catalogue` gives labels and units of concepts: any object with ``.get(id)`` or a mapping,
    whose entries have ``label_nl``/``label_en``/``unit`` as attributes or keys (or are the
    label itself). Without it, series are labelled by their concept id.
    """
    warnings: list[str] = []
    by_concept: dict[str, list[Fact]] = defaultdict(list)
    statements: list[Fact] = []
    left_out = 0
    for fact in facts:
        if fact.scope != "national":
            left_out += 1  # one corporation's or region's figure never enters a national series
        elif fact.concept:
            by_concept[fact.concept].append(fact)
        elif fact.statement and fact.statement.strip():
            statements.append(fact)

    series: list[Series] = []
    for concept in sorted(by_concept):
        series.extend(concept_series(concept, by_concept[concept], catalogue, warnings))
    taken = {s.id for s in series}
    series.extend(statement_series(statements, threshold, taken, warnings))
    if left_out:
        warnings.append(
            f"{left_out} {'fact' if left_out == 1 else 'facts'} not about the whole country "
            "(scope organisation, region or unknown) left out of the series; they stay in "
            "facts.json"
        )
    return SeriesFile(series=series, warnings=warnings, left_out_scope=left_out)
