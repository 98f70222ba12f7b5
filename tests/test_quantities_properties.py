"""Properties of the quantity recogniser: Dutch-formatted numbers read back exactly, and no
input makes it raise."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutch_number_words import dutch_words
from rapportextract.quantities import find_quantities, parse_digits

_SCALES = {"": 1, "duizend": 1000, "miljoen": 10**6, "mln": 10**6, "miljard": 10**9}


def dutch(value: Decimal, *, group: bool) -> str:
    """Format a non-negative Decimal the Dutch way: thousands dots, decimal comma."""
    sign, _digits, exponent = value.as_tuple()
    assert isinstance(exponent, int) and sign == 0
    text = f"{value:f}"
    whole, _, fraction = text.partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + fraction if fraction else "")


def _at_most_three_decimals(d: Decimal) -> bool:
    exponent = d.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -3


values: st.SearchStrategy[Decimal] = st.decimals(
    min_value=Decimal(0), max_value=Decimal("999999999"), places=None, allow_nan=False,
    allow_infinity=False,
).map(lambda d: d.quantize(Decimal("0.001")).normalize()).filter(_at_most_three_decimals)


@st.composite
def written_figures(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    value = draw(st.one_of(values, st.integers(0, 10**9).map(Decimal)))
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    number = dutch(value, group=draw(st.booleans()))
    unit = draw(st.sampled_from(["EUR-pre", "EUR-post", "count", "percent-sign", "percent"]))
    scale_word = "" if unit.startswith("percent") else draw(st.sampled_from(sorted(_SCALES)))
    scaled = f"{number} {scale_word}".strip()
    written = {
        "EUR-pre": f"€ {scaled}",
        "EUR-post": f"{scaled} euro",
        "count": f"{scaled} huishoudens",
        "percent-sign": f"{number}%",
        "percent": f"{number} procent",
    }[unit]
    expected_unit = {"EUR-pre": "EUR", "EUR-post": "EUR", "count": "count"}.get(unit, "percent")
    return written, value * _SCALES[scale_word], expected_unit


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written_figures())
def test_dutch_formatted_numbers_read_back_exactly(case: tuple[str, Decimal, str]) -> None:
    written, value, unit = case
    sentence = f"Volgens de enquête ging het om {written} in het afgelopen jaar."
    found = find_quantities(sentence)
    assert len(found) == 1, [q.text for q in found]
    assert found[0].value == value
    assert found[0].unit == unit
    assert found[0].kind == "level"


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**12))
def test_grouped_integers_are_never_ambiguous(n: int) -> None:
    written = f"{n:,}".replace(",", ".")
    parsed = parse_digits(written)
    assert parsed.value == n
    assert not parsed.ambiguous


_PIECES = st.sampled_from(
    [
        "€", "%", "procent", "pct.", "miljoen", "mln.", "een", "één", "derde", "op de", "van de",
        "helft", "ruim", "bijna", "zo’n", "daling van", "minder", "gestegen", "met", "naar",
        "1.000", "3,5", "2023", "7", "10", "-", "(", ")", "/", ":", ".", ",", "\n", " ", "x",
        "drieëntwintig", "vijfenhalfduizend", "https://a.nl/2021/04/04", "artikel 7:231",
        "Grafiek 3", "maanden", "1.5", "1,234,5", "+", "−", "9" * 40, "1," + "5" * 30,
        "999.999.999.999.999.999", "twintigduizend" * 3,
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=25).map(" ".join))
def test_random_text_never_raises_and_offsets_hold(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.unit in ("EUR", "count", "percent")


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 999_999), st.sampled_from(["huurders", "procent"]))
def test_number_words_in_a_sentence_read_back(n: int, unit_word: str) -> None:
    found = find_quantities(f"Vorig jaar ging het om {dutch_words(n)} {unit_word} in totaal.")
    assert [(q.value, q.form) for q in found] == [(Decimal(n), "words")]
    assert found[0].unit == ("percent" if unit_word == "procent" else "count")
