"""Every stage's Dutch words come through one reader: a damaged file fails the same way."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rapportextract.errors import LanguageDataError
from rapportextract.lang.nl import files as nl_files
from rapportextract.lang.nl import skipwords, stems, words
from rapportextract.lang.nl.stems import StemRule, stem

LOADERS: list[tuple[str, str, Callable[[], object]]] = [
    ("layout.toml", "[captions]", words.layout_words.__wrapped__),
    ("charts.toml", "[captions]", words.chart_words.__wrapped__),
    ("abbreviations.toml", "abbreviations =", words.abbreviations.__wrapped__),
    ("cues.toml", "[continuation]", words.cue_words.__wrapped__),
    ("periods.toml", "[words]", words.read_period_words),
    ("series.toml", "[linking]", words.linking_words.__wrapped__),
    ("stopwords.toml", "words =", words.stop_words.__wrapped__),
    ("stems.toml", "[rules.linking]", stems.stem_rules.__wrapped__),
    ("skips.toml", "[thresholds]", skipwords.read_skip_words),
]


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for path in nl_files.DATA_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(nl_files, "DATA_DIR", tmp_path)
    return tmp_path


@pytest.mark.parametrize(("name", "key", "loader"), LOADERS, ids=[n for n, _, _ in LOADERS])
def test_each_loader_reads_the_packaged_file(name: str, key: str,
                                             loader: Callable[[], object]) -> None:
    assert loader()


@pytest.mark.parametrize(("name", "key", "loader"), LOADERS, ids=[n for n, _, _ in LOADERS])
def test_a_damaged_file_gives_one_line_naming_it(
    data_copy: Path, name: str, key: str, loader: Callable[[], object]
) -> None:
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert key in text
    damaged = key.replace("[", "[renamed_") if key.startswith("[") else "renamed ="
    path.write_text(text.replace(key, damaged, 1), encoding="utf-8")
    with pytest.raises(LanguageDataError) as caught:
        loader()
    message = str(caught.value)
    assert name in message
    assert "\n" not in message


@pytest.mark.parametrize(("word", "expected"), [
    ("vonnissen", "vonnis"),          # plural, then the doubled consonant halved
    ("studies", "studie"),            # a loanword's -ies
    ("regelingen", "regeling"),
    ("huur", "huur"),                 # short words stay
    ("corporaties", "corporatie"),
])
def test_statement_key_stems(word: str, expected: str) -> None:
    assert stem(word, stems.stem_rules()["statement_keys"]) == expected


def test_the_linking_rule_keeps_doubled_consonants() -> None:
    rule = stems.stem_rules()["linking"]
    assert rule == StemRule(suffixes=("en", "s", "e"), min_stem=4, plural_ies=False,
                            undouble=False)
    assert stem("vonnissen", rule) == "vonniss"


def test_chart_scales_are_the_prose_scales_plus_the_numerals_after_a_marker() -> None:
    prose = nl_files.DataFile("scales.toml").int_table("scales", minimum=2)
    chart = words.chart_words().scales
    assert {k.lower(): v for k, v in prose.items()}.items() <= chart.items()
    assert chart["1.000"] == 1000
