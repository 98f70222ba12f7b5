"""A crash while outputs are written (here: the disk fails when a file is flushed, after the
first file went through) leaves every earlier output whole and no temporary file behind."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from rapportextract.cli import main

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"

REPORT_2017 = (
    "HUURACHTERSTANDEN EN HUISUITZETTINGEN 2017\n\n"
    "In 2016 telden de corporaties samen 5.400 ontruimingen.\n"
)


def fail_on_flush(monkeypatch: pytest.MonkeyPatch, after: int) -> list[int]:
    """Make the `after`+1-th flush to disk fail, as a full disk would; the data written so far
    sits in the temporary file. Returns the list of flush calls, for the test to count."""
    calls: list[int] = []
    real_fsync: Callable[[int], None] = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == after + 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return calls


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".cache")
    }


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or ".tmp" in p.suffixes]


def test_a_crash_in_the_middle_of_a_build_leaves_the_previous_outputs_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rapportextract.batch import build

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good-2016.pdf").write_bytes((BROKEN / "good-2016.pdf").read_bytes())
    out = tmp_path / "out"
    build([inputs], out, use_cache=False, workers=1)
    before = snapshot(out)
    assert {"facts.json", "series.json", "series.csv", "datapackage.json"} <= set(before)

    (inputs / "verslag-2017.txt").write_text(REPORT_2017, encoding="utf-8")
    calls = fail_on_flush(monkeypatch, after=1)
    with pytest.raises(OSError, match="No space left"):
        build([inputs], out, use_cache=False, workers=1)
    assert len(calls) == 2  # the first output went through, the second failed

    after = snapshot(out)
    assert set(after) == set(before)
    changed = [name for name in after if after[name] != before[name]]
    # Only the file written before the crash is new, and it is whole.
    assert changed == ["facts.json"]
    names = [d["name"] for d in json.loads(after["facts.json"])["documents"]]
    assert sorted(names) == ["good-2016.pdf", "verslag-2017.txt"]
    assert not leftovers(out)


def test_a_crash_while_extract_writes_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "feiten.json"
    assert main(["extract", str(BROKEN / "good-2016.pdf"), "-o", str(out), "--quiet"]) == 0
    before = out.read_bytes()
    fail_on_flush(monkeypatch, after=0)
    # The CLI reports the failed write in one line (exit 1) instead of a traceback.
    assert main(["extract", str(BROKEN / "cp1252-2016.txt"), "-o", str(out), "--quiet"]) == 1
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["feiten.json"]


def test_a_crash_while_text_writes_leaves_earlier_and_previous_files_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "a-2016.txt"
    second = tmp_path / "b-2016.txt"
    first.write_text(REPORT_2017.replace("2017", "2016"), encoding="utf-8")
    second.write_text(REPORT_2017, encoding="utf-8")
    outdir = tmp_path / "uit"
    outdir.mkdir()
    (outdir / "b-2016.txt").write_text("vorige versie\n", encoding="utf-8")

    fail_on_flush(monkeypatch, after=1)
    # The CLI reports the failed write in one line (exit 1) instead of a traceback.
    assert main(["text", str(first), str(second), "-o", str(outdir), "--quiet"]) == 1
    written = (outdir / "a-2016.txt").read_text(encoding="utf-8")
    assert "HUISUITZETTINGEN 2016" in written and written.rstrip().endswith("ontruimingen.")
    assert (outdir / "b-2016.txt").read_text(encoding="utf-8") == "vorige versie\n"
    assert sorted(p.name for p in outdir.iterdir()) == ["a-2016.txt", "b-2016.txt"]


def test_a_crash_while_drawing_leaves_no_half_image(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir = tmp_path / "plaatjes"
    assert main(["draw", str(BROKEN / "good-2016.pdf"), "-o", str(outdir), "--quiet"]) == 0
    before = snapshot(outdir)
    assert sorted(before) == ["good-2016-p1.png", "good-2016-p2.png"]
    (outdir / "good-2016-p2.png").write_bytes(b"previous")
    fail_on_flush(monkeypatch, after=1)
    # The CLI reports the failed write in one line (exit 1) instead of a traceback.
    assert main(["draw", str(BROKEN / "good-2016.pdf"), "-o", str(outdir), "--quiet"]) == 1
    assert (outdir / "good-2016-p2.png").read_bytes() == b"previous"
    assert (outdir / "good-2016-p1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not leftovers(outdir)
    assert sorted(p.name for p in outdir.iterdir()) == ["good-2016-p1.png", "good-2016-p2.png"]
