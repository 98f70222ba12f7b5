"""Held-out editions (tests/heldout/): report texts in the wording of other editions, written
and annotated before the extractor was run on them. The floors sit just below the last
measurement (tests/heldout/README.md), so a change that loses generalisation fails here.

Two runs: as a user runs the pipeline (edition read from the title, series by `build`), and
with each edition given (as `--edition` gives it), which measures facts and series apart from
edition detection.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from heldout_editions import Measurement, edition_files, measure
from rapportextract.ingest import read_document

# Measured 2026-11-26 after the fixes (README): pipeline run, then edition given.
PIPELINE_FLOORS = {"precision": 0.97, "recall": 0.97, "period": 0.97, "concept": 0.95,
                   "core_concept": 0.97, "vintage_coverage": 0.97}
EDITION_GIVEN_FLOORS = {"precision": 0.97, "recall": 0.97, "period": 0.97, "concept": 0.95,
                        "core_concept": 0.97, "vintage_coverage": 0.97}


@pytest.fixture(scope="module")
def pipeline_run(tmp_path_factory: pytest.TempPathFactory) -> Measurement:
    return measure(tmp_path_factory.mktemp("heldout-build"))


@pytest.fixture(scope="module")
def edition_given_run(tmp_path_factory: pytest.TempPathFactory) -> Measurement:
    return measure(tmp_path_factory.mktemp("heldout-series"), edition_given=True)


def test_heldout_set_is_complete() -> None:
    editions = [edition for edition, _, _ in edition_files()]
    assert editions == [2006, 2007, 2008, 2009, 2010, 2011, 2012, 2014, 2016, 2018, 2020]
    for _, text, gold in edition_files():
        assert gold.is_file(), f"no gold for {text.name}"
        assert "\f" in text.read_text(encoding="utf-8"), f"{text.name} has one page only"


def _check(run: Measurement, floors: dict[str, float]) -> None:
    numbers = run.numbers()
    below = {k: round(numbers[k], 3) for k, floor in floors.items() if numbers[k] < floor}
    assert not below, (f"below the floor: {below} (floors {floors})\n"
                       f"{run.report.to_text()}\nmissing vintages: {run.coverage.missing}")


@pytest.mark.slow
def test_pipeline_on_heldout_editions(pipeline_run: Measurement) -> None:
    assert len(pipeline_run.coverage.wanted) >= 100
    _check(pipeline_run, PIPELINE_FLOORS)


def test_heldout_editions_with_edition_given(edition_given_run: Measurement) -> None:
    assert len(edition_given_run.coverage.wanted) >= 100
    _check(edition_given_run, EDITION_GIVEN_FLOORS)


# A title block may name the data year ('over 2008', 'Huisuitzettingen in 2009') before or
# beside the publication year ('Jaarrapportage 2010'): the edition is the publication year.
@pytest.mark.parametrize("edition", [2009, 2010, 2014])
def test_edition_from_a_title_with_a_data_year_subtitle(edition: int) -> None:
    path = Path(__file__).parent / "heldout" / "editions" / f"huurachterstanden-{edition}.txt"
    assert read_document(path).edition == edition
