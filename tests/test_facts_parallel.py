"""A long document's sentences read by several processes at once give the same facts."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import rapportextract.facts as facts_module
from rapportextract.catalogue import load_catalogue
from rapportextract.facts import _blocks, _read_block, _read_run, _settled, extract_facts
from rapportextract.ingest import read_document
from rapportextract.models import PROSE_KINDS, Document

ROOT = Path(__file__).resolve().parents[1]
REPORTS = [
    *sorted((ROOT / "corpus").glob("*.pdf")),
    *sorted((ROOT / "tests" / "heldout" / "editions").glob("*.txt")),
]

# Paragraphs that open by referring back to the paragraph before: read from nothing before
# them, they lose what they count.
REFERRING_BACK = """HUURACHTERSTANDEN EN HUISUITZETTINGEN 2006

In 2005 moesten 8.134 huishoudens hun corporatiewoning verlaten na een vonnis.

Dat waren er 6 procent minder dan in 2004.

Bij 87 procent daarvan ging het om een huurachterstand.

Eind 2005 liepen 241.776 huurders achter met hun huur.

Dat zijn er ruim 35.000 meer dan een jaar eerder.

De rechter sprak dat jaar meer dan 23.000 vonnissen uit.

Ruim 70 procent daarvan werd niet uitgevoerd.
"""

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="helper processes are forked on Linux only"
)


def _prose_blocks(doc: Document) -> list[list[Any]]:
    return _blocks([s for s in doc.sentences if s.block_kind in PROSE_KINDS])


def _read_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many sentences each block read in this process had."""
    parent = os.getpid()
    reads: list[int] = []
    real = facts_module._read_block

    def counting(doc: Any, edition: int, sentences: list[Any], *rest: Any) -> Any:
        if os.getpid() == parent:
            reads.append(len(sentences))
        return real(doc, edition, sentences, *rest)

    monkeypatch.setattr(facts_module, "_read_block", counting)
    return reads


def _dumped(facts: list[Any]) -> list[dict[str, Any]]:
    return [f.model_dump() for f in facts]


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_facts_are_the_same_read_by_three_processes(
    report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = read_document(report)
    catalogue = load_catalogue()
    alone = extract_facts(doc, catalogue)
    # Small reports: a handful of sentences a process is enough to make helpers read them.
    monkeypatch.setattr(facts_module, "SENTENCES_PER_PROCESS", 2)
    here = _read_here(monkeypatch)
    shared = extract_facts(doc, catalogue, workers=3)
    assert _dumped(shared) == _dumped(alone)
    prose = sum(1 for s in doc.sentences if s.block_kind in PROSE_KINDS)
    if prose >= 3 * 2 and len(_prose_blocks(doc)) > 3:  # helpers took a share
        assert sum(here) < prose


def test_a_paragraph_that_refers_back_across_a_cut_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huurachterstanden-2006.txt"
    path.write_text(REFERRING_BACK, encoding="utf-8")
    doc = read_document(path)
    catalogue = load_catalogue()
    blocks = _prose_blocks(doc)
    assert doc.edition is not None
    truth = _read_run(doc, doc.edition, blocks, catalogue, None)
    # Read from nothing before it, some paragraph comes out otherwise: the guess is wrong.
    assert any(_dumped(_read_block(doc, doc.edition, block, catalogue, None).facts)
               != _dumped(read.facts) for block, read in zip(blocks, truth, strict=True))
    alone = extract_facts(doc, catalogue)
    monkeypatch.setattr(facts_module, "SENTENCES_PER_PROCESS", 1)
    here = _read_here(monkeypatch)
    shared = extract_facts(doc, catalogue, workers=3)
    assert _dumped(shared) == _dumped(alone)
    assert {f.concept for f in alone} >= {"evictions_total", "tenants_with_arrears"}
    assert len(here) > 1 + len(blocks) // 3  # more than its own run: guesses read again


@pytest.mark.parametrize("report", [REPORTS[0], REPORTS[-1]], ids=lambda p: p.name)
def test_guesses_settled_at_any_cut_match_reading_on_from_there(report: Path) -> None:
    doc = read_document(report)
    assert doc.edition is not None
    catalogue = load_catalogue()
    blocks = _prose_blocks(doc)
    truth = _read_run(doc, doc.edition, blocks, catalogue, None)
    for cut in range(1, len(blocks)):
        start = truth[cut - 1].after
        if start is None:
            continue  # a cut after a heading: nothing to settle
        guessed = _read_run(doc, doc.edition, blocks[cut:], catalogue, None)
        settled = _settled(doc, doc.edition, blocks[cut:], catalogue, guessed, start)
        assert [(_dumped(r.facts), r.after) for r in settled] == [
            (_dumped(r.facts), r.after) for r in truth[cut:]
        ], f"cut before block {cut}"


def test_blocks_keep_every_sentence_in_order_and_cut_where_the_block_changes() -> None:
    doc = read_document(REPORTS[0])
    prose = [s for s in doc.sentences if s.block_kind in PROSE_KINDS]
    blocks = _blocks(prose)
    assert [s for block in blocks for s in block] == prose
    assert len(blocks) > 1
    for block in blocks:
        assert len({s.block_id for s in block}) == 1
    for before, after in itertools.pairwise(blocks):
        assert before[-1].block_id != after[0].block_id


def test_a_short_document_is_read_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_document(REPORTS[0])  # fewer than SENTENCES_PER_PROCESS sentences a process
    asked: list[int] = []

    def in_process(work: Any, shares: int) -> list[Any]:
        asked.append(shares)
        return [work(k) for k in range(shares)]

    monkeypatch.setattr(facts_module, "run_shares", in_process)
    assert extract_facts(doc, workers=2)
    assert asked == [1]


def test_a_very_long_document_is_read_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_document(REPORTS[-1])
    prose = sum(1 for s in doc.sentences if s.block_kind in PROSE_KINDS)
    monkeypatch.setattr(facts_module, "SENTENCES_PER_PROCESS", 2)
    asked: list[int] = []

    def in_process(work: Any, shares: int) -> list[Any]:
        asked.append(shares)
        return [work(k) for k in range(shares)]

    monkeypatch.setattr(facts_module, "run_shares", in_process)
    monkeypatch.setattr(facts_module, "SENTENCES_SHARED_AT_MOST", prose)
    extract_facts(doc, workers=2)
    monkeypatch.setattr(facts_module, "SENTENCES_SHARED_AT_MOST", prose // 2)
    extract_facts(doc, workers=2)
    assert asked == [2, 1]  # shared while short enough, then read here alone
