"""Text as the layout steps hand it on: ligatures and odd spaces normalised, footnote markers
split off, the lines of a block joined with line-break hyphenation repaired."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Sequence

import regex

from rapportextract.lang import en
from rapportextract.lang.nl.words import layout_words

# Typographic ligatures and spaces that PDFs carry as single code points.
_CHAR_MAP = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\u2010": "-",
        "\u2011": "-",
    }
)


SOFT_HYPHEN = "\u00ad"


SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


_TRAILING_SUPERSCRIPT = regex.compile(rf"(?<=\S)([{SUPERSCRIPT_DIGITS}]+)$")


_SPACES = regex.compile(r"\s+")
# a dotless i or j under a combining accent: TeX sets "ï" as "ı" with a diaeresis above
_DOTLESS_ACCENTED = regex.compile(r"[\u0131\u0237](?=\p{Mn})")


BULLET = regex.compile(r"^[•·▪◦●○■□◆◇▸‣⁃➢►–—*-](?:\s|$)")
"""A list item's bullet: each item is a block of its own."""


_HYPHEN_END = regex.compile(r"(?<=\w)-$")


_VOWELS = frozenset("aeiouyáéíóúëïöü")


_WORD_PART = regex.compile(r"[^\p{L}]+")


_SOFT_HYPHEN_AT_END = regex.compile(SOFT_HYPHEN + r"+(?=\s|$)")


def normalise_text(text: str) -> str:
    """Ligatures expanded, odd spaces made plain, whitespace collapsed; a soft hyphen that
    ends a word (where the line broke) becomes a visible hyphen, any other one goes; a letter
    followed by a combining accent becomes the accented letter (NFC), a dotless "ı" under an
    accent an "i" with it."""
    text = text.translate(_CHAR_MAP)
    text = _SOFT_HYPHEN_AT_END.sub("-", text).replace(SOFT_HYPHEN, "")
    if regex.search(r"\p{Mn}", text):
        # a letter and its combining accent are one letter where Unicode has it
        # ("naı̈ve" -> "naïve"); the dot of an i gives way to the accent set over it
        text = _DOTLESS_ACCENTED.sub(lambda m: "i" if m.group() == "\u0131" else "j", text)
        text = unicodedata.normalize("NFC", text)
    return str(_SPACES.sub(" ", text)).strip()


def split_superscript_marker(token: str) -> tuple[str, str | None]:
    """"corporatiesector.¹" -> ("corporatiesector.", "1")."""
    match = _TRAILING_SUPERSCRIPT.search(token)
    if not match:
        return token, None
    return token[: match.start()], match.group(1).translate(SUPERSCRIPT_TO_DIGIT)


def strip_glued_markers(text: str, markers: Sequence[str]) -> tuple[str, list[str]]:
    """Remove known footnote numbers glued to a word ("corporatiesector.1" where footnote 1
    exists): the text without them and the markers found, in order."""
    if not markers:
        return text, []
    alternatives = "|".join(regex.escape(m) for m in sorted(markers, key=len, reverse=True))
    pattern = regex.compile(rf"(?<=\p{{L}}{{3}}[.,;:!?)]?)({alternatives})(?=\s|$)")
    found = list(dict.fromkeys(m.group(1) for m in pattern.finditer(text)))
    return (pattern.sub("", text), found) if found else (text, [])


def _keeps_hyphen(left: str, right: str) -> bool:
    """Whether a hyphen at a line break is part of the spelling, not a word break.

    Kept: a capital after it ("Noord-" / "Holland", "WSNP-" / "traject"), a digit on either
    side ("2022-" / "2023"), a letter or abbreviation before it ("e-" / "learning", "pdf-" /
    "bestand", "cao-" / "afspraken": a single letter, a part without a vowel, capitals, or
    one of `layout.toml`'s abbreviations), a word spelled with a hyphen (`hyphenated.toml`,
    from OpenTaal's word list: "cv-" / "ketels", "sociaal-" / "economisch"), a vowel clash
    that Dutch spelling writes with a hyphen ("zee-" / "egel", "auto-" / "ongeluk").
    Joined otherwise: Dutch writes compounds closed, so a hyphen before anything else is where
    the line broke the word ("betalings-" / "achterstand").
    """
    stem = left[:-1]
    if not stem or not right:
        return True
    if right[0].isupper() or right[0].isdigit() or stem[-1].isdigit():
        return True
    if stem.isupper() and len(stem) > 1:
        return True
    first = _WORD_PART.sub("", stem.rsplit("-", 1)[-1].lower())
    rest = _WORD_PART.sub("", right.lower())
    if not first:
        return False
    words = layout_words()
    if len(first) == 1 or not _VOWELS.intersection(first) or first in words.hyphen_abbreviations:
        return True
    attested = words.hyphenated.get(first, frozenset())
    # an entry or an inflected form of one ("cv-ketel" / "cv-ketels")
    if rest in attested or any(len(a) >= 3 and rest.startswith(a) for a in attested):
        return True
    return stem[-1].lower() in _VOWELS and right[0].lower() in _VOWELS


_LETTERS = regex.compile(r"\p{L}+")


def _keeps_english_hyphen(left: str, right: str) -> bool:
    """`_keeps_hyphen` for an English paragraph, where compounds keep their hyphen
    ("source-" / "level", "two-" / "column", "state-of-the-" / "art") and a word broken at
    the line end is rejoined ("vari-" / "able", "pre-" / "empt"): decided with the English
    word list (`lang.en.words`). Kept: a digit on either side, a compound of more parts
    going on, a capital after it ("Indo-" / "Pacific"), a single letter or capitals before it
    ("x-" / "axis", "API-" / "based"), two
    words that are not one; else the halves join, whether they make a known word or a word
    the list lacks ("recompi-" / "lation")."""
    stem = left[:-1]
    if not stem or not right:
        return True
    if right[0].isupper() or right[0].isdigit() or stem[-1].isdigit() or "-" in stem:
        return True
    first_match = _LETTERS.search(stem.lower())
    rest_match = _LETTERS.match(right.lower())
    if first_match is None or rest_match is None:
        return True
    first = _LETTERS.findall(stem.lower())[-1]
    rest = rest_match.group(0)
    known = en.words()
    if first + rest in known:
        return False
    if len(first) == 1 or (stem.isupper() and len(stem) > 1):
        return True
    return first in known and rest in known


def is_english(lines: Sequence[str]) -> bool:
    """Whether the lines read as English: more of English's function words than of Dutch's
    (`lang.en.function_words`, `layout.toml`'s), and at least two."""
    tokens = [t.strip(",.;:()\"'").lower() for line in lines for t in line.split()]
    english = sum(t in en.function_words() for t in tokens)
    dutch = sum(t in layout_words().function_words for t in tokens)
    return english >= 2 and english > dutch


_CLINGING = ",.;:!?()[]{}\"'“”‘’«»"


def _spelled_in(lines: Sequence[str]) -> set[str]:
    """The words of the lines as spelled there (lower case, punctuation around them off),
    the hyphenated halves at line ends left out: how the text spells a word elsewhere."""
    seen: set[str] = set()
    for line in lines:
        tokens = line.split()
        if tokens and tokens[-1].endswith("-"):
            tokens = tokens[:-1]
        seen.update(t.strip(_CLINGING).lower() for t in tokens)
    return seen


def _attested(last: str, first: str, seen: Collection[str]) -> bool | None:
    """Whether the block itself spells the word broken at a line end with its hyphen (True)
    or closed (False) elsewhere ("bytecode" three lines on settles "byte-" / "code");
    None where it does not say."""
    stem = last.strip(_CLINGING).lower()[:-1]
    rest = first.strip(_CLINGING).lower()
    closed, hyphened = f"{stem}{rest}" in seen, f"{stem}-{rest}" in seen
    return None if closed == hyphened else hyphened


_WEB_ADDRESS = regex.compile(r"^(?:https?://|www\.)|/\S*/")
"""A word that is (part of) a web address or a path: it starts like one or has two
slashes ("en/of" has one)."""


def spelled_words(words: Iterable[str]) -> frozenset[str]:
    """How a document spells its words (lower case, punctuation around them off), the
    halves broken at a line end left out: what `join_lines` may look up as `spelled`."""
    return frozenset(t.strip(_CLINGING).lower() for t in words
                     if t and not t.endswith(("-", "\u00ad")))


def join_lines(lines: Sequence[str], spelled: Collection[str] = frozenset()) -> str:
    """Join the lines of one block into running text, repairing line-break hyphenation.

    "huur-" + "achterstand" -> "huurachterstand"; "energie-" + "of budgetcoach" keeps the
    hyphen and the space (a suspended compound); "Noord-" + "Holland" keeps the hyphen.
    English lines are mended by English spelling (`_keeps_english_hyphen`). Where the
    block spells the word elsewhere, with its hyphen or closed, that spelling decides; else
    where the rest of the document does (`spelled`, from `spelled_words`) and says one way.
    """
    words = layout_words()
    english = is_english(lines)
    keeps = _keeps_english_hyphen if english else _keeps_hyphen
    suspended = en.suspended_next() if english else words.suspended_next
    seen = _spelled_in([normalise_text(raw) for raw in lines])
    text = ""
    for raw in lines:
        line = normalise_text(raw)
        if not line:
            continue
        if not text:
            text = line
            continue
        first = line.split(" ", 1)[0]
        if _HYPHEN_END.search(text) and not text.endswith("--"):
            last = text.rsplit(" ", 1)[-1]
            attested = _attested(last, first, seen)
            if attested is None and spelled:
                attested = _attested(last, first, spelled)
            if first.lower().strip(",.;:") in suspended and not (english and "-" in last[:-1]):
                text = f"{text} {line}"
            elif _WEB_ADDRESS.search(last):
                # a web address is never hyphenated at a line break: its hyphen is its own
                text = text + line
            elif attested if attested is not None else keeps(last, first):
                text = text + line
            else:
                text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text
