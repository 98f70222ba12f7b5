"""JSON Schemas of the outputs, generated from the pydantic models (docs/outputs.md).

`rapportextract schema facts` prints `facts_schema()`, `rapportextract schema series` prints
`series_schema()`. They describe the JSON as written (serialization mode: values are numbers).
"""

from __future__ import annotations

from typing import Any

from rapportextract.models import SCHEMA_VERSION, ExtractOutput, SeriesFile

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model: type[ExtractOutput] | type[SeriesFile], title: str, about: str
            ) -> dict[str, Any]:
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = _DIALECT
    schema["title"] = title
    schema["description"] = f"{about} (schema_version {SCHEMA_VERSION})."
    return schema


def facts_schema() -> dict[str, Any]:
    """The schema of what `rapportextract extract` writes: documents and facts."""
    return _schema(ExtractOutput, "rapportextract facts",
                   "Facts read from Dutch yearly reports, one per written figure")


def series_schema() -> dict[str, Any]:
    """The schema of `series.json`: facts linked across editions into series."""
    return _schema(SeriesFile, "rapportextract series",
                   "Series of observations linked across report editions, with vintages")
