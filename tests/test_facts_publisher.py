"""Who publishes a document sets the scope of its figures that name no one else
(facts/publisher.py): the title lines of tests/cases/publisher.yaml, then whole documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.facts.publisher import publisher_in
from rapportextract.models import Fact
from rapportextract.pipeline import extract
from rapportextract.series import build_series

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "publisher.yaml")
                       .read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["names_the_publisher"],
                         ids=[c["id"] for c in CASES["names_the_publisher"]])
def test_title_line_names_the_publisher(case: dict[str, Any]) -> None:
    found = publisher_in(case["line"])
    assert found is not None
    assert (found.scope, found.name) == (case["scope"], case["name"])


@pytest.mark.parametrize("case", CASES["names_none"], ids=[c["id"] for c in CASES["names_none"]])
def test_title_line_names_no_publisher(case: dict[str, Any]) -> None:
    assert publisher_in(case["line"]) is None


def _facts(tmp_path: Path, text: str, edition: int) -> dict[str, Fact]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return {f.source.text: f for f in extract(path, edition=edition).facts if not f.derived}


CORPORATION = """Jaarverslag 2022 Woonstichting Kempenhof

In 2022 zetten wij 7 huurders uit hun woning. Het aantal huurders met een betalingsregeling \
kwam uit op 312.

Landelijk ging het om ruim 2.900 ontruimingen.
"""


def test_a_corporations_report_is_about_the_corporation(tmp_path: Path) -> None:
    facts = _facts(tmp_path, CORPORATION, 2023)
    # its own voice and a sentence that names nobody: the publisher, by name
    for figure in ("7", "312"):
        assert (facts[figure].scope, facts[figure].scope_name) == ("organisation", "Kempenhof")
    assert any("the publisher" in d for d in facts["312"].diagnostics)
    # a sentence with a national cue stays national
    assert facts["ruim 2.900"].scope == "national"
    # and only that one enters a series
    series = build_series(list(facts.values()))
    assert series.left_out_scope == 2


def test_a_municipalitys_accounts_are_about_its_region(tmp_path: Path) -> None:
    text = ("Jaarrekening 2021 gemeente Oudewater\n\n"
            "Aan 1.210 huishoudens is in 2021 kwijtschelding verleend.\n")
    fact = _facts(tmp_path, text, 2022)["1.210"]
    assert (fact.scope, fact.scope_name) == ("region", "gemeente Oudewater")


def test_a_report_on_the_sector_stays_national(tmp_path: Path) -> None:
    text = ("HUURSCHULDEN EN HUISUITZETTINGEN 2024\n\n"
            "Corporaties zetten in 2023 ongeveer 2.900 huishoudens uit hun woning. "
            "We zien dat 4.100 huurders een regeling kregen.\n")
    facts = _facts(tmp_path, text, 2024)
    assert facts["ongeveer 2.900"].scope == "national"
    assert facts["4.100"].scope == "national"
