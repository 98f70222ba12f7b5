"""Decisions survive an extractor change that leaves the figures as they were: fact ids do not
depend on how the page was cut into blocks and sentences, and a decision whose id is gone
finds its fact by page, figure and value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rapportextract.facts import extract_facts
from rapportextract.ingest import read_document
from rapportextract.pipeline import Extraction, extract
from rapportextract.review import Decision, append_decision
from rapportextract.review.decisions import Match
from review_build import CORPUS, build_corpus


def test_prose_ids_do_not_depend_on_block_and_sentence_numbering() -> None:
    doc = read_document(CORPUS / "aedes-huurschulden-2022.pdf")
    before = [(f.id, f.source.text) for f in extract_facts(doc)]
    for block in (b for page in doc.pages for b in page.blocks):
        block.id = f"{block.id}-renumbered"
    for sentence in doc.sentences:
        sentence.id, sentence.block_id = f"other-{sentence.id}", f"{sentence.block_id}-renumbered"
    after = [(f.id, f.source.text) for f in extract_facts(doc)]
    assert after == before and len({i for i, _ in before}) == len(before)


def renumbering_extract(path: Path, **options: Any) -> Extraction:
    """An extractor of another version: the same figures under other ids."""
    result = extract(path, **options)
    facts = [f.model_copy(update={"id": f"v2-{f.id}"}) for f in result.facts]
    return Extraction(result.document, facts)


def test_decisions_find_their_facts_after_the_ids_changed(tmp_path: Path) -> None:
    reports, outdir = build_corpus(tmp_path)
    data = json.loads((outdir / "facts.json").read_text(encoding="utf-8"))
    sha = {d["name"]: d["sha256"] for d in data["documents"]}
    chosen = [f for f in data["facts"] if not f["derived"]][:3]
    review = reports / "review.jsonl"
    for fact, action, fields in zip(chosen, ("reject", "correct", "accept"),
                                    ({}, {"period": "2001"}, {}), strict=True):
        source = fact["source"]
        append_decision(review, Decision(fact["id"], sha[fact["document"]], action,  # type: ignore[arg-type]
                                         fields, "t", Match(source["page"], source["text"],
                                                            str(fact["value"]))))
    from rapportextract.batch import build

    report = build([reports], tmp_path / "v2", workers=1, review=review, use_cache=False,
                   extractor=renumbering_extract, cache_path=tmp_path / "v2.sqlite")
    assert report.review is not None
    assert (report.review.applied, report.review.unmatched) == (3, [])
    facts = json.loads((tmp_path / "v2" / "facts.json").read_text(encoding="utf-8"))["facts"]
    ids = {f["id"]: f for f in facts}
    assert f"v2-{chosen[0]['id']}" not in ids
    assert ids[f"v2-{chosen[1]['id']}"]["period"] == "2001"
    assert ids[f"v2-{chosen[2]['id']}"]["confidence"] == 1.0
