"""facts.json and series.json: the pydantic models as JSON, values as plain numbers."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from rapportextract.export.atomic import atomic_open, atomic_write_text
from rapportextract.models import DocumentSummary, ExtractOutput, Fact, SeriesFile

_INDENT = 2


def write_facts_json(
    path: str | Path, facts: list[Fact], documents: list[DocumentSummary] | None = None
) -> Path:
    """Write ``{"schema_version", "documents", "facts"}`` (the shape `extract` writes)."""
    with atomic_open(path, "w") as fh:
        write_extract_output(fh, facts, documents or [])
    return Path(path)


def write_extract_output(
    fh: IO[str], facts: list[Fact], documents: list[DocumentSummary]
) -> None:
    """`ExtractOutput(documents, facts).model_dump_json(indent=2)` and a newline, written to
    `fh` one fact at a time: the same text, without holding it whole (on a report of 600
    pages it is 30 MB, and as much again while pydantic makes it)."""
    head = ExtractOutput(documents=documents, facts=[]).model_dump_json(indent=_INDENT)
    empty = '"facts": []\n}'
    if not facts or not head.endswith(empty):  # `facts` is the model's last field
        fh.write(ExtractOutput(documents=documents, facts=facts).model_dump_json(
            indent=_INDENT) + "\n")
        return
    fh.write(head[: -len("[]\n}")] + "[\n")
    pad = " " * (2 * _INDENT)  # a fact sits two levels deep: {"facts": [ {...} ]}
    for i, fact in enumerate(facts):
        if i:
            fh.write(",\n")
        # JSON strings hold no raw line break, so every line of a fact is indented alike.
        fh.write(pad + fact.model_dump_json(indent=_INDENT).replace("\n", "\n" + pad))
    fh.write("\n" + " " * _INDENT + "]\n}\n")


def write_series_json(path: str | Path, series_file: SeriesFile) -> Path:
    """Write the series file of docs/outputs.md."""
    atomic_write_text(path, series_file.model_dump_json(indent=2) + "\n")
    return Path(path)


write_json = write_series_json
