"""series.csv (long format, one row per vintage) and datapackage.json describing it.

The Data Package follows the Frictionless specification (https://specs.frictionlessdata.io/):
a `tabular-data-resource` with a Table Schema, so analysts' tools (frictionless, pandas via
`datapackage`, R's `frictionless`) load the columns typed.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rapportextract.export.atomic import atomic_write_text
from rapportextract.models import SeriesFile


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    title: str
    description: str
    constraints: dict[str, Any] | None = None


COLUMNS: tuple[Column, ...] = (
    Column("series_id", "string", "Series id",
           "The series: a catalogue concept id, '<id>.change' / '<id>.change_pct' for stated "
           "changes, or a slug of a recurring statement.", {"required": True}),
    Column("concept", "string", "Concept",
           "Catalogue concept id; empty for statement series."),
    Column("label", "string", "Label", "What the series measures, in words."),
    Column("kind", "string", "Kind",
           "'level' for a stated level, 'change' for a stated difference.",
           {"required": True, "enum": ["level", "change"]}),
    Column("period", "string", "Period",
           "The period the figure is about: YYYY, YYYY-H1/H2, YYYY-Q1..Q4, YYYY-MM/YYYY-MM "
           "or YYYY-early.", {"required": True}),
    Column("base_period", "string", "Base period",
           "For a change: the period it is measured against; empty for levels."),
    Column("value", "number", "Value",
           "The figure as a plain number in the unit of column 'unit': EUR in euros (not "
           "millions), count as a number of cases, percent on a 0-100 scale.",
           {"required": True}),
    Column("unit", "string", "Unit", "Unit of 'value': EUR, count or percent (0-100).",
           {"required": True, "enum": ["EUR", "count", "percent"]}),
    Column("qualifier", "string", "Qualifier",
           "How the text qualifies the figure: exact, approx, more_than, less_than, at_least, "
           "at_most.",
           {"required": True,
            "enum": ["exact", "approx", "more_than", "less_than", "at_least", "at_most"]}),
    Column("status", "string", "Status",
           "'reported' where the edition states the value, 'derived' where it was computed "
           "from a stated change and level, 'corrected' where a reviewer corrected it.",
           {"required": True, "enum": ["reported", "derived", "corrected"]}),
    Column("edition", "integer", "Edition",
           "Publication year of the report edition this vintage comes from.",
           {"required": True}),
    Column("document", "string", "Document", "File name of the source report."),
    Column("page", "integer", "Page", "1-based page of the source report."),
    Column("conflict", "boolean", "Conflict",
           "True where the editions' values for this period differ by more than the rounding "
           "of the text that states them (same on every row of the observation).",
           {"required": True}),
    Column("headline", "boolean", "Headline",
           "True on the row whose value is the observation's headline: stated beats derived, "
           "then the latest edition.", {"required": True}),
    Column("fact_ids", "string", "Fact ids",
           "Ids of the facts in facts.json behind this vintage, separated by spaces."),
)

FIELD_NAMES = [c.name for c in COLUMNS]


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def series_records(series_file: SeriesFile) -> list[dict[str, Any]]:
    """One dict per vintage with the columns of series.csv, typed: value as Decimal, a missing
    concept, base period, document or page as None, conflict and headline as booleans.
    `series_rows` writes these same records as text; `api.load_series` returns them."""
    records: list[dict[str, Any]] = []
    for series in series_file.series:
        for obs in series.observations:
            for vintage in obs.vintages:
                records.append({
                    "series_id": series.id,
                    "concept": series.concept,
                    "label": series.label,
                    "kind": series.kind,
                    "period": obs.period,
                    "base_period": obs.base_period,
                    "value": Decimal(vintage.value),
                    "unit": series.unit,
                    "qualifier": vintage.qualifier,
                    "status": vintage.status,
                    "edition": vintage.edition,
                    "document": vintage.document,
                    "page": vintage.page,
                    "conflict": obs.conflict,
                    "headline": vintage.edition == obs.edition,
                    "fact_ids": list(vintage.fact_ids),
                })
    return records


def _cell(value: Any) -> str:
    """A record's value as series.csv writes it: empty for None, true or false, a plain
    decimal number, fact ids separated by spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def series_rows(series_file: SeriesFile) -> list[dict[str, str]]:
    """One row per vintage, as the CSV writes them (every cell a string): the records of
    `series_records`, each value written by `_cell`."""
    return [
        {name: _cell(value) for name, value in record.items()}
        for record in series_records(series_file)
    ]


def write_series_csv(path: str | Path, series_file: SeriesFile) -> Path:
    """Write series.csv: UTF-8, comma-separated, header row, one row per vintage."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, lineterminator="\n")
    writer.writeheader()
    writer.writerows(series_rows(series_file))
    atomic_write_text(path, buffer.getvalue())
    return Path(path)


def datapackage(csv_name: str = "series.csv") -> dict[str, Any]:
    """The Frictionless Data Package descriptor of series.csv."""
    fields = []
    for column in COLUMNS:
        descriptor: dict[str, Any] = {
            "name": column.name,
            "type": column.type,
            "title": column.title,
            "description": column.description,
        }
        if column.type == "boolean":
            descriptor["trueValues"] = ["true"]
            descriptor["falseValues"] = ["false"]
        if column.constraints:
            descriptor["constraints"] = column.constraints
        fields.append(descriptor)
    return {
        "profile": "tabular-data-package",
        "name": "rapportextract-series",
        "title": "Time series from Dutch yearly reports, with every edition's value",
        "description": (
            "Figures from the report editions linked into series. One row per vintage: the "
            "value one edition gives for one period. The row with headline=true is the "
            "observation's headline value. Units are in column 'unit' (EUR in euros, count, "
            "percent on a 0-100 scale)."
        ),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "series",
                "path": csv_name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True, "quoteChar": '"'},
                "schema": {"fields": fields, "missingValues": [""]},
            }
        ],
    }


def write_datapackage(path: str | Path, csv_name: str = "series.csv") -> Path:
    """Write datapackage.json next to series.csv."""
    atomic_write_text(path, json.dumps(datapackage(csv_name), indent=2, ensure_ascii=False) + "\n")
    return Path(path)
