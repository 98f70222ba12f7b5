"""`text` needs no edition: a document without an edition year prints its text and no
warning about the year (extraction of facts is what needs one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def _text(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    code = main(["text", str(path), "--no-ocr"])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_file_without_a_year_gives_no_edition_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "zonder_jaar.txt"
    path.write_text("Over de huurders\n\nDe corporatie sprak veel huurders met een "
                    "achterstand.\n", encoding="utf-8")
    code, out, err = _text(capsys, path)
    assert code == 0
    assert "achterstand" in out
    assert "edition" not in err.lower() and "editie" not in err.lower()
    assert err == ""


def test_pdf_without_a_year_gives_no_edition_warning(
    capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _text(capsys, FIXTURES / "right_to_left.pdf")
    assert code == 0
    assert "Hebreeuws" in out
    assert "edition" not in err.lower()
