"""A document's prose is read in one pass: each paragraph starts from what the paragraph
before it left, so a paragraph that refers back keeps what it counts."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

from rapportextract.catalogue import load_catalogue
from rapportextract.facts import extract_facts
from rapportextract.facts.reading import _blocks, _read_block
from rapportextract.ingest import read_document
from rapportextract.models import PROSE_KINDS

ROOT = Path(__file__).resolve().parents[1]

# Paragraphs that open by referring back to the paragraph before: read from nothing before
# them, they lose what they count.
REFERRING_BACK = """HUURACHTERSTANDEN EN HUISUITZETTINGEN 2006

In 2005 moesten 8.134 huishoudens hun corporatiewoning verlaten na een vonnis.

Dat waren er 6 procent minder dan in 2004.

Eind 2005 liepen 241.776 huurders achter met hun huur.

Dat zijn er ruim 35.000 meer dan een jaar eerder.
"""


def test_a_paragraph_that_refers_back_takes_the_concept_of_the_one_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huurachterstanden-2006.txt"
    path.write_text(REFERRING_BACK, encoding="utf-8")
    doc = read_document(path)
    facts = extract_facts(doc)
    changes = {(f.concept, f.value) for f in facts if f.kind == "change"}
    assert changes == {("evictions_total", Decimal(-6)), ("tenants_with_arrears", Decimal(35000))}
    # Read from nothing before it, the paragraph "Dat waren er ..." takes another concept.
    assert doc.edition is not None
    blocks = _blocks([s for s in doc.sentences if s.block_kind in PROSE_KINDS])
    alone, _, _ = _read_block(doc, doc.edition, blocks[2], load_catalogue(), None)
    assert len(alone) == 1
    assert alone[0].concept != "evictions_total"


def test_blocks_keep_every_sentence_in_order_and_cut_where_the_block_changes() -> None:
    doc = read_document(sorted((ROOT / "corpus").glob("*.pdf"))[0])
    prose = [s for s in doc.sentences if s.block_kind in PROSE_KINDS]
    blocks = _blocks(prose)
    assert [s for block in blocks for s in block] == prose
    assert len(blocks) > 1
    for block in blocks:
        assert len({s.block_id for s in block}) == 1
    for before, after in itertools.pairwise(blocks):
        assert before[-1].block_id != after[0].block_id
