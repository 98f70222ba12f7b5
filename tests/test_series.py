"""Series: vintages, headline rule, conflicts by rounding, change series, statement linking."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapportextract.models import Fact, Qualifier, Series, SeriesFile, Source, Unit
from rapportextract.series import (
    DEFAULT_THRESHOLD,
    build_series,
    in_conflict,
    period_position,
    period_sort_key,
    rounding,
    slug,
    statement_similarity,
    statement_tokens,
    statement_weights,
)


def fact(
    fid: str,
    edition: int,
    value: str,
    text: str,
    *,
    concept: str | None = "total_rent_arrears_eur",
    unit: Unit = "EUR",
    period: str = "2020",
    qualifier: Qualifier = "exact",
    derived: bool = False,
    confidence: float = 0.9,
    kind: str = "level",
    base_period: str | None = None,
    statement: str | None = None,
    page: int = 3,
) -> Fact:
    return Fact(
        id=fid,
        document=f"huurschulden-{edition}.txt",
        edition=edition,
        concept=concept,
        subject="onderwerp",
        value=Decimal(value),
        unit=unit,
        period=period,
        qualifier=qualifier,
        kind=kind,
        base_period=base_period,
        derived=derived,
        confidence=confidence,
        statement=statement,
        source=Source(page=page, sentence=f"Zin met {text}.", text=text, start=9,
                      end=9 + len(text)),
    )


def only(series_file: SeriesFile, series_id: str) -> Series:
    matches = [s for s in series_file.series if s.id == series_id]
    assert len(matches) == 1, [s.id for s in series_file.series]
    return matches[0]


# --- rounding and conflicts -------------------------------------------------------------------

ROUNDING_CASES = [
    # (text, value, unit, qualifier, expected rounding)
    ("€ 226 miljoen", "226000000", "EUR", "exact", "500000"),
    ("€ 1,2 miljoen", "1200000", "EUR", "exact", "50000"),
    ("1,1%", "1.1", "percent", "exact", "0.05"),
    ("117.000", "117000", "count", "exact", "0.5"),
    ("zo'n 23.000", "23000", "count", "approx", "500"),
    ("circa 25%", "25", "percent", "approx", "0.5"),
    ("7 op de 10", "70", "percent", "approx", "5"),
    ("een kwart", "25", "percent", "approx", "5"),
    ("drieduizend", "3000", "count", "exact", "500"),
]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "expected"),
    ROUNDING_CASES,
    ids=[c[0] for c in ROUNDING_CASES],
)
def test_rounding_follows_the_written_figure(
    text: str, value: str, unit: Unit, qualifier: Qualifier, expected: str
) -> None:
    f = fact("x", 2024, value, text, unit=unit, qualifier=qualifier)
    assert rounding(f) == Decimal(expected)


def test_derived_value_rounds_at_its_last_significant_digit() -> None:
    f = fact("d", 2024, "135000", "een daling van 18.000", unit="count", derived=True)
    assert rounding(f) == Decimal(500)


def test_226_against_227_million_is_a_conflict_and_headline_is_the_latest() -> None:
    facts = [
        fact("a", 2022, "226000000", "€ 226 miljoen"),
        fact("b", 2024, "227000000", "€ 227 miljoen"),
    ]
    obs = only(build_series(facts), "total_rent_arrears_eur").observations[0]
    assert obs.conflict is True
    assert obs.value == Decimal("227000000") and obs.edition == 2024
    assert [(v.edition, v.value) for v in obs.vintages] == [
        (2022, Decimal("226000000")),
        (2024, Decimal("227000000")),
    ]
    assert "2024" in obs.headline_reason


def test_same_percentage_in_two_editions_is_no_conflict() -> None:
    facts = [
        fact("a", 2023, "1.1", "1,1%", concept="rent_arrears_share_of_rent_income_pct",
             unit="percent"),
        fact("b", 2024, "1.1", "1,1 procent", concept="rent_arrears_share_of_rent_income_pct",
             unit="percent"),
    ]
    obs = build_series(facts).series[0].observations[0]
    assert obs.conflict is False and len(obs.vintages) == 2


def test_rounded_approximation_does_not_conflict_with_the_precise_figure() -> None:
    a = fact("a", 2022, "23000", "zo'n 23.000", unit="count", qualifier="approx")
    b = fact("b", 2023, "23412", "23.412", unit="count")
    c = fact("c", 2023, "24100", "24.100", unit="count")
    assert not in_conflict(a, b)
    assert in_conflict(a, c)


def test_more_than_is_compared_above_its_figure() -> None:
    ruim = fact("a", 2022, "23000", "ruim 23.000", unit="count", qualifier="more_than")
    assert not in_conflict(ruim, fact("b", 2023, "23600", "23.600", unit="count"))
    assert in_conflict(ruim, fact("c", 2023, "22400", "22.400", unit="count"))


# --- vintages and the headline rule ------------------------------------------------------------


def test_stated_beats_derived_even_from_a_later_edition() -> None:
    facts = [
        fact("s", 2023, "135000", "135.000", concept="tenants_with_arrears", unit="count",
             period="2022"),
        fact("d", 2024, "135000", "een daling van 18.000", concept="tenants_with_arrears",
             unit="count", period="2022", derived=True),
    ]
    obs = only(build_series(facts), "tenants_with_arrears").observations[0]
    assert (obs.status, obs.edition, obs.fact_ids) == ("reported", 2023, ["s"])
    assert [v.status for v in obs.vintages] == ["reported", "derived"]
    assert "derived" in obs.headline_reason


def test_only_derived_values_give_a_derived_headline() -> None:
    facts = [
        fact("d1", 2023, "173000000", "€ 9 miljoen minder", period="2022", derived=True),
        fact("d2", 2024, "174000000", "€ 10 miljoen minder", period="2022", derived=True),
    ]
    obs = build_series(facts).series[0].observations[0]
    assert (obs.status, obs.edition, obs.value) == ("derived", 2024, Decimal("174000000"))
    assert "no edition states it" not in obs.headline_reason  # two derived vintages
    assert "derived" in obs.headline_reason


def test_one_vintage_per_edition_prefers_stated_then_confidence_and_keeps_all_ids() -> None:
    facts = [
        fact("low", 2024, "117000", "117.000", concept="tenants_with_arrears", unit="count",
             period="2023", confidence=0.6),
        fact("high", 2024, "118000", "118.000", concept="tenants_with_arrears", unit="count",
             period="2023", confidence=0.95),
        fact("der", 2024, "119000", "een stijging", concept="tenants_with_arrears",
             unit="count", period="2023", derived=True, confidence=0.99),
    ]
    obs = build_series(facts).series[0].observations[0]
    assert len(obs.vintages) == 1
    vintage = obs.vintages[0]
    assert vintage.value == Decimal("118000") and vintage.status == "reported"
    assert vintage.fact_ids[0] == "high" and set(vintage.fact_ids) == {"low", "high", "der"}
    assert vintage.document == "huurschulden-2024.txt" and vintage.page == 3


def test_observations_are_ordered_by_period() -> None:
    facts = [
        fact(f"f{p}", 2024, "1000", "1.000", concept="evictions_total", unit="count", period=p)
        for p in ["2023", "2021", "2024-H1", "2022", "2024-early"]
    ]
    periods = [o.period for o in build_series(facts).series[0].observations]
    assert periods == ["2021", "2022", "2023", "2024-early", "2024-H1"]


def test_period_helpers() -> None:
    assert period_position("2023") == 2023
    assert period_position("2024-H1") == pytest.approx(2023.75)
    assert period_position("2022-01/2022-05") == pytest.approx(2021.5 + 5 / 24)
    assert period_position("later") is None
    assert period_sort_key("2022-Q2") < period_sort_key("2022-H2")


# --- changes, units, catalogue ----------------------------------------------------------------


def test_changes_get_their_own_series_keyed_by_base_period() -> None:
    facts = [
        fact("l", 2024, "117000", "117.000", concept="tenants_with_arrears", unit="count",
             period="2023"),
        fact("c1", 2024, "-18000", "een daling van 18.000", concept="tenants_with_arrears",
             unit="count", period="2023", kind="change", base_period="2022"),
        fact("c2", 2024, "-40", "40 procent minder", concept="tenants_with_arrears",
             unit="percent", period="2023", kind="change", base_period="2019"),
    ]
    out = build_series(facts)
    assert {s.id for s in out.series} == {
        "tenants_with_arrears",
        "tenants_with_arrears.change",
        "tenants_with_arrears.change_pct",
    }
    level = only(out, "tenants_with_arrears")
    assert [o.value for o in level.observations] == [Decimal("117000")]
    change = only(out, "tenants_with_arrears.change")
    assert change.kind == "change" and change.unit == "count"
    assert change.observations[0].base_period == "2022"
    assert only(out, "tenants_with_arrears.change_pct").observations[0].base_period == "2019"


def test_a_fact_in_another_unit_than_the_concepts_is_left_out_with_a_warning() -> None:
    catalogue = {"evictions_total": {"label_nl": "Huisuitzettingen", "unit": "count"}}
    facts = [
        fact("ok", 2024, "3000", "3000", concept="evictions_total", unit="count"),
        fact("odd", 2024, "12", "12%", concept="evictions_total", unit="percent"),
    ]
    out = build_series(facts, catalogue)
    series = only(out, "evictions_total")
    assert series.label == "Huisuitzettingen" and series.unit == "count"
    assert [v.fact_ids for o in series.observations for v in o.vintages] == [["ok"]]
    assert len(out.warnings) == 1 and "odd" in out.warnings[0]


class _Entry:
    def __init__(self, label_nl: str, unit: str) -> None:
        self.id, self.label_nl, self.label_en, self.unit = "x", label_nl, "English", unit


class _Catalogue:
    def get(self, concept: str) -> _Entry | None:
        return _Entry("Totale huurachterstand", "EUR") if concept.startswith("total") else None


def test_labels_come_from_a_catalogue_object_and_fall_back_to_the_id() -> None:
    facts = [
        fact("a", 2024, "164000000", "€ 164 miljoen"),
        fact("b", 2024, "5000", "5000", concept="evictions_total", unit="count"),
    ]
    out = build_series(facts, _Catalogue())
    assert only(out, "total_rent_arrears_eur").label == "Totale huurachterstand"
    assert only(out, "evictions_total").label == "evictions_total"


# --- statement series -------------------------------------------------------------------------

CONTACT_2023 = "van de corporaties zoekt binnen een week contact met een huurder"
CONTACT_2024 = "van de corporaties belt de huurder binnen een week"
LETTER_2024 = "van de corporaties stuurt binnen een week een aanmaning"


def statement_fact(fid: str, edition: int, value: str, statement: str, **kw: object) -> Fact:
    kw.setdefault("period", str(edition - 1))
    return fact(fid, edition, value, f"{value}%", concept=None, unit="percent",
                statement=statement, **kw)  # type: ignore[arg-type]


def test_reworded_statement_is_linked_across_editions() -> None:
    facts = [
        statement_fact("a", 2023, "36", CONTACT_2023),
        statement_fact("b", 2024, "41", CONTACT_2024),
    ]
    out = build_series(facts)
    assert len(out.series) == 1
    series = out.series[0]
    assert series.concept is None
    assert series.id == slug(CONTACT_2023)
    assert series.id == "van-de-corporaties-zoekt-binnen-een-week-contact-met-een"
    assert series.statements == [CONTACT_2023, CONTACT_2024]
    assert series.label == "Zin met 36%."  # the sentence that first states it
    assert series.match_confidence is not None
    assert DEFAULT_THRESHOLD <= series.match_confidence <= 1.0
    assert [o.period for o in series.observations] == ["2022", "2023"]


def test_two_different_statements_are_not_merged() -> None:
    weights = statement_weights([CONTACT_2023, CONTACT_2024, LETTER_2024])
    assert statement_similarity(CONTACT_2024, LETTER_2024, weights) < DEFAULT_THRESHOLD
    facts = [
        statement_fact("a", 2023, "36", CONTACT_2023),
        statement_fact("b", 2024, "41", CONTACT_2024),
        statement_fact("c", 2022, "60", LETTER_2024),
        statement_fact("d", 2024, "58", LETTER_2024),
    ]
    out = build_series(facts)
    by_statements = {tuple(s.statements): s for s in out.series}
    assert set(by_statements) == {(CONTACT_2023, CONTACT_2024), (LETTER_2024,)}
    assert by_statements[(LETTER_2024,)].match_confidence == 1.0


def test_statements_of_the_same_edition_are_never_merged_even_when_alike() -> None:
    a = "van de corporaties belt de huurder binnen een week"
    b = "van de corporaties belt de huurder binnen een week niet"
    assert statement_similarity(a, b) >= DEFAULT_THRESHOLD  # alike in words ...
    facts = [
        statement_fact("a1", 2023, "40", a),
        statement_fact("b1", 2023, "12", b),
        statement_fact("a2", 2024, "44", a),
        statement_fact("b2", 2024, "10", b),
    ]
    out = build_series(facts)  # ... but both appear in the same editions: two series
    assert sorted(len(s.observations) for s in out.series) == [2, 2]
    assert all(len(s.statements) == 1 for s in out.series)
    assert len({s.id for s in out.series}) == 2


def test_a_statement_made_once_is_no_series_and_units_must_agree() -> None:
    facts = [
        statement_fact("a", 2023, "36", CONTACT_2023),
        fact("b", 2024, "400", "400", concept=None, unit="count", period="2023",
             statement=CONTACT_2024),
    ]
    assert build_series(facts).series == []


def test_series_ids_do_not_depend_on_fact_order() -> None:
    facts = [
        statement_fact("a", 2023, "36", CONTACT_2023),
        statement_fact("b", 2024, "41", CONTACT_2024),
        statement_fact("c", 2022, "60", LETTER_2024),
        statement_fact("d", 2024, "58", LETTER_2024),
        fact("e", 2022, "226000000", "€ 226 miljoen"),
        fact("f", 2024, "227000000", "€ 227 miljoen"),
    ]
    first = build_series(facts).model_dump_json()
    second = build_series(list(reversed(facts))).model_dump_json()
    assert json.loads(first) == json.loads(second)


def test_values_stay_decimal_and_leave_as_json_numbers() -> None:
    share = "rent_arrears_share_of_rent_income_pct"
    out = build_series([fact("a", 2024, "1.1", "1,1%", concept=share, unit="percent")])
    assert isinstance(out.series[0].observations[0].value, Decimal)
    data = json.loads(out.model_dump_json())
    assert data["series"][0]["observations"][0]["value"] == 1.1


# Keys as the fact extractor writes them (stemmed, stop words gone): the same finding in two
# editions' wording, a finding about a month instead of a week, and a different action.
STEMMED_WEEK_2023 = "nam corporatie binn week contact huurder achterstand"
STEMMED_WEEK_2024 = "beld corporatie huurder binn week na gemist betaling"
STEMMED_MONTH_2022 = "corporatie neemt binn maand contact huurder huur betaald"
STEMMED_LETTER_2024 = "corporatie stuurd binn twee weken aanmaning"


def test_stemmed_keys_link_by_meaning_not_by_shared_filler_words() -> None:
    assert "contact" in statement_tokens(STEMMED_WEEK_2024)  # "beld" is a form of bellen
    facts = [
        statement_fact("a", 2023, "36", STEMMED_WEEK_2023),
        statement_fact("b", 2024, "41", STEMMED_WEEK_2024),
        statement_fact("c", 2022, "55", STEMMED_MONTH_2022),
        statement_fact("d", 2024, "60", STEMMED_LETTER_2024),
        statement_fact("e", 2022, "62", STEMMED_LETTER_2024),
    ]
    out = build_series(facts)
    assert [s.statements for s in out.series] == [
        [STEMMED_LETTER_2024],
        [STEMMED_WEEK_2023, STEMMED_WEEK_2024],
    ]
    week = out.series[1]
    assert week.id == "nam-corporatie-binn-week-contact-huurder-achterstand"
    assert week.match_confidence is not None and week.match_confidence < 1.0


# --- properties ---------------------------------------------------------------------------------


def _dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**7), step=st.integers(min_value=1, max_value=3))
def test_whole_numbers_conflict_exactly_when_they_differ(n: int, step: int) -> None:
    a = fact("a", 2022, str(n), _dutch(n), unit="count")
    same = fact("b", 2023, str(n), _dutch(n), unit="count")
    other = fact("c", 2024, str(n + step), _dutch(n + step), unit="count")
    assert not in_conflict(a, same)
    assert in_conflict(a, other)


@settings(max_examples=60, deadline=None)
@given(millions=st.integers(min_value=1, max_value=999), tenths=st.integers(0, 9))
def test_a_figure_agrees_with_itself_written_at_a_coarser_rounding(
    millions: int, tenths: int
) -> None:
    precise = Decimal(millions) * 1_000_000 + Decimal(tenths) * 100_000
    coarse = (precise / 1_000_000).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    a = fact("a", 2022, str(precise), f"€ {millions},{tenths} miljoen")
    b = fact("b", 2023, str(coarse * 1_000_000), f"€ {coarse} miljoen")
    assert not in_conflict(a, b)


def test_a_key_that_covers_two_findings_in_one_edition_is_no_series() -> None:
    facts = [
        statement_fact("a", 2023, "36", CONTACT_2023),
        statement_fact("b", 2023, "12", CONTACT_2023),
        statement_fact("c", 2024, "41", CONTACT_2024),
    ]
    out = build_series(facts)
    assert out.series == []
    assert len(out.warnings) == 1 and "2023" in out.warnings[0]


def test_a_key_of_two_words_is_no_series() -> None:
    facts = [statement_fact("a", 2023, "36", "lag aandeel"),
             statement_fact("b", 2024, "41", "lag aandeel")]
    assert build_series(facts).series == []


def test_two_stated_figures_of_one_edition_that_disagree_are_named() -> None:
    facts = [
        fact("text", 2023, "2022", "2022 €", period="2022", confidence=0.5),
        fact("chart", 2023, "173000000", "173", period="2022", confidence=0.8),
    ]
    out = build_series(facts)
    vintage = out.series[0].observations[0].vintages[0]
    assert vintage.value == Decimal("173000000") and vintage.fact_ids == ["chart", "text"]
    (warning,) = out.warnings
    assert "total_rent_arrears_eur" in warning and "'2022 €'" in warning


# --- within-edition disagreement, headline among one edition's values, scope -----------------


def _judgments(fid: str, edition: int, value: str, text: str, **kw: object) -> Fact:
    return fact(fid, edition, value, text, concept="court_judgments_total", unit="count",
                period="2014", **kw)  # type: ignore[arg-type]


def test_an_edition_that_disagrees_with_itself_keeps_every_value_and_is_flagged() -> None:
    facts = [
        # Found from the sentence before (confidence 0.8), on the earlier page.
        _judgments("keys", 2015, "1700", "1.700", confidence=0.8, page=2),
        _judgments("own", 2015, "23500", "23.500", confidence=1.0, page=4),
        _judgments("again", 2015, "23500", "ruim 23.000", qualifier="more_than", page=5),
    ]
    obs = build_series(facts).series[0].observations[0]
    assert (obs.value, obs.conflict, obs.conflict_kind) == (Decimal(23500), True,
                                                            "within_edition")
    (vintage,) = obs.vintages
    assert [(a.value, a.fact_ids, a.page, a.text) for a in vintage.alternatives] == [
        (Decimal(23500), ["own", "again"], 4, "23.500"),
        (Decimal(1700), ["keys"], 2, "1.700"),
    ]
    assert vintage.alternatives[1].sentence == "Zin met 1.700."
    assert vintage.reason is not None and "'23.500'" in vintage.reason
    assert "concept was found closer to the figure" in vintage.reason
    assert "confidence 1 against 0.8" in vintage.reason
    assert vintage.reason in obs.headline_reason


def test_figures_that_agree_within_their_rounding_are_one_value() -> None:
    facts = [_judgments("a", 2015, "23500", "23.500"),
             _judgments("b", 2015, "23000", "zo'n 23.000", qualifier="approx")]
    obs = build_series(facts).series[0].observations[0]
    assert obs.conflict_kind is None and not obs.conflict
    assert obs.vintages[0].alternatives == [] and obs.vintages[0].reason is None
    assert "alternatives" not in obs.vintages[0].model_dump(mode="json")


def test_disagreement_between_and_within_editions_is_both() -> None:
    facts = [_judgments("a", 2015, "23500", "23.500"),
             _judgments("b", 2015, "1700", "1.700", confidence=0.8),
             _judgments("c", 2016, "22000", "22.000")]
    obs = build_series(facts).series[0].observations[0]
    assert obs.conflict_kind == "both" and obs.edition == 2016


CHOICE_CASES = [
    # (what tells the two values apart, fields of the second fact, words of the reason)
    ("stated over derived", {"derived": True, "confidence": 1.0}, "a stated figure beats"),
    ("exact over qualified", {"qualifier": "approx"}, "an exact figure beats a qualified"),
    ("nothing: the page", {"page": 9}, "the earlier page"),
    ("nothing: the same page", {}, "the first fact id decides"),
]


@pytest.mark.parametrize(("case", "other", "words"), CHOICE_CASES,
                         ids=[c[0] for c in CHOICE_CASES])
def test_the_reason_says_why_one_value_was_taken(
    case: str, other: dict[str, object], words: str
) -> None:
    facts = [_judgments("a", 2015, "23500", "23.500"),
             _judgments("b", 2015, "1700", "1.700", **other)]
    vintage = build_series(facts).series[0].observations[0].vintages[0]
    assert vintage.value == Decimal(23500), case
    assert vintage.reason is not None and words in vintage.reason


def test_figures_not_about_the_whole_country_enter_no_series() -> None:
    national = _judgments("nl", 2015, "23500", "23.500")
    corporation = _judgments("corp", 2015, "1700", "1.700").model_copy(
        update={"scope": "organisation", "scope_name": "Woonbron"})
    out = build_series([national, corporation])
    (series,) = out.series
    assert series.observations[0].fact_ids == ["nl"] and not series.observations[0].conflict
    assert out.left_out_scope == 1
    assert any("1 fact not about the whole country" in w for w in out.warnings)


def test_a_qualifier_on_a_fall_bounds_its_size() -> None:
    facts = [
        fact("q", 2018, "-25", "bijna een kwart minder", concept="evictions_total",
             unit="percent", kind="change", base_period="2016", period="2017",
             qualifier="less_than"),
        fact("p", 2018, "-23", "23 procent", concept="evictions_total", unit="percent",
             kind="change", base_period="2016", period="2017"),
    ]
    obs = build_series(facts).series[0].observations[0]
    assert not obs.conflict and obs.vintages[0].alternatives == []
