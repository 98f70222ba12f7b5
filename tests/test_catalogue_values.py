"""Catalogue keys `values` (the range a concept's levels can take) and `data_year`."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rapportextract.catalogue import load_catalogue, parse_catalogue_text
from rapportextract.errors import CatalogueError

_ENTRY = """
[[concept]]
id = "waiting_list"
unit = "count"
{extra}
  [[concept.signal]]
  head = ["wachtlijst"]
"""


def test_values_bound_a_level_but_not_a_change() -> None:
    concepts, _ = parse_catalogue_text(_ENTRY.format(extra="values = [10, 5000]"), "own.toml")
    concept = concepts[0]
    assert concept.values == (Decimal(10), Decimal(5000))
    assert concept.fits_value(Decimal(10)) and concept.fits_value(Decimal(5000))
    assert not concept.fits_value(Decimal(5001))
    assert concept.fits_value(Decimal(5001), kind="change")


@pytest.mark.parametrize("values", ["[10]", "[5000, 10]", "['a', 'b']", "7"])
def test_malformed_values_name_the_file(values: str) -> None:
    with pytest.raises(CatalogueError) as err:
        parse_catalogue_text(_ENTRY.format(extra=f"values = {values}"), "own.toml")
    assert "own.toml" in str(err.value) and "values" in str(err.value)


def test_survey_concepts_are_dated_by_the_data_year() -> None:
    catalogue = load_catalogue()
    marked = {c.id for c in catalogue if c.data_year}
    assert "survey_respondents_corporations" in marked
    assert "evictions_total" not in marked
