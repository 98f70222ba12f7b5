"""`build`: many reports in, all outputs out; cache, failures, process pool, atomic writes.

Most tests use a small stand-in extractor (`toy_extract`) so they pin what `build` does with
whatever the readers return; `test_end_to_end_*` runs the real pipeline.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from rapportextract.batch import build, collect_reports
from rapportextract.build_text import summary_text
from rapportextract.errors import EditionNotFoundError, InputError
from rapportextract.models import Document, Fact, Notice, NoticeCode, Page, Series, Source

FF = "\f"

# Our own Dutch sentences, in the style of the reports; figures from published_figures.csv.
REPORTS = {
    "huurschulden-2022.txt": (
        "HUURSCHULDEN EN HUISUITZETTINGEN 2022\n\nEen overzicht van de woningcorporaties."
        + FF
        + "Eind 2020 stond er bij de corporaties samen € 226 miljoen aan huurachterstand open.\n"
        "In 2021 kwam het tot 2.300 ontruimingen van huurders.\n"
    ),
    "huurschulden-2023.txt": (
        "HUURSCHULDEN EN HUISUITZETTINGEN 2023\n\nDe cijfers van het afgelopen jaar."
        + FF
        + "In 2021 liep de huurachterstand terug tot € 190 miljoen.\n"
        + FF
        + "Het aantal ontruimingen in 2022 bleef steken op 1.900.\n"
    ),
}
NEW_REPORT = (
    "huurschulden-2024.txt",
    "HUURSCHULDEN EN HUISUITZETTINGEN 2024\n\nWat corporaties zagen in 2023."
    + FF
    + "Over 2020 noemen we nu een huurachterstand van € 227 miljoen.\n"
    "In 2023 waren er 2.100 ontruimingen.\n",
)

# What the toy extractor understands: a word that names the concept, a year, a figure.
_CONCEPTS = {"huurachterstand": ("total_rent_arrears_eur", "EUR"),
             "ontruimingen": ("evictions_total", "count")}
_YEAR = re.compile(r"\b(20\d\d)\b")
_FIGURE = re.compile(r"(€ )?(\d{1,3}(?:\.\d{3})+|\d+)( miljoen)?")

CALLS: list[str] = []


@dataclass
class ToyExtraction:
    document: Document
    facts: list[Fact]


def toy_extract(path: Path, *, edition: int | None = None, password: str | None = None,
                catalogue: Any = None, timeout: float | None = None) -> ToyExtraction:
    """Reads our toy reports: one fact per line that names a concept, a year and a figure."""
    CALLS.append(path.name)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("not a text report", path=path, hint="give a UTF-8 .txt") from None
    title_year = _YEAR.search(text.split("\n", 1)[0])
    name_year = _YEAR.search(path.name)
    source = "option" if edition else "title" if title_year else "filename"
    found = edition or next((int(m.group(1)) for m in (title_year, name_year) if m), None)
    if found is None:
        raise EditionNotFoundError("no edition year", path=path, hint="use --edition")
    edition = found
    facts = []
    for page_no, page in enumerate(text.split(FF), start=1):
        for line in page.splitlines():
            concept = next((c for w, c in _CONCEPTS.items() if w in line), None)
            years = [y for y in _YEAR.findall(line)]
            figures = [m for m in _FIGURE.finditer(line) if m.group(2) not in years]
            if concept is None or not years or not figures:
                continue
            m = figures[0]
            value = Decimal(m.group(2).replace(".", ""))
            if m.group(3):
                value *= 1_000_000
            facts.append(Fact(
                id=f"{path.name}:{page_no}:{m.start()}", document=path.name, edition=edition,
                concept=concept[0], subject=line.split()[0], value=value, unit=concept[1],
                period=years[0], confidence=0.9,
                source=Source(page=page_no, sentence=line, text=m.group(0).strip(),
                              start=m.start(), end=m.end()),
            ))
    doc = Document(path=str(path), name=path.name, sha256=hashlib.sha256(data).hexdigest(),
                   source_type="text", edition=edition, edition_source=source,
                   pages=[Page(number=i + 1) for i in range(text.count(FF) + 1)])
    return ToyExtraction(doc, facts)


@pytest.fixture(autouse=True)
def _reset_calls() -> None:
    CALLS.clear()


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "rapporten"
    (folder / "oud").mkdir(parents=True)
    for i, (name, text) in enumerate(sorted(REPORTS.items())):
        (folder / ("oud" if i == 0 else "") / name).write_text(text, encoding="utf-8")
    (folder / "leesmij.md").write_text("geen rapport", encoding="utf-8")
    return folder


def _build(paths: list[Path], out: Path, **kw: Any) -> Any:
    kw.setdefault("workers", 1)
    return build(paths, out, extractor=toy_extract, **kw)


def test_collects_reports_recursively_sorted_and_once(reports: Path) -> None:
    found, failures = collect_reports([reports, reports / "huurschulden-2023.txt",
                                       reports / "leesmij.md", reports / "weg.txt"])
    assert [p.name for p in found] == ["huurschulden-2023.txt", "huurschulden-2022.txt"]
    assert len(failures) == 2
    assert "leesmij.md" in failures[0].error and "weg.txt" in failures[1].error  # type: ignore[operator]


def test_build_writes_every_output(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    progress: list[tuple[int, int, str]] = []
    report = _build([reports], out, progress=lambda d, t, n: progress.append((d, t, n)))

    assert report.ok and report.count("extracted") == 2
    for name in ("facts.json", "series.json", "series.csv", "datapackage.json"):
        assert (out / name).is_file(), name
    facts = json.loads((out / "facts.json").read_text())
    assert len(facts["facts"]) == 4 and len(facts["documents"]) == 2
    series = json.loads((out / "series.json").read_text())
    assert {s["id"] for s in series["series"]} == {"total_rent_arrears_eur", "evictions_total"}
    with (out / "series.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 4
    assert sorted(p.name for p in (out / "plots").iterdir()) == [
        "evictions_total.png", "total_rent_arrears_eur.png"]
    assert [p[:2] for p in progress] == [(1, 2), (2, 2)]

    text = summary_text(report)
    assert "2 documents: 2 extracted" in text and "editions: 2022-2023 (2)" in text
    assert "total_rent_arrears_eur" in text


def test_rebuild_extracts_only_the_new_report_and_finds_the_revision(
    reports: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _build([reports], out)
    assert sorted(CALLS) == ["huurschulden-2022.txt", "huurschulden-2023.txt"]
    CALLS.clear()

    (reports / NEW_REPORT[0]).write_text(NEW_REPORT[1], encoding="utf-8")
    report = _build([reports], out)
    assert CALLS == ["huurschulden-2024.txt"]
    assert (report.count("cached"), report.count("extracted")) == (2, 1)

    series = {s.id: s for s in report.series}
    assert series["total_rent_arrears_eur"].conflicts == ["2020"]
    data = json.loads((out / "series.json").read_text())
    arrears = next(s for s in data["series"] if s["id"] == "total_rent_arrears_eur")
    obs_2020 = next(o for o in arrears["observations"] if o["period"] == "2020")
    assert (obs_2020["value"], obs_2020["edition"], obs_2020["conflict"]) == (227000000, 2024, True)
    assert [v["edition"] for v in obs_2020["vintages"]] == [2022, 2024]


def test_changed_content_and_no_cache_extract_again(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([reports], out)
    target = reports / "huurschulden-2023.txt"
    target.write_text(target.read_text(encoding="utf-8") + "Een extra zin.\n", encoding="utf-8")
    CALLS.clear()
    _build([reports], out)
    assert CALLS == ["huurschulden-2023.txt"]
    CALLS.clear()
    report = _build([reports], out, use_cache=False)
    assert sorted(CALLS) == ["huurschulden-2022.txt", "huurschulden-2023.txt"]
    assert report.count("cached") == 0


def test_edition_option_is_part_of_the_cache_key(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([reports / "huurschulden-2023.txt"], out)
    CALLS.clear()
    report = _build([reports / "huurschulden-2023.txt"], out, edition=2030)
    assert CALLS == ["huurschulden-2023.txt"] and report.editions == [2030]


def test_a_renamed_report_comes_from_the_cache_under_its_new_name(
    reports: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (reports / "notitie-2021.txt").write_text(
        "Korte notitie\n\nIn 2020 telden we 2.500 ontruimingen.\n", encoding="utf-8")
    _build([reports], out)
    CALLS.clear()
    (reports / "huurschulden-2023.txt").rename(reports / "oud" / "kopie-2025.txt")
    (reports / "notitie-2021.txt").rename(reports / "notitie-2019.txt")
    report = _build([reports], out)
    # The edition of the note came from its file name, which now names another year: read
    # again. The other report's edition is in its title: taken from the cache, renamed.
    assert CALLS == ["notitie-2019.txt"]
    assert report.editions == [2019, 2022, 2023]
    facts = json.loads((out / "facts.json").read_text(encoding="utf-8"))
    assert {f["document"] for f in facts["facts"] if f["edition"] == 2023} == {"kopie-2025.txt"}
    with (out / "series.csv").open(encoding="utf-8") as fh:
        assert {r["document"] for r in csv.DictReader(fh) if r["edition"] == "2023"} == {
            "kopie-2025.txt"}


def test_a_broken_report_is_reported_and_the_others_go_through(
    reports: Path, tmp_path: Path
) -> None:
    (reports / "kapot-2021.txt").write_bytes(b"\xff\xfe\x00kapot")
    (reports / "zonder-jaartal.txt").write_text("Geen jaartal te vinden.", encoding="utf-8")
    out = tmp_path / "out"
    report = _build([reports], out)
    assert report.count("extracted") == 2 and report.count("failed") == 2
    assert len(report.errors) == 2
    assert all("\n" not in e for e in report.errors)
    assert any("kapot-2021.txt" in e and "UTF-8" in e for e in report.errors)
    assert any("zonder-jaartal.txt" in e for e in report.errors)
    assert "2 failed" in summary_text(report)
    assert len(json.loads((out / "facts.json").read_text())["facts"]) == 4
    # A failure is not cached: the next build tries the broken files again.
    CALLS.clear()
    _build([reports], out)
    assert sorted(CALLS) == ["kapot-2021.txt", "zonder-jaartal.txt"]


def _crashing_extract(path: Path, **kw: Any) -> ToyExtraction:
    if "2022" in path.name:
        raise ZeroDivisionError("division by zero")
    return toy_extract(path, **kw)


def test_an_unexpected_error_is_one_line_naming_the_file(reports: Path, tmp_path: Path) -> None:
    report = build([reports], tmp_path / "out", workers=1, extractor=_crashing_extract)
    (error,) = report.errors
    assert "huurschulden-2022.txt" in error and "ZeroDivisionError" in error
    assert report.count("extracted") == 1


def _dying_extract(path: Path, **kw: Any) -> ToyExtraction:
    if "2022" in path.name:
        import os

        os._exit(3)  # the reader's process dies, as on a crash inside a PDF library
    return toy_extract(path, **kw)


def test_a_dying_worker_fails_only_its_own_report(reports: Path, tmp_path: Path) -> None:
    (reports / NEW_REPORT[0]).write_text(NEW_REPORT[1], encoding="utf-8")
    report = build([reports], tmp_path / "out", workers=2, extractor=_dying_extract)
    assert report.count("extracted") == 2 and report.count("failed") == 1
    (error,) = report.errors
    assert "huurschulden-2022.txt" in error and "stopped" in error


def test_duplicate_content_is_read_once(reports: Path, tmp_path: Path) -> None:
    (reports / "kopie-2023.txt").write_bytes((reports / "huurschulden-2023.txt").read_bytes())
    report = _build([reports], tmp_path / "out")
    assert report.count("duplicate") == 1 and report.ok
    assert sorted(CALLS) == ["huurschulden-2022.txt", "huurschulden-2023.txt"]


def test_process_pool_gives_the_same_outputs(reports: Path, tmp_path: Path) -> None:
    (reports / NEW_REPORT[0]).write_text(NEW_REPORT[1], encoding="utf-8")
    inline = _build([reports], tmp_path / "a", workers=1)
    pooled = _build([reports], tmp_path / "b", workers=2)
    assert pooled.count("extracted") == 3 and inline.ok and pooled.ok
    for name in ("series.json", "series.csv", "datapackage.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def _recording_plots(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the series whose plots are drawn from now on, in order."""
    import rapportextract.export.plots as plots

    drawn: list[str] = []
    real = plots.plot_series

    def recording(series: Series, path: Path) -> Path:
        drawn.append(series.id)
        return real(series, path)

    monkeypatch.setattr(plots, "plot_series", recording)
    return drawn


def test_unchanged_plots_are_not_drawn_again(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = _recording_plots(monkeypatch)
    out = tmp_path / "out"
    _build([reports], out)
    assert sorted(drawn) == ["evictions_total", "total_rent_arrears_eur"]
    drawn.clear()
    (reports / NEW_REPORT[0]).write_text(NEW_REPORT[1], encoding="utf-8")
    _build([reports], out)
    assert sorted(drawn) == ["evictions_total", "total_rent_arrears_eur"]  # both changed
    drawn.clear()
    (out / "plots" / "evictions_total.png").unlink()
    _build([reports], out)
    assert drawn == ["evictions_total"]


def test_a_copied_output_folder_keeps_its_plots(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    drawn = _recording_plots(monkeypatch)
    _build([reports], tmp_path / "out")
    shutil.copytree(tmp_path / "out", tmp_path / "copy")
    drawn.clear()
    _build([reports], tmp_path / "copy")
    assert drawn == []
    (tmp_path / "copy" / "plots" / "evictions_total.png").write_bytes(b"not a plot")
    _build([reports], tmp_path / "copy")
    assert drawn == ["evictions_total"]  # an image changed by hand is drawn again


def test_no_partial_file_is_left_when_writing_fails(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _build([reports], out)
    before = (out / "series.csv").read_bytes()
    real_replace = os.replace

    def failing_replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "series.csv":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    (reports / NEW_REPORT[0]).write_text(NEW_REPORT[1], encoding="utf-8")
    with pytest.raises(OSError, match="No space left"):
        _build([reports], out)
    assert (out / "series.csv").read_bytes() == before
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_damaged_cache_is_set_aside(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".cache.sqlite").write_bytes(b"dit is geen database" * 100)
    report = _build([reports], out)
    assert report.ok and report.count("extracted") == 2
    assert (out / ".cache.sqlite.damaged").exists()
    CALLS.clear()
    _build([reports], out)
    assert CALLS == []


def test_load_series_reads_a_build(reports: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from rapportextract import load_series

    out = tmp_path / "out"
    (reports / NEW_REPORT[0]).write_text(NEW_REPORT[1], encoding="utf-8")
    _build([reports], out)
    frame = load_series(out)
    with (out / "series.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert list(frame.columns) == header
    assert len(frame) == 6
    head = frame[(frame.series_id == "total_rent_arrears_eur") & frame.headline]
    assert head.set_index("period").loc["2020", "value"] == 227_000_000.0
    assert bool(frame[frame.period == "2020"].conflict.all())

    # Without pandas: a list of dicts with exact Decimal values.
    import builtins

    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kw: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("no pandas")
        return real_import(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    records = load_series(out / "series.json")
    assert isinstance(records, list) and len(records) == 6
    assert Decimal("226000000") in {r["value"] for r in records}


def test_load_series_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    from rapportextract.api import load_series

    with pytest.raises(InputError, match="rapportextract build"):
        load_series(tmp_path)


# --- the real pipeline -------------------------------------------------------------------------

STATEMENTS = {
    2023: "In 2022 nam 36% van de corporaties binnen een week contact op met een huurder met "
          "een achterstand.",
    2024: "Vorig jaar belde 41% van de corporaties de huurder binnen een week na de gemiste "
          "betaling.",
}


def test_end_to_end_with_the_real_pipeline(reports: Path, tmp_path: Path) -> None:
    pytest.importorskip("rapportextract.pipeline", reason="the fact readers are not installed")
    (reports / NEW_REPORT[0]).write_text(NEW_REPORT[1], encoding="utf-8")
    for edition, sentence in STATEMENTS.items():
        path = next(reports.rglob(f"*{edition}.txt"))
        path.write_text(path.read_text(encoding="utf-8") + FF + sentence + "\n", encoding="utf-8")
    out = tmp_path / "out"
    report = build([reports], out, workers=2)
    assert report.ok, report.errors
    assert report.count("extracted") == 3

    data = json.loads((out / "series.json").read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in data["series"]}
    arrears = by_id["total_rent_arrears_eur"]
    obs_2020 = next(o for o in arrears["observations"] if o["period"] == "2020")
    assert obs_2020["conflict"] is True
    assert (obs_2020["value"], obs_2020["edition"]) == (227000000, 2024)
    assert {v["edition"]: v["value"] for v in obs_2020["vintages"]} == {
        2022: 226000000, 2024: 227000000}
    evictions = by_id["evictions_total"]
    assert [o["period"] for o in evictions["observations"]] == ["2021", "2022", "2023"]

    # The reworded finding of 2023 and 2024 is one statement series.
    statements = [s for s in data["series"] if s["concept"] is None and s["kind"] == "level"]
    assert len(statements) == 1, [s["statements"] for s in statements]
    assert [(o["period"], o["value"]) for o in statements[0]["observations"]] == [
        ("2022", 36), ("2023", 41)]
    assert (out / "plots" / f"{statements[0]['id']}.png").is_file()


def test_many_plots_are_drawn_and_stale_ones_removed(tmp_path: Path) -> None:
    from rapportextract.batch.cache import ExtractionCache
    from rapportextract.batch.run import _write_plots
    from rapportextract.series import build_series

    facts = [
        Fact(id=f"f{i}-{e}", document=f"r{e}.txt", edition=e, concept=f"concept_{i}",
             subject="iets", value=Decimal(100 * i + e - 2000), unit="count",
             period=str(e - 1), confidence=0.9,
             source=Source(page=1, sentence="Zin.", text=str(100 * i + e - 2000), start=0,
                           end=3))
        for i in range(10) for e in (2022, 2023)
    ]
    series_file = build_series(facts)
    folder = tmp_path / "plots"
    folder.mkdir()
    (folder / "oude-reeks.png").write_bytes(b"x")
    with ExtractionCache(tmp_path / "cache.sqlite") as cache:
        written = _write_plots(series_file, folder, cache, True)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    assert len(written) == 10
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in written)


def _noting_extract(path: Path, **kw: Any) -> ToyExtraction:
    """The toy reader, noting a page left unread in 2023 (in wording of its own) and a
    page read by OCR in 2022."""
    result = toy_extract(path, **kw)
    code = NoticeCode.UNREAD_SCAN if "2023" in path.name else NoticeCode.OCR_PAGE
    result.document.notices.append(Notice(code=code, page=1, message=f"{path.name}: pagina 1"))
    return result


def test_the_cache_is_left_by_the_notice_code_not_its_wording(
    reports: Path, tmp_path: Path
) -> None:
    for _ in range(2):
        report = build([reports], tmp_path / "out", workers=1, extractor=_noting_extract)
    assert {d.name: d.status for d in report.documents} == {
        "huurschulden-2023.txt": "extracted", "huurschulden-2022.txt": "cached"}
    assert [(n.code, n.page) for n in report.notices] == [
        (NoticeCode.UNREAD_SCAN, 1), (NoticeCode.OCR_PAGE, 1)]
    documents = json.loads((tmp_path / "out" / "facts.json").read_text())["documents"]
    assert [(d["warnings"], d["notices"][0]["code"]) for d in documents] == [
        (["huurschulden-2023.txt: pagina 1"], "unread_scan"),
        (["huurschulden-2022.txt: pagina 1"], "ocr_page"),
    ]


# --- disagreements, the same edition twice, build.json ---------------------------------------


def test_an_edition_that_disagrees_with_itself_is_listed_with_values_and_pages(
    reports: Path, tmp_path: Path
) -> None:
    (reports / "oud" / "huurschulden-2022.txt").write_text(
        REPORTS["huurschulden-2022.txt"]
        + FF + "Elders staat voor 2021 een getal van 4.800 ontruimingen.\n", encoding="utf-8")
    out = tmp_path / "out"
    report = _build([reports], out)

    (within,) = [d for d in report.disagreements if d.kind == "within_edition"]
    assert (within.series_id, within.period, within.edition) == ("evictions_total", "2021", 2022)
    assert [(v["value"], v["page"]) for v in within.values] == [("2300", 2), ("4800", 3)]
    text = summary_text(report)
    assert "1 within one edition" in text
    assert "evictions_total 2021, 2022 edition (huurschulden-2022.txt): 2300" in text
    assert "4800 ('4.800', page 3)" in text

    record = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert record["counts"]["conflicts"]["within_edition"] == 1
    assert record["counts"]["facts"] == 5 and record["counts"]["documents"]["extracted"] == 2
    assert record["disagreements"][0]["values"][1]["fact_ids"]
    assert record["documents"] and record["review"] is None  # review's part is kept
    with (out / "series.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["period"] == "2021"
                and r["series_id"] == "evictions_total"]
    assert [(r["alternative"], r["value"], r["conflict_kind"]) for r in rows] == [
        ("0", "2300", "within_edition"), ("1", "4800", "within_edition")]


def test_the_same_edition_from_two_files_is_counted_once_with_a_warning(
    reports: Path, tmp_path: Path
) -> None:
    # Other bytes (a note added that holds no figure), the same edition and figures.
    copy = reports / "kopie.txt"
    copy.write_text(REPORTS["huurschulden-2023.txt"] + "\nDruk: januari.\n", encoding="utf-8")
    out = tmp_path / "out"
    report = _build([reports], out)

    assert report.count("duplicate") == 1 and report.ok
    (dup,) = [d for d in report.documents if d.status == "duplicate"]
    assert dup.name == "kopie.txt" and "huurschulden-2023.txt" in (dup.error or "")
    (warning,) = [w for w in report.warnings if "same 2023 edition" in w]
    assert "kopie.txt" in warning and "huurschulden-2023.txt" in warning
    facts = json.loads((out / "facts.json").read_text())
    assert len(facts["facts"]) == 4 and len(facts["documents"]) == 2
    assert "kopie.txt" in summary_text(report)
    record = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert record["counts"]["documents"]["duplicate"] == 1
    assert warning in record["warnings"]


def test_quiet_build_still_prints_the_summary(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rapportextract.cli import main

    code = main(["build", str(reports), "-o", str(tmp_path / "out"), "-q", "--workers", "1"])
    out, err = capsys.readouterr()
    assert code == 0 and "documents:" in out and "series" in out and err == ""


@pytest.mark.parametrize("year", ["1899", "3024", "twintig"])
def test_an_edition_outside_1900_to_next_year_is_a_usage_error(
    year: str, reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rapportextract.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["build", str(reports), "-o", str(tmp_path / "out"), "--edition", year])
    assert exit_info.value.code == 2
    assert "edition year from 1900" in capsys.readouterr().err


@pytest.mark.slow
def test_frictionless_validates_the_corpus_build(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    out = tmp_path / "out"
    report = build([corpus], out, workers=1)
    assert report.ok
    result = frictionless.validate(str(out / "datapackage.json"))
    assert result.valid, result.flatten(["rowNumber", "fieldName", "type", "note"])
    header = (out / "facts.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("fact_id,document,")


def test_a_build_lets_go_of_each_reports_pages_and_gives_the_same_facts(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The default reader of a build lets go of the pages as `extract` does (a build keeps
    # only summaries and facts); the facts are those of a reader that keeps them.
    import rapportextract.pipeline as pipeline
    from rapportextract.batch.reading import default_extractor

    released: list[str] = []
    real = pipeline._release_pages
    monkeypatch.setattr(pipeline, "_release_pages",
                        lambda document: (released.append(document.name), real(document)))
    build([reports], tmp_path / "los", workers=1)
    assert sorted(released) == ["huurschulden-2022.txt", "huurschulden-2023.txt"]
    keeping = partial(pipeline.extract, keep_pages=True)
    build([reports], tmp_path / "heel", workers=1, extractor=keeping)
    assert len(released) == 2
    facts = [json.loads((tmp_path / d / "facts.json").read_text())["facts"]
             for d in ("los", "heel")]
    assert facts[0] == facts[1] and facts[0]
    assert default_extractor().keywords == {"ocr": True, "keep_pages": False}
