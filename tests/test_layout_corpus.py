"""Every body paragraph of the bundled corpus reports comes out whole and in order.

The corpus PDFs (corpus/) are rendered from the edition sources in fixtures/corpus/editions/;
each source lists the paragraphs as written, so the reading order can be checked exactly.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "fixtures" / "corpus" / "editions").glob("*.toml"))


def _paragraphs(source: dict[str, object]) -> list[str]:
    out: list[str] = []
    for page in source["pages"]:  # type: ignore[attr-defined]
        for block in page["blocks"]:
            if block["type"] == "para":
                text = re.sub(r"\[\^\w+\]", "", block["text"])  # footnote marks
                out.append(re.sub(r"\s+", " ", text).strip())
    return out


@pytest.mark.parametrize("source_path", SOURCES, ids=[p.stem for p in SOURCES])
def test_corpus_paragraphs_whole_and_in_order(source_path: Path) -> None:
    source = tomllib.loads(source_path.read_text(encoding="utf-8"))
    pdf = ROOT / "corpus" / str(source["file"])
    if not pdf.exists():
        pytest.skip(f"{pdf.name} not rendered")
    doc = read_document(pdf)
    assert doc.edition == source["edition"]
    blocks = [b.text for b in doc.blocks() if b.kind is BlockKind.PARAGRAPH]
    expected = _paragraphs(source)
    assert expected
    found = [p for p in blocks if p in expected]
    assert found == expected
    header = str(source.get("running_header", ""))
    if header:
        assert re.sub(r"\s+", " ", header) not in doc.text()
