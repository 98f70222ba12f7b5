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


def test_the_facts_schema_documents_scope() -> None:
    fact = facts_schema()["$defs"]["Fact"]["properties"]
    assert fact["scope"]["enum"] == ["national", "organisation", "region", "unknown"]
    assert fact["scope"]["default"] == "national"
    for field in ("scope", "scope_name", "diagnostics"):
        assert fact[field]["description"]
