"""series.csv: long format, one row per distinct value of each vintage (docs/outputs.md).

An edition that gives a period one value has one row; one that gives it values that differ
beyond their rounding has a row for each, numbered in column `alternative` (0 is the value the
vintage takes). datapackage.json (`export.datapackage`) describes this file and facts.csv.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rapportextract.export.atomic import atomic_write_text
from rapportextract.model_base import PERIOD_PATTERN
from rapportextract.models import SeriesFile


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    title: str
    description: str
    constraints: dict[str, Any] | None = None


PERIOD_CONSTRAINT = PERIOD_PATTERN.removeprefix("^").removesuffix("$").replace("(?:", "(")
"""The period pattern as a Table Schema `pattern` constraint, which is anchored at both ends
and written in XML Schema's regular expressions (no non-capturing groups)."""

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
           "(one month is YYYY-MM/YYYY-MM) or YYYY-early.",
           {"required": True, "pattern": PERIOD_CONSTRAINT}),
    Column("base_period", "string", "Base period",
           "For a change: the period it is measured against; empty for levels.",
           {"pattern": PERIOD_CONSTRAINT}),
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
    Column("alternative", "integer", "Alternative",
           "0 for the value the edition's vintage takes; 1, 2, ... for the other values the "
           "same edition gives the same period, where they differ beyond their rounding.",
           {"required": True, "minimum": 0}),
    Column("document", "string", "Document", "File name of the source report."),
    Column("page", "integer", "Page", "1-based page of the source report."),
    Column("conflict", "boolean", "Conflict",
           "True where figures for this period differ by more than the rounding of the text "
           "that states them, between editions or within one (same on every row of the "
           "observation).", {"required": True}),
    Column("conflict_kind", "string", "Conflict kind",
           "Which figures disagree: between_editions, within_edition or both; empty where "
           "none do.", {"enum": ["between_editions", "within_edition", "both"]}),
    Column("headline", "boolean", "Headline",
           "True on the one row whose value is the observation's headline: stated beats "
           "derived, then the latest edition, and within that edition its chosen value.",
           {"required": True}),
    Column("text", "string", "Text", "The figure as written in the report."),
    Column("fact_ids", "string", "Fact ids",
           "Ids of the facts in facts.json (and facts.csv) behind this row, separated by "
           "spaces."),
)

PRIMARY_KEY = ["series_id", "period", "base_period", "edition", "alternative"]
"""The columns that tell the rows of series.csv apart."""

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
                values: list[tuple[Any, Any, Any, Any, str | None, list[str]]] = [
                    (a.value, a.qualifier, a.status, a.page, a.text or None, list(a.fact_ids))
                    for a in vintage.alternatives
                ] or [(vintage.value, vintage.qualifier, vintage.status, vintage.page, None,
                       list(vintage.fact_ids))]
                for index, (value, qualifier, status, page, text, fact_ids) in enumerate(values):
                    records.append({
                        "series_id": series.id,
                        "concept": series.concept,
                        "label": series.label,
                        "kind": series.kind,
                        "period": obs.period,
                        "base_period": obs.base_period,
                        "value": Decimal(value),
                        "unit": series.unit,
                        "qualifier": qualifier,
                        "status": status,
                        "edition": vintage.edition,
                        "alternative": index,
                        "document": vintage.document,
                        "page": page,
                        "conflict": obs.conflict,
                        "conflict_kind": obs.conflict_kind,
                        "headline": vintage.edition == obs.edition and index == 0,
                        "text": text,
                        "fact_ids": fact_ids,
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


def table_schema(columns: tuple[Column, ...], primary_key: list[str]) -> dict[str, Any]:
    """The Table Schema of a CSV with these columns (booleans written true/false, an empty
    cell a missing value)."""
    fields = []
    for column in columns:
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
    return {"fields": fields, "missingValues": [""], "primaryKey": primary_key}
