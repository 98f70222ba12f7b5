"""Facts from wording classes met in other editions: survey figures dated by the survey,
section numbers run into a heading, sentences in two parts, continuations two sentences deep,
concepts bounded by their values."""

from __future__ import annotations

from decimal import Decimal

from rapportextract.catalogue import load_catalogue
from rapportextract.facts import extract_facts
from rapportextract.models import BlockKind, Document, Fact, Sentence


def _facts(*sentences: str, edition: int = 2016) -> list[Fact]:
    doc = Document(
        path="wording.txt", name="wording.txt", sha256="1" * 64, source_type="text",
        edition=edition,
        sentences=[
            Sentence(id=f"p1-b0-s{i}", page=1, block_id="p1-b0",
                     block_kind=BlockKind.PARAGRAPH, text=text)
            for i, text in enumerate(sentences)
        ],
    )
    return [f for f in extract_facts(doc) if not f.derived]


def _one(facts: list[Fact], text: str) -> Fact:
    found = [f for f in facts if f.source.text == text]
    assert len(found) == 1, [f.source.text for f in facts]
    return found[0]


def test_survey_figures_take_the_data_year_whatever_date_the_survey_has() -> None:
    facts = _facts("De vragenlijst is in maart 2016 verstuurd.",
                   "Hij werd ingevuld door 188 deelnemende corporaties.")
    assert _one(facts, "188").concept == "survey_respondents_corporations"
    assert _one(facts, "188").period == "2015"
    facts = _facts("Dit jaar deden 140 corporaties mee aan de enquête.", edition=2021)
    assert _one(facts, "140").period == "2020"


def test_survey_figure_of_an_earlier_year_keeps_its_year() -> None:
    facts = _facts("In 2013 deden nog 201 corporaties mee aan de enquête.")
    assert _one(facts, "201").period == "2013"


def test_other_concepts_keep_the_publication_year() -> None:
    facts = _facts("Dit jaar verwachten we ruim 4.000 huisuitzettingen.")
    assert _one(facts, "ruim 4.000").period == "2016"


def test_section_number_run_into_a_heading_is_no_fact() -> None:
    facts = _facts("2. Vonnissen De kantonrechter sprak 21.000 vonnissen uit.")
    assert [f.source.text for f in facts] == ["21.000"]
    facts = _facts("3 corporaties zagen geen enkele uitzetting.")
    assert [f.source.text for f in facts] == ["3"]


def test_the_figures_own_part_of_the_sentence_decides_between_concepts() -> None:
    facts = _facts("Van de vonnissen leidde 27 procent tot een huisuitzetting; in 73 procent "
                   "van de gevallen kwam het niet zover.")
    assert _one(facts, "27 procent").concept == "share_judgments_leading_to_eviction_pct"
    assert _one(facts, "73 procent").concept == "share_judgments_not_executed_pct"


def test_a_share_of_what_two_sentences_back_counted() -> None:
    facts = _facts("Vorig jaar werden 4.100 huishoudens uit hun huis gezet.",
                   "Dat zijn er 300 minder dan het jaar daarvoor.",
                   "Bij 81 procent daarvan speelde een huurachterstand.")
    assert _one(facts, "81 procent").concept == "share_evictions_rent_arrears_pct"


def test_a_finding_about_corporations_needs_its_own_words() -> None:
    facts = _facts("Aan de enquête namen 160 corporaties deel.",
                   "Volgens 85 procent van de corporaties hangt de daling samen met "
                   "vroegsignalering.")
    assert _one(facts, "85 procent").concept is None


def test_concept_value_range() -> None:
    catalogue = load_catalogue()
    text = "de woningen van de deelnemende corporaties"
    match = catalogue.match(text, unit="count", value=Decimal(1_100_000))
    assert match is not None and match.id == "survey_respondent_dwellings"
    respondents = catalogue["survey_respondents_corporations"]
    assert respondents.fits_value(Decimal(180))
    assert not respondents.fits_value(Decimal(1_100_000))
    assert respondents.fits_value(Decimal(1_100_000), kind="change")


def test_whole_sector_stock_is_not_the_respondents_stock() -> None:
    facts = _facts("Alle corporaties samen verhuren zo'n 2,3 miljoen woningen.")
    assert _one(facts, "zo'n 2,3 miljoen").concept is None


def test_a_change_never_has_its_own_period_as_base() -> None:
    facts = _facts("Dat is 4 procent minder dan in 2013, toen het aantal uitzettingen met "
                   "9 procent daalde.", edition=2015)
    change = _one(facts, "9 procent daalde")
    assert (change.period, change.base_period) == ("2013", "2012")
    assert _one(facts, "4 procent minder").base_period == "2013"


def test_a_qualifier_in_another_figures_clause_is_not_this_figures() -> None:
    facts = _facts("De totale huurachterstand was eind 2016 € 300 miljoen, waarvan € 140 "
                   "miljoen bij huurders die nog in hun woning wonen.", edition=2017)
    assert _one(facts, "€ 300 miljoen").concept == "total_rent_arrears_eur"
    assert _one(facts, "€ 140 miljoen").concept == "rent_arrears_current_tenants_eur"


def test_a_sentence_with_figures_of_the_current_year_moves_its_paragraph() -> None:
    facts = _facts("In het eerste kwartaal van 2017 kwamen er 12.000 verzoeken om een "
                   "betalingsregeling binnen.",
                   "Een op de vier corporaties ziet het aantal achterstanden stijgen.",
                   edition=2017)
    assert _one(facts, "Een op de vier").period == "2017-Q1"
    facts = _facts("In 2016 kwamen er 40.000 verzoeken om een betalingsregeling binnen.",
                   "Een op de vier corporaties ziet het aantal achterstanden stijgen.",
                   edition=2017)
    assert _one(facts, "Een op de vier").period == "2016"


def test_the_own_clause_names_what_a_figure_is_a_share_of() -> None:
    facts = _facts("Van de uitgezette huurders was 71 procent alleenstaand en 13 procent een "
                   "gezin met kinderen.", edition=2011)
    assert _one(facts, "71 procent").concept == "share_evictions_single_persons_pct"
    assert _one(facts, "13 procent").concept == "share_evictions_households_with_children_pct"


def test_an_average_per_tenant_is_not_the_total_amount() -> None:
    facts = _facts("Gemiddeld bedraagt de huurachterstand per huurder € 750.",
                   "De totale huurachterstand kwam uit op € 205 miljoen.")
    assert _one(facts, "€ 750").concept is None
    assert _one(facts, "€ 205 miljoen").concept == "total_rent_arrears_eur"


def test_an_opening_time_is_not_a_reference_back() -> None:
    facts = _facts("Aedes vraagt elk jaar hoeveel huurders achterlopen met de huur.",
                   "Dit jaar reageerden 240 leden op de vragenlijst.")
    assert _one(facts, "240").concept == "survey_respondents_corporations"


def test_the_year_of_a_figure_compared_with_is_a_base_for_the_others() -> None:
    facts = _facts("Corporaties zetten 4.100 huishoudens uit, tegen 4.800 in 2015: een daling "
                   "van 15 procent.", edition=2017)
    assert _one(facts, "4.100").period == "2016"
    assert _one(facts, "4.800").period == "2015"
    change = _one(facts, "een daling van 15 procent")
    assert (change.period, change.base_period) == ("2016", "2015")


def test_waren_het_er_refers_back() -> None:
    facts = _facts("In 2016 werden 4.800 huishoudens uit hun huis gezet.",
                   "Het jaar daarvoor waren het er 5.500.", edition=2017)
    assert (_one(facts, "5.500").concept, _one(facts, "5.500").period) == (
        "evictions_total", "2015")
