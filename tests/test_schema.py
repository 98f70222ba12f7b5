"""The printed JSON Schemas: valid schemas that accept real outputs and reject broken ones."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from rapportextract.facts import extract_facts
from rapportextract.models import (
    BlockKind,
    Document,
    DocumentSummary,
    ExtractOutput,
    Sentence,
    SeriesFile,
)
from rapportextract.schema import facts_schema, series_schema


def _output() -> dict[str, Any]:
    doc = Document(path="r.txt", name="r.txt", sha256="ef" * 32, source_type="text",
                   edition=2022, sentences=[Sentence(
                       id="p1-b0-s0", page=1, block_id="p1-b0", block_kind=BlockKind.PARAGRAPH,
                       text="De huurachterstand kwam uit op € 205 miljoen, € 21 miljoen minder "
                            "dan in 2020.")])
    facts = extract_facts(doc)
    out = ExtractOutput(documents=[DocumentSummary(
        path=doc.path, name=doc.name, sha256=doc.sha256, source_type="text", edition=2022,
        pages=1, facts=len(facts))], facts=facts)
    data: dict[str, Any] = json.loads(out.model_dump_json())
    return data


@pytest.mark.parametrize("schema", [facts_schema(), series_schema()], ids=["facts", "series"])
def test_schemas_are_valid_json_schemas(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


def test_extract_output_validates_and_values_are_numbers() -> None:
    data = _output()
    jsonschema.validate(data, facts_schema())
    assert len(data["facts"]) == 3
    assert all(isinstance(f["value"], int | float) for f in data["facts"])


@pytest.mark.parametrize(
    "field, bad",
    [("unit", "kg"), ("value", "205000000"), ("qualifier", "roughly"), ("period", None)],
)
def test_broken_fact_is_rejected(field: str, bad: Any) -> None:
    data = _output()
    data["facts"][0][field] = bad
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, facts_schema())


def test_series_output_validates() -> None:
    jsonschema.validate(json.loads(SeriesFile(series=[]).model_dump_json()), series_schema())


def _disagreeing_series() -> dict[str, Any]:
    from decimal import Decimal

    from rapportextract.models import Fact, Source
    from rapportextract.series import build_series

    facts = [Fact(id=fid, document="r-2015.txt", edition=2015, concept="court_judgments_total",
                  subject="vonnissen", value=Decimal(value), unit="count", period="2014",
                  confidence=confidence,
                  source=Source(page=page, sentence=f"Er waren {text} vonnissen.", text=text,
                                start=9, end=9 + len(text)))
             for fid, value, text, page, confidence in (("a", "23500", "23.500", 1, 1.0),
                                                        ("b", "1700", "1.700", 2, 0.8))]
    data: dict[str, Any] = json.loads(build_series(facts).model_dump_json())
    return data


def test_a_series_with_alternatives_validates_and_a_bad_conflict_kind_does_not() -> None:
    data = _disagreeing_series()
    obs = data["series"][0]["observations"][0]
    assert obs["conflict_kind"] == "within_edition" and len(obs["vintages"][0]["alternatives"]) == 2
    jsonschema.validate(data, series_schema())
    obs["conflict_kind"] = "somewhat"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, series_schema())


def test_the_facts_schema_documents_scope() -> None:
    fact = facts_schema()["$defs"]["Fact"]["properties"]
    assert fact["scope"]["enum"] == ["national", "organisation", "region", "unknown"]
    assert fact["scope"]["default"] == "national"
    for field in ("scope", "scope_name", "diagnostics"):
        assert fact[field]["description"]
