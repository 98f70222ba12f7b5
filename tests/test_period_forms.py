"""One month is written `YYYY-MM/YYYY-MM` in every output (FACTS-SPEC section 3); the short
`YYYY-MM` of earlier versions is read as the same month wherever periods are read in."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from pydantic import ValidationError

from rapportextract.evaluate.gold import GoldFact
from rapportextract.facts.pairs import start_period
from rapportextract.model_base import (
    PERIOD_PATTERN,
    canonical_period,
    month_period,
    single_month,
)
from rapportextract.models import Fact, Observation, Source
from rapportextract.periods.months import months_of, shifted_months
from rapportextract.periods.scope import derived_scope, moves_paragraph
from rapportextract.review.decisions import clean_fields
from rapportextract.schema import facts_schema, series_schema
from rapportextract.series import is_annual, period_bounds, period_position


def _fact(period: str, base_period: str | None = None) -> Fact:
    return Fact(id="f1", document="r.txt", edition=2022, subject="huurders",
                value=Decimal(41), unit="count", period=period, base_period=base_period,
                kind="change" if base_period else "level", confidence=1.0,
                source=Source(page=1, sentence="In maart waren het er 41.", text="41",
                              start=22, end=24))


@pytest.mark.parametrize(("given", "written"), [
    ("2021-03", "2021-03/2021-03"),
    ("2021-03/2021-03", "2021-03/2021-03"),
    ("2021-01/2021-10", "2021-01/2021-10"),
    ("2021", "2021"),
    ("2021-Q2", "2021-Q2"),
    ("2021-H1", "2021-H1"),
    ("2021-early", "2021-early"),
])
def test_one_month_is_the_stretch_to_itself(given: str, written: str) -> None:
    assert canonical_period(given) == written
    assert _fact(given).period == written


def test_both_fields_of_a_fact_and_an_observation_are_written_so() -> None:
    fact = _fact("2022-05", "2022-04")
    assert (fact.period, fact.base_period) == ("2022-05/2022-05", "2022-04/2022-04")
    assert json.loads(fact.model_dump_json())["period"] == "2022-05/2022-05"
    obs = Observation(period="2022-05", base_period="2021-05", value=Decimal(1),
                      status="reported", edition=2022, fact_ids=["f1"], vintages=[])
    assert (obs.period, obs.base_period) == ("2022-05/2022-05", "2021-05/2021-05")


@pytest.mark.parametrize("period", ["2021-13", "21", "2021-Q5", "2021-3", "2021/2022", ""])
def test_a_period_outside_the_contract_is_refused(period: str) -> None:
    with pytest.raises(ValidationError):
        _fact(period)


def test_the_schemas_carry_the_pattern() -> None:
    facts = facts_schema()["$defs"]["Fact"]["properties"]
    assert facts["period"]["pattern"] == PERIOD_PATTERN
    assert facts["base_period"]["anyOf"][0]["pattern"] == PERIOD_PATTERN
    observation = series_schema()["$defs"]["Observation"]["properties"]
    assert observation["period"]["pattern"] == PERIOD_PATTERN
    assert re.fullmatch(PERIOD_PATTERN, "2021-10/2022-03")
    assert not re.fullmatch(PERIOD_PATTERN, "2021-10")


def test_gold_written_short_matches_the_month() -> None:
    gold = GoldFact(edition=2021, anchor="18%", value=Decimal(18), unit="percent",
                    period="2021-03")
    assert gold.period == "2021-03/2021-03"


def test_a_reviewer_may_write_a_month_short() -> None:
    assert clean_fields("correct", {"period": "2021-03"}) == {"period": "2021-03/2021-03"}
    with pytest.raises(ValueError, match="period"):
        clean_fields("correct", {"period": "maart 2021"})


@pytest.mark.parametrize("month", ["2021-03", "2021-03/2021-03"])
def test_readers_take_either_form(month: str) -> None:
    assert single_month(month) == (2021, 3)
    assert months_of(month) == (2021 * 12 + 2, 2021 * 12 + 2)
    assert period_bounds(month) == (2021, 3, 3)
    assert period_position(month) == pytest.approx(2021 - 0.5 + 5 / 24)  # the middle of March
    assert not is_annual(month)
    assert start_period(month, None) == "2021-02/2021-02"
    assert shifted_months(month, -3) == "2020-12/2020-12"
    # a single month of the data year does not move the paragraph; one of the edition year does
    assert not moves_paragraph(month, 2022)
    assert moves_paragraph(month, 2021)
    assert derived_scope(month, 2021) == month


def test_longer_stretches_are_no_single_month() -> None:
    assert single_month("2021-03/2021-04") is None
    assert single_month("2021-03/2022-03") is None
    assert single_month("2021") is None
    assert month_period(2021, 12) == "2021-12/2021-12"
    assert start_period("2021-01/2021-01", None) == "2020-12/2020-12"
    assert moves_paragraph("2021-01/2021-09", 2022)
