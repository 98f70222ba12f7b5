"""The compiled patterns kept between runs (`patterncache`): read back, they match as the
patterns compiled anew do; a damaged or missing cache file only means compiling again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from rapportextract import patterncache
from rapportextract.quantities.phrases import FLAGS

PATTERN = r"(?<!\w)(?:twaalfhonderd|dertien|straße)\s+(?P<n>\d+(?:\.\d{3})*)"
TEXTS = ["Er waren DERTIEN 1.200 zaken", "twaalfhonderd 14", "STRASSE 5", "geen getal"]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("RAPPORTEXTRACT_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(patterncache, "_known", None)
    monkeypatch.setattr(patterncache, "_new", False)
    monkeypatch.setattr(patterncache.atexit, "register", lambda fn: None)
    return tmp_path


def _spans(p: regex.Pattern[str]) -> list[list[tuple[int, int, str]]]:
    return [[(*m.span(), m.group("n")) for m in p.finditer(t)] for t in TEXTS]


def test_a_pattern_read_back_matches_as_one_compiled_anew(fresh: Path) -> None:
    first = patterncache.compile_cached(PATTERN, FLAGS)
    patterncache._save()
    path = patterncache.cache_file()
    assert path is not None and path.is_file()
    patterncache._known = None  # as a new process
    again = patterncache.compile_cached(PATTERN, FLAGS)
    assert (PATTERN, int(FLAGS)) in patterncache._load()
    assert _spans(again) == _spans(first) == _spans(regex.compile(PATTERN, FLAGS))
    assert _spans(again)[2] == [(0, 9, "5")]  # full case folding kept: STRASSE is straße


def test_a_damaged_cache_file_means_compiling_again(fresh: Path) -> None:
    path = patterncache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{\"sha256\": \"0\", \"patterns\": []}")
    p = patterncache.compile_cached(PATTERN, FLAGS)
    assert _spans(p) == _spans(regex.compile(PATTERN, FLAGS))


def test_the_cache_can_be_turned_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORTEXTRACT_PATTERN_CACHE", "0")
    patterncache.compile_cached(PATTERN, FLAGS)
    patterncache._save()
    assert patterncache.cache_file() is None
    assert not any(fresh.iterdir())


def test_a_full_cache_keeps_only_the_patterns_of_the_last_run(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterncache, "_LIMIT", 1)
    monkeypatch.setattr(patterncache, "_used", set())
    patterncache.compile_cached(r"oud\d+", FLAGS)
    patterncache._save()
    patterncache._known = None
    patterncache._used.clear()  # a new process, which compiles two other patterns
    patterncache.compile_cached(r"nieuw\d+", FLAGS)
    patterncache.compile_cached(PATTERN, FLAGS)
    patterncache._save()
    patterncache._known = None
    assert set(patterncache._load()) == {(r"nieuw\d+", int(FLAGS)), (PATTERN, int(FLAGS))}


def test_the_compiled_code_is_written_as_json_and_read_back_with_its_types() -> None:
    p = regex.compile(r"(?P<n>\d+)\s+\L<woorden>", FLAGS, woorden=["zaken", "huurders"])
    data = p._pickled_data
    back = patterncache._decode(json.loads(json.dumps(patterncache._encode(data))))
    assert back == data
    assert [type(v) for v in back] == [type(v) for v in data]
    found = patterncache._build(back).finditer("12 zaken, 3 HUURDERS")
    assert [m.group() for m in found] == ["12 zaken", "3 HUURDERS"]
