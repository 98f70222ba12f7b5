"""Compare extracted facts with hand-written gold facts.

A gold file (`corpus/gold/<edition>.yaml`) lists every figure an annotator found in one edition:
value, unit, kind, qualifier, period, concept, page, origin and the figure as written (anchor).
An extracted fact matches a gold fact when unit and kind agree, the values agree within the
rounding of the less precise of the two, and the pages agree where both have one. Each gold fact
matches at most one extracted fact; among candidates the one that also agrees on period, origin,
concept and qualifier wins. Precision, recall and F1 count matches; period, concept and qualifier
accuracy are measured on the matched pairs only, so a wrong period shows as an attribute error,
not as a miss.

Derived facts (computed, not stated) are left out of the scores: gold lists what the report
states.

The steps, one module each: `gold` (gold files), `matching` (facts paired with gold),
`report` (scores and their text), `scoring` (one document, many editions) and `corpus`
(a whole corpus extracted and scored).
"""

from __future__ import annotations

from rapportextract.evaluate.corpus import evaluate_corpus, read_manifest, rows_from_gold
from rapportextract.evaluate.gold import GoldFact, load_gold
from rapportextract.evaluate.matching import ATTRIBUTES, Match, Miss, values_match
from rapportextract.evaluate.report import DocumentEval, EvalReport, Scores
from rapportextract.evaluate.scoring import evaluate, evaluate_document

__all__ = [
    "ATTRIBUTES",
    "DocumentEval",
    "EvalReport",
    "GoldFact",
    "Match",
    "Miss",
    "Scores",
    "evaluate",
    "evaluate_corpus",
    "evaluate_document",
    "load_gold",
    "read_manifest",
    "rows_from_gold",
    "values_match",
]
