"""Start-up: what a process loads before its first fact. The PDFium engine reads a page of
prose without pdfplumber (loaded only for a ruled table, turned letters or the reference
reader) and without the OCR code (a page without a text layer loads it), and the patterns
compiled on the first sentence come from the pattern cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reportlab.pdfgen import canvas

_PROBE = """
import json, sys
import rapportextract.pipeline as pipeline
facts = pipeline.extract(sys.argv[1], edition=2024).facts
print(json.dumps({"facts": len(facts), "loaded": sorted(
    m for m in ("pdfplumber", "pdfminer", "matplotlib", "rapportextract.ingest.ocr")
    if m in sys.modules)}))
"""


def _probe(path: Path, cache: Path) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("RAPPORTEXTRACT_PATTERN_CACHE", None)
    out = subprocess.run([sys.executable, "-c", _PROBE, str(path)], env=env, check=True,
                         capture_output=True, text=True).stdout
    found: dict[str, object] = json.loads(out)
    return found


def _page(path: Path, *, ruled: bool) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Times-Roman", 11)  # a standard font: pdfminer's metrics are read for it
    pdf.drawString(60, 760, "In 2023 telden de corporaties 3.100 ontruimingen, ruim 12 procent")
    pdf.drawString(60, 746, "meer dan een jaar eerder.")
    if ruled:
        for k in range(4):
            pdf.line(60, 600 - 20 * k, 400, 600 - 20 * k)
        for x in (60, 230, 400):
            pdf.line(x, 600, x, 540)
    pdf.save()
    return path


def test_a_page_of_prose_is_read_without_pdfplumber(tmp_path: Path) -> None:
    found = _probe(_page(tmp_path / "proza.pdf", ruled=False), tmp_path / "cache")
    assert found["facts"] and "pdfplumber" not in found["loaded"]  # type: ignore[operator]
    assert "matplotlib" not in found["loaded"]  # type: ignore[operator]
    assert "rapportextract.ingest.ocr" not in found["loaded"]  # type: ignore[operator]


def test_a_ruled_page_loads_pdfplumber_for_its_table(tmp_path: Path) -> None:
    found = _probe(_page(tmp_path / "tabel.pdf", ruled=True), tmp_path / "cache")
    assert found["facts"] and "pdfplumber" in found["loaded"]  # type: ignore[operator]


def test_a_second_process_builds_its_patterns_from_the_cache(tmp_path: Path) -> None:
    path = _page(tmp_path / "proza.pdf", ruled=False)
    first = _probe(path, tmp_path / "cache")
    files = sorted(p.name for p in (tmp_path / "cache" / "rapportextract").iterdir())
    assert any(name.startswith("re-patterns-") for name in files)
    assert any(name.startswith("patterns-") for name in files)
    assert _probe(path, tmp_path / "cache") == first
