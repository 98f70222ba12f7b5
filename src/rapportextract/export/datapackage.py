"""facts.csv (one row per fact, with its provenance) and datapackage.json describing it and
series.csv.

The Data Package follows the Frictionless specification (https://specs.frictionlessdata.io/):
two `tabular-data-resource`s with a Table Schema and a primary key each (series.csv names its
facts in a space-separated list, which a Table Schema foreign key cannot check), so analysts'
tools (frictionless, pandas via `datapackage`, R's
`frictionless`) load the columns typed.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rapportextract.export.atomic import atomic_write_text
from rapportextract.export.csvout import (
    COLUMNS,
    PERIOD_CONSTRAINT,
    PRIMARY_KEY,
    Column,
    _cell,
    table_schema,
)
from rapportextract.models import Fact

_QUALIFIERS = ["exact", "approx", "more_than", "less_than", "at_least", "at_most"]

FACT_COLUMNS: tuple[Column, ...] = (
    Column("fact_id", "string", "Fact id", "The fact's id in facts.json.", {"required": True}),
    Column("document", "string", "Document", "File name of the source report.",
           {"required": True}),
    Column("edition", "integer", "Edition", "Publication year of the report edition.",
           {"required": True}),
    Column("concept", "string", "Concept", "Catalogue concept id; empty where none fits."),
    Column("subject", "string", "Subject", "What is counted, as the text names it."),
    Column("kind", "string", "Kind", "'level' or 'change'.",
           {"required": True, "enum": ["level", "change"]}),
    Column("period", "string", "Period",
           "The period the figure is about: YYYY, YYYY-H1/H2, YYYY-Q1..Q4, YYYY-MM/YYYY-MM "
           "(one month is YYYY-MM/YYYY-MM) or YYYY-early.",
           {"required": True, "pattern": PERIOD_CONSTRAINT}),
    Column("base_period", "string", "Base period",
           "For a change: the period it is measured against; empty for levels.",
           {"pattern": PERIOD_CONSTRAINT}),
    Column("value", "number", "Value",
           "The figure as a plain number in the unit of column 'unit'.", {"required": True}),
    Column("unit", "string", "Unit", "EUR, count or percent (0-100).",
           {"required": True, "enum": ["EUR", "count", "percent"]}),
    Column("qualifier", "string", "Qualifier", "How the text qualifies the figure.",
           {"required": True, "enum": _QUALIFIERS}),
    Column("derived", "boolean", "Derived",
           "True where the value was computed, not stated.", {"required": True}),
    Column("confidence", "number", "Confidence", "The extractor's own estimate, 0-1.",
           {"required": True, "minimum": 0, "maximum": 1}),
    Column("scope", "string", "Scope",
           "Whom the figure is about; series take national figures only.",
           {"required": True, "enum": ["national", "organisation", "region", "unknown"]}),
    Column("scope_name", "string", "Scope name",
           "The organisation or region the text names, where scope is one of those."),
    Column("statement", "string", "Statement",
           "For facts outside the catalogue: the statement key that links editions."),
    Column("page", "integer", "Page", "1-based page of the source report.",
           {"required": True, "minimum": 1}),
    Column("bbox", "string", "Box",
           "Where the figure stands on the page: x0 top x1 bottom in PDF points from the "
           "top-left corner, separated by spaces; empty for text input."),
    Column("origin", "string", "Origin", "Where the figure was read.",
           {"required": True, "enum": ["text", "table", "chart", "ocr", "review"]}),
    Column("text", "string", "Text", "The figure as written.", {"required": True}),
    Column("sentence", "string", "Sentence",
           "The whole sentence (for chart and table figures: the caption)."),
    Column("note", "string", "Note", "How the figure was read where that is not plain."),
)


def fact_rows(facts: list[Fact]) -> list[dict[str, str]]:
    """One row per fact, every cell a string as facts.csv writes it."""
    rows = []
    for fact in facts:
        bbox = fact.source.bbox
        record: dict[str, Any] = {
            "fact_id": fact.id, "document": fact.document, "edition": fact.edition,
            "concept": fact.concept, "subject": fact.subject, "kind": fact.kind,
            "period": fact.period, "base_period": fact.base_period, "value": fact.value,
            "unit": fact.unit, "qualifier": fact.qualifier, "derived": fact.derived,
            "confidence": format(fact.confidence, "g"), "scope": fact.scope,
            "scope_name": fact.scope_name, "statement": fact.statement,
            "page": fact.source.page,
            "bbox": " ".join(format(round(c, 2), "g") for c in bbox) if bbox else None,
            "origin": fact.source.origin, "text": fact.source.text,
            "sentence": " ".join(fact.source.sentence.split()), "note": fact.source.note,
        }
        rows.append({name: _cell(value) for name, value in record.items()})
    return rows


def write_facts_csv(path: str | Path, facts: list[Fact]) -> Path:
    """Write facts.csv: UTF-8, comma-separated, header row, one row per fact."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c.name for c in FACT_COLUMNS],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(fact_rows(facts))
    atomic_write_text(path, buffer.getvalue())
    return Path(path)


def _resource(name: str, path: str, schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {
        "profile": "tabular-data-resource",
        "name": name,
        "title": title,
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True, "quoteChar": '"'},
        "schema": schema,
    }


def datapackage(csv_name: str = "series.csv", facts_name: str = "facts.csv") -> dict[str, Any]:
    """The Frictionless Data Package descriptor of series.csv and facts.csv."""
    return {
        "profile": "tabular-data-package",
        "name": "rapportextract-series",
        "title": "Time series from Dutch yearly reports, with every edition's value",
        "description": (
            "Figures from the report editions linked into series. series.csv has one row per "
            "distinct value one edition gives one period (column 'alternative' numbers the "
            "values of an edition that disagrees with itself). The row with headline=true is "
            "the observation's headline value. facts.csv has every fact with where it was "
            "read. Units are in column 'unit' (EUR in euros, count, percent on a 0-100 scale)."
        ),
        "resources": [
            _resource("series", csv_name, table_schema(COLUMNS, PRIMARY_KEY),
                      "One row per distinct value of each edition for each period"),
            _resource("facts", facts_name, table_schema(FACT_COLUMNS, ["fact_id"]),
                      "Every fact with its provenance"),
        ],
    }


def write_datapackage(
    path: str | Path, csv_name: str = "series.csv", facts_name: str = "facts.csv"
) -> Path:
    """Write datapackage.json next to series.csv and facts.csv."""
    text = json.dumps(datapackage(csv_name, facts_name), indent=2, ensure_ascii=False) + "\n"
    atomic_write_text(path, text)
    return Path(path)
