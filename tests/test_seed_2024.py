"""The 2024 edition (reference text, read at test time) against hand-annotated gold.

Targets: at least 95% of the annotated figures found with at least 95% precision, the period
right for at least 95% of them, the concept right for at least 95% of the core-concept figures,
and both derived 2022 levels present. Every output validates against the published schema.
The same holds for report-like PDFs of the text in one and two columns (rendered at test time),
where each matched fact's page and box must be those of the words drawn for the figure.
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
from seedpdf import Drawn, figure_boxes, render, seed_blocks

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


@pytest.fixture(scope="module", params=[1, 2], ids=["one-column", "two-columns"])
def seed_pdf(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[list[Fact], list[Drawn]]:
    if not SEED.exists():
        pytest.skip("reference text ../shared/seeds not present")
    columns = int(request.param)
    path = tmp_path_factory.mktemp("seedpdf") / f"seed-{columns}col-2024.pdf"
    drawn = render(seed_blocks(SEED.read_text(encoding="utf-8")), path, columns)
    return extract_facts(read_document(path)), drawn


def test_seed_pdf_scores(seed_pdf: tuple[list[Fact], list[Drawn]]) -> None:
    facts, _ = seed_pdf
    s = score(facts, load_gold())
    assert min(s.recall, s.precision, s.period, s.concept) >= 0.95, s.summary()
    assert {(f.concept, f.period) for f in facts if f.derived} >= {
        ("total_rent_arrears_eur", "2022"), ("tenants_with_arrears", "2022")}


def test_seed_pdf_page_and_bbox_of_every_matched_fact(
    seed_pdf: tuple[list[Fact], list[Drawn]],
) -> None:
    facts, drawn = seed_pdf
    wrong = []
    for _, fact in score(facts, load_gold()).pairs:
        if fact.derived:
            continue
        assert fact.source.bbox is not None
        boxes = figure_boxes(drawn, fact.source.page, fact.source.text)
        if not any(all(abs(a - b) <= 2.5 for a, b in zip(box, fact.source.bbox, strict=True))
                   for box in boxes):
            wrong.append((fact.source.text, fact.source.page, fact.source.bbox))
    assert wrong == []
