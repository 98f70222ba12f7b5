"""The Dutch figure data files: loaded once, validated, and number words built by rule."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dutch_number_words import dutch_words
from rapportextract.errors import LanguageDataError
from rapportextract.lang import nl
from rapportextract.lang.nl import files as nl_files
from rapportextract.quantities import parse_number_word

FILES = [
    "numbers.toml", "scales.toml", "units.toml", "fractions.toml", "ratios.toml",
    "qualifiers.toml", "changes.toml", "contexts.toml", "skips.toml",
]


def test_load_is_cached_and_complete() -> None:
    data = nl.load()
    assert data is nl.load()
    assert data.scales["miljoen"] == 1_000_000
    assert data.scales["mld"] == 1_000_000_000
    assert set(data.qualifiers) == set(nl.QUALIFIER_NAMES)
    assert "ruim" in data.qualifiers["more_than"]
    assert data.fractions.denominators["kwart"] == 4


@pytest.mark.parametrize("name", FILES)
def test_every_data_file_names_its_source(name: str) -> None:
    head = (nl.DATA_DIR / name).read_text(encoding="utf-8").splitlines()[:12]
    assert head[0].startswith("#")
    assert any("Source:" in line for line in head)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in FILES:
        shutil.copy(nl.DATA_DIR / name, tmp_path / name)
    monkeypatch.setattr(nl_files, "DATA_DIR", tmp_path)
    return tmp_path


def _load_uncached() -> nl.DutchData:
    return nl.load.__wrapped__()


def test_copy_of_the_data_loads(data_copy: Path) -> None:
    assert _load_uncached().scales == nl.load().scales


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("scales.toml", "miljoen = 1000000", "miljoen = 1000000 =", "not valid TOML"),
        ("scales.toml", "miljoen = 1000000", 'miljoen = "veel"', "[scales]"),
        ("scales.toml", "[scales]", "[schalen]", "[scales] is missing"),
        ("qualifiers.toml", '"hooguit",', '"hooguit", "ruim",', "also in more_than"),
        ("qualifiers.toml", "at_most = [", "at_nearly = [", "unknown qualifier"),
        ("fractions.toml", 'driekwart = "75"', 'driekwart = "175"', "between 0 and 100"),
        ("fractions.toml", 'driekwart = "75"', 'driekwart = "drie"', "not a decimal"),
        ("contexts.toml", "first = 1990", "first = 2090", "last must not be before first"),
        ("units.toml", 'unit = "EUR"', 'unit = "USD"', "must be \\\"EUR\\\""),
        ("changes.toml",
         'decrease_particles = ["af", "terug", "omlaag", "achteruit", "op achteruit", '
         '"erop achteruit", "naar beneden"]',
         "decrease_particles = []", "non-empty list"),
        ("numbers.toml", 'twee = 2', 'twee = 2\n" " = 3', "entry"),
        ("changes.toml", '"daalde", "daalden", "daalt", "zakte"',
         '"bloeide", "daalden", "daalt", "zakte"', "neither"),
    ],
)
def test_malformed_data_raises_one_line_error(
    data_copy: Path, name: str, old: str, new: str, message: str
) -> None:
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LanguageDataError) as caught:
        _load_uncached()
    line = str(caught.value)
    assert "\n" not in line
    assert name in line
    assert message.replace("\\", "") in line


def test_missing_file_raises(data_copy: Path) -> None:
    (data_copy / "ratios.toml").unlink()
    with pytest.raises(LanguageDataError, match=r"ratios\.toml: language data file is missing"):
        _load_uncached()


def test_read_toml_for_other_files() -> None:
    assert nl.read_toml("scales.toml")["scales"]["mln"] == 1_000_000


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 999_999))
def test_number_words_built_by_rule_read_back(n: int) -> None:
    assert parse_number_word(dutch_words(n)) == Decimal(n)


@pytest.mark.parametrize(
    ("word", "value"),
    [("drieëntwintig", 23), ("veertienhonderd", 1400), ("vijfenhalfduizend", 5500),
     ("zevenduizend", 7000), ("anderhalf", "1.5"), ("tweeënhalf", "2.5"), ("éénduizend", 1000),
     ("honderdentwee", 102), ("duizenden", None), ("tweede", None), ("vijfde", None)],
)
def test_number_word_values(word: str, value: int | str | None) -> None:
    expected = None if value is None else Decimal(value)
    assert parse_number_word(word) == expected
