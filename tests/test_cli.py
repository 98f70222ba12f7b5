"""The command line, driven in-process: each command is one call into the library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from rapportextract.cli import Progress, main

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "corpus"
LAYOUT = ROOT / "fixtures" / "layout"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_prints_clean_text_without_running_header(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "text", str(LAYOUT / "running_header_footer.pdf"), "-q")
    assert code == 0, err
    # The fixture prints its header and a numbered footer on each of its three pages.
    assert out.count("\f") == 2
    assert "Monitor huurachterstanden" not in out
    assert "Corporatiemonitor Noord" not in out
    assert "Samenvatting" in out and "Vooruitblik" in out


def test_text_json_has_pages_blocks_and_lines_but_not_raw_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "text", "--format", "json", str(LAYOUT / "two_columns.pdf"))
    assert code == 0
    doc = json.loads(out)
    assert doc["pages"] and doc["pages"][0]["blocks"]
    block = doc["pages"][0]["blocks"][0]
    assert block["lines"] and len(block["lines"][0]["bbox"]) == 4
    assert "words" not in doc["pages"][0]


def test_extract_output_validates_against_the_printed_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, schema_text, _ = _run(capsys, "schema", "facts")
    assert code == 0
    schema = json.loads(schema_text)
    out = tmp_path / "facts.json"
    code, _, err = _run(
        capsys, "extract", str(CORPUS / "aedes-huurschulden-2022.pdf"), "-o", str(out), "-q"
    )
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["documents"][0]["edition"] == 2022
    assert {f["source"]["origin"] for f in data["facts"]} >= {"text", "chart", "table"}


def test_build_writes_every_output_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("aedes-huurschulden-2022.pdf", "aedes-huurschulden-2023.pdf"):
        shutil.copy(CORPUS / name, corpus / name)
    outdir = tmp_path / "out"
    code, out, err = _run(capsys, "build", str(corpus), "-o", str(outdir), "--workers", "1")
    assert code == 0, err
    for name in ("facts.json", "series.json", "series.csv", "datapackage.json"):
        assert (outdir / name).is_file(), name
    assert list((outdir / "plots").glob("*.png"))
    assert "total_rent_arrears_eur" in out
    code, schema_text, _ = _run(capsys, "schema", "series")
    jsonschema.validate(
        json.loads((outdir / "series.json").read_text(encoding="utf-8")),
        json.loads(schema_text),
    )


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_missing_file_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "text", "missing-2020.pdf")
    assert code == 1
    assert err.count("\n") == 1 and "missing-2020.pdf" in err


def test_progress_bar_only_on_a_terminal() -> None:
    class Stream:
        def __init__(self, tty: bool) -> None:
            self.tty, self.written = tty, ""

        def isatty(self) -> bool:
            return self.tty

        def write(self, text: str) -> None:
            self.written += text

        def flush(self) -> None:
            pass

    pipe, terminal, quiet = Stream(False), Stream(True), Stream(True)
    for stream, is_quiet in ((pipe, False), (terminal, False), (quiet, True)):
        bar = Progress(3, quiet=is_quiet, stream=stream)  # type: ignore[arg-type]
        for done in (1, 2, 3):
            bar(done, 3, f"rapport-{done}.pdf")
    assert pipe.written == "" and quiet.written == ""
    assert "3/3" in terminal.written and terminal.written.endswith("\n")


def test_draw_writes_one_image_per_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = CORPUS / "aedes-huurschulden-2023.pdf"
    code, out, err = _run(capsys, "draw", str(pdf), "-o", str(tmp_path), "--resolution", "40")
    assert code == 0, err
    images = sorted(tmp_path.glob("*.png"))
    assert len(images) == len(out.split()) >= 1
    assert images[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # the numbers that are no figures are not drawn: how many, and why, on stderr
    assert "numbers not drawn, no figures: year " in err


def test_text_needs_no_edition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "notitie.txt"
    note.write_text("Een notitie zonder jaartal.\n\nEr waren 120 vonnissen.\n", encoding="utf-8")
    code, out, err = _run(capsys, "text", str(note))
    assert code == 0
    assert "120 vonnissen" in out
    assert err == ""  # no edition is needed, so its absence is not warned of
    code, _, err = _run(capsys, "extract", str(note))
    assert code == 1 and "notitie.txt" in err and "--edition" in err


def test_unwritable_output_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = _run(capsys, "extract", str(CORPUS / "aedes-huurschulden-2022.pdf"),
                        "-o", str(folder), "-q")
    assert code == 1
    assert "Traceback" not in err and err.count("\n") == 1
    assert "a-folder" in err and "output" in err


def test_extract_time_limit_covers_the_fact_stages(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import time as time_module

    import rapportextract.pipeline as pipeline

    def slow_tables(*args: object) -> list[object]:
        time_module.sleep(5)
        return []

    monkeypatch.setattr(pipeline, "table_facts", slow_tables)
    started = time_module.monotonic()
    code, _, err = _run(capsys, "extract", str(CORPUS / "aedes-huurschulden-2022.pdf"),
                        "--timeout", "1.5", "-q")
    assert code == 1
    assert "aedes-huurschulden-2022.pdf" in err and "--timeout" in err
    assert time_module.monotonic() - started < 4.5
