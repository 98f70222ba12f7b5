"""A "sentence" without a word (two letters in a row) gives no fact: a page number, a
footnote marker, a row of axis ticks or bar labels, a table column read as text. A short
sentence that has a word keeps its figures."""

from __future__ import annotations

import pytest

from rapportextract.facts import extract_facts
from rapportextract.facts.analysis import has_words
from rapportextract.models import BlockKind, Document, Sentence


def _facts(text: str) -> list[str]:
    doc = Document(
        path="cases.txt", name="cases.txt", sha256="3" * 64, source_type="text", edition=2024,
        sentences=[Sentence(id="p1-b0-s0", page=1, block_id="p1-b0",
                            block_kind=BlockKind.PARAGRAPH, text=text)],
    )
    return [f.source.text for f in extract_facts(doc) if not f.derived]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("17", id="page-number"),
        pytest.param("2)", id="footnote-marker"),
        pytest.param("6.000 4.500 3.000 1.500 0", id="axis-ticks-in-a-row"),
        pytest.param("€ 12.400", id="bar-label-with-currency"),
        pytest.param("-3% 12% 7,5%", id="percent-labels"),
        pytest.param("2021 2022 2023 418 502 611", id="table-column-as-text"),
        pytest.param("x 1.000", id="one-letter-is-no-word"),
    ],
)
def test_no_fact_from_a_sentence_without_words(text: str) -> None:
    assert not has_words(text)
    assert _facts(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        pytest.param("Ontruimingen: 2.140", "2.140", id="label-and-figure"),
        pytest.param("In 2023 waren er 311 vonnissen.", "311", id="plain-sentence"),
        pytest.param("Totaal 8.000 mln", "8.000 mln", id="figure-with-a-unit-word"),
    ],
)
def test_a_short_sentence_with_a_word_keeps_its_figure(text: str, figure: str) -> None:
    assert has_words(text)
    assert any(figure in found for found in _facts(text))
