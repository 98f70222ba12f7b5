"""The spaCy component wraps find_quantities and puts its results on the Doc."""

from __future__ import annotations

from decimal import Decimal

from rapportextract.nlp import COMPONENT, SPAN_KEY, get_nlp
from rapportextract.quantities import find_quantities


def test_pipeline_is_built_once_on_blank_dutch() -> None:
    nlp = get_nlp()
    assert nlp is get_nlp()
    assert nlp.lang == "nl"
    assert nlp.pipe_names == [COMPONENT]


def test_component_sets_spans_with_quantities() -> None:
    text = "De schuld bedroeg € 164 miljoen, een daling van 18.000 huurders en 30% minder."
    doc = get_nlp()(text)
    spans = doc.spans[SPAN_KEY]
    direct = find_quantities(text)
    assert [s._.quantity for s in spans] == direct
    assert [s.text for s in spans] == [q.text for q in direct]
    assert spans[0]._.quantity.value == Decimal(164000000)


def test_component_on_text_without_figures() -> None:
    doc = get_nlp()("Corporaties blijven huisuitzettingen voorkomen.")
    assert list(doc.spans[SPAN_KEY]) == []


def test_component_with_its_own_span_key() -> None:
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe(COMPONENT, config={"span_key": "figures"})
    doc = nlp("Bijna 3 op de 10 corporaties en €164 mln aan achterstand.")
    assert [s.text for s in doc.spans["figures"]] == ["Bijna 3 op de 10", "€164 mln"]
    assert [s._.quantity.value for s in doc.spans["figures"]] == [Decimal(30), Decimal(164000000)]
