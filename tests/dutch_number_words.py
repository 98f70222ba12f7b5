"""An independent writer of Dutch number words, following the spelling rules, to check the
recogniser's grammar against numbers it was never shown."""

from __future__ import annotations

_UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
          "achttien", "negentien"]
_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
         "negentig"]


def _below_100(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens]
    joiner = "ën" if _UNITS[unit].endswith("e") else "en"
    return _UNITS[unit] + joiner + _TENS[tens]


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    head = "" if hundreds == 0 else ("" if hundreds == 1 else _UNITS[hundreds]) + "honderd"
    return head + _below_100(rest)


def dutch_words(n: int) -> str:
    thousands, rest = divmod(n, 1000)
    head = "" if thousands == 0 else ("" if thousands == 1 else _below_1000(thousands)) + "duizend"
    return head + _below_1000(rest)
