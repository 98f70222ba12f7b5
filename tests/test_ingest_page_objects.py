"""Ingestion reads page objects through its own faster `process_object`: it must give exactly
the dicts pdfplumber's own gives, on every kind of page we have. A pdfplumber release that
changes its objects fails here before it can change what rapportextract reads."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from rapportextract.ingest.pdf import _Page

ROOT = Path(__file__).parent.parent
PDFS = sorted(
    [*ROOT.glob("corpus/*.pdf"), *ROOT.glob("fixtures/charts/*.pdf"),
     *ROOT.glob("fixtures/diverse/*.pdf"), *ROOT.glob("fixtures/layout/*.pdf")]
)


@pytest.mark.parametrize("pdf_path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_page_objects_equal_pdfplumbers_own(pdf_path: Path) -> None:
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            ours = _Page(pdf, page.page_obj, page_number=page.page_number,
                         initial_doctop=page.initial_doctop)
            theirs = page.objects
            mine = ours.objects
            assert mine.keys() == theirs.keys()
            for kind in theirs:
                assert mine[kind] == theirs[kind], (pdf_path.name, page.page_number, kind)
                for a, b in zip(mine[kind], theirs[kind], strict=True):
                    assert list(a) == list(b)  # same keys in the same order
                    assert {k: type(v) for k, v in a.items()} == {
                        k: type(v) for k, v in b.items()
                    }
            ours.close()
