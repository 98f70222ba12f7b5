"""Extracted facts scored against gold: one document, or many editions at once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapportextract.evaluate.gold import GoldFact
from rapportextract.evaluate.matching import ATTRIBUTES, Miss, pair_facts, squash
from rapportextract.evaluate.report import DocumentEval, EvalReport, Scores
from rapportextract.models import Document, Fact
from rapportextract.quantities.skips import count_by_reason, skipped_numbers


def _find_sentence(document: Document | None, gold: GoldFact) -> str | None:
    """The sentence on the gold fact's page that holds its anchor, to show with a miss."""
    if document is None:
        return None
    anchor = squash(gold.anchor)
    for sentence in document.sentences:
        if (gold.page is None or sentence.page == gold.page) and anchor in squash(sentence.text):
            return sentence.text
    return None


def evaluate_document(
    facts: Sequence[Fact],
    gold: Sequence[GoldFact],
    *,
    document: Document | None = None,
    name: str | None = None,
    edition: int | None = None,
) -> DocumentEval:
    """Score the facts extracted from one document against that document's gold."""
    stated = [f for f in facts if not f.derived]
    matches, unmatched = pair_facts(stated, gold)
    matched_gold = {id(m.gold) for m in matches}
    scores = Scores(gold=len(gold), extracted=len(stated), matched=len(matches))
    for match in matches:
        wrong = match.wrong()
        for attribute in ATTRIBUTES:
            if attribute not in wrong:
                scores.correct[attribute] += 1
    if name is None:
        name = (document.name if document is not None
                else next((g.document for g in gold if g.document), None)
                or next((f.document for f in facts), "?"))
    if edition is None:
        edition = next((g.edition for g in gold), None) or next((f.edition for f in facts), 0)
    return DocumentEval(
        document=name,
        edition=edition,
        scores=scores,
        matches=matches,
        misses=[Miss(g, _find_sentence(document, g)) for g in gold if id(g) not in matched_gold],
        false_positives=[stated[i] for i in unmatched],
        derived_skipped=len(facts) - len(stated),
        skipped_numbers=count_by_reason(skipped_numbers(document)) if document else {},
    )


def evaluate(
    facts: Iterable[Fact],
    gold: Iterable[GoldFact],
    *,
    documents: Iterable[Document] = (),
) -> EvalReport:
    """Score extracted facts against gold, per edition (one document per edition) and overall.

    Only editions that have gold are scored; facts of other editions are ignored. `documents`
    (optional) lets the report show the sentence of each missed figure.
    """
    gold_by_edition: dict[int, list[GoldFact]] = {}
    for g in gold:
        gold_by_edition.setdefault(g.edition, []).append(g)
    facts_by_edition: dict[int, list[Fact]] = {}
    for f in facts:
        facts_by_edition.setdefault(f.edition, []).append(f)
    docs_by_edition = {d.edition: d for d in documents if d.edition is not None}
    return EvalReport(documents=[
        evaluate_document(facts_by_edition.get(edition, []), gold_by_edition[edition],
                          document=docs_by_edition.get(edition), edition=edition)
        for edition in sorted(gold_by_edition)
    ])
