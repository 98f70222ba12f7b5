"""The recogniser on the prose of the bundled corpus, against its hand-written gold.

Only figures with ``origin: text`` count; value, unit and kind must agree. The corpus sentences
were not written for the recogniser, so this measures it on wording it was not tuned to.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from rapportextract.models import PROSE_KINDS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

Key = tuple[Decimal, str, str]


def _counts() -> tuple[Counter[Key], Counter[Key]]:
    from rapportextract.ingest import read_document
    from rapportextract.quantities import find_quantities

    found: Counter[Key] = Counter()
    gold: Counter[Key] = Counter()
    for gold_path in sorted((CORPUS / "gold").glob("*.yaml")):
        table = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        doc = read_document(CORPUS / table["document"])
        for sentence in doc.sentences:
            if sentence.block_kind in PROSE_KINDS:
                found.update((q.value, q.unit, q.kind) for q in find_quantities(sentence.text))
        gold.update(
            (Decimal(str(f["value"])), f["unit"], f["kind"])
            for f in table["facts"]
            if f.get("origin") == "text"
        )
    return found, gold


def test_corpus_prose_figures() -> None:
    if not (CORPUS / "gold").is_dir():
        pytest.skip("corpus with gold not present")
    found, gold = _counts()
    matched = sum((found & gold).values())
    precision = matched / max(1, sum(found.values()))
    recall = matched / max(1, sum(gold.values()))
    assert sum(gold.values()) > 50
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, found - gold, gold - found)
