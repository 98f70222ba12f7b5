"""The 2024 edition (reference text, read at test time) against hand-annotated gold.

Targets: at least 95% of the annotated figures found with at least 95% precision, the period
right for at least 95% of them, the concept right for at least 95% of the core-concept figures,
and both derived 2022 levels present. Every output validates against the published schema.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from rapportextract.facts import extract_facts
from rapportextract.ingest import read_document
from rapportextract.models import DocumentSummary, ExtractOutput, Fact
from rapportextract.schema import facts_schema
from seedgold import SEED, load_gold, score

pytestmark = pytest.mark.seed


@pytest.fixture(scope="module")
def seed_facts() -> list[Fact]:
    if not SEED.exists():
        pytest.skip("reference text ../shared/seeds not present")
    return extract_facts(read_document(SEED))


def test_seed_figures_found_with_precision(seed_facts: list[Fact]) -> None:
    s = score(seed_facts, load_gold())
    assert s.recall >= 0.95, s.summary()
    assert s.precision >= 0.95, s.summary()


def test_seed_periods_and_core_concepts(seed_facts: list[Fact]) -> None:
    s = score(seed_facts, load_gold())
    assert s.period >= 0.95, s.summary()
    assert s.concept >= 0.95, s.summary()


def test_seed_derived_2022_levels(seed_facts: list[Fact]) -> None:
    derived = {(f.concept, f.period, int(f.value)) for f in seed_facts if f.derived}
    assert ("total_rent_arrears_eur", "2022", 173000000) in derived
    assert ("tenants_with_arrears", "2022", 135000) in derived
    by_id = {f.id: f for f in seed_facts}
    for fact in seed_facts:
        if fact.derived:
            sources = [by_id[i] for i in fact.derived_from]
            assert {f.kind for f in sources} == {"level", "change"}


def test_seed_output_validates_against_the_schema(seed_facts: list[Fact]) -> None:
    doc = read_document(SEED)
    output = ExtractOutput(
        documents=[DocumentSummary(path=doc.path, name=doc.name, sha256=doc.sha256,
                                   source_type=doc.source_type, edition=doc.edition,
                                   pages=len(doc.pages), facts=len(seed_facts))],
        facts=seed_facts,
    )
    data: Any = json.loads(output.model_dump_json())
    jsonschema.validate(data, facts_schema())
    for fact in data["facts"]:
        src = fact["source"]
        assert src["sentence"][src["start"]:src["end"]] == src["text"]
