"""The compiled patterns kept between runs (`patterncache`): read back, they match as the
patterns compiled anew do; a damaged or missing cache file only means compiling again."""

from __future__ import annotations

import json
import re
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


# --- the standard library's `re` ------------------------------------------------------------

PERIOD_TEXTS = [
    "In de eerste helft van 2023 waren het er 1.200, tegen 1.100 in dezelfde periode vorig jaar.",
    "Van januari tot en met mei 2022 (vijf maanden) liep het aantal op; sinds 2019 daalt het.",
    "Over het derde kwartaal: ruim 14 procent meer dan een jaar eerder, in 2020 nog minder.",
    "Geen jaartal hier, wel een komma, een puntkomma; en een dubbele punt: klaar.",
]


@pytest.fixture
def fresh_re(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(patterncache, "_known_re", None)
    monkeypatch.setattr(patterncache, "_new_re", False)
    return fresh


def _period_patterns(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The patterns the period reader compiles, as it compiles them."""
    from rapportextract.periods import words

    seen: list[tuple[str, int]] = []

    def noting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        seen.append((pattern, flags))
        return re.compile(pattern, flags)

    with monkeypatch.context() as patch:
        patch.setattr(words, "compile_std", noting)
        words.load_period_words()
    assert len(seen) > 20
    return seen


def _re_matches(p: re.Pattern[str]) -> list[list[tuple[tuple[int, int], dict[str, str | None]]]]:
    return [[(m.span(), m.groupdict()) for m in p.finditer(t)] for t in PERIOD_TEXTS]


def test_re_patterns_read_back_are_the_patterns_compiled_anew(
    fresh_re: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = _period_patterns(monkeypatch)
    first = [patterncache.compile_std(p, f) for p, f in patterns]
    patterncache._save_re()
    path = patterncache.re_cache_file()
    assert path is not None and path.is_file()
    patterncache._known_re = None  # as a new process
    again = [patterncache.compile_std(p, f) for p, f in patterns]
    assert len(patterncache._load_re()) == len(set(patterns))
    some_match = False
    for (pattern, flags), one, other in zip(patterns, first, again, strict=True):
        anew = re.compile(pattern, flags)
        assert (other.pattern, other.flags, other.groups, other.groupindex) == (
            anew.pattern, anew.flags, anew.groups, anew.groupindex)
        assert _re_matches(other) == _re_matches(one) == _re_matches(anew)
        some_match = some_match or any(_re_matches(anew))
    assert some_match


def test_a_damaged_re_cache_means_compiling_again(fresh_re: Path) -> None:
    path = patterncache.re_cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{\"sha256\": \"0\", \"patterns\": [[\"x\", 0, 1]]}")
    p = patterncache.compile_std(r"(?P<j>(?:19|20)\d{2})", re.IGNORECASE)
    assert p.findall("in 2019 en 2020") == ["2019", "2020"]
    with pytest.raises(re.error):  # a bad pattern is the error re gives
        patterncache.compile_std("(", 0)


def test_unsound_code_under_a_right_checksum_means_compiling_again(fresh_re: Path) -> None:
    import hashlib

    pattern = r"(?P<j>(?:19|20)\d{2})"
    body = json.dumps([[pattern, 2, 34, [99, 1, 2, 3], 1, {"j": 1}, [None, "j"]]]).encode()
    path = patterncache.re_cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    assert (pattern, 2) in patterncache._load_re()  # read, but its code is refused
    p = patterncache.compile_std(pattern, re.IGNORECASE)
    assert p.findall("in 2019 en 2020") == ["2019", "2020"]


def test_the_re_cache_is_off_with_the_other(fresh_re: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORTEXTRACT_PATTERN_CACHE", "0")
    assert patterncache.compile_std(r"\d+", 0).findall("1 22") == ["1", "22"]
    patterncache._save_re()
    assert patterncache.re_cache_file() is None
    assert not any(fresh_re.iterdir())


def test_an_entry_for_another_pattern_under_a_right_checksum_is_compiled_anew(
    fresh: Path,
) -> None:
    import hashlib

    body = json.dumps([[PATTERN, int(FLAGS), {"t": ["een ander patroon", 0]}]]).encode()
    path = patterncache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    assert (PATTERN, int(FLAGS)) in patterncache._load()  # read; decoded when asked for
    p = patterncache.compile_cached(PATTERN, FLAGS)
    assert _spans(p) == _spans(regex.compile(PATTERN, FLAGS))
