"""Prose facts: concept, subject, period, changes, derived levels, context and provenance.

Documents are built by hand (Sentence models with our own Dutch sentences), so these tests do
not depend on ingestion; the figures come from the real quantity recogniser.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapportextract.errors import EditionNotFoundError
from rapportextract.facts import extract_facts, statement_key
from rapportextract.models import BlockKind, Document, Fact, Sentence, WordSpan


def _doc(blocks: list[list[str]], *, edition: int | None = 2022, heading: str | None = None,
         kinds: list[BlockKind] | None = None) -> Document:
    sentences: list[Sentence] = []
    for b, block in enumerate(blocks):
        kind = kinds[b] if kinds else BlockKind.PARAGRAPH
        for s, text in enumerate(block):
            sentences.append(Sentence(
                id=f"p1-b{b}-s{s}", page=1, block_id=f"p1-b{b}", block_kind=kind, text=text,
                heading=heading,
            ))
    return Document(path="test.txt", name="test.txt", sha256="ab" * 32, source_type="text",
                    edition=edition, sentences=sentences)


def _one(facts: list[Fact], text: str) -> Fact:
    found = [f for f in facts if f.source.text == text and not f.derived]
    assert len(found) == 1, [f.source.text for f in facts]
    return found[0]


def test_level_and_change_give_a_derived_base_level() -> None:
    doc = _doc([["De totale huurachterstand kwam in 2021 uit op € 205 miljoen, "
                 "€ 21 miljoen minder dan in 2020."]])
    facts = extract_facts(doc)
    level = _one(facts, "€ 205 miljoen")
    change = next(f for f in facts if f.kind == "change")
    assert (level.concept, level.period, level.value) == (
        "total_rent_arrears_eur", "2021", Decimal("205000000"))
    assert (change.value, change.period, change.base_period) == (
        Decimal("-21000000"), "2021", "2020")
    derived = [f for f in facts if f.derived]
    assert len(derived) == 1
    assert (derived[0].value, derived[0].period, derived[0].concept) == (
        Decimal("226000000"), "2020", "total_rent_arrears_eur")
    assert derived[0].derived_from == [level.id, change.id]


def test_relative_base_hangs_on_the_named_year() -> None:
    doc = _doc([["Het aantal huurders met een huurachterstand lag in 2022 op 135.000, "
                 "een stijging van 5.000 ten opzichte van het jaar daarvoor."]], edition=2023)
    facts = extract_facts(doc)
    derived = [f for f in facts if f.derived]
    assert [(f.period, f.value, f.concept) for f in derived] == [
        ("2021", Decimal("130000"), "tenants_with_arrears")]


def test_no_derived_level_where_the_document_states_it() -> None:
    doc = _doc([["In 2021 waren er 1.400 huisuitzettingen, 200 minder dan in 2020.",
                 "In 2020 ging het om 1.600 huisuitzettingen."]])
    assert not [f for f in extract_facts(doc) if f.derived]


def test_continuing_sentence_inherits_concept_and_subject() -> None:
    doc = _doc([["In 2019 bedroeg de totale huurschuld bij corporaties € 244 miljoen.",
                 "Sindsdien is die gezakt naar € 205 miljoen."]])
    facts = extract_facts(doc)
    first, second = _one(facts, "€ 244 miljoen"), _one(facts, "€ 205 miljoen")
    assert (first.period, second.period) == ("2019", "2021")
    assert second.concept == "total_rent_arrears_eur"
    assert second.subject == first.subject
    assert second.confidence < first.confidence


def test_continuing_percentage_takes_the_previous_percentage_concept() -> None:
    doc = _doc([["Van alle huurders met een achterstand had in 2019 ruim 45% een schuld "
                 "van meer dan drie maanden.", "Dit is in 2021 gezakt naar 35%."]])
    facts = extract_facts(doc)
    assert _one(facts, "35%").concept == "share_arrears_longer_than_3_months_pct"
    assert _one(facts, "35%").period == "2021"
    assert _one(facts, "ruim 45%").period == "2019"


def test_share_after_counts_takes_the_share_concept_of_the_previous_sentence() -> None:
    doc = _doc([["Van de 4.100 vonnissen wegens huurschuld leidden er 1.100 tot een "
                 "ontruiming.", "Dat is ongeveer 27%."]])
    facts = extract_facts(doc)
    assert _one(facts, "4.100").concept == "court_judgments_rent_arrears"
    assert _one(facts, "1.100").concept == "evictions_rent_arrears"
    assert _one(facts, "ongeveer 27%").concept == "share_judgments_leading_to_eviction_pct"


def test_percentage_of_corporations_has_no_concept_but_a_statement() -> None:
    doc = _doc([["Vorig jaar nam 41% van de corporaties binnen een week contact op met "
                 "huurders met een betalingsachterstand."]])
    fact = _one(extract_facts(doc), "41%")
    assert fact.concept is None
    assert fact.subject == "van de corporaties"
    assert fact.statement and "41" not in fact.statement and "corporatie" in fact.statement


def test_statement_key_ignores_figures_years_and_degree_words() -> None:
    a = "In 2022 neemt 36% van de corporaties binnen een week contact op."
    b = "In 2019 neemt ruim 41% van de corporaties binnen een week contact op."
    key_a = statement_key(a, [(a.index("36%"), a.index("36%") + 3)], edition=2023)
    key_b = statement_key(b, [(b.index("41%"), b.index("41%") + 3)], edition=2020)
    assert key_a == key_b and key_a


def test_paragraph_scope_from_a_figureless_sentence_ends_with_the_paragraph() -> None:
    doc = _doc([["De ontwikkeling in de eerste maanden van 2022 is gemengd.",
                 "Een kwart van de corporaties ziet meer aanvragen."],
                ["Een derde van de corporaties werkt met een budgetcoach."]])
    facts = extract_facts(doc)
    assert _one(facts, "Een kwart").period == "2022-early"
    assert _one(facts, "Een derde").period == "2021"


def test_bracketed_precise_figure_is_one_fact() -> None:
    doc = _doc([["Een derde (34%) van de corporaties verwacht meer huisuitzettingen."]])
    facts = extract_facts(doc)
    assert [(f.value, f.source.text) for f in facts] == [(Decimal("34"), "Een derde (34%)")]


def test_non_prose_blocks_are_skipped() -> None:
    doc = _doc([["1 Het gaat om 170 corporaties."]], kinds=[BlockKind.FOOTNOTE])
    assert extract_facts(doc) == []


def test_provenance_offsets_page_and_bbox() -> None:
    text = "In 2021 zijn 1.400 huishoudens uit hun huis gezet."
    words, pos = [], 0
    for i, word in enumerate(text.split(" ")):
        words.append(WordSpan(start=pos, end=pos + len(word),
                              bbox=(10.0 + 30 * i, 100.0, 38.0 + 30 * i, 110.0)))
        pos += len(word) + 1
    sentence = Sentence(id="p3-b1-s0", page=3, block_id="p3-b1",
                        block_kind=BlockKind.PARAGRAPH, text=text, words=words)
    doc = Document(path="r.pdf", name="r.pdf", sha256="cd" * 32, source_type="pdf",
                   edition=2022, sentences=[sentence])
    fact = _one(extract_facts(doc), "1.400")
    src = fact.source
    assert text[src.start:src.end] == src.text == "1.400"
    assert (src.page, src.sentence_id, src.block_id, src.origin) == (3, "p3-b1-s0", "p3-b1",
                                                                     "text")
    assert src.bbox == (100.0, 100.0, 128.0, 110.0)
    assert fact.concept == "evictions_total"
    assert fact.subject == "huishoudens"


def test_ids_are_stable_and_unique() -> None:
    doc = _doc([["In 2021 waren er 1.400 huisuitzettingen en 11.000 vonnissen.",
                 "Het ging om 1.400 huisuitzettingen."]])
    first = [f.id for f in extract_facts(doc)]
    assert first == [f.id for f in extract_facts(doc)]
    assert len(set(first)) == len(first) == 3


def test_heading_supplies_the_qualifier_of_a_bare_head_word() -> None:
    doc = _doc([["In 2021 kwamen er 112.600 verzoeken binnen."]], heading="BETALINGSREGELINGEN")
    assert _one(extract_facts(doc), "112.600").concept == "payment_arrangement_requests"


def test_document_without_edition_raises() -> None:
    with pytest.raises(EditionNotFoundError):
        extract_facts(_doc([["Er waren 1.400 huisuitzettingen."]], edition=None))


_WORDS = ["in", "2021", "vorig", "jaar", "dat", "is", "€", "164", "miljoen", "huurders", "met",
          "een", "huurachterstand", "ruim", "36%", "van", "de", "corporaties", "1.400",
          "huisuitzettingen", "minder", "dan", "daling", "18.000", "ten", "opzichte", "het",
          "voorgaande", "eerste", "helft", "2024", "sinds", "januari", ",", ".", "de helft",
          "vonnissen", "leidt", "tot", "uitzetting", "toen", "dit", "een derde", "(34%)"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=18), min_size=1,
                max_size=4))
def test_random_sentences_never_raise_and_cite_their_figures(words: list[list[str]]) -> None:
    doc = _doc([[" ".join(sentence) for sentence in words]])
    for fact in extract_facts(doc):
        src = fact.source
        assert fact.derived or src.sentence[src.start:src.end] == src.text
        assert 0.0 <= fact.confidence <= 1.0
        assert fact.period[:4].isdigit()
