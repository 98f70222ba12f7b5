"""facts.json and series.json: the pydantic models as JSON, values as plain numbers."""

from __future__ import annotations

from pathlib import Path

from rapportextract.export.atomic import atomic_write_text
from rapportextract.models import DocumentSummary, ExtractOutput, Fact, SeriesFile


def write_facts_json(
    path: str | Path, facts: list[Fact], documents: list[DocumentSummary] | None = None
) -> Path:
    """Write ``{"schema_version", "documents", "facts"}`` (the shape `extract` writes)."""
    output = ExtractOutput(documents=documents or [], facts=facts)
    atomic_write_text(path, output.model_dump_json(indent=2) + "\n")
    return Path(path)


def write_series_json(path: str | Path, series_file: SeriesFile) -> Path:
    """Write the series file of docs/outputs.md."""
    atomic_write_text(path, series_file.model_dump_json(indent=2) + "\n")
    return Path(path)


write_json = write_series_json
