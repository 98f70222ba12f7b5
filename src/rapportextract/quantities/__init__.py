"""Find every figure in one Dutch sentence: text -> list[Quantity].

The recogniser is a chain of small steps over one sentence:

1. ``masks.masked_spans``: spans that hold digits but no figure (URLs, e-mail addresses,
   phone numbers, dates, year ranges, "Tabel 2.1", "artikel 7:231 BW", set phrases).
2. ``shares``: shares written in words ("7 op de 10", "een derde", "een meerderheid"), with
   a precise figure in brackets folded in ("een derde (34%)" is one quantity, 34).
3. ``numbers.find_numbers``: digits and number words with their scale and unit
   ("€ 164 miljoen", "1,2 miljoen mensen", "30 pct.", "drieduizend"), minus the numbers that
   are years, durations, footnote markers, factors or the article "een"
   (``masks.not_a_figure``).
4. ``changes.qualify`` and ``changes.classify_change``: the words around a figure that
   qualify it ("ruim", "een kleine") or make it a signed change ("een daling van", "minder",
   "met ... gestegen"); ``distant`` the change words far from their figure and the variances
   against a budget ("nadeel € 96.450", "hoger dan begroot"), which have no base period.

Rules where Dutch leaves a choice:

- Digits: the dot groups thousands ("117.000"), the comma is the decimal mark ("1,1"). A dot
  not followed by groups of three ("1.5"), a comma before exactly three digits ("1,250") and
  English grouping ("1,234.5") are read as well as possible and marked ``ambiguous`` with a
  note. Runs of more than 15 digits are identifiers, not figures.
- Years: a bare four-digit integer from 1990 to 2035 (1900 to 2099 after a year preposition
  such as "in", "sinds", "eind") is a year unless a counted noun follows ("3000 huishoudens");
  a unit, a scale word or a change noun before it ("een daling van 2000") also make it a
  figure.
- "een" is the article and never a number on its own; "één" is one only before a counted noun.
- Fractions, ratios and majorities are percentages; unqualified they are ``approx``, a
  majority is ``more_than`` 50. A bracketed percentage right after them (or after a few words
  without digits) replaces their value and makes it exact.
- ``Quantity.text`` covers the figure with the words that make it what it is: its qualifier,
  unit and scale, and the change words around it ("iets meer dan 1.000",
  "een daling van 18.000", "€ 9 miljoen minder", "10 procent gestegen").

Every Dutch word comes from the data files in ``rapportextract/lang/nl``; the patterns are
compiled from them once, on first use (``patterns``); ``recogniser`` chains the steps.
"""

from rapportextract.quantities.found import Form
from rapportextract.quantities.numbers import DigitReading, parse_digits, parse_number_word
from rapportextract.quantities.recogniser import find_quantities

__all__ = ["DigitReading", "Form", "find_quantities", "parse_digits", "parse_number_word"]
