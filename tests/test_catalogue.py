"""The concept catalogue: every spec id present, rewording survives, user files extend it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.catalogue import load_catalogue, parse_catalogue_text
from rapportextract.errors import CatalogueError

CASES = Path(__file__).parent / "cases" / "concepts.yaml"
SPEC = Path(__file__).resolve().parents[2] / "shared" / "FACTS-SPEC.md"

CORE = [
    "evictions_total", "court_judgments_total", "total_rent_arrears_eur", "tenants_with_arrears",
    "rent_arrears_share_of_rent_income_pct", "share_evictions_rent_arrears_pct",
    "share_evictions_single_persons_pct", "share_evictions_households_with_children_pct",
    "share_judgments_leading_to_eviction_pct", "share_judgments_not_executed_pct",
    "payment_arrangement_requests", "payment_arrangements_agreed",
    "survey_respondents_corporations", "survey_coverage_stock_pct",
    "share_arrears_longer_than_3_months_pct",
]
ALSO = [
    "court_judgments_rent_arrears", "evictions_rent_arrears", "evictions_nuisance",
    "evictions_cannabis", "share_evictions_nuisance_pct", "share_evictions_cannabis_pct",
    "share_evictions_housing_fraud_pct", "share_arrangement_requests_granted_pct",
    "rent_arrears_current_tenants_eur", "rent_arrears_departed_tenants_eur",
    "share_arrears_1_to_3_months_pct", "survey_respondent_dwellings",
    "share_terminations_forced_eviction_pct", "share_terminations_keys_returned_pct",
]


@pytest.fixture(scope="module")
def catalogue() -> Any:
    return load_catalogue()


def test_every_spec_id_is_in_the_catalogue(catalogue: Any) -> None:
    missing = [i for i in CORE + ALSO if i not in catalogue]
    assert missing == []
    assert all(catalogue[i].core for i in CORE)
    for concept in catalogue:
        assert concept.label_nl and concept.label_en and concept.unit in ("EUR", "count", "percent")


def test_spec_section_5_ids_agree_with_this_test() -> None:
    if not SPEC.exists():
        pytest.skip("FACTS-SPEC.md not present next to the repository")
    section = SPEC.read_text(encoding="utf-8").split("## 5.")[1].split("## 6.")[0]
    ids = {i for i in re.findall(r"`([a-z][a-z0-9_]+)`", section) if "_" in i}
    assert ids == set(CORE + ALSO)


def _cases() -> list[Any]:
    groups = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"{g}/{c['id']}") for g, cases in groups.items() for c in cases]


@pytest.mark.parametrize("case", _cases())
def test_concept_case(catalogue: Any, case: dict[str, Any]) -> None:
    position = None
    if "figure" in case:
        start = case["text"].index(case["figure"])
        position = (start, start + len(case["figure"]))
    match = catalogue.match(case["text"], unit=case["unit"], kind=case.get("kind"),
                            position=position)
    assert (match.id if match else None) == case["concept"]


def test_head_nearest_the_figure_wins_between_equally_specific_concepts(catalogue: Any) -> None:
    text = "Van de 3.900 vonnissen wegens huurachterstand leiden er 1.000 tot een huisuitzetting"
    first = text.index("3.900")
    second = text.index("1.000")
    assert catalogue.match(text, unit="count", position=(first, first + 5)).id == (
        "court_judgments_rent_arrears"
    )
    assert catalogue.match(text, unit="count", position=(second, second + 5)).id == (
        "evictions_rent_arrears"
    )


def test_user_file_adds_a_concept_and_extends_one(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[concept]]\nid = "evictions_total"\nunit = "count"\n'
        '[[concept.signal]]\nhead = ["woninguitplaatsing*"]\n\n'
        '[[concept]]\nid = "debt_counselling_referrals"\nlabel_nl = "Doorverwijzingen"\n'
        'label_en = "Referrals"\nunit = "count"\n'
        '[[concept.signal]]\nhead = ["doorverwez*", "doorverwijzing*"]\nalso = [["schuldhulp*"]]\n',
        encoding="utf-8",
    )
    catalogue = load_catalogue(extra)
    for word in ("woninguitplaatsingen", "huisuitzettingen"):
        match = catalogue.match(word, unit="count")
        assert match is not None and match.id == "evictions_total"
    hit = catalogue.match("corporaties verwezen door naar schuldhulp: doorverwijzingen",
                          unit="count")
    assert hit is not None and hit.id == "debt_counselling_referrals"
    assert len(catalogue) == len(load_catalogue()) + 1


@pytest.mark.parametrize(
    "content, words",
    [
        pytest.param("[[concept]\nid = 'x'", "not valid TOML", id="syntax"),
        pytest.param("title = 'nothing here'\n", "no [[concept]]", id="no-concepts"),
        pytest.param("[[concept]]\nid = 'x'\nunit = 'kg'\n[[concept.signal]]\nhead = ['a']\n",
                     "unit", id="bad-unit"),
        pytest.param("[[concept]]\nid = 'x'\nunit = 'count'\n", "signal", id="no-signal"),
        pytest.param("[[concept]]\nid = 'x'\nunit = 'count'\n[[concept.signal]]\nhead = 'a'\n",
                     "head", id="head-not-list"),
        pytest.param("[[concept]]\nid = 'Bad Id'\nunit = 'count'\n", "id", id="bad-id"),
        pytest.param("[[concept]]\nid = 'evictions_total'\nunit = 'EUR'\n"
                     "[[concept.signal]]\nhead = ['a']\n", "unit", id="unit-conflict"),
        pytest.param("[[concept]]\nid = 'x'\nunit = 'count'\ncolour = 'red'\n"
                     "[[concept.signal]]\nhead = ['a']\n", "unknown", id="unknown-key"),
    ],
)
def test_malformed_user_file_raises_catalogue_error(tmp_path: Path, content: str,
                                                    words: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(extra)
    message = str(err.value)
    assert str(extra) in message and words in message and "\n" not in message


def test_missing_user_file_raises_catalogue_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "absent.toml")


def test_published_metrics_are_in_the_catalogue_or_corporation_statements(
    catalogue: Any,
) -> None:
    figures = SPEC.parent / "data" / "published_figures.csv"
    if not figures.exists():
        pytest.skip("shared/data/published_figures.csv not present next to the repository")
    import csv

    with figures.open(encoding="utf-8") as handle:
        metrics = {row["metric"] for row in csv.DictReader(handle)}
    # Findings about corporations' own practice stay statements (see concepts.toml).
    outside = {m for m in metrics if m not in catalogue}
    assert outside and all(m.startswith("share_corporations_") for m in outside)


def test_counts_names_what_a_count_of_the_concept_counts() -> None:
    text = """
[[concept]]
id = "referrals"
unit = "count"
counts = ["people"]
  [[concept.signal]]
  head = ["doorverwezen"]
"""
    concepts, _ = parse_catalogue_text(text, "extra.toml")
    referrals = concepts[0]
    assert referrals.counts == ("people",)
    assert referrals.counts_class("people") and referrals.counts_class(None)
    assert not referrals.counts_class("organisations")
    packaged = load_catalogue()
    assert packaged["evictions_total"].counts_class("dwellings")
    assert not packaged["tenants_with_arrears"].counts_class("dwellings")
