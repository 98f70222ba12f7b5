"""The command line never destroys a user's file, and reads and writes as commands do: no
output over an input or over another output, a good earlier output kept when nothing was
read, one JSON value per document stream, `-` for standard input and output, progress only
on a terminal, and `-q` silencing progress and warnings but never results."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from rapportextract.cli import main
from rapportextract.cli_io import PageProgress, output_names
from rapportextract.ingest import read_document

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "corpus"
LAYOUT = ROOT / "fixtures" / "layout"
BROKEN = ROOT / "fixtures" / "broken"

REPORT = "Monitor 2023\n\nIn 2022 waren er 120 vonnissen.\n\nHet jaar daarvoor 140.\n"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _report(path: Path, text: str = REPORT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("rapportextract: "), err
    assert "Traceback" not in err


# --- no output over an input


def test_text_into_the_folder_of_its_input_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(tmp_path / "report.txt")
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "text", "report.txt", "-o", ".")
    assert code == 2 and out == ""
    _one_line(err)
    assert "report.txt" in err and "replace the input" in err
    assert report.read_text(encoding="utf-8") == REPORT


def test_extract_over_its_own_pdf_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "rep.pdf"
    shutil.copy(LAYOUT / "one_column.pdf", pdf)
    before = pdf.read_bytes()
    monkeypatch.chdir(tmp_path)
    for output in ("rep.pdf", "./rep.pdf", str(pdf)):
        code, _, err = _run(capsys, "extract", "rep.pdf", "-o", output)
        assert code == 2, output
        _one_line(err)
    assert pdf.read_bytes() == before


def test_extract_over_a_symbolic_link_to_its_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(tmp_path / "rapport-2023.txt")
    link = tmp_path / "link.json"
    link.symlink_to(report)
    code, _, err = _run(capsys, "extract", str(report), "-o", str(link))
    assert code == 2
    _one_line(err)
    assert report.read_text(encoding="utf-8") == REPORT


def test_build_and_draw_outputs_may_not_be_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(tmp_path / "rapport-2023.txt")
    code, _, err = _run(capsys, "build", str(report), "-o", str(report))
    assert code == 2
    _one_line(err)
    # A report that happens to be named like a build output is not written over either.
    named = _report(tmp_path / "facts.json", "Rapport 2023\n\nEr waren 5 vonnissen.\n")
    code, _, err = _run(capsys, "build", str(named), "-o", str(tmp_path))
    assert code == 2
    _one_line(err)
    # text -o naming an input file as its folder.
    code, _, err = _run(capsys, "text", str(report), "-o", str(report))
    assert code == 2
    _one_line(err)
    pdf = tmp_path / "rep-2023.pdf"
    shutil.copy(LAYOUT / "one_column.pdf", pdf)
    code, _, err = _run(capsys, "draw", str(pdf), "-o", str(pdf))
    assert code == 2
    _one_line(err)
    assert report.read_text(encoding="utf-8") == REPORT
    assert pdf.read_bytes() == (LAYOUT / "one_column.pdf").read_bytes()


def test_build_may_write_into_its_input_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    report = _report(corpus / "monitor-2023.txt")
    code, out, err = _run(capsys, "build", str(corpus), "-o", str(corpus), "--workers", "1")
    assert code == 0, err
    assert (corpus / "facts.json").is_file() and out.strip()
    assert report.read_text(encoding="utf-8") == REPORT


def test_the_same_input_twice_would_share_an_output_and_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(tmp_path / "report.txt")
    code, _, err = _run(capsys, "text", str(report), str(report), "-o", str(tmp_path / "out"))
    assert code == 2
    _one_line(err)
    assert "share" in err
    assert not (tmp_path / "out").exists()


# --- output names


@pytest.mark.parametrize(
    ("inputs", "names"),
    [
        pytest.param(["rapport.pdf"], ["rapport.txt"], id="one-input"),
        pytest.param(["a/2022.pdf", "a/2023.pdf"], ["2022.txt", "2023.txt"], id="distinct"),
        pytest.param(
            ["2022/rapport.pdf", "2023/rapport.pdf"],
            ["2022__rapport.pdf.txt", "2023__rapport.pdf.txt"],
            id="same-name-other-folders",
        ),
        pytest.param(
            ["x/rapport.pdf", "x/rapport.txt"],
            ["rapport.pdf.txt", "rapport.txt.txt"],
            id="same-stem-other-suffix",
        ),
        pytest.param(
            ["a/b/rapport.pdf", "a/rapport.pdf", "noot.pdf"],
            ["b__rapport.pdf.txt", "rapport.pdf.txt", "noot.txt"],
            id="nested-folders",
        ),
        pytest.param(["-"], ["stdin.txt"], id="stdin"),
    ],
)
def test_output_names(
    inputs: list[str], names: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert output_names(inputs, ".txt") == names


def test_inputs_of_the_same_name_in_two_folders_keep_their_own_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _report(tmp_path / "2022" / "rapport.txt", "Monitor 2022\n\nEr waren 11 zaken.\n")
    second = _report(tmp_path / "2023" / "rapport.txt", "Monitor 2023\n\nEr waren 22 zaken.\n")
    out = tmp_path / "out"
    code, _, err = _run(capsys, "text", str(first), str(second), "-o", str(out), "-q")
    assert code == 0, err
    written = sorted(p.name for p in out.iterdir())
    assert written == ["2022__rapport.txt.txt", "2023__rapport.txt.txt"]
    assert "11 zaken" in (out / "2022__rapport.txt.txt").read_text(encoding="utf-8")
    assert "22 zaken" in (out / "2023__rapport.txt.txt").read_text(encoding="utf-8")


# --- failed inputs


def test_a_good_earlier_output_is_kept_when_every_input_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep = tmp_path / "keep.json"
    code, _, err = _run(capsys, "extract", str(_report(tmp_path / "rapport-2023.txt")),
                        "-o", str(keep), "-q")
    assert code == 0, err
    good = keep.read_bytes()
    assert json.loads(good)["facts"]
    code, out, err = _run(capsys, "extract", str(BROKEN / "truncated.pdf"), "-o", str(keep))
    assert code == 1 and out == ""
    _one_line(err)
    assert "truncated.pdf" in err
    assert keep.read_bytes() == good
    # Nothing read and no -o: nothing printed either, rather than an empty skeleton.
    code, out, _ = _run(capsys, "extract", str(BROKEN / "truncated.pdf"))
    assert code == 1 and out == ""


def test_some_inputs_failing_still_write_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep = tmp_path / "keep.json"
    good = _report(tmp_path / "rapport-2023.txt")
    code, _, err = _run(capsys, "extract", str(BROKEN / "truncated.pdf"), str(good),
                        "-o", str(keep))
    assert code == 1 and "truncated.pdf" in err
    assert [d["name"] for d in json.loads(keep.read_text(encoding="utf-8"))["documents"]] == [
        "rapport-2023.txt"
    ]


# --- several documents as JSON


def test_text_jsonl_is_one_document_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _report(tmp_path / "a.txt", "Monitor 2022\n\nEr waren 11 zaken.\n")
    second = _report(tmp_path / "b.txt", "Monitor 2023\n\nEr waren 22 zaken.\n")
    code, out, err = _run(capsys, "text", str(first), str(second), "--format", "jsonl")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2 and out.endswith("\n")
    assert [json.loads(line)["name"] for line in lines] == ["a.txt", "b.txt"]


def test_text_json_of_several_inputs_on_stdout_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _report(tmp_path / "a.txt"), _report(tmp_path / "b.txt")
    code, out, err = _run(capsys, "text", str(first), str(second), "--format", "json")
    assert code == 2 and out == ""
    _one_line(err)
    assert "jsonl" in err
    # One input is one JSON document; -o DIR writes one file each.
    code, out, _ = _run(capsys, "text", str(first), "--format", "json")
    assert code == 0 and json.loads(out)["name"] == "a.txt"
    code, _, _ = _run(capsys, "text", str(first), str(second), "--format", "json",
                      "-o", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]


def test_extract_of_several_inputs_is_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _report(tmp_path / "a-2022.txt", "Monitor 2022\n\nEr waren 11 vonnissen.\n")
    second = _report(tmp_path / "b-2023.txt", "Monitor 2023\n\nEr waren 22 vonnissen.\n")
    code, out, err = _run(capsys, "extract", str(first), str(second), "-q")
    assert code == 0, err
    data = json.loads(out)  # the whole of stdout is one JSON value
    assert [d["name"] for d in data["documents"]] == ["a-2022.txt", "b-2023.txt"]
    assert {f["document"] for f in data["facts"]} == {"a-2022.txt", "b-2023.txt"}


# --- standard input and output


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_dash_reads_text_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, REPORT.encode())
    code, out, err = _run(capsys, "text", "-")
    assert code == 0, err
    assert "120 vonnissen" in out and err == ""
    _stdin(monkeypatch, REPORT.encode())
    code, out, err = _run(capsys, "extract", "-", "-o", "-")
    assert code == 0, err
    data = json.loads(out)
    assert data["documents"][0]["path"] == "-" and data["documents"][0]["edition"] == 2023
    assert "120" in {f["source"]["text"] for f in data["facts"]}


def test_dash_reads_a_pdf_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, (LAYOUT / "one_column.pdf").read_bytes())
    code, out, err = _run(capsys, "text", "-", "-q")
    assert code == 0, err
    assert out.strip()


def test_empty_standard_input_is_named_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"\n")
    code, out, err = _run(capsys, "text", "-")
    assert code == 1 and out == ""
    _one_line(err)
    assert err.startswith("rapportextract: -: ") and "empty" in err


def test_standard_input_given_twice_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, REPORT.encode())
    code, out, err = _run(capsys, "text", "-", "-")
    assert code == 2 and out == ""
    _one_line(err)


# --- progress and -q


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_page_progress_only_on_a_terminal_and_not_under_quiet() -> None:
    pipe, terminal, quiet = _Stream(False), _Stream(True), _Stream(True)
    for stream, is_quiet in ((pipe, False), (terminal, False), (quiet, True)):
        progress = PageProgress("lang-2023.pdf", quiet=is_quiet, stream=stream)
        for done in (1, 2, 3):
            progress(done, 3)
    assert pipe.getvalue() == "" and quiet.getvalue() == ""
    shown = terminal.getvalue()
    assert "lang-2023.pdf: page 2/3" in shown
    assert shown.endswith("\r\x1b[K")  # cleared once the last page is read


def test_read_document_reports_every_page_of_a_longer_pdf(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_broken", BROKEN / "make_broken.py")
    assert spec is not None and spec.loader is not None
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    path = tmp_path / "lang-2016.pdf"
    path.write_bytes(maker.long_pdf(8))
    calls: list[tuple[int, int]] = []
    doc = read_document(path, workers=2, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (len(doc.pages), len(doc.pages))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)  # it never goes back


def test_read_document_reports_every_page_read() -> None:
    calls: list[tuple[int, int]] = []
    doc = read_document(LAYOUT / "running_header_footer.pdf",
                        progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, len(doc.pages)) for n in range(1, len(doc.pages) + 1)]
    assert len(doc.pages) == 3


def test_quiet_silences_warnings_but_never_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    scanned = str(BROKEN / "half-scanned-2016.pdf")
    code, out, err = _run(capsys, "text", scanned, "--no-ocr")
    assert code == 0 and out.strip() and "warning" in err
    code, quiet_out, err = _run(capsys, "text", scanned, "--no-ocr", "-q")
    assert code == 0 and quiet_out == out and err == ""
    code, out, err = _run(capsys, "-q", "extract", scanned, "--no-ocr")
    assert code == 0 and json.loads(out)["documents"] and err == ""


def test_build_quiet_still_prints_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    _report(corpus / "monitor-2022.txt", "Monitor 2022\n\nIn 2021 waren er 300 vonnissen.\n")
    _report(corpus / "monitor-2023.txt", "Monitor 2023\n\nIn 2022 waren er 320 vonnissen.\n")
    outdir = tmp_path / "out"
    code, loud, _ = _run(capsys, "build", str(corpus), "-o", str(outdir), "--workers", "1")
    assert code == 0 and loud.strip()
    code, quiet, err = _run(capsys, "build", str(corpus), "-o", str(outdir), "--workers", "1",
                            "-q")
    assert code == 0 and err == ""
    assert quiet.strip() and quiet.splitlines()[-1] == loud.splitlines()[-1]


def test_text_of_a_document_without_edition_warns_of_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = _report(tmp_path / "notitie.txt", "Een notitie.\n\nEr waren 120 vonnissen.\n")
    code, out, err = _run(capsys, "text", str(note))
    assert code == 0 and "120 vonnissen" in out
    assert err == ""
