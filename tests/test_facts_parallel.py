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
from rapportextract.facts import _sections, extract_facts
from rapportextract.ingest import read_document
from rapportextract.models import PROSE_KINDS, BlockKind

ROOT = Path(__file__).resolve().parents[1]
REPORTS = [
    *sorted((ROOT / "corpus").glob("*.pdf")),
    *sorted((ROOT / "tests" / "heldout" / "editions").glob("*.txt")),
]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="helper processes are forked on Linux only"
)


def _parent_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many sentences each run of `_prose_facts` in this process was given."""
    parent = os.getpid()
    runs: list[int] = []
    real = facts_module._prose_facts

    def counting(doc: Any, edition: int, sentences: list[Any], catalogue: Any) -> Any:
        if os.getpid() == parent:
            runs.append(len(sentences))
        return real(doc, edition, sentences, catalogue)

    monkeypatch.setattr(facts_module, "_prose_facts", counting)
    return runs


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_facts_are_the_same_read_by_three_processes(
    report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = read_document(report)
    catalogue = load_catalogue()
    alone = extract_facts(doc, catalogue)
    # Small reports: a handful of sentences a process is enough to make helpers read them.
    monkeypatch.setattr(facts_module, "SENTENCES_PER_PROCESS", 2)
    runs = _parent_runs(monkeypatch)
    shared = extract_facts(doc, catalogue, workers=3)
    assert [f.model_dump() for f in shared] == [f.model_dump() for f in alone]
    prose = sum(1 for s in doc.sentences if s.block_kind in PROSE_KINDS)
    sections = _sections([s for s in doc.sentences if s.block_kind in PROSE_KINDS])
    if len(sections) > 2:  # helpers took a share: this process read less
        assert sum(runs) < prose


def test_sections_start_at_headings_and_keep_paragraphs_whole() -> None:
    doc = read_document(REPORTS[0])
    prose = [s for s in doc.sentences if s.block_kind in PROSE_KINDS]
    sections = _sections(prose)
    assert [s for section in sections for s in section] == prose
    assert len(sections) > 1
    for section in sections[1:]:
        assert section[0].block_kind != BlockKind.PARAGRAPH
    for before, after in itertools.pairwise(sections):
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
