"""Damaged and odd files: one line naming the file and what to do, the batch goes on, exit 1,
no partial output. The files come from fixtures/broken/make_broken.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rapportextract import errors
from rapportextract.cli import main
from rapportextract.ingest import read_document

BROKEN = Path(__file__).parent.parent / "fixtures" / "broken"

FAILING = {
    "empty.pdf": "empty",
    "truncated.pdf": "",
    "random-bytes.pdf": "",
    "no-pages.pdf": "no pages",
    "encrypted-2016.pdf": "--password",
    "scanned-2016.pdf": "OCR",
}


# Without Tesseract, a scan is a file that fails too (test_ocr.py reads it where it is there).
@pytest.mark.usefixtures("without_ocr")
@pytest.mark.parametrize("name", sorted(FAILING))
def test_bad_file_gives_one_line_error_naming_it(name: str) -> None:
    with pytest.raises(errors.InputError) as info:
        read_document(BROKEN / name)
    line = str(info.value)
    assert "\n" not in line
    assert name in line
    assert FAILING[name] in line


@pytest.mark.usefixtures("without_ocr")
def test_batch_goes_on_past_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "facts.json"
    inputs = [str(BROKEN / n) for n in sorted(FAILING)] + [str(BROKEN / "good-2016.pdf")]
    code = main(["extract", *inputs, "-o", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == len(FAILING)
    for name in FAILING:
        assert sum(name in line for line in lines) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["name"] for d in data["documents"]] == ["good-2016.pdf"]


def test_missing_path_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(errors.InputError, match=r"does-not-exist\.pdf"):
        read_document(tmp_path / "does-not-exist.pdf")
    with pytest.raises(errors.InputError, match="directory"):
        read_document(tmp_path)


def test_broken_xref_is_recovered() -> None:
    doc = read_document(BROKEN / "broken-xref.pdf")
    assert doc.edition == 2016
    assert "5.900 ontruimingen" in doc.text()


def test_encrypted_pdf_opens_with_the_password() -> None:
    with pytest.raises(errors.EncryptedPDFError):
        read_document(BROKEN / "encrypted-2016.pdf", password="fout")
    doc = read_document(BROKEN / "encrypted-2016.pdf", password="geheim")
    assert "5.900 ontruimingen" in doc.text()


def test_non_utf8_text_is_read_as_cp1252_with_a_warning() -> None:
    doc = read_document(BROKEN / "cp1252-2016.txt")
    assert "\u20ac 164 miljoen" in doc.text()
    assert "drieëntwintig" in doc.text()
    assert any("cp1252" in w and "cp1252-2016.txt" in w for w in doc.warnings)


def test_failed_extract_leaves_no_partial_output(tmp_path: Path) -> None:
    out = tmp_path / "facts.json"
    out.write_text('{"previous": true}', encoding="utf-8")
    code = main(["extract", str(BROKEN / "empty.pdf"), "-o", str(out), "--quiet"])
    assert code == 1
    # The previous file is replaced whole or not at all: never a half-written one.
    json.loads(out.read_text(encoding="utf-8"))
    assert not list(tmp_path.glob("*.tmp*"))
