"""Reading numbers: digit strings the Dutch way, number words, and the number candidates of a
sentence with their currency, scale and percent markers (`find_numbers`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import regex

from rapportextract.models import Unit
from rapportextract.quantities.found import Form, Found
from rapportextract.quantities.patterns import Patterns, patterns
from rapportextract.quantities.year_rows import year_row_cells

HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


def clean(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1200000.0 -> 1200000)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@dataclass(frozen=True)
class DigitReading:
    """How a digit string reads: its value, and whether Dutch rules left a doubt."""

    value: Decimal
    ambiguous: bool = False
    note: str | None = None
    plain_integer: bool = False


_GROUP_SPACES = str.maketrans("", "", "\u00a0\u202f\u2009")


def parse_digits(written: str) -> DigitReading:
    """Read a digit string the Dutch way: the dot groups thousands, the comma is decimal.

    Forms that Dutch rules cannot settle are read as well as possible and flagged.
    """
    written = written.translate(_GROUP_SPACES)
    if "." in written and "," in written:
        if written.rfind(",") > written.rfind("."):
            return DigitReading(Decimal(written.replace(".", "").replace(",", ".")))
        return DigitReading(
            Decimal(written.replace(",", "")),
            ambiguous=True,
            note="English number format (comma groups thousands, dot is decimal)",
        )
    if "," in written:
        head, _, tail = written.partition(",")
        if written.count(",") > 1:
            return DigitReading(
                Decimal(written.replace(",", "")),
                ambiguous=True,
                note="commas group thousands (English format)",
            )
        value = Decimal(f"{head}.{tail}")
        if len(tail) == 3 and len(head) <= 3 and head != "0":
            return DigitReading(
                value,
                ambiguous=True,
                note="comma before three digits: read as a decimal comma, could be thousands",
            )
        return DigitReading(value)
    if "." in written:
        groups = written.split(".")
        if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            return DigitReading(Decimal(written.replace(".", "")))
        return DigitReading(
            Decimal(written) if written.count(".") == 1 else Decimal(written.replace(".", "")),
            ambiguous=True,
            note="dot not followed by three digits: read as a decimal point (English format)",
        )
    return DigitReading(Decimal(written), plain_integer=True)


def parse_number_word(written: str) -> Decimal | None:
    """The value of a Dutch number word ("drieëntwintig" 23, "vijfenhalfduizend" 5500)."""
    p = patterns()
    word = written.lower()
    if p.number_word().fullmatch(word) is None:
        return None
    num = p.data.numbers
    hundred, thousand = num.hundred.lower(), num.thousand.lower()
    total = Decimal(0)
    small = Decimal(0)
    for token in p.word_token.findall(word):
        if token == hundred:
            small = (small or Decimal(1)) * 100
        elif token == thousand:
            total += (small or Decimal(1)) * 1000
            small = Decimal(0)
        elif token in p.token_values:
            small += p.token_values[token]
    return clean(total + small)


def ratio_value(n: Decimal, m: Decimal) -> Decimal:
    return clean((n * HUNDRED / m).quantize(_CENT, rounding=ROUND_HALF_UP))


def value_of(written: str) -> Decimal | None:
    written = written.strip()
    if written[0].isdigit():
        return parse_digits(written).value
    p = patterns()
    if written.lower() in p.plain_article or written.lower() in p.stressed_one:
        return Decimal(1)
    return parse_number_word(written)


def table_key(table: Mapping[str, object], written: str) -> str:
    """The table key a case- and whitespace-insensitive match was written as."""
    wanted = " ".join(written.lower().replace("’", "'").split())
    for key in table:
        if " ".join(key.lower().split()) == wanted:
            return key
    raise KeyError(written)


_LAST_GROUP = regex.compile(r"(?<![\d.,])\d{1,3}$")
_NEXT_GROUP = regex.compile(r"\d{3}(?!\d|[.,]\d)")
_NOUN_NEXT = regex.compile(r"(?:\s\d{3}(?![\d.,]\d))*\s+\p{Ll}")
SPACE_GROUPS = "a space groups thousands"


def _space_thousands(prev: Found, q: Found, text: str) -> bool:
    """Whether `q` is the next thousands group of `prev`, written with a plain space: "circa
    316 000 bijstandontvangers", "ongeveer 1 970 miljoen" (the scale is the whole number's).
    Only where a word in lower case or a unit follows the last
    group, so that two
    numbers of a table row ("Huren 812 790") and a file number before a title ("34 352
    Uitvoering") stay apart."""
    if text[prev.end : q.start] != " " or prev.form != "digits" or q.form != "digits":
        return False
    if prev.scale != 1 or prev.signed or q.signed or prev.unit == "percent":
        return False
    if prev.unit == "EUR" and q.unit == "EUR" and prev.value != prev.value.to_integral_value():
        return False
    if not (SPACE_GROUPS in prev.notes or _LAST_GROUP.search(text, 0, prev.end)):
        return False
    if not _NEXT_GROUP.match(text, q.start) or prev.value != prev.value.to_integral_value():
        return False
    return q.has_unit or _NOUN_NEXT.match(text, q.end) is not None


def _join_space_groups(found: list[Found], text: str) -> list[Found]:
    # cells of a row under years stay apart ("164 115 115 105"): found only for a sentence
    # with numbers that could join, which few have
    cells: set[int] | None = None
    joined: list[Found] = []
    for q in found:
        prev = joined[-1] if joined else None
        if prev is None or not _space_thousands(prev, q, text):
            joined.append(q)
            continue
        if cells is None:
            cells = year_row_cells(text)
        if q.start in cells:
            joined.append(q)
            continue
        unit: Unit = "EUR" if "EUR" in (prev.unit, q.unit) else q.unit
        groups = abs(prev.value) * 1000 + q.value / q.scale
        joined[-1] = Found(
            prev.start, q.end, clean(groups * q.scale), unit, "digits", scale=q.scale,
            notes=[*dict.fromkeys([*prev.notes, *q.notes, SPACE_GROUPS])],
            has_unit=prev.has_unit or q.has_unit,
            plain_integer=prev.plain_integer and q.plain_integer,
        )
    return joined


# A small scale word ("ton", scales.toml [small]) multiplies only a number below this.
_SMALL_BELOW = 10


def _weight_after(text: str, end: int, p: Patterns) -> bool:
    """Whether the word after a small scale makes it a weight ("7 ton CO2")."""
    words = text[end : end + 20].split()
    return bool(words) and words[0].lower().rstrip(".,;:") in p.data.small_scales_not_before


def find_numbers(text: str, p: Patterns) -> list[Found]:
    found = []
    scales = p.data.scales
    for m in p.core.finditer(text):
        notes: list[str] = []
        ambiguous = False
        plain_integer = False
        form: Form
        if m.group("digits"):
            try:
                digits = parse_digits(m.group("digits"))
            except InvalidOperation:
                continue  # a digit of a script newer than Python's Unicode tables
            value, ambiguous, plain_integer = digits.value, digits.ambiguous, digits.plain_integer
            if digits.note:
                notes.append(digits.note)
            if m.group("marker") is not None:
                notes.append("footnote marker after the figure left out")
            form = "digits"
        else:
            if m.group("half"):
                value = Decimal("0.5")
            else:
                parsed = value_of(m.group("words"))
                if parsed is None:
                    continue
                value = parsed
            form = "words"
        scale = 1
        end = m.end()
        if m.group("scale"):
            scale = scales[table_key(scales, m.group("scale"))]
            if m.group("scale").lower() in p.data.small_scales and (
                    value >= _SMALL_BELOW or _weight_after(text, m.end("scale"), p)):
                # "1.400 ton CO2" is a weight: the number alone, up to its own end
                scale = 1
                end = m.end("digits") if m.group("digits") else m.end("words")
        unit: Unit = "count"
        has_unit = False
        if m.group("cur_pre") or m.group("cur_suf"):
            unit, has_unit = "EUR", True
        if m.group("pct") or m.group("points"):
            if unit == "EUR":
                continue
            unit, has_unit = "percent", True
            if m.group("points"):
                notes.append("percentage points")
        if m.group("neg"):
            value = -value
            notes.append(f"'{m.group('neg')}': a negative amount")
        if m.group("sign"):
            if m.group("sign") in "-−–":
                value = -value
            notes.append("explicit sign: read as a change")
        if end < m.end() and not (m.group("cur_pre") or m.group("pct") or m.group("points")):
            unit, has_unit = "count", False
        found.append(
            Found(
                m.start(),
                end,
                clean(value * scale),
                unit,
                form,
                scale=scale,
                ambiguous=ambiguous,
                notes=notes,
                has_unit=has_unit or scale != 1,
                plain_integer=plain_integer and scale == 1 and not has_unit,
                signed=bool(m.group("sign")),
            )
        )
    if p.round_word_hint.search(text):
        found = sorted([*found, *_round_words(text, p)], key=lambda q: q.start)
    return _join_space_groups(found, text) if len(found) > 1 else found


def _round_words(text: str, p: Patterns) -> list[Found]:
    """A rough number after the article, "een twintigtal" (about 20, a count), and a coin
    named by its value, "een tientje" (10 euro)."""
    found = []
    for m in p.round_word().finditer(text):
        if m.group("coin") and m.group("pct"):
            continue
        if m.group("coin"):
            coins = p.data.numbers.coins
            value = Decimal(coins[table_key(coins, m.group("coin"))])
            found.append(Found(m.start(), m.end(), value, "EUR", "words", has_unit=True,
                               notes=[f"{m.group('coin')!r}: a coin or note of that value"]))
            continue
        parsed = parse_number_word(m.group("n"))
        if parsed is not None:
            unit: Unit = "percent" if m.group("pct") else "count"
            found.append(Found(m.start(), m.end(), parsed, unit, "words", qualifier="approx",
                               has_unit=unit == "percent",
                               notes=["a round number made rough ('-tal')"]))
    return found
